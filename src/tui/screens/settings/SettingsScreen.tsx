// Screen 9, settings (设置): the hotel's departments, employees, roles with their permission
// matrix, the product catalogue, the value lists and the hotel's profile. Each section is a record list (RecordScreen); `[` and `]`
// move between sections. The section keys sit on the global layer on purpose: the list's own
// layer sees keys first, so while a filter or a form takes text, `[` is text, not a switch.
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { Command } from '../../keys.js';
import type { ScreenProps } from '../../screens.js';
import { RecordScreen } from '../records/RecordScreen.js';
import { settingsSections } from './sections.js';
import { displayWidth } from '../../../text/width.js';
import { MatrixEditor } from './MatrixEditor.js';
import type { Perms } from './matrix.js';

interface SettingsCtx {
  step: (by: 1 | -1) => void;
}

export const SETTINGS_COMMANDS: Command<SettingsCtx>[] = [
  { id: 'settings.next', keys: [']'], description: 'settings.nextSection', footer: { label: 'settings.hintSection', drop: 1 }, run: (c) => c.step(1) },
  { id: 'settings.prev', keys: ['['], description: 'settings.prevSection', run: (c) => c.step(-1) },
];

export function SettingsScreen({ active, height, width }: ScreenProps) {
  const { t, theme } = useApp();
  const [section, setSection] = useState(0);
  const [matrix, setMatrix] = useState<{ id: string; name: string; perms: Perms } | null>(null);
  const sections = useMemo(
    () =>
      settingsSections((c) => {
        const r = c.record;
        if (r) setMatrix({ id: r.id, name: String(r.name ?? r.id), perms: structuredClone((r.permissions ?? {}) as Perms) });
      }),
    [],
  );
  useCommands('global', SETTINGS_COMMANDS, { step: (by) => setSection((s) => (s + by + sections.length) % sections.length) }, { active: active && !matrix });
  if (matrix) {
    return <MatrixEditor roleId={matrix.id} roleName={matrix.name} initial={matrix.perms} active={active} height={height} width={width} onDone={() => setMatrix(null)} />;
  }
  const current = sections[section];
  return (
    <Box flexDirection="column" width={width} height={height}>
      {displayWidth(`${t('screen.settings')}  ${sections.map((s) => ` ${t.l(s.title)} `).join('')}  [ ]`) <= width ? (
        <Box>
          <Text bold>{`${t('screen.settings')}  `}</Text>
          {sections.map((s, i) => (
            <Text key={s.name} inverse={i === section} color={i === section ? undefined : theme.muted}>{` ${t.l(s.title)} `}</Text>
          ))}
          <Text color={theme.muted}>{`  [ ]`}</Text>
        </Box>
      ) : (
        // too narrow for every section's name: the current one, where it is, and the keys
        <Text wrap="truncate">
          <Text bold>{`${t('screen.settings')}  `}</Text>
          <Text inverse>{` ${t.l(current.title)} `}</Text>
          <Text color={theme.muted}>{`  ${section + 1}/${sections.length}  [ ]`}</Text>
        </Text>
      )}
      {current.config ? (
        <RecordScreen key={current.name} config={current.config} active={active} height={height - 1} width={width} />
      ) : current.component ? (
        <current.component key={current.name} active={active} height={height - 1} width={width} />
      ) : null}
    </Box>
  );
}
