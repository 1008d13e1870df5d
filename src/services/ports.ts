// The storage port: what the services need from wherever a workspace lives. The JSON file
// store in src/storage implements it today; a PostgreSQL backend implements it later. The
// shells (src/cli, src/tui) see only this, never src/storage: the composition root (main.ts)
// hands them a backend.
import type { Workspace } from '../domain/workspace.js';
import type { Change } from '../domain/change.js';

/** Who holds a workspace's writer lock. */
export interface LockInfo {
  host: string;
  pid: number;
  user: string;
  since: string;
}

/** One save: the changes of one user action, stamped with who made them and when. */
export interface Batch {
  at: string;
  by: string;
  changes: Change[];
}

export type StoreErrorCode = 'corrupt' | 'foreign' | 'newer' | 'invalid' | 'missing' | 'unreadable';
export class StoreError extends Error {
  constructor(public code: StoreErrorCode, public file: string, public detail = '') {
    super(`${code}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

export class LockedError extends Error {
  constructor(public holder: LockInfo) {
    super(`locked by ${holder.user} pid ${holder.pid} since ${holder.since}`);
  }
}

export interface WorkspaceStore {
  readonly file: string;
  readonly data: Workspace;
  /** set when another process holds the workspace: this store never writes */
  readonly readOnlyBecause?: LockInfo;
  /** true when this open created the workspace */
  readonly created: boolean;
  /** writes the whole workspace (and empties the journal) */
  save(): Promise<void>;
  /** makes one batch of changes durable: resolved means on disk */
  commit(batch: Batch): Promise<void>;
  /** resolves once every record has been checked (at once unless opened with deferValidation) */
  validate(): Promise<void>;
  replace(ws: Workspace): void;
  /** releases the lock, first folding the journal into the snapshot unless told not to */
  close(opts?: { compact?: boolean }): Promise<void>;
}

export interface OpenOptions {
  /** create an empty workspace if there is none */
  create?: boolean;
  /** take the writer's lock (a write-capable session); otherwise open for reading */
  write?: boolean;
  /** open read-only instead of failing when the lock is held */
  fallbackReadOnly?: boolean;
  /** check the records after opening (validate()) rather than before: a faster first frame */
  deferValidation?: boolean;
  /** wait this long for a held lock before giving up */
  waitMs?: number;
  now?: () => Date;
}

/** Everything the shells may ask of the place where workspaces live. */
export interface StorageBackend {
  /** the workspace a user means: a flag, else the environment, else the per-user default */
  resolvePath(flag: string | undefined, env?: NodeJS.ProcessEnv): string;
  open(file: string, opts: OpenOptions): Promise<WorkspaceStore>;
  /** whether a workspace exists at this place */
  exists(file: string): boolean;
  /** writes a whole new workspace under the writer's lock, dropping any journal of an older one */
  create(file: string, ws: Workspace, now: Date): Promise<void>;
  /** writes a file atomically and durably (an export), with these permission bits */
  writeFile(file: string, bytes: Uint8Array, mode?: number): void;
  /** the demo hotel as a ready workspace */
  loadDemo(): Workspace;
  /** what doctor reports of the place itself: permission bits and the lock's holder, if any */
  inspect(file: string): { mode?: number; dirMode?: number; lock?: string };
}
