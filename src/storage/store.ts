// The Store port over lowdb: lowdb's Low with our own adapter, which validates on read (a
// corrupt, foreign or newer file fails loudly and is never overwritten) and writes durably.
import fs from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { Workspace, WORKSPACE_FORMAT, SCHEMA_VERSION, emptyWorkspace } from '../domain/workspace.js';
import { ENTITIES, ENTITY_NAMES } from '../domain/entities.js';
import { appendJournal, journalPathFor, replayJournal, type Change } from './journal.js';
import { writeFileDurably, ensureDir } from './durable-file.js';
import { acquireLock, type LockInfo } from './lock.js';

import { StoreError, LockedError, type Batch, type OpenOptions, type WorkspaceStore } from '../services/ports.js';
export { StoreError, LockedError, type OpenOptions };
export type { StoreErrorCode } from '../services/ports.js';

function checkHeader(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StoreError('corrupt', file, (e as Error).message);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== WORKSPACE_FORMAT) {
    throw new StoreError('foreign', file);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number') throw new StoreError('foreign', file);
  if (version > SCHEMA_VERSION) throw new StoreError('newer', file, `v${version} > v${SCHEMA_VERSION}`);
  return raw as Record<string, unknown>;
}

const issuesText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.slice(0, 3).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

/** Reads a workspace and validates every record. */
export function parseWorkspaceText(text: string, file: string): Workspace {
  const parsed = Workspace.safeParse(checkHeader(text, file));
  if (!parsed.success) throw new StoreError('invalid', file, issuesText(parsed.error.issues));
  return parsed.data;
}

/** Reads a workspace checking its format, version and shape only; the records are checked
 *  later by validateRecords, after the first frame is on screen. */
export function parseWorkspaceShallow(text: string, file: string): Workspace {
  const raw = checkHeader(text, file);
  const lists: Record<string, unknown[]> = {};
  const shell: Record<string, unknown> = { ...raw };
  for (const e of ENTITY_NAMES) {
    const v = raw[e];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((r) => !r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string')) {
      throw new StoreError('invalid', file, `${e}: not a list of records`);
    }
    lists[e] = v;
    shell[e] = [];
  }
  const parsed = Workspace.safeParse(shell);
  if (!parsed.success) throw new StoreError('invalid', file, issuesText(parsed.error.issues));
  return Object.assign(parsed.data, lists) as Workspace;
}

/** Validates every record in slices, yielding between them so the screen stays responsive.
 *  Records keep their identity; defaults the schema adds are filled in place. */
export async function validateRecords(ws: Workspace, file: string, slice = 1000): Promise<void> {
  let n = 0;
  for (const e of ENTITY_NAMES) {
    const schema = ENTITIES[e].schema;
    const arr = ws[e] as unknown as Record<string, unknown>[];
    for (let i = 0; i < arr.length; i++) {
      const r = schema.safeParse(arr[i]);
      if (!r.success) throw new StoreError('invalid', file, `${e}[${i}] ${issuesText(r.error.issues)}`);
      if (Object.keys(r.data).length !== Object.keys(arr[i]).length) Object.assign(arr[i], r.data);
      if (++n % slice === 0) await new Promise((res) => setImmediate(res));
    }
  }
}

class WorkspaceFile implements Adapter<Workspace> {
  #file: string;
  #shallow: boolean;
  constructor(file: string, shallow: boolean) {
    this.#file = file;
    this.#shallow = shallow;
  }
  async read(): Promise<Workspace | null> {
    let text: string;
    try {
      text = fs.readFileSync(this.#file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('unreadable', this.#file, (e as Error).message);
    }
    const ws = this.#shallow ? parseWorkspaceShallow(text, this.#file) : parseWorkspaceText(text, this.#file);
    // what the last session saved after its snapshot
    const jfile = journalPathFor(this.#file);
    if (fs.existsSync(jfile)) {
      const r = replayJournal(ws, fs.readFileSync(jfile, 'utf8'));
      if ('corruptLine' in r) throw new StoreError('corrupt', jfile, `line ${r.corruptLine}`);
      this.journalled = r.applied;
    }
    return ws;
  }
  journalled = 0;
  async write(data: Workspace): Promise<void> {
    writeFileDurably(this.#file, JSON.stringify(data));
    // the snapshot now holds everything: the journal can go (replaying it again would change nothing)
    fs.rmSync(journalPathFor(this.#file), { force: true });
    this.journalled = 0;
  }
}

export interface Store extends WorkspaceStore {
  /** appends a session's changes to the journal: small and durable */
  append(changes: Change[]): Promise<void>;
}

/** Fold the journal into the snapshot once it holds this many entries. */
const COMPACT_AFTER = 2000;

export async function openStore(file: string, opts: OpenOptions = {}): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  let release: (() => void) | undefined;
  let readOnlyBecause: LockInfo | undefined;
  if (opts.write) {
    ensureDir(path.dirname(file));
    const lock = acquireLock(file, now());
    if (lock.ok) release = lock.release;
    else if (opts.fallbackReadOnly) readOnlyBecause = lock.holder;
    else throw new LockedError(lock.holder);
  }
  const adapter = new WorkspaceFile(file, !!opts.deferValidation);
  const db = new Low<Workspace>(adapter, null as unknown as Workspace);
  let created = false;
  try {
    await db.read();
    if (db.data === null) {
      if (!opts.create) throw new StoreError('missing', file);
      db.data = emptyWorkspace(now().toISOString());
      created = true;
      if (release) await db.write();
    }
  } catch (e) {
    release?.();
    throw e;
  }
  // the snapshot was checked as it was read; what the journal added is checked here
  if (!opts.deferValidation && adapter.journalled > 0) {
    try {
      await validateRecords(db.data, file);
    } catch (e) {
      release?.();
      throw e;
    }
  }
  let validation: Promise<void> | undefined = opts.deferValidation ? undefined : Promise.resolve();
  const validate = () => (validation ??= validateRecords(db.data, file));
  const writable = async () => {
    if (!release) throw new Error('store opened read-only');
    await validate(); // never write over a file whose records were not all valid
  };
  const store: Store = {
    file,
    get data() {
      return db.data;
    },
    readOnlyBecause,
    created,
    validate,
    async save() {
      await writable();
      await db.write();
    },
    async commit(batch: Batch) {
      await store.append(batch.changes);
    },
    async append(changes) {
      await writable();
      appendJournal(file, changes);
      adapter.journalled += changes.length;
      if (adapter.journalled > COMPACT_AFTER) await db.write();
    },
    replace(ws: Workspace) {
      db.data = ws;
      validation = Promise.resolve();
    },
    async close(o = {}) {
      if (release && adapter.journalled > 0 && o.compact !== false) {
        try {
          await validate();
          await db.write();
        } catch {
          // the journal stays and is replayed at the next open
        }
      }
      release?.();
      release = undefined;
    },
  };
  return store;
}

/** A store that lives in memory only: for tests of services and screens. */
export function memoryStore(ws: Workspace, file = ':memory:'): Store & { saves: number } {
  let data = ws;
  const s = {
    file,
    get data() {
      return data;
    },
    created: false,
    saves: 0,
    async save() {
      s.saves++;
    },
    async append(changes: Change[]) {
      if (changes.length) s.saves++;
    },
    async commit(batch: Batch) {
      if (batch.changes.length) s.saves++;
    },
    validate: () => Promise.resolve(),
    replace(w: Workspace) {
      data = w;
    },
    async close() {},
  };
  return s;
}
