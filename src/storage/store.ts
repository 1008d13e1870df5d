// The Store port over lowdb: lowdb's Low with our own adapter, which validates on read (a
// corrupt, foreign or newer file fails loudly and is never overwritten) and writes durably.
import fs from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { Workspace, WORKSPACE_FORMAT, SCHEMA_VERSION, emptyWorkspace } from '../domain/workspace.js';
import { ENTITIES, ENTITY_NAMES } from '../domain/entities.js';
import { applyBatches, parseBatch, type Batch, type Change, type ChangeProblem } from '../domain/change.js';
import { appendBatch, journalPathFor, readJournal, JournalMovedError, JournalUnsafeError, type JournalRead } from './journal.js';
import { jsonPieces } from './json-pieces.js';
import { writePieces } from './parallel-snapshot.js';
import { writeFileDurably, removeOrphanTemps } from './durable-file.js';
import { migrateWorkspace } from '../domain/migrate.js';
import { replayJournal } from './journal.js';
import { acquireLockWaiting, type LockInfo } from './lock.js';
import { prepareWorkspace } from './paths.js';
import { sanitizeLine } from '../text/sanitize.js';
import { checkedMark, checkedMarkPath, digestOf, markChecked, SnapshotDigest } from './checked-mark.js';
import { exactlySame, jsonShellParsesToItself, steadyShellText, writtenShellParsesToItself } from './canonical-shell.js';

import { StoreError, LockedError, type OpenOptions, type WorkspaceStore } from '../services/ports.js';
export { StoreError, LockedError, type OpenOptions };
export type { StoreErrorCode } from '../services/ports.js';

export function checkHeader(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StoreError('corrupt', file, (e as Error).message);
  }
  return checkRaw(raw, file);
}

function checkRaw(raw: unknown, file: string): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== WORKSPACE_FORMAT) {
    throw new StoreError('foreign', file);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new StoreError('foreign', file);
  if (version > SCHEMA_VERSION) throw new StoreError('newer', file, `v${version} > v${SCHEMA_VERSION}`);
  return raw as Record<string, unknown>;
}

/** Brings the raw object of an older version up to this one (after the journal is replayed,
 *  before the zod parse). Doctor runs it too, so it judges a file as the store would read it. */
export function upgradeRaw(raw: Record<string, unknown>): Record<string, unknown> {
  return raw;
}

/** Every entity list is a list of objects with a string id (what replaying a journal needs). */
function checkLists(raw: Record<string, unknown>, file: string): void {
  for (const e of ENTITY_NAMES) {
    const v = raw[e];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((r) => !r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string')) {
      throw new StoreError('invalid', file, `${e}: not a list of records`);
    }
  }
}

const issuesText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.slice(0, 3).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

/** An older workspace (its version below SCHEMA_VERSION) with its journal, which was written in
 *  the same old format, replayed onto it, then migrated; both before any schema check. */
function migrateOld(raw: Record<string, unknown>, file: string, journal: string | undefined): { raw: Record<string, unknown>; journalled: number } {
  let journalled = 0;
  if (journal !== undefined) {
    for (const e of ENTITY_NAMES) {
      const v = (raw[e] ??= []);
      if (!Array.isArray(v) || v.some((r) => !r || typeof r !== 'object')) throw new StoreError('invalid', file, `${e}: not a list of records`);
    }
    const r = replayJournal(raw as unknown as Workspace, journal);
    if ('corruptLine' in r) throw new StoreError('corrupt', journalPathFor(file), `line ${r.corruptLine}`);
    journalled = r.applied;
  }
  return { raw: migrateWorkspace(raw), journalled };
}

type Text = string | { raw: Record<string, unknown> };
const rawOf = (text: Text, file: string) => (typeof text === 'string' ? migrateWorkspace(checkHeader(text, file)) : text.raw);

/** Reads a workspace and validates every record. */
export function parseWorkspaceText(text: Text, file: string): Workspace {
  const parsed = Workspace.safeParse(rawOf(text, file));
  if (!parsed.success) throw new StoreError('invalid', file, issuesText(parsed.error.issues));
  return parsed.data;
}

