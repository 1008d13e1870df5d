// `hotel-crm grade DIR [--weights FILE] [--scores FILE] [--deadline …] [--out FILE] [--feedback DIR]`:
// the instructor's side of labs. Every submission in the folder is checked and scored; a file
// that cannot be read is named and the others are still graded. Reads only; what it writes
// (the gradebook, the feedback) is written whole and durably before it is reported.
import fs from 'node:fs';
import path from 'node:path';
import type { T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import type { GlobalArgs } from '../open.js';
import { DEFAULT_WEIGHTS, Weights } from '../../domain/grading/weights.js';
import { LateRule } from '../../domain/grading/late.js';
import { readScores, type OtherScores, type ScoresProblem } from '../../domain/grading/scores-file.js';
import { round1 } from '../../domain/grading/gradebook.js';
import { parseCsv } from '../../text/csv.js';
import { decodeDetected } from '../../text/encoding.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { gradeFolderAsync } from '../../services/grading-parallel.js';
import { gradeTeamCmd } from './grade-team.js';

/** HOTEL_CRM_GRADE_WORKERS=N caps the worker threads (0: grade in one thread); default: the cores */
function workersOf(env: NodeJS.ProcessEnv): number | undefined {
  const v = env.HOTEL_CRM_GRADE_WORKERS;
  return v !== undefined && /^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : undefined;
}
import { shippedLabs } from '../../services/labs.js';
import { distributionLines, feedbackText, gradebookCsv, gradebookLines, problemText } from '../../presentation/gradebook.js';

export interface GradeArgs extends GlobalArgs {
  dir?: string;
  weights?: string;
  scores?: string;
  out?: string;
  feedback?: string;
  deadline?: string;
  penalty?: string;
  maxPenalty?: string;
  closeAfter?: string;
  grace?: string;
  labs?: string;
  /** a team lab's gradebook as CSV (grade --data URL) */
  csv?: string;
}

const one = (t: T, flag: string, v: unknown): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(t('cli.repeatedFlag', { flag }));
  return v;
};

function whole(t: T, flag: string, v: unknown): number | undefined {
  const s = one(t, flag, v);
  if (s === undefined) return undefined;
  if (!/^\d{1,6}$/.test(s.trim())) throw new UsageError(t('grade.badNumber', { flag, value: sanitizeLine(s) }));
  return Number(s.trim());
}

/** "2025-03-14 18:00" in the machine's local time, or a full ISO time with its offset */
function deadlineOf(t: T, raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(raw.trim());
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), m[4] ? Number(m[4]) : 23, m[5] ? Number(m[5]) : 59) : new Date(raw);
  if (Number.isNaN(d.getTime()) || (m && d.getDate() !== Number(m[3]))) throw new UsageError(t('grade.badDeadline', { value: sanitizeLine(raw) }));
  return d.toISOString();
}

function scoresProblem(t: T, p: ScoresProblem): string {
  const params = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => sanitizeLine(String(x))).join(', ') : sanitizeLine(String(v))]));
  return t(`grade.scoresProblem.${p.code}`, params);
}

