// Others' saves into an open session: the history names what changed since the session last
// looked, the records and meta tables say what it is now. Each row is checked by its schema
// before it replaces anything; one's own saves are already known (same version) and skipped.
import type { Workspace } from '../../domain/workspace.js';
import { Settings } from '../../domain/workspace.js';
import { ENTITIES, isEntityName } from '../../domain/entities.js';
import { Organisation } from '../../domain/org.js';
import { ValueItem } from '../../domain/values.js';
import { z } from 'zod';
import type { Db } from './connect.js';
import { META, SCHEMA } from './schema.js';
import { metaKey, recKey } from './tables.js';

/** history rows are numbered when written but may become visible out of order (a commit that
 *  took its number earlier can finish later): each look goes back this far again */
const OVERLAP = 500;

/** Where the history stands: its last number, and the rows of the window already visible. */
export interface Mark {
  seq: number;
  seen: Set<number>;
}

export async function historyMark(db: Db): Promise<Mark> {
  const r = await db.query<{ s: string }>(`SELECT coalesce(max(seq), 0) AS s FROM ${SCHEMA}.history`);
  const seq = Number(r.rows[0].s);
  const w = await db.query<{ seq: string }>(`SELECT seq FROM ${SCHEMA}.history WHERE seq > $1 AND seq <= $2`, [Math.max(0, seq - OVERLAP), seq]);
  return { seq, seen: new Set(w.rows.map((x) => Number(x.seq))) };
}

type Row = { entity: string; id: string; data: Record<string, unknown>; version: number };

/** Applies what others saved since the mark (moved on in place); true when data changed.
 *  One statement, so one round trip and one snapshot: the history rows this session has not
 *  seen, the records and meta rows they name as they are now, and the counters. */
export async function pullChanges(db: Db, data: Workspace, versions: Map<string, number>, mark: Mark, heard?: Map<string, string>): Promise<boolean> {
  const q = await db.query<{ h: [string, string | null, string | null, string | null][]; recs: Row[]; metas: { key: string; value: unknown; version: number }[] }>(
    `WITH h AS (SELECT seq, entity, record_id, by_login FROM ${SCHEMA}.history WHERE seq > $1 AND seq <> ALL($2::bigint[])),
          k AS (SELECT DISTINCT entity, record_id FROM h WHERE entity IS NOT NULL AND entity <> '$meta')
     SELECT (SELECT coalesce(jsonb_agg(jsonb_build_array(seq::text, entity, record_id, by_login) ORDER BY seq), '[]') FROM h) AS h,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('entity', r.entity, 'id', r.id, 'data', r.data, 'version', r.version)), '[]')
               FROM ${SCHEMA}.records r JOIN k ON r.entity = k.entity AND r.id = k.record_id) AS recs,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('key', m.key, 'value', m.value, 'version', m.version)), '[]')
               FROM ${SCHEMA}.meta m WHERE m.key = $3 OR m.key IN (SELECT record_id FROM h WHERE entity = '$meta')) AS metas`,
    [Math.max(0, mark.seq - OVERLAP), [...mark.seen].map(String), META.counters],
  );
  const { h, recs: recRows, metas: metaRows } = q.rows[0];
  const recs = new Map<string, { e: string; id: string; by?: string }>();
  for (const [seq, entity, recordId, by] of h) {
    const n = Number(seq);
    if (mark.seen.has(n)) continue;
    mark.seen.add(n);
    mark.seq = Math.max(mark.seq, n);
    if (entity === null || entity === '$meta' || recordId === null) continue;
    if (isEntityName(entity)) recs.set(recKey(entity, recordId), { e: entity, id: recordId, by: by ?? undefined });
  }
  let changed = false;
  if (recs.size) {
    const now = new Map(recRows.map((r) => [recKey(r.entity, r.id), r]));
    for (const [k, { e, id, by }] of recs) {
      if (!isEntityName(e)) continue;
      const list = data[e] as unknown as { id: string }[];
      const row = now.get(k);
      const known = versions.get(k);
      if (!row) {
        if (known === undefined) continue;
        const at = list.findIndex((r) => r.id === id);
        if (at >= 0) list.splice(at, 1);
        versions.delete(k);
        if (by) heard?.set(k, by);
        changed = true;
        continue;
      }
      if (known !== undefined && row.version <= known) continue;
      const parsed = ENTITIES[e].schema.safeParse({ ...row.data, id });
      if (!parsed.success) continue; // a record this version cannot read stays as it was here
      const at = list.findIndex((r) => r.id === id);
      if (at >= 0) list[at] = parsed.data as { id: string };
      else list.push(parsed.data as { id: string });
      versions.set(k, row.version);
      // who saved it: an open detail or form of it says so
      if (by) heard?.set(k, by);
      changed = true;
    }
  }
  for (const row of metaRows) {
    if (row.key === META.counters) {
      const c = z.record(z.string(), z.number().int().nonnegative()).safeParse(row.value);
      if (c.success) for (const [k, v] of Object.entries(c.data)) if (v > (data.counters[k] ?? 0)) data.counters[k] = v;
      continue;
    }
    const known = versions.get(metaKey(row.key));
    if (known !== undefined && row.version <= known) continue;
    if (row.key === META.settings) {
      const p = Settings.safeParse(row.value);
      if (!p.success) continue;
      data.settings = p.data;
    } else if (row.key === META.organisation) {
      const p = Organisation.safeParse(row.value);
      if (!p.success) continue;
      data.organisation = p.data;
    } else if (row.key.startsWith('values/')) {
      const p = z.array(ValueItem).safeParse(row.value);
      const name = row.key.slice('values/'.length);
      if (!p.success || name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
      data.valueLists = { ...data.valueLists, [name]: p.data };
    } else continue;
    versions.set(metaKey(row.key), row.version);
    changed = true;
  }
  for (const n of mark.seen) if (n <= mark.seq - OVERLAP) mark.seen.delete(n);
  return changed;
}
