// A save someone else overtook (a shared hotel): per field the original, mine and theirs now,
// who saved theirs and when; then keep mine, take theirs or edit (a form with both, clashes
// marked). A record deleted meanwhile: re-create it or discard. The choices are the app's
// (useConflict); this draws them and takes their keys.
import { Box, Text } from 'ink';
import { useCommands } from '../hooks/use-keys.js';
import { CONFLICT_COMMANDS, CONFLICT_DELETED_COMMANDS, type ConflictCtx } from './commands.js';
import { entityFields } from '../../domain/entities.js';
import type { EntityRecord } from '../../domain/workspace.js';
import type { ConflictCase, Settling } from '../../services/conflicts.js';
import { entityLabel, type T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import { cellText } from '../../presentation/cells.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { fit } from '../../text/width.js';
import { useApp } from '../context.js';

/** a time from the history as a person reads it, in this machine's zone: the minute, and the
 *  day unless it is today (the title must fit 60 columns) */
export function whenText(at: string | undefined, now = new Date()): string {
  if (!at) return '?';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return sanitizeLine(at);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const today = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  return `${day === today ? '' : `${day} `}${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** one field's value as the list shows it (a stage by its label, an amount with ¥) */
export function valueText(repo: Repo, t: T, c: ConflictCase, field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '-';
  const fi = entityFields(c.entity).find((f) => f.name === field);
  const text = fi && typeof v !== 'object' ? cellText(repo, t, fi, { id: c.id, [field]: v } as EntityRecord) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return sanitizeLine(text) || '-';
}

export function caseTitle(t: T, c: ConflictCase): string {
  const p = { entity: entityLabel(t, c.entity), id: sanitizeLine(c.id), by: sanitizeLine(c.by ?? '?'), at: whenText(c.at) };
  return t(c.kind === 'deleted' ? 'conflict.titleDeleted' : 'conflict.title', p);
}

export function ConflictDialog({ settling, ctx, width, height, error }: { settling: Settling; ctx: ConflictCtx; width: number; height: number; error?: string }) {
  const { repo, t, theme } = useApp();
  const c = settling.cases[0];
  const deleted = settling.cases.every((x) => x.kind === 'deleted');
  useCommands('dialog', deleted ? CONFLICT_DELETED_COMMANDS : CONFLICT_COMMANDS, ctx, { modal: true, other: () => true });
  const labelW = Math.min(14, Math.max(8, Math.floor(width * 0.18)));
  const colW = Math.max(8, Math.floor((width - labelW - 3) / 3));
  const label = (field: string) => {
    const fi = entityFields(c.entity).find((f) => f.name === field);
    return fi ? t.l(fi.label) : field;
  };
  const system = new Set(entityFields(c.entity).filter((f) => f.system).map((f) => f.name));
  // no merge: a record deleted meanwhile (the fields of mine that differ from the original), or
  // mine was a delete (the fields they changed)
  const side = c.mine ?? c.theirs ?? {};
  const rows =
    c.merge?.fields ??
    Object.keys(side)
      .filter((k) => !system.has(k) && k !== 'createdAt' && k !== 'updatedAt' && JSON.stringify(side[k]) !== JSON.stringify(c.original?.[k]))
      .map((field) => ({ field, original: c.original?.[field], mine: c.mine?.[field], theirs: c.theirs?.[field], clash: false }));
  const head = `${fit(' ' + t('conflict.col.field'), labelW)} ${fit(t('conflict.col.original'), colW)} ${fit(t('conflict.col.mine'), colW)} ${fit(t('conflict.col.theirs'), colW)}`;
  const explain = deleted ? t('conflict.explainDeleted') : t('conflict.explain', { version: c.version ?? '?' });
  const bodyH = Math.max(1, height - 6 - (error ? 1 : 0) - (c.mine ? 0 : 1) - (settling.cases.length > 1 ? 1 : 0));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.warn} wrap="truncate">{fit(caseTitle(t, c), width)}</Text>
      {settling.cases.length > 1 ? <Text color={theme.muted} wrap="truncate">{fit(t('conflict.more', { count: settling.cases.length - 1 }), width)}</Text> : null}
      {c.mine ? null : <Text wrap="truncate">{fit(t('conflict.mineDeleted'), width)}</Text>}
      <Text> </Text>
      <Text bold wrap="truncate">{fit(head, width)}</Text>
      {rows.slice(0, bodyH).map((f) => (
        <Text key={f.field} color={f.clash ? theme.warn : undefined} wrap="truncate">
          {fit(`${f.clash ? '!' : ' '}${label(f.field)}`, labelW)} {fit(valueText(repo, t, c, f.field, f.original), colW)} {fit(c.mine ? valueText(repo, t, c, f.field, f.mine) : '-', colW)}{' '}
          {fit(deleted ? '' : valueText(repo, t, c, f.field, f.theirs), colW)}
        </Text>
      ))}
      <Box flexGrow={1} />
      {error ? <Text color={theme.error} wrap="truncate">{fit(error, width)}</Text> : null}
      <Text color={theme.muted} wrap="wrap">{explain}</Text>
    </Box>
  );
}

/** the form of an edit chosen after a conflict: each clash says their value beside the field */
export function clashMarks(repo: Repo, t: T, settling: Settling, clashes: string[]): Record<string, string> {
  const c = settling.cases[0];
  return Object.fromEntries(clashes.map((f) => [f, t('conflict.clashMark', { value: valueText(repo, t, c, f, c.theirs?.[f]) })]));
}
