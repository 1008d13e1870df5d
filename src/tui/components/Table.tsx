// A table that aligns Chinese text by display width and renders only the visible rows, so a
// move over 100k records costs the same as over 20.
import React, { memo, useRef } from 'react';
import { Box, Text } from 'ink';
import { fit } from '../../text/width.js';
import { useApp } from '../context.js';

export interface Column {
  key: string;
  title: string;
  /** columns; the flex column takes what is left */
  width: number | 'flex';
  minWidth?: number;
  align?: 'left' | 'right';
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
}

export function layoutColumns(columns: Column[], width: number): number[] {
  const gaps = columns.length - 1;
  const fixed = columns.reduce((a, c) => a + (c.width === 'flex' ? 0 : c.width), 0);
  const flexCount = columns.filter((c) => c.width === 'flex').length;
  const left = Math.max(0, width - 2 - gaps - fixed);
  return columns.map((c) => (c.width === 'flex' ? Math.max(c.minWidth ?? 6, Math.floor(left / Math.max(1, flexCount))) : c.width));
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

export function Table({ columns, rowCount, cell, selected, height, width, focused = true }: TableProps) {
  const { theme } = useApp();
  const offRef = useRef(0);
  const bodyHeight = Math.max(1, height - 1);
  const off = scrollOffset(offRef.current, selected, bodyHeight, rowCount);
  offRef.current = off;
  const widths = layoutColumns(columns, width);
  const line = (cells: string[], marker: string) =>
    marker + ' ' + cells.map((c, i) => fit(c, widths[i], columns[i].align)).join(' ');
  const header = line(columns.map((c) => c.title), ' ');
  const rows: React.ReactNode[] = [];
  const end = Math.min(rowCount, off + bodyHeight);
  for (let r = off; r < end; r++) {
    const isSel = r === selected;
    rows.push(<Row key={r - off} text={line(columns.map((c) => cell(r, c.key)), isSel ? '>' : ' ')} selected={isSel} focused={focused} />);
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
