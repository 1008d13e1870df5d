// A team lab on a shared hotel, graded from its history: the history is replayed batch by
// batch from the lab's start, the lab's tasks are judged after each save, and each task done
// at the end is credited to the employee whose save made it pass. Pure: the grading service
// reads the history through the storage port.
//
// Which save is credited when a task was done, undone and done again: the one that made it pass
// for the last time (the stretch that lasted to the end). Work someone else undid is not in the
// hotel any more; crediting it would reward a save the team's result does not hold. The times
// a task was undone are counted, so an instructor sees it happened.
import { applyBatches, type Batch } from '../change.js';
import { ENTITY_NAMES } from '../entities.js';
import { emptyWorkspace, type Workspace } from '../workspace.js';
import type { Lab } from '../labs/lab-schema.js';
import { evaluateLab, type TaskResult } from '../labs/check.js';

/** One save as the shared hotel's history holds it: checked changes, who and when. */
export interface HistoryBatch extends Batch {
  /** the history's batch number */
  batch: number;
  /** the server login that ran the program (the employee is `by`) */
  unixUser?: string;
}

export interface TaskCredit {
  taskId: string;
  points: number;
  /** done in the hotel as the history leaves it */
  passed: boolean;
  earned: number;
  /** the employee whose save made it pass (absent: not done, or done by the lab's start) */
  by?: string;
  at?: string;
  batch?: number;
  /** how many times it was done and then undone again */
  undone: number;
  /** the judgement on the final hotel (the same words as the lab panel) */
  result: TaskResult;
}

export interface EmployeeCredit {
  login: string;
  /** the tasks credited to this employee, in the lab's order */
  tasks: { taskId: string; points: number; at: string }[];
  points: number;
  /** saves this employee made during the lab */
  saves: number;
  /** the first and last of them */
  first?: string;
  last?: string;
}

export interface TeamGrade {
  lab: string;
  /** when the lab was started on the hotel (the batch that loaded its starting data) */
  since?: string;
  startedBy?: string;
  /** false: no start of this lab in the history; everything is judged from the history's start */
  started: boolean;
  earned: number;
  total: number;
  tasks: TaskCredit[];
  employees: EmployeeCredit[];
  /** saves during the lab (the start not counted) */
  saves: number;
}

const settingsOf = (b: Batch) => (b.changes.find((c) => c.op === 'settings') as { s: { lab?: string; labSince?: string } } | undefined)?.s;

/** The last run of the lab in the history: the index of the save that started it (a save that
 *  sets this lab with a start time other than before), -1 when there is none. */
export function labRunStart(history: readonly HistoryBatch[], labId: string): number {
  let since: string | undefined;
  let at = -1;
  history.forEach((b, i) => {
    const s = settingsOf(b);
    if (!s) return;
    if (s.lab === labId && s.labSince && s.labSince !== since) at = i;
    since = s.labSince;
  });
  return at;
}

function blankWorkspace(at: string): Workspace {
  const ws = emptyWorkspace(at);
  for (const e of ENTITY_NAMES) (ws[e] as unknown[]) = [];
  ws.counters = {};
  return ws;
}

/** Replays the history and credits each task of the lab to the employee who did it. A run that
 *  another lab's start (or another run of this one) ended is judged as the hotel was then. */
export function creditTeam(lab: Lab, history: readonly HistoryBatch[]): TeamGrade {
  const start = labRunStart(history, lab.id);
  const from = Math.max(0, start);
  const ws = blankWorkspace(history[0]?.at ?? new Date(0).toISOString());
  // before the start: the hotel as it was (the start's batch replaces every record anyway)
  applyBatches(ws as never, history.slice(0, from));
  const startBatch = history[from];
  if (startBatch && start >= 0) for (const e of ENTITY_NAMES) (ws[e] as unknown[]) = [];
  if (startBatch) applyBatches(ws as never, [startBatch]);
  const since = start >= 0 ? (settingsOf(startBatch)?.labSince ?? startBatch.at) : undefined;

  let results = evaluateLab(lab, ws);
  const credit = results.map(() => ({ by: undefined as string | undefined, at: undefined as string | undefined, batch: undefined as number | undefined, undone: 0 }));
  const saves = new Map<string, { saves: number; first: string; last: string }>();
  let count = 0;
  for (let i = from + 1; i < history.length; i++) {
    const b = history[i];
    // another start (of any lab) ends this run
    const s = settingsOf(b);
    if (s && (s.lab !== lab.id || (since !== undefined && s.labSince !== since))) break;
    applyBatches(ws as never, [b]);
    count++;
    const who = saves.get(b.by);
    if (who) {
      who.saves++;
      if (b.at < who.first) who.first = b.at;
      if (b.at > who.last) who.last = b.at;
    } else saves.set(b.by, { saves: 1, first: b.at, last: b.at });
    if (!b.changes.some((c) => c.op === 'put' || c.op === 'del' || c.op === 'values')) continue;
    const next = evaluateLab(lab, ws);
    next.forEach((r, k) => {
      const was = results[k].passed;
      if (r.passed && !was) Object.assign(credit[k], { by: b.by, at: b.at, batch: b.batch });
      else if (!r.passed && was) {
        credit[k].undone++;
        Object.assign(credit[k], { by: undefined, at: undefined, batch: undefined });
      }
    });
    results = next;
  }

  const tasks: TaskCredit[] = results.map((r, k) => ({
    taskId: r.taskId,
    points: r.points,
    passed: r.passed,
    earned: r.earned,
    ...(r.passed && credit[k].by !== undefined ? { by: credit[k].by, at: credit[k].at, batch: credit[k].batch } : {}),
    undone: credit[k].undone,
    result: r,
  }));
  const logins = [...saves.keys()].sort();
  const employees: EmployeeCredit[] = logins.map((login) => {
    const mine = tasks.filter((t) => t.by === login).map((t) => ({ taskId: t.taskId, points: t.points, at: t.at! }));
    const s = saves.get(login)!;
    return { login, tasks: mine, points: mine.reduce((a, t) => a + t.points, 0), saves: s.saves, first: s.first, last: s.last };
  });
  return {
    lab: lab.id,
    since,
    startedBy: start >= 0 ? startBatch.by : undefined,
    started: start >= 0,
    earned: tasks.reduce((a, t) => a + t.earned, 0),
    total: tasks.reduce((a, t) => a + t.points, 0),
    tasks,
    employees,
    saves: count,
  };
}
