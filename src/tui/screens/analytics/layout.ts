// A tab's table laid out in the width: fixed columns keep their width, the flexible ones share
// what is left, and a column that no longer fits is dropped from the right (its `drop` first).
// Every line is exactly `width` columns, measured by display width.
import { fenToGrouped } from '../../../domain/money.js';
import { displayWidth, fit } from '../../../text/width.js';
import { shareBar, pctText } from '../../../presentation/charts.js';

export interface Col {
  title: string;
  /** columns; 'flex' shares the room left (at least `min`) */
  width: number | 'flex';
  min?: number;
  align?: 'left' | 'right';
  /** higher goes first when the width is short; 0 never */
  drop?: number;
  /** a bar cell: the cell is a share 0..1 drawn as `#` in the column's width */
  bar?: boolean;
}

const GAP = 2;

export function tableLines(given: readonly Col[], rows: readonly (string | number)[][], width: number): { header: string; rows: string[] } {
  // a fixed column is at least as wide as its title (收入占比 is eight columns)
  const cols = given.map((c) => (typeof c.width === 'number' && !c.bar ? { ...c, width: Math.max(c.width, displayWidth(c.title)) } : c));
  const on = cols.map(() => true);
  const need = () => cols.reduce((a, c, i) => a + (on[i] ? (c.width === 'flex' ? (c.min ?? 4) : c.width) + GAP : 0), -GAP);
  while (need() > width) {
    let victim = -1;
    cols.forEach((c, i) => {
      if (on[i] && c.drop !== 0 && (victim < 0 || (c.drop ?? 1) >= (cols[victim].drop ?? 1))) victim = i;
    });
    if (victim < 0) break;
    on[victim] = false;
  }
  const fixed = cols.reduce((a, c, i) => a + (on[i] ? (c.width === 'flex' ? 0 : c.width) + GAP : 0), -GAP);
  const flex = cols.filter((c, i) => on[i] && c.width === 'flex');
  const share = flex.length ? Math.max(0, Math.floor((width - fixed - GAP * flex.length) / flex.length)) : 0;
  const widths = cols.map((c, i) => (!on[i] ? 0 : c.width === 'flex' ? Math.max(c.min ?? 4, share) : c.width));
  const line = (cells: (string | number)[], head: boolean) =>
    fit(
      cols
        .map((c, i) => {
          if (!on[i]) return undefined;
          const v = cells[i];
          if (c.bar && !head) return shareBar(Number(v) || 0, widths[i]);
          return fit(String(v ?? ''), widths[i], c.align);
        })
        .filter((x) => x !== undefined)
        .join(' '.repeat(GAP)),
      width,
    );
  return { header: line(cols.map((c) => c.title), true), rows: rows.map((r) => line(r, false)) };
}

/** ¥12,345 (whole yuan) from fen. */
export const money = (fen: number) => `¥${fenToGrouped(fen, { whole: true })}`;
export const pct = (p: number | null | undefined) => (p === null || p === undefined ? '-' : pctText(p));
