// One writer per workspace: a lock file beside it that names its holder. No timer refreshes it
// (idle CPU stays 0); a lock whose process is gone from this host is taken over at once.
//
// The lock appears whole or not at all: it is written to a temp file that is then hard-linked
// to the lock's name (link fails if the name is taken, like O_EXCL). Taking over a stale lock is
// done by one taker at a time: the taker creates `<lock>.breaking` the same way, judges the lock
// again while holding it, and moves the lock aside only if it is still the stale one. Deleting
// a lock judged stale a moment earlier (check-then-delete) let two writers both win: the second
// deleted the lock the first had just made, and both saved their own C0001.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { openPrivate, UnsafePathError } from './safe-fs.js';
import type { LockInfo, LockProblem } from '../services/ports.js';

export type { LockInfo, LockProblem };

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: LockInfo };

export const lockPathFor = (file: string) => `${file}.lock`;

/** A lock that does not parse is one whose writer died between creating and filling it (older
 *  versions, a crash): stale once it is this old. Younger, its writer may still be at work. */
const TORN_MS = 2000;
/** Taking over takes microseconds: a `.breaking` file this old was left by a killed taker. */
const BREAKING_MS = 5000;
/** How long a taker waits for other takers of the same stale lock before giving up. */
const TAKEOVER_MS = 2000;
/** How long an unfinished lock is given to be finished before it is reported as damaged. */
const UNFINISHED_MS = 100;

const HOST = os.hostname();
const rand = () => crypto.randomBytes(6).toString('hex');

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? String(process.getuid?.() ?? '?'); // a uid without a passwd entry
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A short blocking pause (no busy loop) while another process finishes a step of microseconds. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface Read {
  raw: string;
  ino: number;
  mtimeMs: number;
}

