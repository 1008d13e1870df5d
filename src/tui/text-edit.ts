// Editing a one-line field by grapheme: Backspace after 𠮷 or an emoji removes the whole
// character, and the cursor moves by what the eye sees.
import { graphemes } from '../text/width.js';

export interface EditState {
  text: string;
  /** cursor position in graphemes */
  cursor: number;
}

export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'killLine';

export function insertText(s: EditState, typed: string): EditState {
  // pasted line breaks and tabs become spaces; other control characters are dropped
  // eslint-disable-next-line no-control-regex
  const clean = typed.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!clean) return s;
  const g = graphemes(s.text);
  const add = graphemes(clean);
  g.splice(s.cursor, 0, ...add);
  return { text: g.join(''), cursor: s.cursor + add.length };
}

export function editKey(s: EditState, k: EditKey): EditState {
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
      g.splice(s.cursor - 1, 1);
      return { text: g.join(''), cursor: s.cursor - 1 };
    case 'delete':
      if (s.cursor >= g.length) return s;
      g.splice(s.cursor, 1);
      return { text: g.join(''), cursor: s.cursor };
    case 'killLine':
      return { text: g.slice(s.cursor).join(''), cursor: 0 };
  }
}

export const atEnd = (text: string): EditState => ({ text, cursor: graphemes(text).length });

interface KeyLike {
  leftArrow: boolean; rightArrow: boolean; home: boolean; end: boolean; backspace: boolean; delete: boolean;
  ctrl: boolean; meta: boolean; return: boolean; escape: boolean; tab: boolean; upArrow: boolean; downArrow: boolean;
  pageUp: boolean; pageDown: boolean;
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
