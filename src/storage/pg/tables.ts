// Reading a shared hotel into the Workspace shape, and writing a whole one. Rows from the
// database are as hostile as a file: the workspace is checked by the same zod schemas.
import os from 'node:os';
import { Workspace, WORKSPACE_FORMAT, SCHEMA_VERSION } from '../../domain/workspace.js';
import { ENTITY_NAMES, isEntityName } from '../../domain/entities.js';
import type { Change } from '../../domain/change.js';
import { migrateWorkspace } from '../../domain/migrate.js';
import { SharedStoreError, StoreError } from '../../services/ports.js';
import { CREATE_SQL, META, SCHEMA, SCHEMA_REV } from './schema.js';
import type { Db } from './connect.js';
import { whereOf } from './url.js';
import { grantRights } from './rights.js';

/** entity and id as one map key; meta rows under a prefix no entity name has */
export const recKey = (e: string, id: string) => `${e}\u0000${id}`;
export const metaKey = (k: string) => `\u0001${k}`;

/** the unix login of whoever runs this program: a shared hotel's employees are bound to one */
export function unixUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? String(process.getuid?.() ?? '?');
  }
}

export async function hasHotel(db: Db): Promise<boolean> {
  const r = await db.query<{ t: string | null }>(`SELECT to_regclass('${SCHEMA}.meta')::text AS t`);
  return r.rows[0]?.t != null;
}

export interface Loaded {
  ws: Workspace;
  /** the version of every record and meta row as read (recKey / metaKey) */
  versions: Map<string, number>;
}

const issuesText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.slice(0, 3).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

export async function loadHotel(db: Db, url: string, display: string): Promise<Loaded> {
  const { raw, versions } = await readRaw(db, url, display);
  const parsed = Workspace.safeParse(migrateWorkspace(raw));
  if (!parsed.success) throw new StoreError('invalid', display, issuesText(parsed.error.issues));
  return { ws: parsed.data, versions };
}

/** The hotel as a raw workspace object, before any check of its records (doctor judges it). */
export async function readRaw(db: Db, url: string, display: string): Promise<{ raw: Record<string, unknown>; versions: Map<string, number> }> {
  const { host, database } = whereOf(url);
  if (!(await hasHotel(db))) throw new SharedStoreError('noHotel', host, database);
  const meta = await db.query<{ key: string; value: unknown; version: number }>(`SELECT key, value, version FROM ${SCHEMA}.meta`);
  const versions = new Map<string, number>();
  const byKey = new Map<string, unknown>();
  for (const m of meta.rows) {
    byKey.set(m.key, m.value);
    versions.set(metaKey(m.key), m.version);
  }
  const rev = (byKey.get(META.schema) as { rev?: unknown } | undefined)?.rev;
  if (typeof rev !== 'number' || rev > SCHEMA_REV) throw new SharedStoreError('newerSchema', host, database, `rev ${String(rev)} > ${SCHEMA_REV}`);
  const header = byKey.get(META.header) as Record<string, unknown> | undefined;
  if (!header || header.format !== WORKSPACE_FORMAT || typeof header.version !== 'number') throw new StoreError('foreign', display);
  if (header.version > SCHEMA_VERSION) throw new StoreError('newer', display, `v${header.version} > v${SCHEMA_VERSION}`);
  const valueLists: Record<string, unknown> = {};
  for (const [k, v] of byKey) if (k.startsWith('values/')) valueLists[k.slice('values/'.length)] = v;
  const raw: Record<string, unknown> = {
    ...header,
    settings: byKey.get(META.settings),
    organisation: byKey.get(META.organisation),
    counters: byKey.get(META.counters) ?? {},
    valueLists,
  };
  for (const e of ENTITY_NAMES) raw[e] = [];
  const rows = await db.query<{ entity: string; id: string; data: Record<string, unknown>; version: number }>(
    `SELECT entity, id, data, version FROM ${SCHEMA}.records ORDER BY seq`,
  );
  for (const r of rows.rows) {
    if (!isEntityName(r.entity)) continue; // a kind of record this version does not know: left alone
    (raw[r.entity] as unknown[]).push({ ...r.data, id: r.id });
    versions.set(recKey(r.entity, r.id), r.version);
  }
  return { raw, versions };
}

