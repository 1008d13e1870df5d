// Editing a one-line field by grapheme: Backspace after 𠮷 or an emoji removes the whole
// character, and the cursor moves by what the eye sees. Every key costs O(length) at most: a
// 3000-character paste stays as quick to edit as a name.
import { displayWidth, graphemes } from '../text/width.js';

export interface EditState {
  text: string;
  /** cursor position in graphemes */
  cursor: number;
  /** the whole text is selected (a field just reached): the first key typed replaces it, as in
   *  a spreadsheet cell; a cursor move keeps it and edits */
  selected?: boolean;
}

export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'killLine';

export function insertText(s: EditState, typed: string): EditState {
  // pasted line breaks and tabs become spaces; other control characters are dropped
  // eslint-disable-next-line no-control-regex
  const clean = typed.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!clean) return s;
  if (s.selected) return atEnd(clean);
  const g = graphemes(s.text);
  const add = graphemes(clean);
  const cursor = Math.min(s.cursor, g.length);
  // slices and one join: no spread of a long paste into an argument list
  return { text: g.slice(0, cursor).join('') + add.join('') + g.slice(cursor).join(''), cursor: cursor + add.length };
}

export function editKey(s: EditState, k: EditKey): EditState {
  if (s.selected) {
    // erasing a selected text erases all of it; a move keeps the text and edits it
    if (k === 'backspace' || k === 'delete' || k === 'killLine') return { text: '', cursor: 0 };
    s = { text: s.text, cursor: s.cursor };
  }
  const g = graphemes(s.text);
  switch (k) {
    case 'left':
      return { ...s, cursor: Math.max(0, s.cursor - 1) };
    case 'right':
      return { ...s, cursor: Math.min(g.length, s.cursor + 1) };
    case 'home':
      return { ...s, cursor: 0 };
    case 'end':
      return { ...s, cursor: g.length };
    case 'backspace':
      if (s.cursor === 0) return s;
      return { text: g.slice(0, s.cursor - 1).join('') + g.slice(s.cursor).join(''), cursor: s.cursor - 1 };
    case 'delete':
      if (s.cursor >= g.length) return s;
      return { text: g.slice(0, s.cursor).join('') + g.slice(s.cursor + 1).join(''), cursor: s.cursor };
    case 'killLine':
      return { text: g.slice(s.cursor).join(''), cursor: 0 };
  }
}

export const atEnd = (text: string): EditState => ({ text, cursor: graphemes(text).length });

/** A field just reached: its text selected, so typing replaces it (an empty one is just empty). */
export const selectAll = (text: string): EditState => (text ? { ...atEnd(text), selected: true } : atEnd(text));

/** The graphemes a field of `width` columns shows, [start, end), so that the cursor (drawn as
 *  one more column) is in view. Each grapheme is measured once: O(length), where measuring
 *  every candidate window again was quadratic (seconds per key after a long paste). */
export function fieldWindow(g: readonly string[], cursor: number, width: number, widthOf: (s: string) => number = displayWidth): { start: number; end: number } {
  const room = Math.max(1, width - 2);
  let start = cursor;
  let used = 0;
  while (start > 0) {
    const w = widthOf(g[start - 1]);
    if (used + w > room) break;
    used += w;
    start--;
  }
  let end = cursor;
  while (end < g.length) {
    const w = widthOf(g[end]);
    if (used + w > room) break;
    used += w;
    end++;
  }
  return { start, end };
}

interface KeyLike {
  leftArrow: boolean; rightArrow: boolean; home: boolean; end: boolean; backspace: boolean; delete: boolean;
  ctrl: boolean; meta: boolean; return: boolean; escape: boolean; tab: boolean; upArrow: boolean; downArrow: boolean;
  pageUp: boolean; pageDown: boolean;
}

/** Text typed or pasted (not a control key), or undefined. */
export function typedText(input: string, key: KeyLike): string | undefined {
  if (key.leftArrow || key.rightArrow || key.home || key.end || key.backspace || key.delete) return undefined;
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = input.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return clean.trim() ? clean : undefined;
}

/** Applies a key to a field being edited; undefined when the key is not an editing key. */
export function applyEditKey(s: EditState, input: string, key: KeyLike): EditState | undefined {
  if (key.leftArrow) return editKey(s, 'left');
  if (key.rightArrow) return editKey(s, 'right');
  if (key.home || (key.ctrl && input === 'a')) return editKey(s, 'home');
  if (key.end || (key.ctrl && input === 'e')) return editKey(s, 'end');
  // Ink reports the Backspace key (0x7f) as "delete": both erase to the left
  if (key.backspace || key.delete) return editKey(s, 'backspace');
  if (key.ctrl && input === 'd') return editKey(s, 'delete');
  if (key.ctrl && input === 'u') return editKey(s, 'killLine');
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  if (!input) return undefined;
  return insertText(s, input);
}
