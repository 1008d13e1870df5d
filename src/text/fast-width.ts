// string-width without the grapheme segmenter for the text a CRM draws. Ink measures every
// output line and every character of every frame; string-width runs Intl.Segmenter on any
// non-ASCII text, so each frame of Chinese names allocated segment objects by the thousand.
// The bundle resolves Ink's `string-width` to this module (scripts/esbuild-options.mjs).
//
// When every code point of a string is one grapheme on its own (no combining or joining
// marks, no emoji, no Hangul jamo, no controls), string-width's answer is the sum of the East
// Asian Width of its code points: that sum is computed here. Anything else goes to the real
// string-width, so widths are the same by construction (test/text/width.test.ts compares them).
import realStringWidth from 'string-width';
import { eastAsianWidth } from 'get-east-asian-width';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x20-\x7e]*$/;
// Latin, general punctuation, CJK (radicals, symbols, kana, ideographs), Hangul syllables,
// CJK compatibility, full-width forms; lone surrogates and astral code points are outside
const PLAIN_BLOCKS = /[^\x20-\x7e\u00a0-\u024f\u2010-\u205e\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]/u;
// inside those blocks: what joins a grapheme, takes no column, or may draw as an emoji
const JOINING = /[\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Extended_Pictographic}]/u;
const NARROW_AMBIGUOUS = { ambiguousAsWide: false };

/** True when every code point is a grapheme of its own whose width East Asian Width gives. */
export function isPlainText(s: string): boolean {
  return !PLAIN_BLOCKS.test(s) && !JOINING.test(s);
}

/** Terminal columns of `s`, exactly as string-width 8 counts them (same signature). */
export default function stringWidth(s: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }): number {
  if (typeof s !== 'string' || s.length === 0) return 0;
  if (ASCII.test(s)) return s.length;
  if (options !== undefined || !isPlainText(s)) return realStringWidth(s, options);
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w += c < 0x7f ? 1 : eastAsianWidth(c, NARROW_AMBIGUOUS);
  }
  return w;
}
