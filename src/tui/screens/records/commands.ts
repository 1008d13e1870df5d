// The keys of every record screen, as data: the list, the filter being typed, a record's
// detail, and the delete question. A screen adds its own (customers: t, c, a).
import type { EntityRecord } from '../../../domain/workspace.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { AppServices } from '../../context.js';
import type { Command } from '../../keys.js';
import type { Mode, ScreenConfig } from './RecordScreen.js';
import type { DetailTarget } from './detail-model.js';

/** What a record screen's commands act on, as the user sees it now. */
export interface RecordCtx {
  app: AppServices;
  config: ScreenConfig;
  /** the record of this screen's entity the keys act on: the selected row, or the record shown */
  record?: EntityRecord;
  /** what e, d and Enter act on: the selected row of the list or of a detail, or the record shown */
  target?: DetailTarget;
  /** a detail: a row below the attributes is selected */
  rowSelected?: boolean;
  /** where a form or a picker opened now returns to */
  back: Mode;
  setMode: (m: Mode) => void;
  /** moves the selection (list) or scrolls (detail) */
  moveBy: (n: number) => void;
  moveToEnd: (end: 'first' | 'last') => void;
  page: number;
  startFilter: () => void;
  keepFilter: () => void;
  clearFilter: () => void;
  /** Enter: a record's detail, or the nested-record editor */
  open: () => void;
  /** a detail: to the first row of the next (or previous) section */
  section: (by: 1 | -1) => void;
  /** a detail: back to where it was opened from */
  goBack: () => void;
  /** e: the form of the target (or the nested editor of its list) */
  edit: () => void;
  sort: (reverse: boolean) => void;
  startDelete: () => void;
  confirmDelete: () => void;
  cancelDelete: () => void;
  /** the next of the screen's views of its list (config.views) */
  nextView: () => void;
  /** a form for a record of this screen's entity (new when no id) */
  form: (id?: string) => void;
}

export type RecordCommand = Command<RecordCtx> & {
  /** where a screen's own command applies (default: the list and a record's detail) */
  in?: ('list' | 'detail')[];
};

export const needsWrite = (c: RecordCtx): MessageKey | undefined => c.app.cannotWrite();
export const needsRecord = (c: RecordCtx): MessageKey | undefined => (c.record ? undefined : 'keys.noRecord');
export const needsBoth = (c: RecordCtx) => needsWrite(c) ?? needsRecord(c);
const needsTarget = (c: RecordCtx): MessageKey | undefined => (c.target ? undefined : 'keys.noRecord');
/** a row of a nested list is removed in its editor, where the change can still be cancelled */
const deletable = (c: RecordCtx): MessageKey | undefined => needsWrite(c) ?? needsTarget(c) ?? (c.target?.kind === 'nested' ? 'keys.nestedDeleteInEditor' : undefined);

const NEW: RecordCommand = { id: 'record.new', keys: ['n'], description: 'keys.new', footer: { label: 'hint.new' }, unavailable: needsWrite, run: (c) => c.form() };
const EDIT: RecordCommand = { id: 'record.edit', keys: ['e'], description: 'keys.edit', footer: { label: 'hint.edit' }, unavailable: (c) => needsWrite(c) ?? needsTarget(c), run: (c) => c.edit() };
const DELETE: RecordCommand = { id: 'record.delete', keys: ['d'], description: 'keys.delete', footer: { label: 'hint.delete' }, unavailable: deletable, run: (c) => c.startDelete() };

