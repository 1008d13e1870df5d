// Doctor: reads whatever it can of a workspace — without the writer's lock and without
// refusing — and lists every problem; repair keeps everything before a bad journal record,
// moves the rest aside (nothing is lost) and folds the good part into the snapshot.
import os from 'node:os';
import { ENTITY_NAMES, type EntityName } from '../domain/entities.js';
import { Workspace, WORKSPACE_FORMAT, SCHEMA_VERSION, emptyWorkspace } from '../domain/workspace.js';
import { applyBatches, type ChangeProblem } from '../domain/change.js';
import type { FieldError } from '../domain/errors.js';
import { Repo } from './repo.js';
import type { Inspection, RepairAction, StorageBackend } from './ports.js';
import { sanitizeLine } from '../text/sanitize.js';

export type FindingCode =
  | 'missing' | 'unreadable' | 'corrupt' | 'foreign' | 'newer' | 'workspaceField' | 'record'
  | 'journalBad' | 'journalTorn' | 'journalForeign' | 'journalAhead' | 'journalStale' | 'journalLegacy'
  | 'journalUnsafe' | 'journalUnreadable'
  | 'lockTorn' | 'lockHeld' | 'lockStale' | 'temp' | 'mode' | 'folderShared';

export interface Finding {
  code: FindingCode;
  /** a problem makes doctor exit 1; a note is something that heals itself */
  severity: 'problem' | 'note';
  /** printable parameters of the message (already sanitised) */
  params: Record<string, string | number>;
  entity?: string;
  id?: string;
  field?: string;
  line?: number;
  /** what a bad journal record held, shortened and sanitised */
  excerpt?: string;
  /** a record's field errors, for the shell to put in words */
  errors?: FieldError[];
  /** what was wrong in a bad journal record, change by change */
  changes?: ChangeProblem[];
}

export interface DoctorReport {
  file: string;
  ok: boolean;
  findings: Finding[];
  /** records per entity, as the store would open them (snapshot + good journal part) */
  counts: Partial<Record<EntityName, number>>;
  lock: { user: string; pid: number; host: string; since: string } | null;
  /** the workspace's language setting, when it could be read */
  lang?: string;
  valueLists?: Workspace['valueLists'];
  /** a shared hotel that could not be read at all: the error to put in words */
  failure?: unknown;
}

const clean = (s: unknown, max = 200) => {
  const t = sanitizeLine(String(s));
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/** examineWorkspace for a shared hotel, whose backend must ask its server. */
export async function examineSharedWorkspace(backend: StorageBackend, file: string): Promise<DoctorReport> {
  return examineSeen(await backend.inspectShared!(file), file);
}

export function examineWorkspace(backend: StorageBackend, file: string): DoctorReport {
  return examineSeen(backend.inspect(file), file);
}

function examineSeen(seen: Inspection, file: string): DoctorReport {
  const findings: Finding[] = [];
  const add = (code: FindingCode, severity: Finding['severity'], params: Finding['params'] = {}, more: Partial<Finding> = {}) =>
    findings.push({ code, severity, params, ...more });
  const report: DoctorReport = { file, ok: true, findings, counts: {}, lock: null };

  // modes: a shared lab server has many users
  if (seen.dirMode !== undefined && seen.dirMode & 0o022) add('folderShared', 'problem', { file: seen.dir, mode: seen.dirMode.toString(8) });
  else if (seen.dirMode !== undefined && seen.dirMode & 0o077 && seen.dir.includes('hotel-crm')) add('mode', 'problem', { file: seen.dir, mode: seen.dirMode.toString(8), want: '700' });
  if (seen.mode !== undefined && seen.mode & 0o077) add('mode', 'problem', { file, mode: seen.mode.toString(8), want: '600' });

  examineLock(seen, add, report);
  for (const t of seen.temps) if (!t.alive) add('temp', 'note', { file: t.path, size: t.size });

  if (seen.error?.cause) {
    report.failure = seen.error.cause;
    report.ok = false;
    return report;
  }
  if (seen.error) {
    add(seen.error.code === 'ENOENT' ? 'missing' : 'unreadable', 'problem', { file, detail: clean(seen.error.message) });
    return finish(report);
  }
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(seen.text!);
    if (!parsed || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== WORKSPACE_FORMAT || typeof (parsed as { version?: unknown }).version !== 'number') {
      add('foreign', 'problem', { file });
      return finish(report);
    }
    raw = parsed as Record<string, unknown>;
  } catch (e) {
    add('corrupt', 'problem', { file, detail: clean((e as Error).message) });
    return finish(report);
  }
  if ((raw.version as number) > SCHEMA_VERSION) {
    add('newer', 'problem', { file, detail: `v${raw.version} > v${SCHEMA_VERSION}` });
    return finish(report);
  }

  // entity lists as far as they are lists of records; the rest is reported
  for (const e of ENTITY_NAMES) {
    const v = raw[e];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      add('workspaceField', 'problem', { field: e, detail: 'not a list' }, { field: e });
      raw[e] = [];
      continue;
    }
    const good = v.filter((r) => r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string');
    for (let i = 0; i < v.length; i++) {
      if (!good.includes(v[i])) add('workspaceField', 'problem', { field: `${e}[${i}]`, detail: 'not a record with an id' }, { entity: e, field: 'id' });
    }
    raw[e] = good;
  }

  examineJournal(seen, raw, add);

  // (a migration of older versions belongs here too, as in the store's read path)
  const current = raw;
  const shell: Record<string, unknown> = { ...current };
  for (const e of ENTITY_NAMES) shell[e] = [];
  const parsedShell = Workspace.safeParse(shell);
  if (!parsedShell.success) {
    for (const i of parsedShell.error.issues) {
      const field = i.path.map(String).join('.');
      add('workspaceField', 'problem', { field: clean(field), detail: clean(i.message) }, { field: clean(field) });
    }
  }
  const ws = (parsedShell.success ? parsedShell.data : emptyWorkspace('')) as Workspace;
  for (const e of ENTITY_NAMES) (ws as unknown as Record<string, unknown>)[e] = (current[e] as unknown[] | undefined) ?? [];
  report.lang = ws.settings?.lang;
  report.valueLists = ws.valueLists;
  const repo = new Repo(ws);
  for (const entity of ENTITY_NAMES) {
    const ids = new Set<string>();
    for (const rec of repo.unscoped(entity)) {
      const id = clean(rec.id, 40);
      if (ids.has(rec.id)) add('record', 'problem', {}, { entity, id, field: 'id', errors: [{ field: 'id', code: 'duplicate', params: { value: id } }] });
      ids.add(rec.id);
      const res = repo.validate(entity, rec, undefined, { anyStage: true });
      if (!res.ok) add('record', 'problem', {}, { entity, id, errors: res.errors.map((er) => ({ ...er, field: clean(er.field, 60) })) });
    }
    report.counts[entity] = repo.unscoped(entity).length;
  }
  return finish(report);
}

