// Grading a class: every submission in a folder checked against its lab (the workspace must
// follow from its hash-chained log, else it is flagged and scores nothing), scored by the
// lab's checks, made late by the deadline rule, and combined with the instructor's scores file
// by the weights. A file that cannot be read is reported and the others are still graded.
import fs from 'node:fs';
import path from 'node:path';
import type { Lab } from '../domain/labs/lab-schema.js';
import { evaluateLab, scoreOf, type TaskResult } from '../domain/labs/check.js';
import { Workspace } from '../domain/workspace.js';
import { gradeStudent, labScore, distribution, type Distribution, type LabFlag, type LabGrade, type StudentGrade } from '../domain/grading/gradebook.js';
import { lateness, type LateRule } from '../domain/grading/late.js';
import type { Weights } from '../domain/grading/weights.js';
import type { OtherScores } from '../domain/grading/scores-file.js';
import { checkSubmission, Submission, type Verdict } from './lab-log.js';
import { labStartWorkspace } from './labs.js';

/** a submission larger than this is not read (a workspace of a lab is well under 10 MB) */
const MAX_BYTES = 50 * 1024 * 1024;

export type FileProblem =
  | { file: string; code: 'unreadable'; reason: string }
  | { file: string; code: 'tooLarge'; bytes: number }
  | { file: string; code: 'notJson' }
  | { file: string; code: 'notSubmission' }
  | { file: string; code: 'unknownLab'; lab: string }
  /** the same student's lab twice: the latest is graded */
  | { file: string; code: 'superseded'; by: string };

export interface GradedSubmission {
  file: string;
  student: string;
  lab: string;
  /** the latest of the time it says, its log's last event and the file's own time */
  at: string;
  verdict: Verdict;
  results: TaskResult[];
  grade: LabGrade;
}

export interface ClassGrades {
  labs: string[];
  students: StudentGrade[];
  submissions: GradedSubmission[];
  problems: FileProblem[];
  distribution: Distribution;
}

export interface GradeOptions {
  labs: readonly Lab[];
  weights: Weights;
  /** the deadline rule, for every lab or per lab id */
  late?: LateRule | Record<string, LateRule>;
  scores?: Map<string, OtherScores>;
  /** the demo hotel, for the labs that start from it (the log's start is checked against it) */
  demo: () => Workspace;
  /** the labs of the course, in order; default: the labs handed in */
  course?: readonly string[];
}

const latest = (...isoOrMs: (string | number | undefined)[]) =>
  new Date(Math.max(...isoOrMs.map((x) => (typeof x === 'number' ? x : x ? Date.parse(x) : NaN)).filter((n) => Number.isFinite(n)))).toISOString();

function ruleFor(late: GradeOptions['late'], lab: string): LateRule | undefined {
  if (!late) return undefined;
  return 'deadline' in late ? (late as LateRule) : (late as Record<string, LateRule>)[lab];
}

/** What grading one file gives: a graded submission, a file set aside, or nothing (a folder). */
export type FileOutcome = { graded: GradedSubmission } | { problem: FileProblem } | { skip: true };

/** The submissions of a folder: its *.json files (not its subfolders), in name order. */
export const submissionNames = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();

export interface FileGraderOptions {
  labs: readonly Lab[];
  late?: GradeOptions['late'];
  demo: () => Workspace;
}

/** A grader of one file at a time; it keeps the labs' starting workspaces it made (one per lab
 *  and day), so a class's files are best given to one grader (or one per worker). */