/** Reads a workspace checking its format, version and shape only; the records are checked
 *  later by validateRecords, after the first frame is on screen. */
export function parseWorkspaceShallow(text: Text, file: string): Workspace {
  return parseShell(text, file).ws;
}

/** parseWorkspaceShallow, and whether the shell came out of the parse as it went in */
function parseShell(text: Text, file: string): { ws: Workspace; itself: boolean } {
  const raw = rawOf(text, file);
  const lists: Record<string, unknown[]> = {};
  const shell: Record<string, unknown> = { ...raw };
  for (const e of ENTITY_NAMES) {
    const v = raw[e];
    if (v === undefined) continue;
    lists[e] = v as unknown[];
    shell[e] = [];
  }
  const parsed = Workspace.safeParse(shell);
  if (!parsed.success) throw new StoreError('invalid', file, issuesText(parsed.error.issues));
  const itself = exactlySame(parsed.data, shell);
  return { ws: Object.assign(parsed.data, lists) as Workspace, itself };
}

/** A short, printable account of what was wrong with a journal line or a batch. */
export function problemsText(problems: ChangeProblem[]): string {
  return sanitizeLine(
    problems
      .slice(0, 3)
      .map((p) => [p.entity, p.id, p.field].filter(Boolean).join(' ') + (p.message ? `: ${p.message}` : ''))
      .join('; '),
  ).slice(0, 300);
}

function journalError(file: string, jr: JournalRead): StoreError | undefined {
  const bad = jr.bad;
  if (!bad) return undefined;
  const what = bad.problems.length ? problemsText(bad.problems) : bad.reason === 'frame' ? 'checksum' : bad.reason;
  return new StoreError('journal', journalPathFor(file), `line ${bad.line}: ${what}`);
}

/** Plain JSON values equal (what a record read from a file is made of). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Checks one record; returns zod's output when it differs from the record (a default filled
 *  in, a name trimmed, an unknown key dropped), else undefined. */
function checkRecord(ws: Workspace, e: (typeof ENTITY_NAMES)[number], i: number, file: string): Record<string, unknown> | undefined {
  const rec = (ws[e] as unknown as Record<string, unknown>[])[i];
  const r = ENTITIES[e].schema.safeParse(rec);
  if (!r.success) throw new StoreError('invalid', file, `${e}[${i}] ${issuesText(r.error.issues)}`);
  return sameJson(r.data, rec) ? undefined : (r.data as Record<string, unknown>);
}

/** Validates every record at once, replacing each that zod changes by zod's output (as a
 *  parse of the whole workspace would). Returns whether any record changed. */
export function validateRecordsNow(ws: Workspace, file: string): boolean {
  let changed = false;
  for (const e of ENTITY_NAMES) {
    const arr = ws[e] as unknown as Record<string, unknown>[];
    for (let i = 0; i < arr.length; i++) {
      const out = checkRecord(ws, e, i, file);
      if (out) {
        arr[i] = out;
        changed = true;
      }
    }
  }
  return changed;
}

/** Whether every record passes and comes out of the check as it went in. */
function allRecordsClean(ws: Workspace, file: string): boolean {
  try {
    for (const e of ENTITY_NAMES) for (let i = 0; i < ws[e].length; i++) if (checkRecord(ws, e, i, file)) return false;
    return true;
  } catch {
    return false;
  }
}

/** Validates every record in slices of a few milliseconds, yielding between them so a frame
 *  or a key is never held up behind the check (the first slices also compile zod's parsers:
 *  a count of records would be a long first slice). Records keep their identity; what the
 *  schema changes (defaults, trimming) is written into them in place. Resolves to whether any
 *  record changed. */
export async function validateRecords(ws: Workspace, file: string, sliceMs = 4): Promise<boolean> {
  let until = performance.now() + sliceMs;
  let n = 0;
  let changed = false;
  for (const e of ENTITY_NAMES) {
    const arr = ws[e] as unknown as Record<string, unknown>[];
    for (let i = 0; i < arr.length; i++) {
      const out = checkRecord(ws, e, i, file);
      if (out) {
        Object.assign(arr[i], out);
        changed = true;
      }
      if (++n % 16 === 0 && performance.now() > until) {
        await new Promise((res) => setImmediate(res));
        until = performance.now() + sliceMs;
      }
    }
  }
  return changed;
}

