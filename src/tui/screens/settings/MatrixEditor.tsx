// The permission matrix of one role: entity rows x action columns (view … import) and the
// scope of each row. Space turns a cell on or off, s changes the row's scope, Ctrl+S saves
// through the services (which refuse handing out more than the acting employee has).
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { Command } from '../../keys.js';
import { entityLabel, errorText, valueLabelT, type MessageKey } from '../../../i18n/index.js';
import { fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { MATRIX_COLS, MATRIX_ROWS, cycleScope, toggleCell, type Perms } from './matrix.js';

interface MatrixCtx {
  move: (dr: number, dc: number) => void;
  toggle: () => void;
  scope: () => void;
  save: () => void;
  cancel: () => void;
}

export const MATRIX_COMMANDS: Command<MatrixCtx>[] = [
  { id: 'matrix.down', keys: ['down', 'j'], moves: true, description: 'keys.down', footer: { label: 'hint.move', drop: 3 }, run: (c) => c.move(1, 0) },
  { id: 'matrix.up', keys: ['up', 'k'], moves: true, description: 'keys.up', run: (c) => c.move(-1, 0) },
  { id: 'matrix.right', keys: ['right', 'l'], moves: true, description: 'settings.nextColumn', run: (c) => c.move(0, 1) },
  { id: 'matrix.left', keys: ['left', 'h'], moves: true, description: 'settings.prevColumn', run: (c) => c.move(0, -1) },
  { id: 'matrix.toggle', keys: ['space'], description: 'settings.toggle', footer: { label: 'settings.hintToggle' }, run: (c) => c.toggle() },
  { id: 'matrix.scope', keys: ['s'], description: 'settings.scope', footer: { label: 'settings.hintScope' }, run: (c) => c.scope() },
  { id: 'matrix.save', keys: ['ctrl+s'], description: 'keys.save', footer: { label: 'hint.save' }, run: (c) => c.save() },
  { id: 'matrix.cancel', keys: ['esc'], description: 'settings.matrixCancel', footer: { label: 'hint.cancel' }, run: (c) => c.cancel() },
];

export function MatrixEditor({ roleId, roleName, initial, active, height, width, onDone }: {
  roleId: string; roleName: string; initial: Perms; active: boolean; height: number; width: number; onDone: () => void;
}) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [st, setSt] = useState({ perms: initial, row: 0, col: 0 });
  const ctx: MatrixCtx = {
    move: (dr, dc) => setSt((s) => ({ ...s, row: Math.max(0, Math.min(MATRIX_ROWS.length - 1, s.row + dr)), col: Math.max(0, Math.min(MATRIX_COLS.length - 1, s.col + dc)) })),
    toggle: () => setSt((s) => ({ ...s, perms: toggleCell(s.perms, MATRIX_ROWS[s.row], MATRIX_COLS[s.col]) })),
    scope: () => setSt((s) => ({ ...s, perms: cycleScope(s.perms, MATRIX_ROWS[s.row]) })),
    save: () => {
      if (!app.canWrite()) return;
      const r = repo.update('roles', roleId, { permissions: st.perms });
      if (!r.ok) return app.notify(r.errors.map((e) => errorText(t, 'roles', e, repo.ws.valueLists)).join('; '), 'error');
      if (r.changed) app.changed(t('settings.permissionsSaved', { name: sanitizeLine(roleName) }));
      onDone();
    },
    cancel: onDone,
  };
  useCommands('form', MATRIX_COMMANDS, ctx, { active, modal: true });

  const labelW = 16;
  const cellW = 7;
  const visible = Math.max(1, height - 3);
  const top = Math.max(0, Math.min(st.row - visible + 1, MATRIX_ROWS.length - visible));
  const header = fit('', labelW) + MATRIX_COLS.map((a) => fit(t(`perm.action.${a}` as MessageKey), cellW)).join('') + t('settings.scopeColumn');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">{fit(t('settings.matrixTitle', { name: sanitizeLine(roleName), id: roleId }), width)}</Text>
      <Text color={theme.muted} wrap="truncate">{fit(header, width)}</Text>
      {MATRIX_ROWS.slice(top, top + visible).map((entity, i) => {
        const r = top + i;
        const row = st.perms[entity];
        return (
          <Box key={entity}>
            <Text bold={r === st.row}>{fit(entityLabel(t, entity), labelW)}</Text>
            {MATRIX_COLS.map((a, c) => (
              <Text key={a} inverse={r === st.row && c === st.col}>{fit(row?.actions.includes(a) ? '[x]' : '[ ]', cellW)}</Text>
            ))}
            <Text color={row ? undefined : theme.muted}>{row ? valueLabelT(t, repo.ws.valueLists, 'scope', row.scope) : '-'}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