export function fileGrader(opts: FileGraderOptions): (dir: string, name: string) => FileOutcome {
  const labsById = new Map(opts.labs.map((l) => [l.id, l]));
  const starts = new Map<string, Workspace>();
  return (dir, name) => {
    const file = path.join(dir, name);
    let text: string;
    let mtime: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return { skip: true };
      if (st.size > MAX_BYTES) return { problem: { file: name, code: 'tooLarge', bytes: st.size } };
      mtime = st.mtimeMs;
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return { problem: { file: name, code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? String(e) } };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { problem: { file: name, code: 'notJson' } };
    }
    const sub = Submission.safeParse(raw);
    if (!sub.success) return { problem: { file: name, code: 'notSubmission' } };
    const lab = labsById.get(sub.data.lab);
    if (!lab) return { problem: { file: name, code: 'unknownLab', lab: sub.data.lab } };
    const checked = checkSubmission(raw, (id, at) => {
      // the same lab started the same day starts from the same workspace: made once (the check copies it)
      const key = `${id}@${at.toISOString().slice(0, 10)}`;
      let ws = starts.get(key);
      if (!ws) starts.set(key, (ws = labStartWorkspace(lab, opts.demo, at)));
      return ws;
    });
    const verdict = checked.verdict;
    // a changed record is still judged, for the feedback, but scores nothing
    const parsed = checked.workspace ? { success: true as const, data: checked.workspace } : Workspace.safeParse(sub.data.workspace);
    const results = parsed.success ? evaluateLab(lab, parsed.data) : [];
    const events = sub.data.events as { at?: string }[];
    const at = latest(sub.data.submittedAt, events.at(-1)?.at, mtime);
    const late = lateness(at, ruleFor(opts.late, lab.id));
    const { earned, total } = scoreOf(results);
    const tampered = !verdict.ok || !parsed.success;
    // the log names who started the lab: another student's work under this name scores nothing;
    // a log from before it named anyone is graded, and says so
    const whose: LabFlag[] = !verdict.ok ? [] : !verdict.student ? ['noStudent'] : verdict.student.login !== sub.data.student ? ['otherStudent'] : [];
    const flags: LabFlag[] = [...(tampered ? (['tampered'] as const) : []), ...whose, ...(late.closed ? (['closed'] as const) : late.late ? (['late'] as const) : [])];
    return {
      graded: {
        file: name,
        student: sub.data.student,
        lab: lab.id,
        at,
        verdict,
        results,
        grade: { labId: lab.id, earned, total: total || lab.tasks.reduce((a, t) => a + t.points, 0), penaltyPct: late.penaltyPct, flags, score: labScore(earned, total, late.penaltyPct, tampered || whose.includes('otherStudent')) },
      },
    };
  };
}

/** The class from each file's outcome, given in the files' name order (the same order gives
 *  the same gradebook, however the files were shared out). */
export function combineGrades(outcomes: readonly FileOutcome[], opts: GradeOptions): ClassGrades {
  const problems: FileProblem[] = [];
  const byKey = new Map<string, GradedSubmission>();
  const labsById = new Map(opts.labs.map((l) => [l.id, l]));
  for (const o of outcomes) {
    if ('skip' in o) continue;
    if ('problem' in o) {
      problems.push(o.problem);
      continue;
    }
    const graded = o.graded;
    const key = `${graded.student}\u0000${graded.lab}`;
    const before = byKey.get(key);
    if (before) {
      const [keep, drop] = before.at >= graded.at ? [before, graded] : [graded, before];
      problems.push({ file: drop.file, code: 'superseded', by: keep.file });
      if (!keep.grade.flags.includes('duplicate')) keep.grade.flags.push('duplicate');
      byKey.set(key, keep);
    } else byKey.set(key, graded);
  }
  const submissions = [...byKey.values()];
  const course = opts.course?.length ? [...opts.course] : [...new Set(submissions.map((s) => s.lab))].sort((a, b) => (labsById.get(a)!.chapter - labsById.get(b)!.chapter) || (a < b ? -1 : 1));
  const studentIds = [...new Set([...submissions.map((s) => s.student), ...(opts.scores?.keys() ?? [])])].sort();
  const students = studentIds.map((student) =>
    gradeStudent(
      {
        student,
        name: opts.scores?.get(student)?.name,
        labs: submissions.filter((s) => s.student === student).map((s) => s.grade),
        other: opts.scores?.get(student)?.other ?? {},
      },
      course,
      opts.weights,
    ),
  );
  return { labs: course, students, submissions, problems, distribution: distribution(students.map((s) => s.total)) };
}

/** Grades the submissions in `dir` (its *.json files, not its subfolders), here and now. */
export function gradeFolder(dir: string, opts: GradeOptions): ClassGrades {
  const grade = fileGrader(opts);
  return combineGrades(submissionNames(dir).map((n) => grade(dir, n)), opts);
}
