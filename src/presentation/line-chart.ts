// A line chart of a monthly series (new customers, orders, revenue) drawn by asciichart. This
// module is loaded with import() when a chart is first drawn, never at start (the bundle keeps
// asciichart in a chunk of its own; test/architecture/lazy-charts.test.ts). In plain mode the
// lines are ASCII: asciichart's own glyphs are box-drawing characters, ambiguous-width and two
// columns wide in many Chinese terminals (pitfalls.md).
import { plot } from 'asciichart';
import { displayWidth, fit } from '../text/width.js';

/** asciichart's symbols, in its order: ┼ ┤ ╶ ╴ ─ ╰ ╭ ╮ ╯ │ */
export const ASCII_SYMBOLS = ['+', '|', '-', '-', '-', "'", '.', '.', "'", '|'];

export interface LinePoint {
  /** the x label (a month, YYYY-MM) */
  label: string;
  value: number;
}

export interface LineOpts {
  width: number;
  /** lines in all, the x labels' line included (at least 3) */
  height: number;
  ascii: boolean;
  /** how a value on the y axis is written (ASCII or Chinese; padded here by display width) */
  format: (v: number) => string;
}

/** The chart's lines, each exactly `width` columns; none for an empty series. The months are
 *  spread over the width (the line between two of them is straight); when there are more
 *  months than columns, the latest ones are drawn. */
export function lineChart(points: readonly LinePoint[], o: LineOpts): string[] {
  if (!points.length || o.height < 3) return [];
  const values = points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const labels = [o.format(hi), o.format(lo), o.format((hi + lo) / 2)];
  const LW = Math.max(2, Math.min(12, Math.max(...labels.map(displayWidth))));
  const plotW = Math.max(2, o.width - LW - 1);
  const shown = points.slice(-plotW);
  const n = shown.length;
  // the months spread over the whole plot: month i at column round(i * (cols - 1) / (n - 1))
  const cols = n > 1 ? plotW : 2;
  const at = (i: number) => (n > 1 ? Math.round((i * (cols - 1)) / (n - 1)) : 0);
  const series: number[] = [];
  for (let j = 0; j < cols; j++) {
    const x = n > 1 ? (j * (n - 1)) / (cols - 1) : 0;
    const i = Math.min(n - 2, Math.floor(x));
    series.push(n > 1 ? shown[i].value + (shown[i + 1].value - shown[i].value) * (x - i) : shown[0].value);
  }
  const rows = o.height - 1;
  const text = plot(series, {
    height: Math.max(1, rows - 1),
    offset: 2,
    format: (v) => fit(o.format(v), LW, 'right'),
    ...(o.ascii ? { symbols: ASCII_SYMBOLS } : {}),
  });
  const lines = text.split('\n').slice(0, rows).map((l) => fit(l, o.width));
  return [...lines, fit(xAxis(shown, (i) => LW + at(i), o.width), o.width)];
}

/** The first and the last month under their points, and one between where there is room. */
function xAxis(points: readonly LinePoint[], col: (i: number) => number, width: number): string {
  const cells = Array.from({ length: width }, () => ' ');
  const put = (label: string, at: number) => {
    const start = Math.max(0, Math.min(width - label.length, at));
    for (let i = 0; i < label.length; i++) if (cells[start + i] !== ' ' || (start > 0 && cells[start - 1] !== ' ')) return false;
    for (let i = 0; i < label.length; i++) cells[start + i] = label[i];
    return true;
  };
  const last = points.length - 1;
  put(points[last].label, col(last) - points[last].label.length + 1);
  put(points[0].label, col(0));
  if (last > 1) put(points[Math.floor(last / 2)].label, col(Math.floor(last / 2)) - Math.floor(points[0].label.length / 2));
  return cells.join('');
}
