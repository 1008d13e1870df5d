// One batch into a shared hotel, as one transaction. Each record and meta row carries a
// version: a change made against an older version than the one saved is a conflict and the
// whole batch is refused (never a silent overwrite). Rows are locked in one order (entity, id,
// then meta key, then the counters) so two commits never wait on each other in a circle; the
// counters are merged (the larger of each), so two employees creating records never conflict
// on them, and a batch that creates nothing does not touch them.
import type { Batch, Change } from '../../domain/change.js';
import { ConflictError, type Conflict } from '../../services/ports.js';
import type { Db } from './connect.js';
import { CHANNEL, META, SCHEMA } from './schema.js';
import { appendHistory, metaKey, recKey, type HistoryRow } from './tables.js';

type Final = { e: string; id: string; put?: Record<string, unknown> };

/** What the batch leaves of each record and meta row (a record put twice: its last state). */
function collapse(changes: Change[]) {
  const recs = new Map<string, Final>();
  const metas = new Map<string, { value: unknown; change: Change }>();
  let counters: Record<string, number> | undefined;
  for (const c of changes) {
    if (c.op === 'put') recs.set(recKey(c.e, c.r.id), { e: c.e, id: c.r.id, put: c.r });
    else if (c.op === 'del') recs.set(recKey(c.e, c.id), { e: c.e, id: c.id });
    else if (c.op === 'counters') counters = { ...counters, ...c.c };
    else if (c.op === 'settings') metas.set(META.settings, { value: c.s, change: c });
    else if (c.op === 'org') metas.set(META.organisation, { value: c.o, change: c });
    else metas.set(META.values(c.n), { value: c.items, change: c });
  }
  return { recs, metas, counters };
}

