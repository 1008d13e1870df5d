// Display width: a Chinese character takes two terminal columns. Padding and truncation go
// by grapheme and by width, never by String.length.
import stringWidth from './fast-width.js';
import { sanitizeLine } from './sanitize.js';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x20-\x7e]*$/;
// marks that join code points into one grapheme: combining marks, ZWJ, variation selectors, skin tones
const JOINERS = /[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0100}-\u{e01ef}]|[\u{1f1e6}-\u{1f1ff}]/u;
let segmenter: Intl.Segmenter | undefined;

export function displayWidth(s: string): number {
  return ASCII.test(s) ? s.length : stringWidth(s);
}

/** Graphemes; the Segmenter (slow to create) is used only for text that needs it. */
export function graphemes(s: string): string[] {
  if (ASCII.test(s)) return s.split('');
  if (!JOINERS.test(s)) return Array.from(s);
  segmenter ??= new Intl.Segmenter();
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

// anything that is not plain printable text: worth the sanitiser's full pass
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Exactly `width` columns: truncated or padded with spaces. Every line the screens draw goes
 *  through here, so this is where text from files, flags and other processes loses its
 *  control sequences (an OSC 52 in a CSV cell must not reach the clipboard). */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  let cut = truncate(UNSAFE.test(s) ? sanitizeLine(s) : s, width);
  // a cut that ends short of the width (a Chinese character did not fit) pads on the aligned side
  if (align === 'right' && cut.endsWith(' ')) cut = cut.trimEnd();
  const gap = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'right' ? gap + cut : cut + gap;
}

/** Lines of at most `width` columns: broken at spaces where there are some, else between any
 *  two characters (Chinese text has no spaces); never inside a grapheme. */
export function wrapText(s: string, width: number): string[] {
  if (width <= 0) return [];
  const out: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    let lastSpace = -1;
    for (const g of graphemes(para)) {
      const gw = displayWidth(g);
      if (w + gw > width) {
        if (g === ' ') {
          out.push(line);
          line = '';
          w = 0;
          lastSpace = -1;
          continue;
        }
        // a space far back (Chinese text with a code in it) would leave a short line: cut here
        if (lastSpace > 0 && displayWidth(line.slice(0, lastSpace)) >= width / 2) {
          out.push(line.slice(0, lastSpace));
          line = line.slice(lastSpace + 1);
          w = displayWidth(line);
        } else {
          out.push(line);
          line = '';
          w = 0;
        }
        lastSpace = -1;
      }
      if (g === ' ') lastSpace = line.length;
      line += g;
      w += gw;
    }
    out.push(line);
  }
  return out.map((l) => l.trimEnd());
}

// typographic marks of the presentation texts that are East Asian Ambiguous (two columns in many
// Chinese terminals), and their ASCII in plain mode
const AMBIGUOUS_MARKS: Record<string, string> = { '·': '-', '•': '*', '…': '~', '→': '->', '←': '<-', '×': 'x', '›': '>', '‹': '<', '—': '-', '–': '-', '“': '"', '”': '"', '‘': "'", '’': "'", '°': 'o' };
const MARKS = new RegExp(`[${Object.keys(AMBIGUOUS_MARKS).join('')}]`, 'g');

/** The line with those marks in ASCII (plain mode: --ascii, HOTEL_CRM_ASCII=1, the setting). */
export const plainMarks = (s: string): string => (MARKS.test(s) ? ((MARKS.lastIndex = 0), s.replace(MARKS, (m) => AMBIGUOUS_MARKS[m])) : s);
