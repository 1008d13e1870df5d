// Display width: a Chinese character takes two terminal columns. Padding and truncation go
// by grapheme and by width, never by String.length.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(s: string): number {
  return ASCII.test(s) ? s.length : stringWidth(s);
}

export function graphemes(s: string): string[] {
  if (ASCII.test(s)) return s.split('');
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Cuts to at most `width` columns, ending with an ellipsis mark when cut. */
export function truncate(s: string, width: number, mark = '~'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const room = width - displayWidth(mark);
  let out = '';
  let w = 0;
  for (const g of graphemes(s)) {
    const gw = displayWidth(g);
    if (w + gw > room) break;
    out += g;
    w += gw;
  }
  return out + mark + ' '.repeat(Math.max(0, room - w));
}

/** Exactly `width` columns: truncated or padded with spaces. */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(s, width);
  const gap = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'right' ? gap + cut : cut + gap;
}
