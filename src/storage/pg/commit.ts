// One batch into a shared hotel, as one statement (hotel_crm.commit_batch, commit-fn.ts). Each
// record and meta row carries a version: a change made against an older version than the one
// saved is a conflict and the whole batch is refused (never a silent overwrite); the conflict is
// then described from the history (who, when, which fields).
import type { Batch, Change } from '../../domain/change.js';
import { ConflictError, type Conflict } from '../../services/ports.js';
import type { Db } from './connect.js';
import { META, SCHEMA } from './schema.js';
import { metaKey, recKey, unixUser } from './tables.js';

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

export interface Committed {
  /** the version each written row has now (deleted records: undefined) */
  versions: Map<string, number | undefined>;
  counters?: Record<string, number>;
}

type Verdict =
  | { conflicts: { e: string; id: string; kind: Conflict['kind']; base: number | null }[] }
  | { versions: { e: string; i: string; v: number | null }[]; counters: Record<string, number> | null };

/** One statement (commit-fn.ts), its own transaction. known: the versions this session read. */
export async function commitBatch(db: Db, batch: Batch, known: ReadonlyMap<string, number>): Promise<Committed> {
  const { recs, metas, counters } = collapse(batch.changes);
  const arg = {
    at: batch.at,
    by: batch.by,
    unix: unixUser(),
    recs: [...recs.values()].map((f) => ({ e: f.e, i: f.id, d: f.put ?? null, del: !f.put, b: known.get(recKey(f.e, f.id)) ?? null })),
    metas: [...metas].map(([k, m]) => ({ k, v: m.value, b: known.get(metaKey(k)) ?? null })),
    counters: counters ?? null,
    changes: batch.changes.map((c) => {
      if (c.op === 'put') return { e: c.e, i: c.r.id, c };
      if (c.op === 'del') return { e: c.e, i: c.id, c };
      if (c.op === 'counters') return { e: null, i: null, c };
      return { e: '$meta', i: c.op === 'settings' ? META.settings : c.op === 'org' ? META.organisation : META.values(c.n), c };
    }),
  };
  const r = await db.query<{ r: Verdict }>(`SELECT ${SCHEMA}.commit_batch($1::jsonb) AS r`, [JSON.stringify(arg)]);
  const verdict = r.rows[0].r;
  if ('conflicts' in verdict) throw new ConflictError(await describe(db, verdict.conflicts.map((c) => ({ ...c, base: c.base ?? undefined }))));
  const versions = new Map<string, number | undefined>();
  for (const w of verdict.versions) versions.set(w.e === '$meta' ? metaKey(w.i) : recKey(w.e, w.i), w.v ?? undefined);
  return { versions, counters: verdict.counters ?? undefined };
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
