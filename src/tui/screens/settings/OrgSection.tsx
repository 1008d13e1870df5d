// Settings: the hotel's profile (酒店信息): its names in both languages, address, phone, star
// rating and currency. e edits them in a small form; only an administrator may save.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useApp, type AppServices } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { Command, Why } from '../../keys.js';
import { ORG_FIELDS } from '../../../domain/org.js';
import { errorMessage, type MessageKey } from '../../../i18n/index.js';
import { fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { FieldsForm } from './FieldsForm.js';

interface OrgCtx {
  app: AppServices;
  edit: () => void;
}

/** Why the acting employee may not change the hotel's settings (a read-only session, not an administrator). */
export function settingsRefused(app: AppServices): Why | undefined {
  const ro = app.cannotWrite();
  if (ro) return ro;
  const denied = app.repo.refusedSettings();
  return denied ? { say: (t) => errorMessage(t, denied) } : undefined;
}

export const ORG_COMMANDS: Command<OrgCtx>[] = [
  { id: 'org.edit', keys: ['e', 'enter'], description: 'settings.orgEdit', footer: { label: 'settings.hintOrgEdit' }, unavailable: (c) => settingsRefused(c.app), run: (c) => c.edit() },
];

export function OrgSection({ active, width, height }: { active: boolean; width: number; height: number }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [editing, setEditing] = useState(false);
  useCommands('screen', ORG_COMMANDS, { app, edit: () => setEditing(true) }, { active: active && !editing });
  const o = repo.ws.organisation as Record<string, unknown>;
  const label = (k: string) => t(`org.${k}` as MessageKey);
  if (editing) {
    return (
      <FieldsForm
        title={t('settings.orgTitle')}
        lines={ORG_FIELDS.map((k) => ({ name: k, label: label(k), value: String(o[k] ?? '') }))}
        active={active}
        width={width}
        height={height}
        onCancel={() => setEditing(false)}
        onSave={(texts) => {
          const stars = texts.stars.trim();
          if (!/^[0-5]$/.test(stars)) return t('org.badStars', { value: sanitizeLine(stars) });
          const r = repo.setOrganisation({ ...texts, stars: Number(stars), currency: texts.currency.trim().toUpperCase() });
          if (!r.ok) return r.errors.map((e) => (e.field ? `${label(e.field)}: ` : '') + errorMessage(t, e)).join('; ');
          if (r.changed) app.changed(t('settings.orgSaved'));
          setEditing(false);
          return undefined;
        }}
      />
    );
  }
  const labelW = Math.min(24, Math.max(...ORG_FIELDS.map((k) => label(k).length)) + 2);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">{fit(t('settings.orgTitle'), width)}</Text>
      {ORG_FIELDS.map((k) => (
        <Box key={k}>
          <Text color={theme.muted}>{fit(label(k), labelW)}</Text>
          <Text wrap="truncate">{sanitizeLine(String(o[k] ?? ''))}</Text>
        </Box>
      ))}
    </Box>
  );
}
