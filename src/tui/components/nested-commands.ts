// The keys of the nested-record editor, as data: its list of rows, one row being edited, and
// the discard question.
import type { MessageKey } from '../../i18n/index.js';
import type { Command } from '../keys.js';

export interface NestedCtx {
  moveBy: (n: number) => void;
  add: () => void;
  edit: () => void;
  remove: () => void;
  save: () => void;
  cancel: () => void;
  /** why rows cannot be changed (a read-only list or session) */
  locked: () => MessageKey | undefined;
  hasRow: () => boolean;
  /** a list of one sub-record (a hotel stay) takes no second row */
  full: () => boolean;
}

const needsRow = (c: NestedCtx): MessageKey | undefined => c.locked() ?? (c.hasRow() ? undefined : 'keys.noRecord');

export const NESTED_COMMANDS: Command<NestedCtx>[] = [
  { id: 'nested.down', keys: ['down', 'j'], moves: true, description: 'keys.down', footer: { label: 'hint.move', drop: 3 }, run: (c) => c.moveBy(1) },
  { id: 'nested.up', keys: ['up', 'k'], moves: true, description: 'keys.up', footer: { label: 'hint.move', drop: 3 }, run: (c) => c.moveBy(-1) },
  { id: 'nested.add', keys: ['n'], description: 'keys.nestedAdd', footer: { label: 'hint.new' }, unavailable: (c) => c.locked() ?? (c.full() ? 'keys.nestedFull' : undefined), run: (c) => c.add() },
  { id: 'nested.edit', keys: ['e', 'enter'], description: 'keys.nestedEdit', footer: { label: 'hint.edit' }, unavailable: needsRow, run: (c) => c.edit() },
  { id: 'nested.delete', keys: ['d'], description: 'keys.nestedDelete', footer: { label: 'hint.delete' }, unavailable: needsRow, run: (c) => c.remove() },
  { id: 'nested.save', keys: ['ctrl+s'], description: 'keys.nestedSave', footer: { label: 'hint.save' }, unavailable: (c) => c.locked(), run: (c) => c.save() },
  { id: 'nested.cancel', keys: ['esc'], description: 'keys.nestedCancel', footer: { label: 'hint.back' }, run: (c) => c.cancel() },
];

export interface NestedRowCtx {
  moveBy: (n: number) => void;
  /** the part with focus is chosen from a list (a product, a status) */
  choice: () => boolean;
  choose: () => void;
  enter: () => void;
  accept: () => void;
  cancel: () => void;
}

export const NESTED_ROW_COMMANDS: Command<NestedRowCtx>[] = [
  { id: 'nestedRow.next', keys: ['tab', 'down'], description: 'hint.next', footer: { label: 'hint.next', drop: 3 }, run: (c) => c.moveBy(1) },
  { id: 'nestedRow.prev', keys: ['shift+tab', 'up'], description: 'help.prevField', run: (c) => c.moveBy(-1) },
  { id: 'nestedRow.enter', keys: ['enter'], description: 'keys.nestedRowEnter', run: (c) => c.enter() },
  {
    id: 'nestedRow.choose', keys: ['ctrl+o'], description: 'keys.nestedRowChoose', footer: { label: 'hint.choose', drop: 2 },
    unavailable: (c) => (c.choice() ? undefined : 'keys.nestedRowNoChoice'), run: (c) => c.choose(),
  },
  { id: 'nestedRow.accept', keys: ['ctrl+s'], description: 'keys.nestedRowAccept', footer: { label: 'keys.nestedRowDone' }, run: (c) => c.accept() },
  { id: 'nestedRow.cancel', keys: ['esc'], description: 'keys.nestedRowCancel', footer: { label: 'hint.cancel' }, run: (c) => c.cancel() },
];

export interface NestedDiscardCtx {
  discard: () => void;
  keep: () => void;
}

export const NESTED_DISCARD_COMMANDS: Command<NestedDiscardCtx>[] = [
  { id: 'nested.discard', keys: ['y', 'Y'], description: 'keys.discardYes', footer: { label: 'keys.yes' }, run: (c) => c.discard() },
  { id: 'nested.keep', keys: ['n', 'N', 'esc'], description: 'keys.discardNo', footer: { label: 'keys.no' }, run: (c) => c.keep() },
];
