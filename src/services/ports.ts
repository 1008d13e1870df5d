// The storage port: what the services need from wherever a workspace lives. The JSON file
// store in src/storage implements it today; a PostgreSQL backend implements it later. The
// shells (src/cli, src/tui) see only this, never src/storage: the composition root (main.ts)
// hands them a backend.
import type { Workspace } from '../domain/workspace.js';
import type { Change, ChangeProblem } from '../domain/change.js';
import type { HistoryBatch } from '../domain/grading/team-credit.js';

/** Who holds a workspace's writer lock. Every field came from a file another process wrote:
 *  sanitise before showing (presentation/store-errors.ts: lockedText, lockBannerText). */
export interface LockInfo {
  host: string;
  pid: number;
  user: string;
  since: string;
  /** set when the lock file itself cannot be judged: then its holder is unknown */
  problem?: LockProblem;
  /** the lock file, named in the message when there is a problem */
  file?: string;
  /** why it cannot be read (an errno code such as EACCES), for problem 'unreadable' */
  detail?: string;
}
/** unreadable: no permission or an I/O error; not-regular: a link, folder, pipe …;
 *  foreign: it belongs to another user; damaged: not a lock's content, and written moments ago */
export type LockProblem = 'unreadable' | 'not-regular' | 'foreign' | 'damaged';

export type UnsafeReason =
  /** the folder can be written by its group or by everyone */
  | 'dir-shared'
  /** the folder is a shared one with the sticky bit, like /tmp */
  | 'dir-public'
  /** the folder belongs to another user */
  | 'dir-foreign'
  /** the file (or a link on the way to it) belongs to another user */
  | 'file-foreign'
  /** a link, a folder, a pipe … where a plain file must be */
  | 'not-regular';

/** A workspace another user could reach into (a shared folder, a file or link not ours). */
export class UnsafePathError extends Error {
  constructor(
    public reason: UnsafeReason,
    public path: string,
  ) {
    super(`${reason}: ${path}`);
  }
}

/** One save: the changes of one user action, stamped with who made them and when. */
export interface Batch {
  at: string;
  by: string;
  changes: Change[];
}

export type StoreErrorCode =
  | 'corrupt' | 'foreign' | 'newer' | 'invalid' | 'missing' | 'unreadable'
  // the journal: a bad record, one of another workspace, not a plain file of the user; a failed write
  | 'journal' | 'journalForeign' | 'journalUnsafe' | 'unwritable';
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
  /** makes one batch of changes durable: resolved means on disk. A shared hotel may have given
   *  new records other ids (someone else took theirs at the same moment): entity → old → new. */
  commit(batch: Batch): Promise<void | CommitDone>;
  /** resolves once every record has been checked (at once unless opened with deferValidation) */
  validate(): Promise<void>;
  replace(ws: Workspace): void;
  /** releases the lock, first folding the journal into the snapshot unless told not to */
  close(opts?: { compact?: boolean }): Promise<void>;
  /** set for a shared hotel: who is logged in to this machine (the acting employee is theirs) */
  readonly shared?: SharedIdentity;
  /** a shared hotel: calls back (soon after) each time someone saves; returns the unsubscribe */
  watch?(onChange: () => void): () => void;
  /** a shared hotel: brings what others saved since into data (records replaced, added or
   *  removed in place); true when anything changed. Call with no changes of one's own pending */
  refresh?(): Promise<boolean>;
  /** a shared hotel: reads one record as it is saved now into data (replaced, added, or removed
   *  when deleted) and takes its version as the one this session read, so the next save of it
   *  goes over that version. Call with no changes of one's own pending */
  reread?(entity: string, id: string): Promise<{ record?: Record<string, unknown>; version?: number }>;
  /** a shared hotel: the login of whoever last saved this record, as a refresh brought it in */
  changedBy?(entity: string, id: string): string | undefined;
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
  create(file: string, ws: Workspace, now: Date, opts?: { waitMs?: number; replace?: boolean }): Promise<void>;
  /** writes a file atomically and durably (an export), with these permission bits */
  writeFile(file: string, bytes: Uint8Array, mode?: number): void;
  /** the demo hotel as a ready workspace */
  loadDemo(): Workspace;
  /** appends one line to a private file (0600, never through a link) and fsyncs it: a lab's
   *  event log. Optional: a backend without it keeps no lab log */
  appendLine?(file: string, line: string): void;
  /** a private file's text (undefined when there is none) */
  readPrivate?(file: string): string | undefined;
  /** what doctor needs, read without the lock and without judging: never throws */
  inspect(file: string): Inspection;
  /** doctor --repair: under the writer's lock, keeps everything before the first bad journal
   *  record and moves the rest aside, moves a foreign journal aside, folds the journal into the
   *  workspace, removes orphaned temp files. Throws StoreError / LockedError when it cannot. */
  repair(file: string, now: () => Date): Promise<RepairAction[]>;
  /** inspect() for a backend that must ask a server (a shared hotel): the workspace as read,
   *  or why it could not be (error.cause: the error to put in words) */
  inspectShared?(file: string): Promise<Inspection>;
  /** a shared hotel: lets a student's unix login connect as a database role that may read the
   *  hotel and save only through the app's commit (created when missing) */
  allowLogin?(file: string, unixUser: string): Promise<{ created: boolean }>;
  /** a shared hotel: every save of its history, in the order they were made, each change
   *  checked by its schema; reads only. Absent: this backend keeps no shared history (a JSON
   *  workspace is not a shared hotel). Throws SharedStoreError when the hotel cannot be read */
  readHistory?(file: string): Promise<HistoryRead>;
}

