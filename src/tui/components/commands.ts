// The keys of forms and dialogs, as data: a record's form, the discard question, a picker
// (options of a field, the command palette), the import dialog and the help overlay.
import type { MessageKey } from '../../i18n/index.js';
import type { Command } from '../keys.js';

export interface FormCtx {
  save: () => void;
  cancel: () => void;
  moveBy: (n: number) => void;
  enter: () => void;
  choose: () => void;
  clearChoice: () => void;
  discard: () => void;
  keepEditing: () => void;
  /** the record already holding the natural key typed (a customer's mobile) */
  openExisting: () => void;
  saveAnyway: () => void;
  backToForm: () => void;
}

export const FORM_COMMANDS: Command<FormCtx>[] = [
  { id: 'form.save', keys: ['ctrl+s'], description: 'keys.save', footer: { label: 'hint.save' }, run: (c) => c.save() },
  { id: 'form.cancel', keys: ['esc'], description: 'keys.formCancel', footer: { label: 'hint.cancel' }, run: (c) => c.cancel() },
  { id: 'form.next', keys: ['tab', 'down'], description: 'hint.next', footer: { label: 'hint.next', drop: 3 }, run: (c) => c.moveBy(1) },
  { id: 'form.prev', keys: ['shift+tab', 'up'], description: 'help.prevField', run: (c) => c.moveBy(-1) },
  { id: 'form.pageDown', keys: ['pgdn'], description: 'keys.formPageDown', run: (c) => c.moveBy(8) },
  { id: 'form.pageUp', keys: ['pgup'], description: 'keys.formPageUp', run: (c) => c.moveBy(-8) },
  { id: 'form.enter', keys: ['enter'], description: 'help.formEnter', run: (c) => c.enter() },
];

/** Only on a choice or yes/no field: elsewhere Space and Backspace are text. */
export const FORM_CHOICE_COMMANDS: Command<FormCtx>[] = [
  { id: 'form.choose', keys: ['space'], description: 'keys.formSpace', footer: { label: 'hint.choose', drop: 2 }, run: (c) => c.choose() },
  { id: 'form.clearChoice', keys: ['backspace'], description: 'keys.formClear', run: (c) => c.clearChoice() },
];

export const DISCARD_COMMANDS: Command<FormCtx>[] = [
  { id: 'form.discard', keys: ['y', 'Y'], description: 'keys.discardYes', footer: { label: 'keys.yes' }, run: (c) => c.discard() },
  { id: 'form.keepEditing', keys: ['n', 'N', 'esc'], description: 'keys.discardNo', footer: { label: 'keys.no' }, run: (c) => c.keepEditing() },
];

/** A save found another record with the same natural key: open it, save a second one, or go back. */
export const DUPLICATE_COMMANDS: Command<FormCtx>[] = [
  { id: 'form.openExisting', keys: ['o'], description: 'keys.openExisting', footer: { label: 'hint.openExisting' }, run: (c) => c.openExisting() },
  { id: 'form.saveAnyway', keys: ['s'], description: 'keys.saveAnyway', footer: { label: 'hint.saveAnyway' }, run: (c) => c.saveAnyway() },
  { id: 'form.backToForm', keys: ['esc', 'b'], description: 'keys.backToForm', footer: { label: 'hint.backToForm' }, run: (c) => c.backToForm() },
];

export interface PickerCtx {
  pick: () => void;
  cancel: () => void;
  moveBy: (n: number) => void;
  page: number;
}

export const PICKER_COMMANDS: Command<PickerCtx>[] = [
  { id: 'picker.pick', keys: ['enter'], description: 'keys.pick', footer: { label: 'hint.choose' }, run: (c) => c.pick() },
  { id: 'picker.cancel', keys: ['esc'], description: 'keys.pickCancel', footer: { label: 'hint.cancel' }, run: (c) => c.cancel() },
  { id: 'picker.down', keys: ['down'], description: 'keys.down', footer: { label: 'hint.move', drop: 3 }, run: (c) => c.moveBy(1) },
  { id: 'picker.up', keys: ['up'], description: 'keys.up', footer: { label: 'hint.move', drop: 3 }, run: (c) => c.moveBy(-1) },
  { id: 'picker.pageDown', keys: ['pgdn'], description: 'help.pageDown', run: (c) => c.moveBy(c.page) },
  { id: 'picker.pageUp', keys: ['pgup'], description: 'help.pageUp', run: (c) => c.moveBy(-c.page) },
];

export interface ImportCtx {
  close: () => void;
  preview: () => void;
  /** between the data file and the mapping file */
  nextField: () => void;
  nextPolicy: () => void;
  another: () => void;
  /** the column picked in the preview's mapping, for skipping it */
  pickColumn: (by: number) => void;
  skipColumn: () => void;
  /** the picked column fills the field chosen next (m), or that field too (a: one column to two) */
  mapColumn: (also: boolean) => void;
  nextDateOrder: () => void;
  /** create the referenced records the workspace lacks (--create-missing), or not */
  toggleCreateMissing: () => void;
  /** the entity's rows name a customer (orders, tickets, contacts …) */
  refersToCustomers: () => boolean;
  run: () => void;
  /** why the previewed file cannot be imported (bad rows, a read-only session) */
  refused: () => MessageKey | undefined;
}

