// Text charts for screen 7 and the reports: horizontal bars and the customer pyramid. Every line
// is exactly `width` columns (measured by display width, so Chinese labels keep the columns
// straight) and drawn with `#` and spaces only: block elements and box-drawing glyphs are
// ambiguous-width, two columns in many Chinese terminals (pitfalls.md).
import { displayWidth, fit } from '../text/width.js';

export interface BarRow {
  label: string;
  /** what the bar's length follows */
  value: number;
  /** the figure printed (a count, an amount) */
  text: string;
  /** a share in percent printed beside it (one decimal) */
  pct?: number;
}

export const pctText = (p: number | undefined) => (p === undefined || !Number.isFinite(p) ? '-' : `${p.toFixed(1)}%`);

/** Bars, longest for the largest value; a row that is not zero has at least one `#`. The
 *  label column takes the widest label up to a third of the width. */
export function barChart(rows: readonly BarRow[], width: number): string[] {
  const LW = Math.max(4, Math.min(Math.floor(width / 3), Math.max(0, ...rows.map((r) => displayWidth(r.label)))));
  const VW = Math.max(1, ...rows.map((r) => displayWidth(r.text)));
  const hasPct = rows.some((r) => r.pct !== undefined);
  const PW = hasPct ? 6 : 0;
  const barW = Math.max(0, width - LW - VW - (hasPct ? PW + 1 : 0) - 3);
  const most = Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => {
    const n = r.value <= 0 || most <= 0 ? 0 : Math.max(1, Math.round((r.value / most) * barW));
    const pct = hasPct ? ` ${fit(r.pct === undefined ? '' : pctText(r.pct), PW, 'right')}` : '';
    return fit(`${fit(r.label, LW)} ${fit(r.text, VW, 'right')}${pct} ${'#'.repeat(n)}`, width);
  });
}

/** A bar of `share` (0..1) of `width` columns, for a cell of a table; at least one `#` when not zero. */
export function shareBar(share: number, width: number): string {
  const n = share > 0 ? Math.max(1, Math.round(Math.min(1, share) * width)) : 0;
  return fit('#'.repeat(n), width);
}

export interface PyramidLayer {
  /** the words on the right of the layer (its name and figures), cut to the room left */
  text: string;
  /** how wide the layer is drawn, 0..1: the top layer the narrowest */
  share: number;
}

/** The pyramid: one line per layer, top first, each layer a centred run of `#` as wide as its
 *  share of the drawing's width (at least one, and never narrower than the layer above), the
 *  words on its right. */
export function pyramidChart(layers: readonly PyramidLayer[], width: number): string[] {
  const PW = Math.max(9, Math.min(41, Math.floor(width * 0.4)) | 1);
  let last = 0;
  return layers.map((l) => {
    // odd widths centre exactly in an odd drawing
    let n = Math.max(1, Math.round(Math.min(1, Math.max(0, l.share)) * PW));
    if (n % 2 === 0) n = Math.min(PW, n + 1);
    n = Math.max(n, last);
    last = n;
    const pad = Math.floor((PW - n) / 2);
    return fit(`${' '.repeat(pad)}${'#'.repeat(n)}${' '.repeat(PW - n - pad)}  ${l.text}`, width);
  });
}