/** A shared hotel's history as read (grading a team lab). */
export interface HistoryRead {
  batches: HistoryBatch[];
  /** changes this version cannot read (a newer program's, or damaged): left out, counted */
  skipped: number;
}

/** A workspace's files as found, for doctor to judge. */
export interface Inspection {
  /** permission bits of the workspace file and its folder */
  mode?: number;
  dirMode?: number;
  dir: string;
  /** the snapshot's text, or why it could not be read */
  text?: string;
  error?: { code: string; message: string; cause?: unknown };
  /** the lock file's text, or why it could not be read (absent: no lock file) */
  lock?: string;
  lockFile: string;
  lockError?: string;
  journalFile: string;
  /** the journal as read (absent: none), or why it could not be */
  journal?: JournalFacts;
  journalError?: { unsafe: boolean; message: string };
  /** temp files of writers; alive: their process still runs */
  temps: { path: string; pid: number; alive: boolean; size: number }[];
}

export interface JournalFacts {
  /** the previous version's format: one change per line, no header */
  legacy: boolean;
  header?: { ws: string; gen: number };
  /** the good records, in order */
  batches: Batch[];
  lines: number;
  torn?: { line: number; bytes: number; excerpt: string };
  bad?: { line: number; reason: string; excerpt: string; problems: ChangeProblem[] };
}

export type RepairAction =
  | { code: 'repairMovedBad'; from: number; to: number; bytes: number; dest: string }
  | { code: 'repairMovedJournal'; dest: string }
  | { code: 'repairStale' }
  | { code: 'repairFolded'; count: number }
  | { code: 'repairTemps'; count: number };

// ---- a shared hotel (PostgreSQL) ----

/** What went wrong with a shared hotel: it cannot be reached; the database holds no hotel yet
 *  (server init); a newer program made it; init over one that exists (--force replaces it);
 *  a save or read failed on the way (the connection dropped …): nothing of it was saved. */
export type SharedProblem = 'connect' | 'noHotel' | 'newerSchema' | 'exists' | 'failed';
export class SharedStoreError extends Error {
  constructor(
    public problem: SharedProblem,
    /** the server (host or socket folder) and database, as a message names them: no password */
    public host: string,
    public database: string,
    /** why, as the server or the network said it (sanitise before showing) */
    public reason = '',
  ) {
    super(`${problem}: ${database} on ${host}${reason ? ` (${reason})` : ''}`);
  }
}

/** One record someone else changed since this session read it. kind: changed (a newer version
 *  is saved), deleted (it is gone), created (a record with this id was made meanwhile). */
export interface Conflict {
  entity: string;
  id: string;
  kind: 'changed' | 'deleted' | 'created';
  /** the login that saved the newer version, and when (from the history) */
  by?: string;
  at?: string;
  /** the fields whose saved value differs from the one this session started from */
  fields: string[];
  /** the record as this session read it (the version it started from), when the history has it */
  original?: Record<string, unknown>;
}
/** What a commit changed beyond the batch: the new records it gave other ids, by entity. */
export interface CommitDone {
  renamed?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A commit refused because another employee saved the same record first: nothing of the
 *  batch was written. */
export class ConflictError extends Error {
  constructor(public conflicts: Conflict[]) {
    super(`conflict: ${conflicts.map((c) => `${c.entity} ${c.id} ${c.kind}`).join(', ')}`);
  }
}

/** A store of a shared hotel: the acting employee is the one bound to this unix login. */
export interface SharedIdentity {
  unixUser: string;
}
