// Two employees creating a record at the same moment count from the same counters, so both
// new records get the same id (C0123). The second save then finds that id taken: instead of a
// conflict, its new records are renumbered to the next free ids (and every reference to them
// inside the batch follows) and the save is tried again. The id a user is told is the one
// saved: the session's own records are renamed in place once the save has committed.
import type { Batch } from '../../domain/change.js';
import { ENTITIES, formatId, isEntityName } from '../../domain/entities.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Conflict } from '../../services/ports.js';
import type { Db } from './connect.js';
import { META, SCHEMA } from './schema.js';
import { recKey } from './tables.js';

/** entity → (id in the batch → id to save it under) */
export type Renames = Map<string, Map<string, string>>;

/** The conflicts that renumbering settles: every one an id taken by someone else's new record
 *  while this batch creates a record under it (the session never saw that id). */
export function takenIds(conflicts: Conflict[], batch: Batch, known: ReadonlyMap<string, number>): { e: string; id: string }[] | undefined {
  if (!conflicts.length) return undefined;
  const created = new Set(batch.changes.flatMap((c) => (c.op === 'put' && !known.has(recKey(c.e, c.r.id)) ? [recKey(c.e, c.r.id)] : [])));
  const out: { e: string; id: string }[] = [];
  for (const c of conflicts) {
    if (c.kind !== 'created' || !isEntityName(c.entity) || !created.has(recKey(c.entity, c.id))) return undefined;
    out.push({ e: c.entity, id: c.id });
  }
  return out;
}

/** The next free ids for the taken ones, counted on from the larger of this session's and the
 *  hotel's counters, skipping ids the hotel or this batch holds. One round trip. */
export async function nextFree(db: Db, taken: { e: string; id: string }[], batch: Batch, counters: Record<string, number>): Promise<Renames> {
  const entities = [...new Set(taken.map((t) => t.e))];
  const r = await db.query<{ entity: string; id: string }>(`SELECT entity, id FROM ${SCHEMA}.records WHERE entity = ANY($1::text[])`, [entities]);
  const c = await db.query<{ value: Record<string, number> }>(`SELECT value FROM ${SCHEMA}.meta WHERE key = $1`, [META.counters]);
  const saved = c.rows[0]?.value ?? {};
  const used = new Set(r.rows.map((x) => recKey(x.entity, x.id)));
  for (const ch of batch.changes) if (ch.op === 'put') used.add(recKey(ch.e, ch.r.id));
  const renames: Renames = new Map();
  for (const { e, id } of taken) {
    const prefix = ENTITIES[e as keyof typeof ENTITIES].prefix;
    let n = Math.max(counters[e] ?? 0, typeof saved[e] === 'number' ? saved[e] : 0) + 1;
    while (used.has(recKey(e, formatId(prefix, n)))) n++;
    const next = formatId(prefix, n);
    used.add(recKey(e, next));
    counters[e] = n;
    if (!renames.has(e)) renames.set(e, new Map());
    renames.get(e)!.set(id, next);
  }
  return renames;
}

/** an id string renamed: exact matches only (ids carry their entity's prefix) */
function renameValue(v: unknown, all: Map<string, string>): unknown {
  if (typeof v === 'string') return all.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => renameValue(x, all));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = renameValue(o[k], all);
    return o;
  }
  return v;
}

const flat = (renames: Renames) => new Map([...renames.values()].flatMap((m) => [...m]));

/** The batch with its new records renumbered and every reference to them inside it following. */
export function renameBatch(batch: Batch, renames: Renames): void {
  const all = flat(renames);
  for (const c of batch.changes) {
    if (c.op === 'put') renameValue(c.r, all);
    else if (c.op === 'counters') for (const [e, m] of renames) for (const next of m.values()) c.c[e] = Math.max(c.c[e] ?? 0, Number(next.slice(ENTITIES[e as keyof typeof ENTITIES].prefix.length)));
  }
}

/** the records a batch puts, by their keys as the session holds them (before any renaming) */
export const putKeys = (batch: Batch) => new Set(batch.changes.flatMap((c) => (c.op === 'put' ? [recKey(c.e, c.r.id)] : [])));

/** After the save committed: the session's own copies of the batch's records (keys: putKeys
 *  before renaming) take their saved ids and references: the records a user is told about. */
export function renameInWorkspace(ws: Workspace, keys: Set<string>, renames: Renames): void {
  const all = flat(renames);
  for (const [e, list] of Object.entries(ws)) {
    if (!isEntityName(e) || !Array.isArray(list)) continue;
    for (const rec of list as { id: string }[]) if (keys.has(recKey(e, rec.id))) renameValue(rec, all);
  }
  for (const [e, m] of renames) {
    const prefix = ENTITIES[e as keyof typeof ENTITIES].prefix;
    for (const next of m.values()) ws.counters[e] = Math.max(ws.counters[e] ?? 0, Number(next.slice(prefix.length)));
  }
}