/** Reads a lock-like file without following links; throws UnsafePathError or fs errors. */
function readSmall(file: string): Read {
  const fd = openPrivate(file, 'read');
  try {
    const st = fs.fstatSync(fd);
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    // a lock is ~150 bytes: anything longer is not one (and is not read into memory)
    const raw = st.size > buf.length ? '\u0000' : buf.subarray(0, n).toString('utf8');
    return { raw, ino: st.ino, mtimeMs: st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** The holder a lock's text names, or undefined when the text is not a lock. Every field came
 *  from a file: pid must be a real one (kill(0) or kill(-1) would ask about whole groups). */
function parseHolder(raw: string): (LockInfo & { token?: string }) | undefined {
  let h: unknown;
  try {
    h = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!h || typeof h !== 'object') return undefined;
  const o = h as Record<string, unknown>;
  if (typeof o.pid !== 'number' || !Number.isSafeInteger(o.pid) || o.pid <= 0) return undefined;
  if (typeof o.host !== 'string' || !o.host) return undefined;
  return {
    host: o.host,
    pid: o.pid,
    user: typeof o.user === 'string' ? o.user : '?',
    since: typeof o.since === 'string' ? o.since : '',
    token: typeof o.token === 'string' ? o.token : undefined,
  };
}

type Seen =
  | { kind: 'gone' }
  | ({ kind: 'held'; holder: LockInfo & { token?: string } } & Read)
  | ({ kind: 'stale' } & Read)
  | { kind: 'problem'; holder: LockInfo };

const problemHolder = (file: string, problem: LockProblem, detail?: string): LockInfo => ({
  host: '?',
  pid: 0,
  user: '?',
  since: '',
  problem,
  file,
  ...(detail ? { detail } : {}),
});

/** What the lock (or a `.breaking` file) at this name says right now. */
function inspect(file: string): Seen {
  let r: Read;
  try {
    r = readSmall(file);
  } catch (e) {
    if (e instanceof UnsafePathError) return { kind: 'problem', holder: problemHolder(file, e.reason === 'file-foreign' ? 'foreign' : 'not-regular') };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'problem', holder: problemHolder(file, 'unreadable', code ?? (e as Error).message) };
  }
  const h = parseHolder(r.raw);
  if (!h) return Date.now() - r.mtimeMs > TORN_MS ? { kind: 'stale', ...r } : { kind: 'problem', holder: problemHolder(file, 'damaged') };
  if (h.host === HOST && !alive(h.pid)) return { kind: 'stale', ...r };
  return { kind: 'held', holder: h, ...r };
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Creates `name` holding `text`, whole, unless the name is taken (then false). */
function createWhole(name: string, text: string): boolean {
  const tmp = `${name}.new-${process.pid}-${rand()}`;
  const fd = openPrivate(tmp, 'create');
  try {
    try {
      fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, name);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return false;
      if (!LINK_UNSUPPORTED.has(code)) throw e;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  // a filesystem without hard links: O_EXCL, and a moment where the file is empty (see TORN_MS)
  let fd2: number;
  try {
    fd2 = openPrivate(name, 'create');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd2, text);
  } finally {
    fs.closeSync(fd2);
  }
  return true;
}

/** Moves `name` aside and deletes it, if it is still the very file that was judged; if another
 *  file took its place meanwhile, puts that one back. */
function removeIfSame(name: string, judged: Read): void {
  const aside = `${name}.stale-${process.pid}-${rand()}`;
  try {
    fs.renameSync(name, aside);
  } catch {
    return; // gone already: someone else removed it
  }
  let same = false;
  try {
    const now = readSmall(aside);
    same = now.ino === judged.ino && now.raw === judged.raw;
  } catch {
    /* unreadable now: put back whatever it is */
  }
  if (!same) {
    try {
      fs.linkSync(aside, name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' && !fs.existsSync(name)) fs.renameSync(aside, name);
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the lock's `.breaking` mutex and, holding it, removes the lock if it is still stale.
 *  Returns false when another taker holds the mutex (try again in a moment). */
function breakStale(lockFile: string): boolean {
  const brk = `${lockFile}.breaking`;
  const mine = JSON.stringify({ host: HOST, pid: process.pid, token: rand() });
  if (!createWhole(brk, mine)) {
    const other = inspect(brk);
    // a taker killed while holding it: clear it (it holds nothing of value)
    if (other.kind === 'stale' || (other.kind === 'held' && Date.now() - other.mtimeMs > BREAKING_MS)) removeIfSame(brk, other);
    return other.kind === 'gone';
  }
  try {
    const seen = inspect(lockFile); // again: it may have changed since we judged it
    if (seen.kind === 'stale') removeIfSame(lockFile, seen);
  } finally {
    try {
      if (readSmall(brk).raw === mine) fs.rmSync(brk, { force: true });
    } catch {
      /* already cleared */
    }
  }
  return true;
}

/** Removes temp and aside files left by takers and lockers that were killed midway. */
function sweepLeftovers(lockFile: string): void {
  const dir = path.dirname(lockFile);
  const base = path.basename(lockFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(`${base}.`)) continue;
    const m = /\.(?:new|stale)-(\d+)-[0-9a-f]+$/.exec(n);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && !alive(pid)) fs.rmSync(path.join(dir, n), { force: true });
  }
}

/** One attempt to take the writer's lock of `file` (a stale one is taken over at once). */
export function acquireLock(file: string, now = new Date()): LockResult {
  const lockFile = lockPathFor(file);
  const token = rand();
  const text = JSON.stringify({ host: HOST, pid: process.pid, user: userName(), since: now.toISOString(), token });
  const start = Date.now();
  let last: LockInfo = problemHolder(lockFile, 'damaged');
  for (;;) {
    if (createWhole(lockFile, text)) {
      sweepLeftovers(lockFile);
      const brk = `${lockFile}.breaking`;
      const left = inspect(brk);
      if (left.kind === 'stale') removeIfSame(brk, left);
      return { ok: true, release: releaser(lockFile, token) };
    }
    const seen = inspect(lockFile);
    if (seen.kind === 'held') {
      const { token: _t, ...holder } = seen.holder;
      return { ok: false, holder };
    }
    if (seen.kind === 'problem') {
      // a fresh, unfinished lock is most likely being written right now: look again shortly
      if (seen.holder.problem !== 'damaged' || Date.now() - start > UNFINISHED_MS) return { ok: false, holder: seen.holder };
      pause(10);
      continue;
    }
    if (seen.kind === 'stale' && !breakStale(lockFile)) {
      const h = parseHolder(seen.raw);
      if (h) last = { host: h.host, pid: h.pid, user: h.user, since: h.since };
      if (Date.now() - start > TAKEOVER_MS) return { ok: false, holder: last };
      pause(2 + Math.random() * 8);
    }
  }
}

function releaser(lockFile: string, token: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      // only our own lock: a live holder's lock is never taken over, so it is still ours
      if (parseHolder(readSmall(lockFile).raw)?.token === token) fs.rmSync(lockFile, { force: true });
    } catch {
      /* already gone */
    }
  };
}

export interface WaitOptions {
  /** keep trying this long while another process holds the lock (--wait) */
  waitMs?: number;
  now?: Date;
  /** pause between tries */
  pollMs?: number;
}

/** Takes the lock, waiting up to waitMs for its holder to let go (short sleeps, no busy loop). */
export async function acquireLockWaiting(file: string, opts: WaitOptions = {}): Promise<LockResult> {
  const deadline = Date.now() + Math.max(0, opts.waitMs ?? 0);
  for (;;) {
    const r = acquireLock(file, opts.now);
    const left = deadline - Date.now();
    if (r.ok || left <= 0) return r;
    await new Promise((res) => setTimeout(res, Math.min(opts.pollMs ?? 150, left)));
  }
}