const CHUNK = 2000;
async function chunked<T>(rows: T[], fn: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

/** A history row: the change, and for a record or a meta row its key and the version it left. */
export interface HistoryRow {
  e: string | null;
  i: string | null;
  v: number | null;
  c: Change;
}

export async function appendHistory(db: Db, at: string, by: string, rows: HistoryRow[]): Promise<number> {
  const b = await db.query<{ b: string }>(`SELECT nextval('${SCHEMA}.batch_seq') AS b`);
  const batch = Number(b.rows[0].b);
  await chunked(rows, (part) =>
    db.query(
      `INSERT INTO ${SCHEMA}.history (batch, at, by_login, unix_user, entity, record_id, version, change)
       SELECT $1, $2, $3, $4, x.e, x.i, x.v, x.c FROM jsonb_to_recordset($5::jsonb) AS x(e text, i text, v integer, c jsonb)`,
      [batch, at, by, unixUser(), JSON.stringify(part)],
    ),
  );
  return batch;
}

/** The meta rows of a workspace (everything but its records). */
export function metaRows(ws: Workspace): { key: string; value: unknown }[] {
  const { format, version, createdAt, id } = ws;
  return [
    { key: META.schema, value: { rev: SCHEMA_REV } },
    { key: META.header, value: { format, version, createdAt, id } },
    { key: META.settings, value: ws.settings },
    { key: META.organisation, value: ws.organisation },
    { key: META.counters, value: ws.counters },
    ...Object.entries(ws.valueLists).map(([n, items]) => ({ key: META.values(n), value: items })),
  ];
}

/** Writes a whole workspace into an empty hotel (inside the caller's transaction): every row
 *  at version 1, and the history's first batch holding all of it. */
export async function writeWhole(db: Db, ws: Workspace, at: string, by: string): Promise<void> {
  const metas = metaRows(ws);
  await db.query(
    `INSERT INTO ${SCHEMA}.meta (key, value) SELECT x.k, x.v FROM jsonb_to_recordset($1::jsonb) AS x(k text, v jsonb)`,
    [JSON.stringify(metas.map((m) => ({ k: m.key, v: m.value })))],
  );
  const recs: { e: string; i: string; d: unknown }[] = [];
  for (const e of ENTITY_NAMES) for (const r of ws[e] as { id: string }[]) recs.push({ e, i: r.id, d: r });
  await chunked(recs, (part) =>
    db.query(
      `INSERT INTO ${SCHEMA}.records (entity, id, data) SELECT x.e, x.i, x.d FROM jsonb_to_recordset($1::jsonb) AS x(e text, i text, d jsonb)`,
      [JSON.stringify(part)],
    ),
  );
  const history: HistoryRow[] = [
    { e: '$meta', i: META.settings, v: 1, c: { op: 'settings', s: ws.settings } },
    { e: '$meta', i: META.organisation, v: 1, c: { op: 'org', o: ws.organisation } },
    ...Object.entries(ws.valueLists).map(([n, items]): HistoryRow => ({ e: '$meta', i: META.values(n), v: 1, c: { op: 'values', n, items } })),
    ...recs.map((r): HistoryRow => ({ e: r.e, i: r.i, v: 1, c: { op: 'put', e: r.e as never, r: r.d as never } })),
    { e: null, i: null, v: null, c: { op: 'counters', c: ws.counters } },
  ];
  await appendHistory(db, at, by, history);
}

/** Creates the tables and writes a new hotel (server init); replace: drop the one there first. */
export async function createHotel(db: Db, url: string, ws: Workspace, at: string, replace: boolean): Promise<void> {
  const { host, database } = whereOf(url);
  if (await hasHotel(db)) {
    if (!replace) throw new SharedStoreError('exists', host, database);
    await db.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  }
  await db.query(CREATE_SQL);
  await grantRights(db);
  await writeWhole(db, ws, at, ws.settings.adminLogin);
}
