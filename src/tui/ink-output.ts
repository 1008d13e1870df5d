// Ink's frame buffer (its `build/output.js`), rewritten to allocate less; the bundle resolves
// Ink's own import to this module (scripts/esbuild-options.mjs). Ink builds every frame from
// nothing: a fresh cell object for each of width x height cells, every line cut into styled
// characters again (a grapheme segmenter over each line), and three Sets per character when the
// line is turned back into a string. A list move on a 24-line screen allocated about 2 MB, and
// a burst of keys doubled the heap (issue 14). Here cells and unchanged lines are shared between
// frames, and runs of characters of the same style are joined without working out a style
// change. The output is the same string Ink's gives (test/tui/ink-output.test.ts compares them).
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';

type AnsiCode = StyledChar['styles'][number];
type Transformer = (line: string, index: number) => string;
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Write = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] };
type Operation = Write | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/** A cache that forgets everything once it is full: a frame's lines are few, and a screen
 *  switch makes most old ones useless at once. */
class Memo<V> {
  #map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, make: (key: string) => V): V {
    let v = this.#map.get(key);
    if (v === undefined) {
      if (this.#map.size >= this.limit) this.#map.clear();
      v = make(key);
      this.#map.set(key, v);
    }
    return v;
  }
}

// Cached characters are shared by every frame that draws the line: nothing here changes them.
// A frame has a few dozen lines; a list move changes two or three of them.
const charsOf = new Memo<StyledChar[]>(512);
const widthOf = new Memo<number>(8192);
const widestOf = new Memo<number>(2048);
/** the cells of one line of a frame (exported for test/tui/ink-output.test.ts) */
export const styledChars = (line: string): readonly StyledChar[] => charsOf.get(line, charsOfLine);

// One cell object per character and style, shared by every line that shows it. The library's
// own styledCharsFromTokens copies each token with object spread, which gives every cell its
// own hidden class (V8: ~250 bytes of shape per character): the kept lines of a session grew
// the heap by 1 MB every 30 list moves.
const stylesOf = new Memo<AnsiCode[]>(1024);
const cellOf = new Memo<StyledChar>(8192);
function charsOfLine(line: string): StyledChar[] {
  let codes: AnsiCode[] = NO_STYLES;
  let key = '';
  const out: StyledChar[] = [];
  for (const t of tokenize(line)) {
    if (t.type === 'ansi') {
      const next = reduceAnsiCodesIncremental(codes, [t]);
      key = next.map((c) => `${c.code}\u0000${c.endCode}`).join('\u0001');
      codes = next.length ? stylesOf.get(key, () => next) : NO_STYLES;
    } else {
      const styles = codes;
      const { value, fullWidth } = t;
      out.push(cellOf.get(`${fullWidth ? 'w' : 'n'}${key}\u0002${value}`, () => ({ type: 'char', value, fullWidth, styles })));
    }
  }
  return out;
}
const width = (text: string) => widthOf.get(text, stringWidth);
const widest = (text: string) => widestOf.get(text, (t) => Math.max(0, ...t.split('\n').map(width)));

const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES };
/** the empty cell that follows a wide character, one per character */
const fillers = new WeakMap<StyledChar, StyledChar>();
function fillerOf(c: StyledChar): StyledChar {
  let f = fillers.get(c);
  if (!f) fillers.set(c, (f = { type: 'char', value: '', fullWidth: false, styles: c.styles }));
  return f;
}

function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}

/** A row of cells as the terminal string: a style change is written only where the style changes. */
function rowToString(row: readonly (StyledChar | undefined)[]): string {
  let out = '';
  let styles: AnsiCode[] = NO_STYLES;
  for (const c of row) {
    if (c === undefined) continue;
    if (!sameStyles(styles, c.styles)) out += ansiCodesToString(diffAnsiCodes(styles, c.styles));
    out += c.value;
    styles = c.styles;
  }
  if (styles.length) out += ansiCodesToString(diffAnsiCodes(styles, NO_STYLES));
  return out.trimEnd();
}

export default class Output {
  width: number;
  height: number;
  operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (text) this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const rows: (StyledChar | undefined)[][] = [];
    for (let y = 0; y < this.height; y++) rows.push(new Array<StyledChar>(this.width).fill(BLANK));
    const clips: Clip[] = [];
    for (const op of this.operations) {
      if (op.type === 'clip') clips.push(op.clip);
      else if (op.type === 'unclip') clips.pop();
      else draw(rows, op, clips.at(-1));
    }
    return { output: rows.map(rowToString).join('\n'), height: rows.length };
  }
}

function draw(rows: (StyledChar | undefined)[][], op: Write, clip: Clip | undefined): void {
  let { x, y } = op;
  let lines = op.text.split('\n');
  if (clip) {
    const horizontal = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
    const vertical = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
    // wholly outside the clip: nothing of it shows
    if (horizontal && (x + widest(op.text) < clip.x1! || x > clip.x2!)) return;
    if (vertical && (y + lines.length < clip.y1! || y > clip.y2!)) return;
    if (horizontal) {
      const from = x < clip.x1! ? clip.x1! - x : 0;
      lines = lines.map((line) => {
        const w = width(line);
        return sliceAnsi(line, from, x + w > clip.x2! ? clip.x2! - x : w);
      });
      if (x < clip.x1!) x = clip.x1!;
    }
    if (vertical) {
      const from = y < clip.y1! ? clip.y1! - y : 0;
      const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
      lines = lines.slice(from, to);
      if (y < clip.y1!) y = clip.y1!;
    }
  }
  let row = y;
  for (const [index, text] of lines.entries()) {
    const cells = rows[row];
    // outside the frame (a text taller than it, or above it): Ink draws nothing more of it
    if (!cells) continue;
    let line = text;
    for (const t of op.transformers) line = t(line, index);
    let at = x;
    for (const c of styledChars(line)) {
      cells[at] = c;
      const w = Math.max(1, width(c.value));
      for (let i = 1; i < w; i++) cells[at + i] = fillerOf(c);
      at += w;
    }
    row++;
  }
}