export const IMPORT_FILE_COMMANDS: Command<ImportCtx>[] = [
  { id: 'import.preview', keys: ['enter'], description: 'keys.importPreview', footer: { label: 'keys.preview' }, run: (c) => c.preview() },
  { id: 'import.nextField', keys: ['tab'], description: 'keys.importNextField', footer: { label: 'keys.importMappingField' }, run: (c) => c.nextField() },
  { id: 'import.cancel', keys: ['esc'], description: 'keys.importCancel', footer: { label: 'hint.cancel' }, run: (c) => c.close() },
];

export const IMPORT_PREVIEW_COMMANDS: Command<ImportCtx>[] = [
  { id: 'import.run', keys: ['enter'], description: 'keys.importRun', footer: { label: 'keys.import' }, unavailable: (c) => c.refused(), run: (c) => c.run() },
  { id: 'import.duplicates', keys: ['u'], description: 'keys.importDuplicates', footer: { label: 'keys.duplicates' }, run: (c) => c.nextPolicy() },
  { id: 'import.another', keys: ['b'], description: 'keys.importAnother', footer: { label: 'keys.anotherFile' }, run: (c) => c.another() },
  { id: 'import.cancel', keys: ['esc'], description: 'keys.importCancel', footer: { label: 'hint.cancel' }, run: (c) => c.close() },
  // the choices of the CLI's --skip, --map and --date-order, on the preview itself
  // the preview lists these itself (hint), above the footer's
  { id: 'import.prevColumn', keys: ['left'], description: 'keys.importPrevColumn', hint: 'hint.importPickColumn', moves: true, run: (c) => c.pickColumn(-1) },
  { id: 'import.nextColumn', keys: ['right'], description: 'keys.importNextColumn', hint: 'hint.importPickColumn', moves: true, run: (c) => c.pickColumn(1) },
  { id: 'import.skipColumn', keys: ['x'], description: 'keys.importSkipColumn', hint: 'hint.importSkipColumn', run: (c) => c.skipColumn() },
  { id: 'import.mapColumn', keys: ['m'], description: 'keys.importMapColumn', hint: 'hint.importMapColumn', run: (c) => c.mapColumn(false) },
  { id: 'import.alsoColumn', keys: ['a'], description: 'keys.importAlsoColumn', hint: 'hint.importAlsoColumn', run: (c) => c.mapColumn(true) },
  { id: 'import.dateOrder', keys: ['o'], description: 'keys.importDateOrder', hint: 'hint.importDateOrder', run: (c) => c.nextDateOrder() },
  { id: 'import.createMissing', keys: ['c'], description: 'keys.importCreateMissing', hint: 'hint.importCreateMissing', unavailable: (c) => (c.refersToCustomers() ? undefined : 'keys.importNoRefs'), run: (c) => c.toggleCreateMissing() },
];

export interface HelpCtx {
  scrollBy: (n: number) => void;
  page: number;
  close: () => void;
}

export const HELP_COMMANDS: Command<HelpCtx>[] = [
  { id: 'help.down', keys: ['down', 'j'], description: 'keys.scrollDown', footer: { label: 'keys.scroll' }, run: (c) => c.scrollBy(1) },
  { id: 'help.up', keys: ['up', 'k'], description: 'keys.scrollUp', footer: { label: 'keys.scroll' }, run: (c) => c.scrollBy(-1) },
  { id: 'help.pageDown', keys: ['pgdn'], description: 'help.pageDown', run: (c) => c.scrollBy(c.page) },
  { id: 'help.pageUp', keys: ['pgup'], description: 'help.pageUp', run: (c) => c.scrollBy(-c.page) },
  { id: 'help.close', keys: ['esc', '?', 'q', 'enter'], description: 'keys.closeHelp', footer: { label: 'keys.close' }, run: (c) => c.close() },
];

export interface ConflictCtx {
  keepMine: () => void;
  takeTheirs: () => void;
  edit: () => void;
  /** why edit cannot run (several records in one conflict, or mine was a delete) */
  editRefused: () => MessageKey | undefined;
}

/** A save someone else overtook: keep mine, take theirs, or edit with both. */
export const CONFLICT_COMMANDS: Command<ConflictCtx>[] = [
  { id: 'conflict.keepMine', keys: ['k'], description: 'keys.conflictKeepMine', footer: { label: 'hint.keepMine' }, run: (c) => c.keepMine() },
  { id: 'conflict.takeTheirs', keys: ['t'], description: 'keys.conflictTakeTheirs', footer: { label: 'hint.takeTheirs' }, run: (c) => c.takeTheirs() },
  { id: 'conflict.edit', keys: ['e'], description: 'keys.conflictEdit', footer: { label: 'hint.conflictEdit' }, run: (c) => c.edit(), unavailable: (c) => c.editRefused() },
];

/** The record was deleted meanwhile: re-create it with my values, or discard my change. */
export const CONFLICT_DELETED_COMMANDS: Command<ConflictCtx>[] = [
  { id: 'conflict.recreate', keys: ['r'], description: 'keys.conflictRecreate', footer: { label: 'hint.recreate' }, run: (c) => c.keepMine() },
  { id: 'conflict.discard', keys: ['d'], description: 'keys.conflictDiscard', footer: { label: 'hint.discardMine' }, run: (c) => c.takeTheirs() },
];
