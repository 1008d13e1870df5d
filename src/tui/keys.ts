// Keys as commands. A command is declared once: its id, its keys, what it does, and why it
// cannot run now. The dispatcher, the footer, the help overlay, the palette and the README's
// key table all read these declarations; nothing compares raw keys beside them.
import type { Key } from 'ink';
import type { MessageKey, T } from '../i18n/index.js';

/**
 * A key as commands name it: a printable character ('j', 'G', ':'), or one of
 * up down left right pgup pgdn home end enter esc tab shift+tab space backspace, or ctrl+x.
 */
export type KeyName = string;

export interface Command<C = never> {
  /** stable name: tests press keys by it ('list.down', 'app.quit', 'customers.stage') */
  id: string;
  /** the keys that run it, the first one being the one to show; none: only from the palette */
  keys: KeyName[];
  /** what it does (help, palette, README); a command without one is left out of them */
  description?: MessageKey;
  /** a description that needs parameters (a screen's name) */
  label?: (t: T) => string;
  /** shown in the footer with this short label; the lowest `drop` goes first when space is short */
  footer?: { label: MessageKey; drop?: number };
  /** a short label where a dialog lists its own keys beside the footer (the import preview's
   *  column choices); commands with the same label share it (Left/Right pick a column) */
  hint?: MessageKey;
  /** moves the cursor or scrolls: the palette lists these after the actions */
  moves?: boolean;
  run: (ctx: C) => void;
  /** why it cannot run now (a read-only session, no record selected, a permission the acting
   *  employee lacks), or undefined */
  unavailable?: (ctx: C) => Why | undefined;
}

/** Why a command cannot run: a message, or words made when shown (the missing permission). */
export type Why = MessageKey | { say: (t: T) => string };
export const whyText = (t: T, why: Why): string => (typeof why === 'string' ? t(why) : why.say(t));

// the dispatcher and the documents handle commands of every context alike
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

/** The name of a key as Ink reports it; `input` is one character or one sequence. */
export function keyNameOf(input: string, key: Key): KeyName {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Ink reports the Backspace key (0x7f) as "delete"
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input.toLowerCase()}`;
  if (key.meta) return `meta+${input}`;
  if (input === ' ') return 'space';
  return input;
}

const LABELS: Record<string, string> = {
  up: 'Up', down: 'Down', left: 'Left', right: 'Right', pgup: 'PgUp', pgdn: 'PgDn', home: 'Home', end: 'End',
  enter: 'Enter', esc: 'Esc', tab: 'Tab', 'shift+tab': 'Shift+Tab', space: 'Space', backspace: 'Backspace',
};

/** How a key is written on screen and in the README ('ctrl+s' is Ctrl+S). */
export function keyLabel(k: KeyName): string {
  if (LABELS[k]) return LABELS[k];
  if (k.startsWith('ctrl+')) return `Ctrl+${k.slice(5).toUpperCase()}`;
  return k;
}

/** All keys of a command, as the help overlay shows them. */
export const keysLabel = (c: AnyCommand) => c.keys.map(keyLabel).join(' ');

/** The shortest of a command's keys, as the footer shows it (`j` rather than `Down`). */
export const shortKey = (c: AnyCommand) =>
  c.keys.map(keyLabel).reduce((a, b) => (b.length < a.length ? b : a), keyLabel(c.keys[0] ?? ''));

export const describe = (c: AnyCommand, t: T): string => (c.label ? c.label(t) : c.description ? t(c.description) : '');

/** Keys that arrive together ("jj" from a fast repeat) are handled one by one. */
export function eachChar(input: string): string[] {
  return input.length > 1 && !input.startsWith('[') ? Array.from(input) : [input];
}

/** The command of a list bound to a key. */
export const bound = (commands: readonly AnyCommand[], name: KeyName) => commands.find((c) => c.keys.includes(name));

/** Marks a read as pasted text (bracketed paste): a private-use character no keyboard sends.
 *  A paste goes to the field that has focus as text, never to commands. */
export const PASTE = '\u{E000}';