export const LIST_COMMANDS: RecordCommand[] = [
  { id: 'list.down', keys: ['down', 'j'], moves: true, description: 'keys.down', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(1) },
  { id: 'list.up', keys: ['up', 'k'], moves: true, description: 'keys.up', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(-1) },
  { id: 'list.first', keys: ['g', 'home'], moves: true, description: 'help.first', run: (c) => c.moveToEnd('first') },
  { id: 'list.last', keys: ['G', 'end'], moves: true, description: 'help.last', run: (c) => c.moveToEnd('last') },
  { id: 'list.pageUp', keys: ['pgup'], moves: true, description: 'help.pageUp', run: (c) => c.moveBy(-c.page) },
  { id: 'list.pageDown', keys: ['pgdn'], moves: true, description: 'help.pageDown', run: (c) => c.moveBy(c.page) },
  { id: 'list.open', keys: ['enter'], description: 'keys.open', footer: { label: 'hint.open', drop: 3 }, unavailable: needsRecord, run: (c) => c.open() },
  { id: 'list.filter', keys: ['/'], description: 'keys.filter', footer: { label: 'hint.filter' }, run: (c) => c.startFilter() },
  NEW,
  EDIT,
  DELETE,
  { id: 'list.sort', keys: ['s'], description: 'keys.sort', run: (c) => c.sort(false) },
  { id: 'list.reverse', keys: ['S'], description: 'keys.reverse', run: (c) => c.sort(true) },
  { id: 'list.clearFilter', keys: ['esc'], description: 'keys.clearFilter', run: (c) => c.clearFilter() },
];

/** While a filter is typed, letters are text: only these keys are commands. */
export const FILTER_COMMANDS: RecordCommand[] = [
  { id: 'filter.keep', keys: ['enter'], description: 'keys.filterKeep', footer: { label: 'keys.keep' }, run: (c) => c.keepFilter() },
  { id: 'filter.clear', keys: ['esc'], description: 'keys.filterClear', footer: { label: 'keys.clear' }, run: (c) => c.clearFilter() },
  { id: 'filter.down', keys: ['down'], description: 'keys.down', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(1) },
  { id: 'filter.up', keys: ['up'], description: 'keys.up', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(-1) },
  { id: 'filter.pageDown', keys: ['pgdn'], description: 'help.pageDown', run: (c) => c.moveBy(c.page) },
  { id: 'filter.pageUp', keys: ['pgup'], description: 'help.pageUp', run: (c) => c.moveBy(-c.page) },
];

/** A record's detail: j/k scroll the attributes and then select the related and nested rows
 *  below them; Tab jumps between those lists; e, d and Enter act on the row selected. */
export const DETAIL_COMMANDS: RecordCommand[] = [
  { id: 'detail.back', keys: ['esc'], description: 'keys.back', footer: { label: 'hint.back' }, run: (c) => c.goBack() },
  { id: 'detail.down', keys: ['down', 'j'], moves: true, description: 'keys.detailDown', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(1) },
  { id: 'detail.up', keys: ['up', 'k'], moves: true, description: 'keys.detailUp', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.moveBy(-1) },
  { id: 'detail.nextSection', keys: ['tab'], moves: true, description: 'keys.nextSection', footer: { label: 'hint.section', drop: 3 }, run: (c) => c.section(1) },
  { id: 'detail.prevSection', keys: ['shift+tab'], moves: true, description: 'keys.prevSection', run: (c) => c.section(-1) },
  { id: 'detail.pageDown', keys: ['pgdn'], moves: true, description: 'help.pageDown', run: (c) => c.moveBy(c.page) },
  { id: 'detail.pageUp', keys: ['pgup'], moves: true, description: 'help.pageUp', run: (c) => c.moveBy(-c.page) },
  {
    id: 'detail.open', keys: ['enter'], description: 'keys.openSelected', footer: { label: 'hint.open' },
    unavailable: (c) => (c.rowSelected ? undefined : 'keys.noRowSelected'),
    run: (c) => c.open(),
  },
  EDIT,
  DELETE,
];

/** The delete question: y deletes, any other key keeps the record. */
export const CONFIRM_COMMANDS: RecordCommand[] = [
  { id: 'confirm.yes', keys: ['y', 'Y'], description: 'keys.confirmYes', footer: { label: 'keys.yes' }, run: (c) => c.confirmDelete() },
  { id: 'confirm.no', keys: ['n', 'N', 'esc'], description: 'keys.confirmNo', footer: { label: 'keys.no' }, run: (c) => c.cancelDelete() },
];

/** Every command a record screen declares, for the help overlay, the palette and the README. */
export function recordBindings(config: ScreenConfig): RecordCommand[] {
  return [...LIST_COMMANDS, ...(config.commands ?? [])];
}
