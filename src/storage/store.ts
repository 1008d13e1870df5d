// The Store port over lowdb: lowdb's Low with our own adapter, which validates on read (a
// corrupt, foreign or newer file fails loudly and is never overwritten) and writes durably.
import fs from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { Workspace, WORKSPACE_FORMAT, SCHEMA_VERSION, emptyWorkspace } from '../domain/workspace.js';
import { writeFileDurably, ensureDir } from './durable-file.js';
import { acquireLock, type LockInfo } from './lock.js';

export type StoreErrorCode = 'corrupt' | 'foreign' | 'newer' | 'invalid' | 'missing' | 'unreadable';
export class StoreError extends Error {
  constructor(public code: StoreErrorCode, public file: string, public detail = '') {
    super(`${code}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

export function parseWorkspaceText(text: string, file: string): Workspace {
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
  const parsed = Workspace.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new StoreError('invalid', file, first);
  }
  return parsed.data;
}

class WorkspaceFile implements Adapter<Workspace> {
  #file: string;
  constructor(file: string) {
    this.#file = file;
  }
  async read(): Promise<Workspace | null> {
    let text: string;
    try {
      text = fs.readFileSync(this.#file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('unreadable', this.#file, (e as Error).message);
    }
    return parseWorkspaceText(text, this.#file);
  }
  async write(data: Workspace): Promise<void> {
    writeFileDurably(this.#file, JSON.stringify(data));
  }
}

export interface Store {
  readonly file: string;
  readonly data: Workspace;
  /** set when another process holds the workspace: this store never writes */
  readonly readOnlyBecause?: LockInfo;
  /** true when this open created the file */
  readonly created: boolean;
  save(): Promise<void>;
  replace(ws: Workspace): void;
  close(): void;
}

export interface OpenOptions {
  /** create an empty workspace if there is none */
  create?: boolean;
  /** take the writer's lock (a write-capable session); otherwise open for reading */
  write?: boolean;
  /** open read-only instead of failing when the lock is held */
  fallbackReadOnly?: boolean;
  now?: () => Date;
}

export class LockedError extends Error {
  constructor(public holder: LockInfo) {
    super(`locked by ${holder.user} pid ${holder.pid} since ${holder.since}`);
  }
}

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
  const adapter = new WorkspaceFile(file);
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
  return {
    file,
    get data() {
      return db.data;
    },
    readOnlyBecause,
    created,
    async save() {
      if (!release) throw new Error('store opened read-only');
      await db.write();
    },
    replace(ws: Workspace) {
      db.data = ws;
    },
    close() {
      release?.();
      release = undefined;
    },
  };
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
    replace(w: Workspace) {
      data = w;
    },
    close() {},
  };
  return s;
}
