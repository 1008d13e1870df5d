// A table that aligns Chinese text by display width and renders only the visible rows, so a
// move over 100k records costs the same as over 20. Columns are declared much as ink-table's
// (a key, a title, optional widths); their widths follow the cells of the rows on screen and
// the terminal's width, and every line is cut by display width here, never by Ink (whose cut
// inside a Chinese character adds a column and wraps the line).
import React, { memo, useRef } from 'react';
import { Box, Text } from 'ink';
import { displayWidth, fit } from '../../text/width.js';
import { useApp } from '../context.js';

export interface Column {
  key: string;
  title: string;
  /** a fixed width (never cut); otherwise the widest cell on screen, cut when room is short.
   *  'flex' (kept for older declarations) is the same as leaving it out. */
  width?: number | 'flex';
  /** the narrowest it is cut to before a column is dropped (default 6, or its content) */
  minWidth?: number;
  maxWidth?: number;
  align?: 'left' | 'right';
  /** when even the narrowest columns do not fit, the highest `drop` goes first (0: never) */
  drop?: number;
}

export interface TableProps {
  columns: Column[];
  rowCount: number;
  cell: (row: number, key: string) => string;
  selected: number;
  height: number;
  width: number;
  /** false when another panel has the focus: the selection is drawn without inverse */
  focused?: boolean;
  /** which record a row shows: when the selected record moves (others' rows arrive above it)
   *  it stays on the same line of the screen */
  rowKey?: (row: number) => string | undefined;
}

/** Two spaces between columns: `个人客户  现实客户` must not read as one phrase. */
export const GAP = 2;
/** the selection marker and its space */
const LEAD = 2;

/** Widths per column (0: dropped) for the given content widths (the widest cell of each
 *  column, titles included). Content that fits is given its width; when it does not, the
 *  widest columns are cut first, down to a common width, and the room left over goes back to
 *  the columns that were cut. */
export function layoutColumns(columns: Column[], width: number, content: number[]): number[] {
  const natural = columns.map((c, i) => (typeof c.width === 'number' ? c.width : Math.min(c.maxWidth ?? Infinity, Math.max(1, content[i]))));
  const min = columns.map((c, i) => (typeof c.width === 'number' ? c.width : Math.min(natural[i], c.minWidth ?? 6)));
  const on = columns.map(() => true);
  const room = () => width - LEAD - GAP * (on.filter(Boolean).length - 1);
  const sum = (xs: number[]) => xs.reduce((a, x, i) => a + (on[i] ? x : 0), 0);
  // drop columns until the narrowest layout fits: the highest `drop` first, else the rightmost
  while (sum(min) > room()) {
    let victim = -1;
    for (let i = columns.length - 1; i > 0; i--) {
      if (!on[i] || columns[i].drop === 0) continue;
      if (victim < 0 || (columns[i].drop ?? 1) > (columns[victim].drop ?? 1)) victim = i;
    }
    if (victim < 0) break;
    on[victim] = false;
  }
  const avail = room();
  const capped = (cap: number) => natural.map((n, i) => (on[i] ? Math.max(min[i], Math.min(n, cap)) : 0));
  if (sum(natural) <= avail) return natural.map((n, i) => (on[i] ? n : 0));
  // the largest common cap that fits, then the spare columns one by one to the cut columns
  let lo = 0;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sum(capped(mid)) <= avail) lo = mid;
    else hi = mid - 1;
  }
  const w = capped(lo);
  let spare = avail - sum(w);
  for (let i = 0; i < w.length && spare > 0; i++) {
    if (on[i] && w[i] < natural[i]) {
      w[i]++;
      spare--;
    }
  }
  // a layout that cannot fit at all (columns that may not be dropped): cut from the right
  let over = sum(w) - avail;
  for (let i = w.length - 1; i >= 0 && over > 0; i--) {
    const cut = Math.min(over, Math.max(0, w[i] - 1));
    w[i] -= cut;
    over -= cut;
  }
  return w;
}

/** Keeps the selected row inside the window, moving the window as little as possible. */
export function scrollOffset(prev: number, selected: number, height: number, count: number): number {
  let off = Math.min(prev, Math.max(0, count - height));
  if (selected < off) off = selected;
  if (selected >= off + height) off = selected - height + 1;
  return Math.max(0, off);
}

const Row = memo(function Row({ text, selected, focused }: { text: string; selected: boolean; focused: boolean }) {
  return (
    <Text inverse={selected && focused} bold={selected && !focused} wrap="truncate">
      {text}
    </Text>
  );
});

export function Table({ columns, rowCount, cell, selected, height, width, focused = true, rowKey }: TableProps) {
  const { theme } = useApp();
  const offRef = useRef(0);
  const anchor = useRef<{ key?: string; index: number }>({ index: -1 });
  const bodyHeight = Math.max(1, height - 1);
  const key = rowKey?.(selected);
  const moved = key !== undefined && anchor.current.key === key && anchor.current.index !== selected;
  const start = moved ? Math.max(0, offRef.current + selected - anchor.current.index) : offRef.current;
  const off = scrollOffset(start, selected, bodyHeight, rowCount);
  offRef.current = off;
  anchor.current = { key, index: selected };
  const end = Math.min(rowCount, off + bodyHeight);
  const cells: string[][] = [];
  for (let r = off; r < end; r++) cells.push(columns.map((c) => cell(r, c.key)));
  const content = columns.map((c, i) => cells.reduce((m, row) => Math.max(m, displayWidth(row[i])), displayWidth(c.title)));
  const widths = layoutColumns(columns, width, content);
  const line = (texts: string[], marker: string) => {
    const parts: string[] = [];
    for (let i = 0; i < texts.length; i++) if (widths[i] > 0) parts.push(fit(texts[i], widths[i], columns[i].align));
    return fit(`${marker} ${parts.join(' '.repeat(GAP))}`, width);
  };
  const header = line(columns.map((c) => c.title), ' ');
  const rows: React.ReactNode[] = [];
  for (let r = off; r < end; r++) {
    const isSel = r === selected;
    rows.push(<Row key={r - off} text={line(cells[r - off], isSel ? '>' : ' ')} selected={isSel} focused={focused} />);
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold color={theme.accent} wrap="truncate">
        {header}
      </Text>
      {rows}
    </Box>
  );
}