function finish(r: DoctorReport): DoctorReport {
  r.ok = !r.findings.some((f) => f.severity === 'problem');
  return r;
}

type Add = (code: FindingCode, severity: Finding['severity'], params?: Finding['params'], more?: Partial<Finding>) => void;

function examineLock(seen: Inspection, add: Add, report: DoctorReport): void {
  if (seen.lock === undefined && !seen.lockError) return;
  const torn = () => add('lockTorn', 'problem', { file: seen.lockFile });
  if (seen.lockError || seen.lock === undefined) return torn();
  let h: unknown;
  try {
    h = JSON.parse(seen.lock);
  } catch {
    return torn();
  }
  const o = h as Record<string, unknown>;
  if (!o || typeof o !== 'object' || typeof o.pid !== 'number' || typeof o.host !== 'string') return torn();
  const holder = { user: clean(o.user ?? '?', 40), pid: o.pid, host: clean(o.host, 80), since: clean(o.since ?? '', 40) };
  report.lock = holder;
  if (holder.host === os.hostname() && !isPidAlive(holder.pid)) add('lockStale', 'note', { pid: holder.pid });
  else add('lockHeld', 'note', holder);
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function examineJournal(seen: Inspection, raw: Record<string, unknown>, add: Add): void {
  const jfile = seen.journalFile;
  if (seen.journalError) {
    if (seen.journalError.unsafe) add('journalUnsafe', 'problem', { file: jfile });
    else add('journalUnreadable', 'problem', { file: jfile, detail: clean(seen.journalError.message) });
    return;
  }
  const jr = seen.journal;
  if (!jr) return;
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const gen = typeof raw.generation === 'number' ? raw.generation : 0;
  if (jr.header && jr.header.ws !== id) return add('journalForeign', 'problem', { file: jfile });
  if (jr.header && jr.header.gen > gen) return add('journalAhead', 'problem', { file: jfile, gen: jr.header.gen, have: gen });
  if (jr.header && jr.header.gen < gen) return add('journalStale', 'note', { file: jfile });
  const changes = jr.batches.reduce((n, b) => n + b.changes.length, 0);
  if (jr.legacy) add('journalLegacy', 'note', { file: jfile, count: changes });
  if (jr.bad) {
    const detail = jr.bad.problems.length ? problemsText(jr.bad.problems) : jr.bad.reason === 'frame' ? 'checksum' : jr.bad.reason;
    add(
      'journalBad',
      'problem',
      { line: jr.bad.line, detail, after: Math.max(0, jr.lines - jr.bad.line), excerpt: jr.bad.excerpt },
      { line: jr.bad.line, excerpt: jr.bad.excerpt, changes: jr.bad.problems.map((p) => ({ ...p, id: p.id && clean(p.id, 40), entity: p.entity && clean(p.entity, 40), field: p.field && clean(p.field, 60), message: clean(p.message) })) },
    );
  } else if (jr.torn) add('journalTorn', 'note', { line: jr.torn.line, bytes: jr.torn.bytes }, { line: jr.torn.line, excerpt: jr.torn.excerpt });
  // what the store would open: the snapshot and the journal's good part
  applyBatches(raw, jr.batches);
}

function problemsText(problems: ChangeProblem[]): string {
  return clean(problems.slice(0, 3).map((p) => [p.entity, p.id, p.field].filter(Boolean).join(' ') + (p.message ? `: ${p.message}` : '')).join('; '), 300);
}

/** doctor --repair: the backend does the file work under the writer's lock. */
export function repairWorkspace(backend: StorageBackend, file: string, now: () => Date): Promise<RepairAction[]> {
  return backend.repair(file, now);
}

export type { RepairAction };
