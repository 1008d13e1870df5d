// One connection to a shared hotel's database. node-postgres is loaded here, when a
// postgres:// URL is first opened: a JSON workspace never loads it. A failure is a
// SharedStoreError naming the server, the database and the reason, never a stack.
import type { Client } from 'pg';
import { SharedStoreError } from '../../services/ports.js';
import { whereOf } from './url.js';

export type Db = Client;

/** The reason a connection failed, in a form messages translate (pg.reason.*), else the
 *  server's own words. */
export function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err?.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOENT':
      return 'noSocket';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'noHost';
    case 'ETIMEDOUT':
      return 'timeout';
    case '3D000':
      return 'noDatabase';
    case '28P01':
    case '28000':
      return 'auth';
    case 'EACCES':
    case '42501':
      return 'denied';
    case '42883':
      return 'oldHotel';
    default:
      return String(err?.message ?? e).slice(0, 200);
  }
}

export async function connect(url: string): Promise<Db> {
  const { host, database } = whereOf(url);
  let pg: typeof import('pg');
  try {
    pg = ((await import('pg')) as unknown as { default: typeof import('pg') }).default;
  } catch (e) {
    throw new SharedStoreError('connect', host, database, String((e as Error).message));
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'hotel-crm' });
  // a server that goes away later (restart, network): the next query fails with a message;
  // without a listener the error event would end the process
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new SharedStoreError('connect', host, database, reasonOf(e));
  }
  return client;
}

/** Runs fn inside one transaction; a deadlock or serialisation failure (another commit took the
 *  same rows in another order) is retried, never shown to a user. */
export async function inTransaction<T>(db: Db, fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    await db.query('BEGIN');
    try {
      const r = await fn();
      await db.query('COMMIT');
      return r;
    } catch (e) {
      await db.query('ROLLBACK').catch(() => {});
      const code = (e as { code?: string }).code;
      // 23505: a record another commit inserted meanwhile; the next try sees it (a conflict)
      if (i < tries && (code === '40P01' || code === '40001' || code === '23505')) continue;
      throw e;
    }
  }
}

/** Runs one statement (its own transaction), again when it lost a deadlock or a race for a new
 *  row's key (the next try sees that row: a conflict), never shown to a user. */
export async function retried<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (i < tries && (code === '40P01' || code === '40001' || code === '23505')) continue;
      throw e;
    }
  }
}
