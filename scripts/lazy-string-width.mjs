// string-width with its costly tables built on first use (used by esbuild-options.mjs).
// Its module made a grapheme segmenter (ICU's break iterator: 10-40 ms) and parsed
// /^\p{RGI_Emoji}$/v (V8 expands the emoji sequences: 50-90 ms) when it was evaluated, so every
// `hotel-crm list …` and every app start paid them, though plain Chinese and Latin text never
// reaches them (src/text/fast-width.ts). Each becomes an object with the one method the module
// calls, creating the real one the first time it is called.
const SEGMENTER = ['const segmenter = new Intl.Segmenter();', 'let segmenter$; const segmenter = { segment: (s) => (segmenter$ ??= new Intl.Segmenter()).segment(s) };'];
const RGI_EMOJI = ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiEmojiRegex$; const rgiEmojiRegex = { test: (s) => (rgiEmojiRegex$ ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };"];

/** the module's source with those tables lazy; throws when the source is not the one expected.
 *  Every copy in the tree is done (8 for Ink and fast-width.ts, 7 for yargs' cliui and wrap-ansi:
 *  those make only the segmenter). */
export function lazyStringWidth(source, file = 'string-width') {
  let out = source;
  for (const [from, to] of source.includes('rgiEmojiRegex') ? [SEGMENTER, RGI_EMOJI] : [SEGMENTER]) {
    if (out.split(from).length !== 2) throw new Error(`${file}: expected exactly one \`${from}\` (string-width changed: update scripts/lazy-string-width.mjs)`);
    out = out.replace(from, () => to);
  }
  // the names are used only as `segmenter.segment(…)` and `rgiEmojiRegex.test(…)`
  for (const [name, method] of [['segmenter', '.segment'], ['rgiEmojiRegex', '.test']]) {
    const uses = [...out.matchAll(new RegExp(`\\b${name}\\b(?!\\$)(\\.\\w+)?`, 'g'))].map((m) => m[1] ?? '');
    if (uses.some((u) => u !== '' && u !== method)) throw new Error(`${file}: ${name} is used other than as ${name}${method} (update scripts/lazy-string-width.mjs)`);
  }
  return out;
}
