// Reading a shared hotel's history (read only): every save in the order it was made, for
// grading a team lab. Rows are as hostile as a file: each change passes its schema or is left
// out and counted, never applied unchecked.
import { parseChange, type Change } from '../../domain/change.js';
import type { HistoryBatch } from '../../domain/grading/team-credit.js';
import { SharedStoreError, type HistoryRead } from '../../services/ports.js';
import { connect, type Db } from './connect.js';
import { SCHEMA } from './schema.js';
import { hasHotel } from './tables.js';
import { failed } from './store.js';
import { whereOf } from './url.js';

export async function historyOf(db: Db): Promise<HistoryRead> {
  // in the order the rows were written: a save's rows are written after it holds its records'
  // locks, so two saves of one record are in the order they were made
  const r = await db.query<{ batch: string; at: Date; by_login: string; unix_user: string | null; change: unknown }>(
    `SELECT batch, at, by_login, unix_user, change FROM ${SCHEMA}.history ORDER BY seq`,
  );
  const batches = new Map<string, HistoryBatch>();
  let skipped = 0;
  for (const row of r.rows) {
    let b = batches.get(row.batch);
    if (!b) {
      const at = new Date(row.at);
      batches.set(row.batch, (b = { batch: Number(row.batch), at: Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString(), by: String(row.by_login), ...(row.unix_user ? { unixUser: String(row.unix_user) } : {}), changes: [] }));
    }
    const c = parseChange(row.change);
    if (c.ok) b.changes.push(c.value as Change);
    else skipped++;
  }
  return { batches: [...batches.values()], skipped };
}

export async function readPgHistory(url: string): Promise<HistoryRead> {
  const db = await connect(url);
  try {
    if (!(await hasHotel(db))) {
      const { host, database } = whereOf(url);
      throw new SharedStoreError('noHotel', host, database);
    }
    return await historyOf(db);
  } catch (e) {
    throw failed(url, e);
  } finally {
    await db.end().catch(() => {});
  }
}
