// The tamper-evident record of a lab: an append-only log beside the lab's workspace, one line
// per saved batch of changes (who, when, the whole records put or deleted), each line hashing
// the one before it. A submission carries the workspace and this log; grading replays the log
// over the lab's starting workspace and flags a workspace that does not follow from it (edited
// by hand) or a log whose chain is broken (edited, cut, reordered).
import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { applyBatches, parseBatch, type Batch } from '../domain/change.js';
import { ENTITY_NAMES } from '../domain/entities.js';
import { Workspace } from '../domain/workspace.js';
import type { StorageBackend, WorkspaceStore } from './ports.js';

export const SUBMISSION_FORMAT = 'hotel-crm-lab-submission';

/** The log of a lab workspace: `workspace.json.lab-log.jsonl` beside it. */
export const labLogFile = (workspaceFile: string) => path.join(path.dirname(workspaceFile), `${path.basename(workspaceFile)}.lab-log.jsonl`);

/** JSON with every object's keys sorted: the same data always gives the same text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonical(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Whether two JSON values are the same data, whatever the order of their keys: what equal
 *  canonical texts would say, without making them (grading compares a class's workspaces). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    n++;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) n--;
  return n === 0;
}

/** The parts of a workspace contentHash covers. */
function contentOf(ws: Workspace): Record<string, unknown> {
  const body: Record<string, unknown> = { counters: ws.counters, valueLists: ws.valueLists, organisation: ws.organisation };
  for (const e of ENTITY_NAMES) body[e] = ws[e];
  return body;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** What a workspace holds (records, counters, value lists, the hotel): not its identity, its
 *  generation or its display settings, which a replay need not reproduce. */
export function contentHash(ws: Workspace): string {
  return sha256(canonical(contentOf(ws)));
}

// a grader checks many submissions against one starting workspace (never changed here: the
// replay works on copies): its hash is worked out once
const startHashes = new WeakMap<Workspace, string>();
function startHash(base: Workspace): string {
  let h = startHashes.get(base);
  if (!h) startHashes.set(base, (h = contentHash(base)));
  return h;
}

export const LabStudent = z.object({ login: z.string().max(64), unixUser: z.string().max(256), uid: z.number().int().optional() });
export type LabStudent = z.infer<typeof LabStudent>;

export const LabEvent = z.object({
  seq: z.number().int().nonnegative(),
  kind: z.enum(['start', 'batch']),
  at: z.string(),
  by: z.string(),
  /** start: the lab and the content hash of the starting workspace */
  lab: z.string().optional(),
  /** start: who started the lab (the account's login and its unix user), so a submission cannot
   *  be handed in under another student's name without the chain saying so; older logs lack it */
  student: LabStudent.optional(),
  content: z.string().optional(),
  /** batch: the changes as the journal records them */
  changes: z.array(z.unknown()).optional(),
  prev: z.string(),
  hash: z.string(),
});
export type LabEvent = z.infer<typeof LabEvent>;

function sealed(e: Omit<LabEvent, 'hash'>): LabEvent {
  return { ...e, hash: sha256(`${e.prev}\n${canonical(e)}`) };
}

export function startEvent(lab: string, ws: Workspace, at: string, by: string, student?: LabStudent): LabEvent {
  return sealed({ seq: 0, kind: 'start', at, by, lab, content: contentHash(ws), ...(student ? { student } : {}), prev: '' });
}

export function nextEvent(prev: LabEvent, batch: Batch): LabEvent {
  return sealed({ seq: prev.seq + 1, kind: 'batch', at: batch.at, by: batch.by, changes: batch.changes, prev: prev.hash });
}

/** The log's events; a line that does not read ends the log there (reported by verify). */
export function parseLog(text: string): { events: LabEvent[]; bad?: number } {
  const events: LabEvent[] = [];
  const lines = text.split('\n').filter((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    let raw: unknown;
    try {
      raw = JSON.parse(lines[i]);
    } catch {
      return { events, bad: i + 1 };
    }
    const r = LabEvent.safeParse(raw);
    if (!r.success) return { events, bad: i + 1 };
    events.push(r.data);
  }
  return { events };
}

/** A store whose every commit is first appended to the lab's log (durably), then saved. A
 *  crash between the two leaves one event more than the workspace holds: verify allows that. */
export function loggedStore(store: WorkspaceStore, backend: StorageBackend): WorkspaceStore {
  if (!store.data.settings.lab || !backend.appendLine || !backend.readPrivate || store.readOnlyBecause) return store;
  const file = labLogFile(store.file);
  const text = backend.readPrivate(file);
  if (text === undefined) return store;
  const { events } = parseLog(text);
  let last = events.at(-1);
  if (!last) return store;
  const append = backend.appendLine.bind(backend);
  const commit = async (batch: Batch) => {
    const e = nextEvent(last!, batch);
    append(file, JSON.stringify(e));
    last = e;
    await store.commit(batch);
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'commit') return commit;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export const Submission = z.object({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.literal(1),
  lab: z.string(),
  student: z.string(),
  submittedAt: z.string(),
  workspace: z.unknown(),
  events: z.array(z.unknown()),
});
export type Submission = z.infer<typeof Submission>;

export type Verdict =
  /** student: who the log's first event says started the lab (none in older logs) */
  | { ok: true; events: number; student?: LabStudent }
  /** format: not a submission; chain: event `at` does not hash to its place (edited, cut,
   *  reordered); start: the log starts from another workspace than the lab's; content: the
   *  workspace is not what the log makes of the start (edited by hand); nolog: no log */
  | { ok: false; code: 'format' | 'nolog' | 'chain' | 'start' | 'content'; at?: number };

/** Whether the submitted workspace follows from its log. `start` is the lab's starting
 *  workspace made again for the time the log's first event gives (labStartWorkspace); without
 *  it only the chain is checked. */
export function verifySubmission(raw: unknown, start?: (lab: string, at: Date) => Workspace | undefined): Verdict {
  return checkSubmission(raw, start).verdict;
}

/** verifySubmission, and when it holds, the workspace as the log makes it: grading judges that
 *  one, so a class's 300 submissions are each parsed and hashed once, not three times. `start`
 *  may hand back the same workspace each time: it is copied before the log is applied. */
export function checkSubmission(raw: unknown, start?: (lab: string, at: Date) => Workspace | undefined): { verdict: Verdict; workspace?: Workspace } {
  const no = (code: 'format' | 'nolog' | 'chain' | 'start' | 'content', at?: number) => ({ verdict: at === undefined ? ({ ok: false, code } as const) : ({ ok: false, code, at } as const) });
  const sub = Submission.safeParse(raw);
  if (!sub.success) return no('format');
  const events: LabEvent[] = [];
  for (const e of sub.data.events) {
    const r = LabEvent.safeParse(e);
    if (!r.success) return no('chain', events.length);
    events.push(r.data);
  }
  if (!events.length) return no('nolog');
  let prev = '';
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const { hash, ...rest } = e;
    if (e.seq !== i || e.prev !== prev || sealed(rest).hash !== hash || (i === 0) !== (e.kind === 'start')) return no('chain', i);
    prev = hash;
  }
  const first = events[0];
  if (first.lab !== sub.data.lab) return no('start', 0);
  const okay = (): Verdict => (first.student ? { ok: true, events: events.length, student: first.student } : { ok: true, events: events.length });
  if (!start) {
    const ws = Workspace.safeParse(sub.data.workspace);
    return ws.success ? { verdict: okay(), workspace: ws.data } : no('format');
  }
  const base = start(sub.data.lab, new Date(first.at));
  if (!base || startHash(base) !== first.content) return no('start', 0);
  const batches: Batch[] = [];
  for (let i = 1; i < events.length; i++) {
    const b = parseBatch({ at: events[i].at, by: events[i].by, changes: events[i].changes });
    if (!b.ok) return no('chain', i);
    batches.push(b.value);
  }
  // the submitted workspace as it is, not as a parse would tidy it: a key added by hand is a change
  const given = sub.data.workspace;
  if (!given || typeof given !== 'object' || Array.isArray(given)) return no('format');
  const want = contentOf(given as Workspace);
  // every event applied; or all but the last (saved to the log, then the save did not happen)
  for (const n of [batches.length, batches.length - 1]) {
    if (n < 0) continue;
    const replay = { ...base, counters: { ...base.counters } } as Workspace;
    for (const e of ENTITY_NAMES) (replay as Record<string, unknown>)[e] = [...base[e]];
    applyBatches(replay as never, batches.slice(0, n));
    if (sameData(contentOf(replay), want)) return { verdict: okay(), workspace: replay };
  }
  return no('content');
}
