// Key bindings as data: each command has its keys and a description; the help overlay, the
// footer hints and the handlers all read this one table.
import type { Key } from 'ink';
import type { MessageKey } from '../i18n/index.js';

export interface Binding {
  /** what the help overlay shows as the key */
  keys: string;
  does: MessageKey;
  match: (input: string, key: Key) => boolean;
}

const ch = (...cs: string[]) => (input: string, key: Key) => !key.ctrl && !key.meta && cs.includes(input);

export const GLOBAL_BINDINGS: Binding[] = [
  { keys: '1 2', does: 'help.screens', match: () => false },
  { keys: 'Tab / Shift+Tab', does: 'help.nextScreen', match: (_i, k) => k.tab },
  { keys: ':', does: 'hint.palette', match: ch(':') },
  { keys: '?', does: 'hint.help', match: ch('?') },
  { keys: 'q', does: 'hint.quit', match: ch('q') },
  { keys: 'Ctrl+C', does: 'help.forceQuit', match: (i, k) => k.ctrl && i === 'c' },
];

export const LIST_BINDINGS = {
  up: { keys: 'Up k', does: 'hint.move', match: (i: string, k: Key) => k.upArrow || ch('k')(i, k) },
  down: { keys: 'Down j', does: 'hint.move', match: (i: string, k: Key) => k.downArrow || ch('j')(i, k) },
  first: { keys: 'g', does: 'help.first', match: (i: string, k: Key) => k.home || ch('g')(i, k) },
  last: { keys: 'G', does: 'help.last', match: (i: string, k: Key) => k.end || ch('G')(i, k) },
  pageUp: { keys: 'PgUp', does: 'help.pageUp', match: (_i: string, k: Key) => k.pageUp },
  pageDown: { keys: 'PgDn', does: 'help.pageDown', match: (_i: string, k: Key) => k.pageDown },
  filter: { keys: '/', does: 'hint.filter', match: ch('/') },
  open: { keys: 'Enter', does: 'hint.open', match: (_i: string, k: Key) => k.return },
  create: { keys: 'n', does: 'hint.new', match: ch('n') },
  edit: { keys: 'e', does: 'hint.edit', match: ch('e') },
  remove: { keys: 'd', does: 'hint.delete', match: ch('d') },
  sort: { keys: 's / S', does: 'help.sort', match: ch('s', 'S') },
  back: { keys: 'Esc', does: 'hint.back', match: (_i: string, k: Key) => k.escape },
} satisfies Record<string, Binding>;

export const FORM_BINDINGS: Binding[] = [
  { keys: 'Tab / Down', does: 'hint.next', match: (_i, k) => k.tab || k.downArrow },
  { keys: 'Shift+Tab / Up', does: 'help.prevField', match: (_i, k) => (k.tab && k.shift) || k.upArrow },
  { keys: 'Enter', does: 'help.formEnter', match: (_i, k) => k.return },
  { keys: 'Ctrl+S', does: 'hint.save', match: (i, k) => k.ctrl && i === 's' },
  { keys: 'Esc', does: 'hint.cancel', match: (_i, k) => k.escape },
];

/** Keys that arrive together ("jj" from a fast repeat) are handled one by one. */
export function eachChar(input: string): string[] {
  return input.length > 1 && !input.startsWith('[') ? Array.from(input) : [input];
}
