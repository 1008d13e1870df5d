// The detail of a record (every attribute, then related and nested records, rows selectable)
// and the delete question.
import type React from 'react';
import { Box, Text } from 'ink';
import { ENTITIES, type EntityName } from '../../../domain/entities.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import { entityLabel } from '../../../i18n/index.js';
import { useApp } from '../../context.js';
import { displayWidth, fit, truncate } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { describe, shortKey } from '../../keys.js';
import type { RecordCommand } from './commands.js';
import type { DetailModel } from './detail-model.js';

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

/** The first line shown: the one asked for, moved so that the selected row is in view. */
export function detailOffset(model: DetailModel, cursor: number, scroll: number, bodyH: number): number {
  const maxScroll = Math.max(0, model.lines.length - bodyH);
  let off = Math.max(0, Math.min(scroll, maxScroll));
  const sel = model.items[cursor - 1];
  if (sel) {
    // the section's title stays in view with its first row
    const first = model.items.findIndex((i) => i.section === sel.section) === cursor - 1;
    const top = first ? Math.max(0, sel.line - 1) : sel.line;
    if (top < off) off = top;
    if (sel.line >= off + bodyH) off = sel.line - bodyH + 1;
  }
  return off;
}

export function Detail({ rec, entity, model, cursor, offset, width, height, commands, footer, note }: {
  rec: EntityRecord; entity: EntityName; model: DetailModel; cursor: number; offset: number; width: number; height: number;
  /** the screen's own commands for this record, listed under it (the footer has no room for them) */
  commands: readonly RecordCommand[];
  footer?: React.ReactNode;
  /** a few words between the title and the name (a ticket's SLA) */
  note?: string;
}) {
  const { t, theme } = useApp();
  const { lines } = model;
  const bodyH = Math.max(1, height - 2);
  const name = sanitizeLine(String(rec[ENTITIES[entity].display] ?? ''));
  const keys = commands.map((c) => `${shortKey(c)} ${describe(c, t)}`).join('  ');
  const where = lines.length > bodyH ? `  [${offset + 1}-${Math.min(lines.length, offset + bodyH)}/${lines.length}]` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {/* cut by display width here, not by Ink (which adds a column inside a Chinese character) */}
        {fit(`${t('detail.title', { entity: entityLabel(t, entity), id: rec.id })}  ${note ? `${note}  ` : ''}${name}`, Math.max(10, width - displayWidth(where)))}
        <Text color={theme.muted}>{where}</Text>
      </Text>
      {lines.slice(offset, offset + bodyH).map((l, i) => {
        const selected = l.item !== undefined && l.item === cursor;
        const text = l.item !== undefined ? `${selected ? '>' : ' '} ${l.text}` : l.text;
        return (
          <Text key={i} bold={l.head || selected} inverse={selected} color={l.head ? theme.accent : l.muted ? theme.muted : undefined} wrap="truncate">
            {fit(text, width) || ' '}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      {footer ?? <Text color={theme.muted} wrap="truncate">{fit(keys, width) || ' '}</Text>}
    </Box>
  );
}