const byKey = (a: Final, b: Final) => (a.e < b.e ? -1 : a.e > b.e ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface Committed {
  /** the version each written row has now (deleted records: undefined) */
  versions: Map<string, number | undefined>;
  counters?: Record<string, number>;
}

/** Call inside a transaction (connect.ts: inTransaction). known: the versions this session read. */
export async function commitBatch(db: Db, batch: Batch, known: ReadonlyMap<string, number>): Promise<Committed> {
  const { recs, metas, counters } = collapse(batch.changes);
  const finals = [...recs.values()].sort(byKey);
  const now = new Map<string, number>();
  if (finals.length) {
    const locked = await db.query<{ entity: string; id: string; version: number }>(
      `SELECT r.entity, r.id, r.version FROM ${SCHEMA}.records r
       JOIN unnest($1::text[], $2::text[]) AS x(e, i) ON r.entity = x.e AND r.id = x.i
       ORDER BY r.entity, r.id FOR UPDATE OF r`,
      [finals.map((f) => f.e), finals.map((f) => f.id)],
    );
    for (const r of locked.rows) now.set(recKey(r.entity, r.id), r.version);
  }
  const metaKeys = [...metas.keys()].sort();
  const metaNow = new Map<string, { version: number; value: unknown }>();
  if (metaKeys.length) {
    const locked = await db.query<{ key: string; version: number; value: unknown }>(
      `SELECT key, version, value FROM ${SCHEMA}.meta WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [metaKeys],
    );
    for (const r of locked.rows) metaNow.set(r.key, r);
  }

  const conflicts: { e: string; id: string; kind: Conflict['kind']; base?: number }[] = [];
  const inserts: Final[] = [];
  const updates: Final[] = [];
  const deletes: Final[] = [];
  for (const f of finals) {
    const k = recKey(f.e, f.id);
    const base = known.get(k);
    const cur = now.get(k);
    if (f.put) {
      if (base === undefined && cur !== undefined) conflicts.push({ e: f.e, id: f.id, kind: 'created' });
      else if (base !== undefined && cur === undefined) conflicts.push({ e: f.e, id: f.id, kind: 'deleted', base });
      else if (base !== cur) conflicts.push({ e: f.e, id: f.id, kind: 'changed', base });
      else (cur === undefined ? inserts : updates).push(f);
    } else if (cur !== undefined) {
      // deleting what someone changed meanwhile is a conflict; deleting what is gone, or a
      // record this batch made and dropped again, is nothing to do
      if (base === undefined) continue;
      if (base !== cur) conflicts.push({ e: f.e, id: f.id, kind: 'changed', base });
      else deletes.push(f);
    }
  }
  for (const [key] of metas) {
    const base = known.get(metaKey(key));
    const cur = metaNow.get(key)?.version;
    if (base !== cur) conflicts.push({ e: '$meta', id: key, kind: cur === undefined ? 'deleted' : base === undefined ? 'created' : 'changed', base });
  }
  if (conflicts.length) throw new ConflictError(await describe(db, conflicts));

  const versions = new Map<string, number | undefined>();
  if (inserts.length) {
    await db.query(
      `INSERT INTO ${SCHEMA}.records (entity, id, data) SELECT x.e, x.i, x.d FROM jsonb_to_recordset($1::jsonb) AS x(e text, i text, d jsonb)`,
      [JSON.stringify(inserts.map((f) => ({ e: f.e, i: f.id, d: f.put })))],
    );
    for (const f of inserts) versions.set(recKey(f.e, f.id), 1);
  }
  if (updates.length) {
    await db.query(
      `UPDATE ${SCHEMA}.records r SET data = x.d, version = r.version + 1
       FROM jsonb_to_recordset($1::jsonb) AS x(e text, i text, d jsonb) WHERE r.entity = x.e AND r.id = x.i`,
      [JSON.stringify(updates.map((f) => ({ e: f.e, i: f.id, d: f.put })))],
    );
    for (const f of updates) versions.set(recKey(f.e, f.id), now.get(recKey(f.e, f.id))! + 1);
  }
  if (deletes.length) {
    await db.query(`DELETE FROM ${SCHEMA}.records r USING unnest($1::text[], $2::text[]) AS x(e, i) WHERE r.entity = x.e AND r.id = x.i`, [
      deletes.map((f) => f.e),
      deletes.map((f) => f.id),
    ]);
    for (const f of deletes) versions.set(recKey(f.e, f.id), undefined);
  }
  for (const [key, m] of metas) {
    const v = (metaNow.get(key)?.version ?? 0) + 1;
    await db.query(
      `INSERT INTO ${SCHEMA}.meta (key, value, version) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version`,
      [key, JSON.stringify(m.value), v],
    );
    versions.set(metaKey(key), v);
  }
  let merged: Record<string, number> | undefined;
  if (counters) {
    // every batch carries the counters, most of them unchanged: the row (which every creating
    // commit must lock, one after another) is written only when one of ours is ahead, and then
    // each counter becomes the larger of the two, in one statement
    const saved = await db.query<{ value: Record<string, unknown> }>(`SELECT value FROM ${SCHEMA}.meta WHERE key = $1`, [META.counters]);
    const have = saved.rows[0]?.value ?? {};
    const ahead = Object.entries(counters).some(([k, v]) => !(typeof have[k] === 'number' && (have[k] as number) >= v));
    if (!ahead) merged = { ...counters, ...(have as Record<string, number>) };
    else {
      const r = await db.query<{ value: Record<string, number> }>(
        `INSERT INTO ${SCHEMA}.meta AS m (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET version = m.version + 1, value = (
           SELECT jsonb_object_agg(k, GREATEST(coalesce((m.value->>k)::bigint, 0), coalesce((EXCLUDED.value->>k)::bigint, 0)))
           FROM (SELECT jsonb_object_keys(m.value) UNION SELECT jsonb_object_keys(EXCLUDED.value)) AS ks(k))
         RETURNING value`,
        [META.counters, JSON.stringify(counters)],
      );
      merged = r.rows[0].value;
    }
  }

  // the history keeps every change in the batch's order, each with the version it left
  const rows: HistoryRow[] = batch.changes.map((c) => {
    if (c.op === 'put' || c.op === 'del') {
      const id = c.op === 'put' ? c.r.id : c.id;
      return { e: c.e, i: id, v: versions.get(recKey(c.e, id)) ?? null, c };
    }
    if (c.op === 'counters') return { e: null, i: null, v: null, c: merged ? { op: 'counters', c: merged } : c };
    const key = c.op === 'settings' ? META.settings : c.op === 'org' ? META.organisation : META.values(c.n);
    return { e: '$meta', i: key, v: versions.get(metaKey(key)) ?? null, c };
  });
  const batchNo = await appendHistory(db, batch.at, batch.by, rows);
  // delivered to listeners only when the transaction commits
  await db.query(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify({ batch: batchNo, by: batch.by })]);
  return { versions, counters: merged };
}

/** The data a change left (a record, the settings, a value list …). */
function dataOf(c: unknown): Record<string, unknown> | undefined {
  const ch = c as { r?: unknown; s?: unknown; o?: unknown; items?: unknown } | null;
  const d = ch?.r ?? ch?.s ?? ch?.o ?? (ch?.items !== undefined ? { items: ch.items } : undefined);
  return d && typeof d === 'object' ? (d as Record<string, unknown>) : undefined;
}

/** Who saved each conflicting row last, when, and which fields differ from what this session
 *  started from (the history holds the version it read). */
async function describe(db: Db, list: { e: string; id: string; kind: Conflict['kind']; base?: number }[]): Promise<Conflict[]> {
  const out: Conflict[] = [];
  for (const c of list.slice(0, 20)) {
    const last = await db.query<{ by_login: string; at: Date; change: unknown }>(
      `SELECT by_login, at, change FROM ${SCHEMA}.history WHERE entity = $1 AND record_id = $2 ORDER BY seq DESC LIMIT 1`,
      [c.e, c.id],
    );
    const l = last.rows[0];
    let fields: string[] = [];
    let original: Record<string, unknown> | undefined;
    if (c.kind === 'changed' && c.base !== undefined && l) {
      const base = await db.query<{ change: unknown }>(
        `SELECT change FROM ${SCHEMA}.history WHERE entity = $1 AND record_id = $2 AND version = $3 ORDER BY seq DESC LIMIT 1`,
        [c.e, c.id, c.base],
      );
      const before = dataOf(base.rows[0]?.change) ?? {};
      if (base.rows[0]) original = before;
      const after = dataOf(l.change) ?? {};
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
      fields = [...keys].filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
    }
    const [entity, id] = c.e === '$meta' ? metaName(c.id) : [c.e, c.id];
    out.push({ entity, id, kind: c.kind, by: l?.by_login, at: l ? new Date(l.at).toISOString() : undefined, fields, original });
  }
  return out;
}

/** a meta row as a person names it: settings, organisation, or values and the list's name */
function metaName(key: string): [string, string] {
  return key.startsWith('values/') ? ['values', key.slice('values/'.length)] : [key, ''];
}