class WorkspaceFile implements Adapter<Workspace> {
  #file: string;
  #shallow: boolean;
  constructor(file: string, shallow: boolean) {
    this.#file = file;
    this.#shallow = shallow;
  }
  /** changes in the journal since the snapshot */
  journalled = 0;
  /** where the journal's last good line ends: the next append goes there (0: a new journal) */
  journalEnd = 0;
  /** the snapshot's size when last read or written: compaction is measured against it */
  snapshotBytes = 0;
  /** the next commit writes a snapshot instead of appending: the journal is in the previous
   *  version's format, or the snapshot has no identity yet for a journal to name */
  needsSnapshot = false;
  /** the journal was written before the snapshot on disk: everything in it is in the snapshot */
  staleJournal = false;
  /** the snapshot's hash as last read or written (undefined: this build marks nothing) */
  digest?: SnapshotDigest;
  /** what was read is the snapshot alone: no journal applied, no migration */
  pristine = false;
  /** the snapshot read is one this build found valid before (checked-mark.ts): no record check */
  trusted = false;
  /** steadyShellText of the shell read, when it came out of zod's parse as it went in
   *  (canonical-shell.ts): a write whose shell reads the same says so in its mark */
  steadyShell?: string;

  #parseShell(raw: Record<string, unknown>): Workspace {
    const { ws, itself } = parseShell({ raw }, this.#file);
    this.steadyShell = itself ? steadyShellText(ws as unknown as Record<string, unknown>) : undefined;
    return ws;
  }

