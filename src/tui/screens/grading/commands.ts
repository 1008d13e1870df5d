// The keys of screen 8 (实训评分), as data: the folder of submissions (asked, or --grade DIR),
// the gradebook's rows, a student's checks (Enter), the gradebook exported as CSV (e). Grading
// is the administrator's (the instructor's own workspace): for anyone else every action says why.
import type { MessageKey } from '../../../i18n/index.js';
import type { Command } from '../../keys.js';

export interface GradingCtx {
  /** why grading is not for the acting employee, or undefined */
  refused: () => MessageKey | undefined;
  /** a gradebook is shown (not asking, not grading) */
  graded: boolean;
  grading: boolean;
  students: number;
  move: (by: number) => void;
  open: () => void;
  folder: () => void;
  regrade: () => void;
  exportCsv: () => void;
}

const needsBook = (c: GradingCtx): MessageKey | undefined => c.refused() ?? (c.grading ? 'grading.busy' : c.graded ? undefined : 'grading.noBook');
const needsStudent = (c: GradingCtx): MessageKey | undefined => needsBook(c) ?? (c.students ? undefined : 'grading.noStudents');

export const GRADING_COMMANDS: Command<GradingCtx>[] = [
  { id: 'grading.down', keys: ['down', 'j'], moves: true, description: 'help.gradingDown', footer: { label: 'hint.move', drop: 1 }, unavailable: needsStudent, run: (c) => c.move(1) },
  { id: 'grading.up', keys: ['up', 'k'], moves: true, description: 'help.gradingUp', footer: { label: 'hint.move', drop: 1 }, unavailable: needsStudent, run: (c) => c.move(-1) },
  { id: 'grading.first', keys: ['g', 'home'], moves: true, description: 'help.first', unavailable: needsStudent, run: (c) => c.move(-Infinity) },
  { id: 'grading.last', keys: ['G', 'end'], moves: true, description: 'help.last', unavailable: needsStudent, run: (c) => c.move(Infinity) },
  { id: 'grading.pgdn', keys: ['pgdn'], moves: true, description: 'help.gradingPage', unavailable: needsStudent, run: (c) => c.move(10) },
  { id: 'grading.pgup', keys: ['pgup'], moves: true, description: 'help.gradingPage', unavailable: needsStudent, run: (c) => c.move(-10) },
  { id: 'grading.open', keys: ['enter'], description: 'help.gradingOpen', footer: { label: 'hint.gradingOpen', drop: 3 }, unavailable: needsStudent, run: (c) => c.open() },
  { id: 'grading.export', keys: ['e'], description: 'help.gradingExport', footer: { label: 'hint.gradingExport', drop: 3 }, unavailable: needsBook, run: (c) => c.exportCsv() },
  { id: 'grading.folder', keys: ['o'], description: 'help.gradingFolder', footer: { label: 'hint.gradingFolder', drop: 2 }, unavailable: (c) => c.refused() ?? (c.grading ? 'grading.busy' : undefined), run: (c) => c.folder() },
  { id: 'grading.regrade', keys: ['r'], description: 'help.gradingRegrade', footer: { label: 'hint.gradingRegrade', drop: 2 }, unavailable: needsBook, run: (c) => c.regrade() },
];

export interface StudentCtx {
  scroll: (by: number) => void;
  back: () => void;
}

/** One student's checks: scroll, Esc back to the gradebook. */
export const STUDENT_COMMANDS: Command<StudentCtx>[] = [
  { id: 'grading.studentDown', keys: ['down', 'j'], moves: true, description: 'help.gradingScroll', footer: { label: 'hint.gradingScroll', drop: 1 }, run: (c) => c.scroll(1) },
  { id: 'grading.studentUp', keys: ['up', 'k'], moves: true, description: 'help.gradingScroll', run: (c) => c.scroll(-1) },
  { id: 'grading.studentPgdn', keys: ['pgdn', 'space'], moves: true, description: 'help.gradingPage', run: (c) => c.scroll(10) },
  { id: 'grading.studentPgup', keys: ['pgup'], moves: true, description: 'help.gradingPage', run: (c) => c.scroll(-10) },
  { id: 'grading.back', keys: ['esc'], description: 'help.gradingBack', footer: { label: 'hint.back' }, run: (c) => c.back() },
];

export interface TeamCtx {
  scroll: (by: number) => void;
  /** why there is no gradebook to export yet, or undefined */
  noBook: () => MessageKey | undefined;
  exportCsv: () => void;
}

/** The team gradebook of a shared hotel (taller than a terminal: tasks, then employees). */
export const TEAM_COMMANDS: Command<TeamCtx>[] = [
  { id: 'grading.teamDown', keys: ['down', 'j'], moves: true, description: 'help.gradingScroll', footer: { label: 'hint.gradingScroll', drop: 1 }, run: (c) => c.scroll(1) },
  { id: 'grading.teamUp', keys: ['up', 'k'], moves: true, description: 'help.gradingScroll', run: (c) => c.scroll(-1) },
  { id: 'grading.teamPgdn', keys: ['pgdn', 'space'], moves: true, description: 'help.gradingPage', run: (c) => c.scroll(10) },
  { id: 'grading.teamPgup', keys: ['pgup'], moves: true, description: 'help.gradingPage', run: (c) => c.scroll(-10) },
  { id: 'grading.teamEnd', keys: ['G', 'end'], moves: true, description: 'help.last', run: (c) => c.scroll(Infinity) },
  { id: 'grading.teamHome', keys: ['g', 'home'], moves: true, description: 'help.first', run: (c) => c.scroll(-Infinity) },
  { id: 'grading.teamExport', keys: ['e'], description: 'help.gradingExport', footer: { label: 'hint.gradingExport', drop: 2 }, unavailable: (c) => c.noBook(), run: (c) => c.exportCsv() },
];

export interface PathCtx {
  keep: () => void;
  cancel: () => void;
}

/** A path being typed (the submissions folder, the CSV file): Enter keeps it, Esc does not. */
export const PATH_COMMANDS: Command<PathCtx>[] = [
  { id: 'grading.pathKeep', keys: ['enter'], description: 'help.gradingPathKeep', footer: { label: 'keys.keep' }, run: (c) => c.keep() },
  { id: 'grading.pathCancel', keys: ['esc'], description: 'help.gradingPathCancel', footer: { label: 'hint.gradingCancel' }, run: (c) => c.cancel() },
];
