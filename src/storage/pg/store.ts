// A shared hotel opened for one session: the workspace read into memory (the same shape as a
// JSON workspace), one connection, and commit() as one transaction with optimistic
// concurrency (commit.ts). Saved means committed: PostgreSQL has flushed its WAL.
import type { Workspace } from '../../domain/workspace.js';
import { parseBatch, type Batch } from '../../domain/change.js';
import { ConflictError, SharedStoreError, StoreError, type CommitDone, type OpenOptions, type WorkspaceStore } from '../../services/ports.js';
import { problemsText } from '../store.js';
import { connect, inTransaction, reasonOf, retried, type Db } from './connect.js';
import { commitBatch } from './commit.js';
import { nextFree, putKeys, renameBatch, renameInWorkspace, takenIds, type Renames } from './renumber.js';
import { createHotel, loadHotel, unixUser, writeWhole, recKey, metaKey } from './tables.js';
import { CHANNEL, SCHEMA } from './schema.js';
import { historyMark, pullChanges, type Mark } from './refresh.js';
import { displayUrl, whereOf } from './url.js';
import { rereadRecord } from './reread.js';

/** A database error on the way (not a conflict, not ours): a message naming where and why. */
export function failed(url: string, e: unknown): Error {
  if (e instanceof ConflictError || e instanceof SharedStoreError || e instanceof StoreError) return e;
  const { host, database } = whereOf(url);
  return new SharedStoreError('failed', host, database, reasonOf(e));
}

export async function openPgStore(url: string, opts: OpenOptions = {}): Promise<WorkspaceStore> {
  const display = displayUrl(url);
  const db = await connect(url);
  let loaded;
  // the history's mark first: anything saved while the rest is read is looked at again
  let mark: Mark = { seq: 0, seen: new Set() };
  try {
    mark = await historyMark(db).catch(() => mark);
    loaded = await loadHotel(db, url, display);
  } catch (e) {
    await db.end().catch(() => {});
    throw failed(url, e);
  }
  let data = loaded.ws;
  const versions = loaded.versions;
  // one transaction at a time on this connection: a save started while another runs waits
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn, fn);
    queue = p.catch(() => {});
    return p;
  };
  const writable = () => {
    if (!opts.write) throw new Error('store opened read-only');
  };
  let closed = false;
  /** who saved each record the refreshes brought in, last */
  const heard = new Map<string, string>();
  const store: WorkspaceStore = {
    file: display,
    get data() {
      return data;
    },
    created: false,
    shared: { unixUser: unixUser() },
    validate: () => Promise.resolve(),
    async commit(batch: Batch): Promise<CommitDone | undefined> {
      writable();
      if (!batch.changes.length) return undefined;
      const checked = parseBatch(batch);
      if (!checked.ok) throw new StoreError('invalid', display, problemsText(checked.problems));
      return serial(async () => {
        let done;
        const batch = checked.value;
        const keys = putKeys(batch);
        const renames: Renames = new Map();
        try {
          for (let tries = 1; ; tries++) {
            try {
              done = await retried(() => commitBatch(db, batch, versions));
              break;
            } catch (e) {
              // someone else's new record took the id of one of ours meanwhile: ours takes the next free one
              const taken = e instanceof ConflictError && tries < 5 ? takenIds(e.conflicts, batch, versions) : undefined;
              if (!taken) throw e;
              const more = await nextFree(db, taken, batch, { ...data.counters });
              renameBatch(batch, more);
              for (const [en, m] of more) {
                const all = renames.get(en) ?? new Map<string, string>();
                // a record renamed twice: its first id maps to its last
                for (const [from, to] of m) all.set([...all].find(([, v]) => v === from)?.[0] ?? from, to);
                renames.set(en, all);
              }
            }
          }
        } catch (e) {
          throw failed(url, e);
        }
        if (renames.size) renameInWorkspace(data, keys, renames);
        for (const [k, v] of done.versions) {
          if (v === undefined) versions.delete(k);
          else versions.set(k, v);
        }
        // others' creations moved the counters on: the next id made here skips theirs
        if (done.counters) Object.assign(data.counters, done.counters);
        return renames.size ? { renamed: renames } : undefined;
      });
    },
    /** the whole workspace in place of what the hotel holds (the demo loaded into an empty one) */
    async save() {
      writable();
      await serial(async () => {
        try {
          await inTransaction(db, async () => {
            await db.query(`DELETE FROM ${SCHEMA}.records`);
            await db.query(`DELETE FROM ${SCHEMA}.meta`);
            await writeWhole(db, data, new Date().toISOString(), data.settings.adminLogin);
          });
        } catch (e) {
          throw failed(url, e);
        }
        versions.clear();
        for (const [k] of Object.entries(data.valueLists)) versions.set(metaKey(`values/${k}`), 1);
        for (const k of ['settings', 'organisation', 'counters', 'workspace', 'schema']) versions.set(metaKey(k), 1);
        for (const [e, list] of Object.entries(data)) if (Array.isArray(list)) for (const r of list as { id: string }[]) versions.set(recKey(e, r.id), 1);
      });
    },
    watch(onChange) {
      const listener = (n: { channel: string }) => {
        if (n.channel === CHANNEL) onChange();
      };
      db.on('notification', listener);
      void serial(() => db.query(`LISTEN ${CHANNEL}`)).catch(() => {});
      return () => {
        db.off('notification', listener);
        if (!closed) void serial(() => db.query(`UNLISTEN ${CHANNEL}`)).catch(() => {});
      };
    },
    refresh() {
      return serial(async () => {
        try {
          return await pullChanges(db, data, versions, mark, heard);
        } catch (e) {
          throw failed(url, e);
        }
      });
    },
    changedBy(entity: string, id: string) {
      return heard.get(recKey(entity, id));
    },
    reread(entity: string, id: string) {
      return serial(async () => {
        try {
          return await rereadRecord(db, data, versions, entity, id);
        } catch (e) {
          throw failed(url, e);
        }
      });
    },
    replace(ws: Workspace) {
      ws.id = data.id;
      data = ws;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await db.end().catch(() => {});
    },
  };
  return store;
}

/** Writes a new hotel (server init): the tables, and the workspace as the first history batch. */
export async function createPgHotel(url: string, ws: Workspace, now: Date, replace: boolean): Promise<void> {
  // whoever creates the hotel is its administrator: without a bound employee nobody could act
  if (!ws.employees.some((e) => e.unixUser)) {
    const admin = ws.employees.find((e) => e.login.toLowerCase() === ws.settings.adminLogin.toLowerCase());
    if (admin) admin.unixUser = unixUser();
  }
  const db: Db = await connect(url);
  try {
    await inTransaction(db, () => createHotel(db, url, ws, now.toISOString(), replace), 1);
  } catch (e) {
    throw failed(url, e);
  } finally {
    await db.end().catch(() => {});
  }
}