export async function gradeCmd(args: GradeArgs, io: CliIO, t: T): Promise<number> {
  const dir = one(t, 'dir', args.dir);
  // no folder: a team lab on the shared hotel --data names, graded from its history
  if (dir === undefined) {
    if (args.data === undefined && !io.env.HOTEL_CRM_DATA) throw new UsageError(t('grade.team.needWhat'));
    return gradeTeamCmd(args, io, t);
  }
  if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(t('grade.noDir', { dir: sanitizeLine(String(dir ?? '')) }));
  // every flag is checked before anything is read or written
  const deadlineRaw = one(t, 'deadline', args.deadline);
  const late = deadlineRaw === undefined ? undefined : LateRule.parse({
    deadline: deadlineOf(t, deadlineRaw),
    penaltyPerDayPct: Math.min(100, whole(t, 'penalty', args.penalty) ?? 10),
    maxPenaltyPct: Math.min(100, whole(t, 'max-penalty', args.maxPenalty) ?? 50),
    graceMinutes: Math.min(10_080, whole(t, 'grace', args.grace) ?? 0),
    closeAfterDays: (() => {
      const n = whole(t, 'close-after', args.closeAfter);
      return n === undefined ? undefined : Math.max(1, Math.min(365, n));
    })(),
  });
  const labs = shippedLabs();
  const course = one(t, 'labs', args.labs)?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = course?.filter((id) => !labs.some((l) => l.id === id)) ?? [];
  if (unknown.length) throw new UsageError(t('grade.unknownLabs', { labs: unknown.map(sanitizeLine).join(', '), known: labs.map((l) => l.id).join(', ') }));
  const weightsFile = one(t, 'weights', args.weights);
  let weights = DEFAULT_WEIGHTS;
  if (weightsFile !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(weightsFile, 'utf8'));
    } catch (e) {
      throw new Refused([t('grade.badWeights', { file: sanitizeLine(weightsFile), reason: sanitizeLine((e as NodeJS.ErrnoException).code ?? (e as Error).message) })]);
    }
    const w = Weights.safeParse(parsed);
    if (!w.success) throw new Refused([t('grade.badWeights', { file: sanitizeLine(weightsFile), reason: sanitizeLine(w.error.issues.map((i) => `${i.path.join('.') || '-'}: ${i.message}`).join('; ')) })]);
    weights = w.data;
  }
  const scoresFile = one(t, 'scores', args.scores);
  let scores: Map<string, OtherScores> | undefined;
  if (scoresFile !== undefined) {
    let text: string;
    try {
      text = decodeDetected(fs.readFileSync(scoresFile)).text;
    } catch (e) {
      throw new Refused([t('grade.badScores', { file: sanitizeLine(scoresFile) }), `  ${sanitizeLine((e as NodeJS.ErrnoException).code ?? String(e))}`]);
    }
    const r = readScores(parseCsv(text));
    if (!r.ok) throw new Refused([t('grade.badScores', { file: sanitizeLine(scoresFile) }), ...r.problems.map((p) => `  ${scoresProblem(t, p)}`)]);
    scores = r.scores;
  }
  const out = one(t, 'out', args.out);
  const feedback = one(t, 'feedback', args.feedback);

  // in worker threads over the machine's cores (the same gradebook as in one thread)
  const g = await gradeFolderAsync(dir, { labs, weights, late, scores, demo: () => io.backend.loadDemo(), course }, { workerScript: io.workerScript, workers: workersOf(io.env) });
  if (out !== undefined) io.backend.writeFile(out, gradebookCsv(g, t), 0o640);
  if (feedback !== undefined) {
    fs.mkdirSync(feedback, { recursive: true, mode: 0o750 });
    for (const s of g.students) io.backend.writeFile(path.join(feedback, `${s.student.replace(/[^A-Za-z0-9._-]/g, '_')}.txt`), Buffer.from(feedbackText(g, s, t), 'utf8'), 0o640);
  }
  if (args.json) {
    io.out(JSON.stringify({
      labs: g.labs,
      weights,
      students: g.students.map((s) => ({
        student: s.student, name: s.name ?? null, total: round1(s.total), coursework: round1(s.coursework), final: round1(s.final),
        parts: Object.fromEntries(Object.entries(s.parts).map(([k, v]) => [k, round1(v)])), missing: s.missing, flags: s.flags,
        labs: Object.fromEntries(Object.entries(s.labs).map(([k, l]) => [k, { score: l.score === undefined ? null : round1(l.score), earned: l.earned, total: l.total, penaltyPct: l.penaltyPct, flags: l.flags }])),
      })),
      submissions: g.submissions.map((x) => ({ file: x.file, student: x.student, lab: x.lab, at: x.at, verified: x.verdict.ok, ...(x.verdict.ok ? {} : { problem: x.verdict.code }), tasks: x.results.map((r) => ({ id: r.taskId, passed: r.passed, earned: r.earned, points: r.points, reason: r.reason })) })),
      problems: g.problems,
      distribution: g.distribution,
    }, null, 2));
    return EXIT.ok;
  }
  const width = 100;
  io.out(t('grade.head', { dir: sanitizeLine(dir), submissions: g.submissions.length, students: g.students.length, labs: g.labs.join(', ') || '-' }));
  io.out(t('grade.labsLine', { labs: g.labs.map((id, i) => `${i + 1} ${id}`).join(', ') || '-' }));
  for (const l of gradebookLines(g, t, width)) io.out(l.trimEnd());
  for (const l of distributionLines(g, t, width)) io.out(l.trimEnd());
  if (g.problems.length) {
    io.out(t('grade.problems', { count: g.problems.length }));
    for (const p of g.problems) io.out(`  ${problemText(t, p)}`);
  }
  if (out !== undefined) io.out(t('grade.wrote', { file: sanitizeLine(out) }));
  if (feedback !== undefined) io.out(t('grade.wroteFeedback', { count: g.students.length, dir: sanitizeLine(feedback) }));
  return EXIT.ok;
}
