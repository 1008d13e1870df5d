// The detail of a record (every attribute, then related records) and the delete question.
import type React from 'react';
import { Box, Text } from 'ink';
import { ENTITIES, entityFields, type EntityName } from '../../../domain/entities.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import { entityLabel } from '../../../i18n/index.js';
import { cellText } from '../../../presentation/cells.js';
import { useApp } from '../../context.js';
import { displayWidth, fit, truncate } from '../../../text/width.js';
import { sanitizeLine, sanitizeText } from '../../../text/sanitize.js';
import type { ScreenConfig } from './RecordScreen.js';
import { describe, shortKey } from '../../keys.js';

export function ConfirmLine({ entity, id }: { entity: EntityName; id: string }) {
  const { repo, t, theme, size } = useApp();
  const rec = repo.get(entity, id);
  const name = rec ? sanitizeLine(String(rec[ENTITIES[entity].display] ?? '')) : '';
  const plan = repo.deletePlan(entity, id);
  const cascade = plan.cascade.map((c) => `${c.ids.length} ${entityLabel(t, c.entity)}`).join(t.lang === 'en' ? ', ' : '、');
  const line = (n: string) => t('confirm.delete', { what: `${entityLabel(t, entity)} ${n} (${id})` }) + (cascade ? ` ${t('confirm.deleteCascade', { list: cascade })}` : '');
  // a long name is cut, not the question: (y/N) stays on screen
  const room = size.cols - displayWidth(line(''));
  return (
    <Text color={theme.warn} bold wrap="truncate">
      {fit(line(displayWidth(name) > room ? truncate(name, Math.max(4, room)) : name), size.cols)}
    </Text>
  );
}

export function Detail({ rec, config, width, height, scroll, footer }: {
  rec: EntityRecord; config: ScreenConfig; width: number; height: number; scroll: number; footer?: React.ReactNode;
}) {
  const { repo, t, theme } = useApp();
  const fields = entityFields(config.entity).filter((f) => f.kind !== 'json');
  const twoCols = width >= 76;
  const colW = twoCols ? Math.floor((width - 1) / 2) : width;
  const labelW = Math.min(16, Math.floor(colW * 0.42));
  const cells = fields.map((fi) => {
    const v = fi.kind === 'longtext' ? sanitizeText(String(rec[fi.name] ?? '')).replace(/\n/g, ' / ') : cellText(repo, t, fi, rec);
    return fit(t.l(fi.label), labelW) + ' ' + fit(v, colW - labelW - 1);
  });
  const lines: { text: string; head?: boolean }[] = [];
  if (twoCols) {
    const half = Math.ceil(cells.length / 2);
    for (let i = 0; i < half; i++) lines.push({ text: cells[i] + ' ' + (cells[i + half] ?? '') });
  } else for (const c of cells) lines.push({ text: c });
  for (const s of config.related?.(rec, repo, t) ?? []) {
    lines.push({ text: '' });
    lines.push({ text: s.title, head: true });
    for (const l of s.lines) lines.push({ text: l });
  }
  const bodyH = Math.max(1, height - 2);
  const maxScroll = Math.max(0, lines.length - bodyH);
  const off = Math.min(scroll, maxScroll);
  const name = sanitizeLine(String(rec[ENTITIES[config.entity].display] ?? ''));
  const where = maxScroll > 0 ? `  [${off + 1}-${Math.min(lines.length, off + bodyH)}/${lines.length}]` : '';
  // the screen's own keys for a record, which the footer has no room for (from their declarations)
  const keys = (config.commands ?? [])
    .filter((c) => (c.in ?? ['list', 'detail']).includes('detail'))
    .map((c) => `${shortKey(c)} ${describe(c, t)}`)
    .join('  ');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {/* cut here by display width: Ink's cut inside a Chinese character wraps the line */}
        {fit(`${t('detail.title', { entity: entityLabel(t, config.entity), id: rec.id })}  ${name}`, width - displayWidth(where))}
        <Text color={theme.muted}>{where}</Text>
      </Text>
      {lines.slice(off, off + bodyH).map((l, i) => (
        <Text key={i} bold={l.head} color={l.head ? theme.accent : undefined} wrap="truncate">
          {fit(l.text, width) || ' '}
        </Text>
      ))}
      <Box flexGrow={1} />
      {footer ?? <Text color={theme.muted} wrap="truncate">{fit(keys, width) || ' '}</Text>}
    </Box>
  );
}

