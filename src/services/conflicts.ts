// A save refused because another employee saved the same record first (a shared hotel). The
// person sees, per field, the original, theirs and theirs now, and chooses: keep mine (saved
// again over the version they were shown, a deliberate overwrite the history keeps under their
// name), take theirs (the whole action dropped, the records read again), or edit (a form with
// their values for the fields I left and mine for the ones I changed, clashes marked). A record
// deleted meanwhile: re-create it with my values, or discard.
import type { Batch, Change } from '../domain/change.js';
import { entityFields, isEntityName, type EntityName } from '../domain/entities.js';
import { mergeRecord, type Merge } from '../domain/merge.js';
import type { FieldError } from '../domain/errors.js';
import { ConflictError, type WorkspaceStore } from './ports.js';
import type { Repo } from './repo.js';

type Rec = Record<string, unknown>;

export interface ConflictCase {
  entity: EntityName;
  id: string;
  kind: 'changed' | 'deleted';
  by?: string;
  at?: string;
  /** the record as this session read it, when the history has it */
  original?: Rec;
  /** what this session tried to save (absent: it deleted the record) */
  mine?: Rec;
  /** the record as saved now (absent: deleted), and its version: a save over it goes over that */
  theirs?: Rec;
  version?: number;
  merge?: Merge;
}

export interface Settling {
  cases: ConflictCase[];
  /** the refused batch's other changes: nobody else touched those records */
  rest: Change[];
  /** every record the refused batch touched */
  touched: { entity: EntityName; id: string }[];
}

const keyOf = (e: string, id: string) => `${e}\u0000${id}`;

/** The records a refused save was about, read as they are saved now, with what this session
 *  tried to save beside them. Undefined when the store cannot read one record again, or a
 *  conflict is not about a record (settings, a value list, an id taken meanwhile): then the
 *  refusal is only said. */
export async function openConflict(store: WorkspaceStore, err: unknown, batch: Batch): Promise<Settling | undefined> {
  if (!(err instanceof ConflictError) || !store.reread) return undefined;
  const last = new Map<string, Change>();
  for (const c of batch.changes) {
    if (c.op === 'put') last.set(keyOf(c.e, c.r.id), c);
    else if (c.op === 'del') last.set(keyOf(c.e, c.id), c);
  }
  if (err.conflicts.some((c) => (c.kind !== 'changed' && c.kind !== 'deleted') || !isEntityName(c.entity) || !last.has(keyOf(c.entity, c.id)))) return undefined;
  const cases: ConflictCase[] = [];
  const conflicting = new Set<string>();
  for (const c of err.conflicts) {
    const entity = c.entity as EntityName;
    const mineChange = last.get(keyOf(entity, c.id))!;
    const mine = mineChange.op === 'put' ? mineChange.r : undefined;
    const now = await store.reread(entity, c.id);
    conflicting.add(keyOf(entity, c.id));
    const order = entityFields(entity).map((f) => f.name);
    // the fields the rules keep (a stage's history, a points ledger) are theirs in an edit
    const kept = new Set(entityFields(entity).filter((f) => f.system).map((f) => f.name));
    const merge = mine && now.record ? mergeRecord(c.original, mine, now.record, order, kept) : undefined;
    cases.push({ entity, id: c.id, kind: now.record ? 'changed' : 'deleted', by: c.by, at: c.at, original: c.original, mine, theirs: now.record, version: now.version, merge });
  }
  const rest = batch.changes.filter((c) => (c.op === 'put' ? !conflicting.has(keyOf(c.e, c.r.id)) : c.op === 'del' ? !conflicting.has(keyOf(c.e, c.id)) : false));
  const touched = [...last.values()].map((c) => (c.op === 'put' ? { entity: c.e, id: c.r.id } : { entity: (c as { e: EntityName }).e, id: (c as { id: string }).id }));
  return { cases, rest, touched };
}

/** Take theirs: the whole action is dropped; every record it touched is read again as saved. */
export async function takeTheirs(store: WorkspaceStore, s: Settling): Promise<void> {
  for (const r of s.touched) await store.reread!(r.entity, r.id);
}

const STAMPS = new Set(['id', 'createdAt', 'updatedAt']);

/** One record's values over what the session holds now, through the service's rules (a
 *  permission, a reference gone meanwhile): refused changes write nothing. */
function putOver(repo: Repo, entity: EntityName, id: string, values: Rec): FieldError[] {
  const cur = repo.get(entity, id);
  if (!cur) {
    const res = repo.create(entity, values, { id, allowDuplicate: true });
    return res.ok ? [] : res.errors;
  }
  const patch: Rec = {};
  for (const k of new Set([...Object.keys(cur), ...Object.keys(values)])) if (!STAMPS.has(k)) patch[k] = values[k];
  const res = repo.update(entity, id, patch, { allowDuplicate: true, anyStage: true });
  return res.ok ? [] : res.errors;
}

/** Keep mine (or re-create what was deleted): my values saved again over the version shown.
 *  The caller saves the repo's changes as usual; a newer save by someone else meanwhile is a
 *  conflict again. */
export function keepMine(repo: Repo, s: Settling): { ok: true } | { ok: false; entity: EntityName; errors: FieldError[] } {
  for (const c of s.cases) {
    if (!c.mine) {
      if (!repo.get(c.entity, c.id)) continue;
      const res = repo.delete(c.entity, c.id);
      if (!res.ok) return { ok: false, entity: c.entity, errors: res.errors };
      continue;
    }
    const errors = putOver(repo, c.entity, c.id, c.mine);
    if (errors.length) return { ok: false, entity: c.entity, errors };
  }
  repo.requeue(s.rest);
  return { ok: true };
}

/** Edit: the form of the one record in conflict, starting from theirs with my changed fields
 *  over it; the fields both changed are named (clashes). The rest of the action is kept. */
export function editMerged(repo: Repo, s: Settling): { entity: EntityName; id: string; preset: Rec; clashes: string[] } | undefined {
  const c = s.cases[0];
  if (s.cases.length !== 1 || !c.merge) return undefined;
  repo.requeue(s.rest);
  const preset: Rec = {};
  for (const f of c.merge.fields) if (f.mineChanged) preset[f.field] = f.mine;
  return { entity: c.entity, id: c.id, preset, clashes: c.merge.clashes };
}