  async read(): Promise<Workspace | null> {
    let text: string;
    let owner: number | undefined;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.#file);
      owner = fs.statSync(this.#file).uid;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('unreadable', this.#file, (e as Error).message);
    }
    text = bytes.toString('utf8');
    this.digest = digestOf(bytes);
    this.pristine = false;
    this.trusted = false;
    this.steadyShell = undefined;
    this.snapshotBytes = text.length;
    const jfile = journalPathFor(this.#file);
    const raw = checkHeader(text, this.#file);
    this.journalEnd = 0;
    this.journalled = 0;
    this.staleJournal = false;
    if ((raw.version as number) < SCHEMA_VERSION) {
      // an older version: its journal (if any) is in the old line format and holds old values;
      // replayed on the old raw object, then migrated; the first write is a whole snapshot
      const m = migrateOld(raw, this.#file, fs.existsSync(jfile) ? fs.readFileSync(jfile, 'utf8') : undefined);
      this.journalled = m.journalled;
      this.migrated = true;
      this.needsSnapshot = true;
      return this.#shallow ? parseWorkspaceShallow({ raw: m.raw }, this.#file) : parseWorkspaceText({ raw: m.raw }, this.#file);
    }
    // raw JSON → replay the journal on the raw object → zod parse
    checkLists(raw, this.#file);
    const id = typeof raw.id === 'string' && raw.id ? raw.id : undefined;
    const gen = typeof raw.generation === 'number' ? raw.generation : 0;
    this.needsSnapshot = !id;
    let jr: JournalRead | null;
    try {
      jr = readJournal(this.#file, owner);
    } catch (e) {
      if (e instanceof JournalUnsafeError) throw new StoreError('journalUnsafe', e.file, e.why);
      throw new StoreError('unreadable', journalPathFor(this.#file), (e as Error).message);
    }
    if (jr) {
      const bad = journalError(this.#file, jr);
      if (bad) throw bad;
      const count = () => jr.entries.reduce((n, en) => n + en.batch.changes.length, 0);
      if (jr.legacy) {
        // unsaved changes of the previous version: applied, and folded into a snapshot at
        // the first save so that no new-format line is ever added to this file
        applyBatches(raw, jr.entries.map((en) => en.batch));
        this.journalled = count();
        this.needsSnapshot = true;
      } else if (jr.header) {
        if (jr.header.ws !== id) throw new StoreError('journalForeign', journalPathFor(this.#file), 'ws');
        if (jr.header.gen > gen) throw new StoreError('journalForeign', journalPathFor(this.#file), `gen ${jr.header.gen} > ${gen}`);
        if (jr.header.gen < gen) {
          // Stale: save() renames the new snapshot (generation + 1) into place first and only
          // then deletes the journal, so a crash between the two leaves this journal behind
          // with everything it holds already in the snapshot. It is not applied (its counters
          // would step back) and a writer removes it before anything is appended.
          this.staleJournal = true;
        } else {
          applyBatches(raw, jr.entries.map((en) => en.batch));
          this.journalled = count();
          this.journalEnd = jr.goodEnd;
        }
      }
      // else: empty, or only a header cut short: the next append starts the file afresh
    }
    const current = upgradeRaw(raw);
    this.pristine = this.journalled === 0;
    const mark = this.pristine ? checkedMark(this.#file, this.digest) : undefined;
    if (mark) {
      this.trusted = true;
      if (!mark.shell) return this.#parseShell(current);
      // zod's parse would give this shell back as it is: taken as read
      this.steadyShell = steadyShellText(current);
      return current as unknown as Workspace;
    }
    if (this.#shallow) return this.#parseShell(current);
    const ws = this.#parseShell(current);
    if (!validateRecordsNow(ws, this.#file) && this.pristine) markChecked(this.#file, this.digest, this.steadyShell !== undefined);
    return ws;
  }
  /** read from an older version: the first write (not a journal append) stores the new one */
  migrated = false;
  async write(data: Workspace): Promise<void> {
    data.generation = (data.generation ?? 0) + 1;
    let written: number;
    let digest!: SnapshotDigest;
    try {
      written = writeFileDurably(this.#file, (fd) => {
        const w = writePieces(fd, jsonPieces(data as unknown as Record<string, unknown>));
        digest = w.digest;
        return w.bytes;
      });
    } catch (e) {
      data.generation--;
      throw new StoreError('unwritable', this.#file, (e as Error).message);
    }
    this.snapshotBytes = written;
    // only records that passed the check are ever written (openStore's writable)
    this.digest = digest;
    markChecked(this.#file, digest, writtenShellParsesToItself(data as unknown as Record<string, unknown>, this.steadyShell));
    // the snapshot now holds everything: the journal can go (if this is cut short, the
    // journal left behind names the older generation and is recognised as stale)
    fs.rmSync(journalPathFor(this.#file), { force: true });
    this.journalled = 0;
    this.journalEnd = 0;
    this.needsSnapshot = false;
    this.staleJournal = false;
    this.migrated = false;
  }

  removeStaleJournal(): void {
    if (!this.staleJournal) return;
    fs.rmSync(journalPathFor(this.#file), { force: true });
    this.staleJournal = false;
  }
}

export interface Store extends WorkspaceStore {
  /** commit() of a batch made of these changes, by an unknown user (for older callers) */
  append(changes: Change[]): Promise<void>;
}

/** Fold the journal into the snapshot once it holds this many changes, */
const COMPACT_AFTER = 2000;
/** or once it is larger than the snapshot (and than this): replay and rewrite stay in proportion. */
const COMPACT_MIN_BYTES = 1 << 20;

/** `heldLock`: the caller already holds the writer's lock (doctor --repair); this store releases it. */
export async function openStore(wanted: string, opts: OpenOptions = {}, heldLock?: () => void): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  // the real file behind any link, in a folder only we can write: checked before reading or locking
  const file = prepareWorkspace(wanted, { makeDir: opts.write });
  let release: (() => void) | undefined = heldLock;
  let readOnlyBecause: LockInfo | undefined;
  if (opts.write && !release) {
    const lock = await acquireLockWaiting(file, { waitMs: opts.waitMs, now: now() });
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
      // the hotel's zone is this machine's until settings say otherwise
      db.data = emptyWorkspace(now().toISOString(), Intl.DateTimeFormat().resolvedOptions().timeZone);
      created = true;
      if (jsonShellParsesToItself(db.data as unknown as Record<string, unknown>)) adapter.steadyShell = steadyShellText(db.data as unknown as Record<string, unknown>);
      if (release) {
        fs.rmSync(journalPathFor(file), { force: true }); // a journal without its snapshot names another workspace
        await db.write();
      }
    }
    if (release) {
      adapter.removeStaleJournal();
      removeOrphanTemps(file);
      removeOrphanTemps(checkedMarkPath(file)); // a writer of the mark killed mid-write
    }
  } catch (e) {
    release?.();
    throw e;
  }
  let validation: Promise<void> | undefined = opts.deferValidation && !adapter.trusted ? undefined : Promise.resolve();
  const validate = () =>
    (validation ??= (async () => {
      const read = adapter.digest;
      const changed = await validateRecords(db.data, file);
      // nothing changed by the check, nor written meanwhile: the file as read is known good
      if (!changed && adapter.pristine && read && adapter.digest === read) markChecked(file, read, adapter.steadyShell !== undefined);
    })());
  const writable = async () => {
    if (!release) throw new Error('store opened read-only');
    await validate(); // never write over a file whose records were not all valid
  };
  /** an append failed: what is in memory is more than what is on disk until the next snapshot */
  let unsaved = false;
  const compactIfBig = async () => {
    if (adapter.journalled <= COMPACT_AFTER && adapter.journalEnd <= Math.max(COMPACT_MIN_BYTES, adapter.snapshotBytes)) return;
    try {
      await db.write();
    } catch {
      // the batch is already durable in the journal; the next commit or close tries again
    }
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
      unsaved = false;
    },
    async commit(batch) {
      await writable();
      if (!batch.changes.length) return;
      // a batch bigger than a whole compaction (an import of a class roster) goes straight
      // into a new snapshot: one journal line of a million records would cost its size twice
      // over in memory, and the snapshot would be written at close anyway. The services
      // checked every record as they made it.
      if (batch.changes.length > COMPACT_AFTER) {
        try {
          await db.write();
        } catch (e) {
          unsaved = true; // in memory only: the next commit writes the whole snapshot again
          throw e;
        }
        unsaved = false;
        return;
      }
      // never write a line that would not be accepted when read back
      const checked = parseBatch(batch);
      if (!checked.ok) throw new StoreError('invalid', file, problemsText(checked.problems));
      if (adapter.needsSnapshot || unsaved) {
        await db.write(); // the batch is already in memory: the snapshot holds it
        unsaved = false;
        return;
      }
      try {
        adapter.journalEnd = appendBatch(file, adapter.journalEnd, { journal: 'hotel-crm', ws: db.data.id, gen: db.data.generation, v: SCHEMA_VERSION }, batch);
      } catch (e) {
        if (e instanceof JournalMovedError) {
          await db.write(); // the journal was removed or cut under us: the snapshot holds all of it
          return;
        }
        unsaved = true;
        if (e instanceof JournalUnsafeError) throw new StoreError('journalUnsafe', e.file, e.why);
        throw new StoreError('unwritable', journalPathFor(file), (e as Error).message);
      }
      adapter.journalled += batch.changes.length;
      await compactIfBig();
    },
    async append(changes) {
      await store.commit({ at: now().toISOString(), by: '?', changes });
    },
    replace(ws: Workspace) {
      ws.id = db.data.id;
      ws.generation = db.data.generation;
      db.data = ws;
      validation = Promise.resolve();
    },
    async close(o = {}) {
      if (release && (adapter.journalled > 0 || unsaved) && o.compact !== false) {
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

/** Writes a new workspace in place of whatever was there (init, init --force), under the
 *  caller's lock. Any journal of the old one goes first, so nothing of it can be replayed into
 *  the new one (which has a new id as well: a journal that survives a crash here is refused as
 *  foreign, never merged). */
export function createWorkspace(file: string, ws: Workspace): void {
  try {
    fs.rmSync(journalPathFor(file), { force: true });
    ws.generation = (ws.generation ?? 0) + 1;
    const bytes = Buffer.from(JSON.stringify(ws), 'utf8');
    writeFileDurably(file, bytes);
    if (allRecordsClean(ws, file)) markChecked(file, digestOf(bytes), jsonShellParsesToItself(ws as unknown as Record<string, unknown>));
  } catch (e) {
    throw new StoreError('unwritable', file, (e as Error).message);
  }
  removeOrphanTemps(file);
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
