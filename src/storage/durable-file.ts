// Atomic, durable replacement of a file: unique temp file in the same folder, fsync, rename,
// fsync the folder. A kill -9 at any moment leaves either the old or the new file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Writes text given as pieces, so a large workspace is never one string in memory. */
export type Pieces = Iterable<string | Uint8Array>;

/** Writes and fsyncs the file it is given (parallel-snapshot.ts); returns the bytes written. */
export type FdWriter = (fd: number) => number;

export function writeFileDurably(file: string, text: string | Uint8Array | Pieces | FdWriter, mode = 0o600): number {
  const dir = path.dirname(file);
  ensureDir(dir);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', mode);
  let written = 0;
  try {
    fs.fchmodSync(fd, mode); // whatever the umask: a shared server has many users
    if (typeof text === 'function') written = text(fd); // it writes and fsyncs
    else if (typeof text === 'string' || text instanceof Uint8Array) {
      fs.writeFileSync(fd, text); // loops until every byte is written
      written = text.length;
      fs.fsyncSync(fd);
    } else {
      for (const piece of text) {
        fs.writeFileSync(fd, piece);
        written += piece.length;
      }
      fs.fsyncSync(fd);
    }
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch {
    // some filesystems refuse fsync on a directory; the rename itself is still atomic
  }
  return written;
}

export interface TempFile {
  path: string;
  pid: number;
  /** its writer is still running (on this host): not an orphan */
  alive: boolean;
  size: number;
  mine: boolean;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temp files writeFileDurably left beside `file` (`.<name>.<pid>.<hex>.tmp`). */
export function tempFilesOf(file: string): TempFile[] {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: TempFile[] = [];
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(n.slice(prefix.length));
    if (!m) continue;
    const p = path.join(dir, n);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      continue;
    }
    const pid = Number(m[1]);
    out.push({ path: p, pid, alive: pid === process.pid || pidAlive(pid), size: st.size, mine: typeof process.getuid !== 'function' || st.uid === process.getuid() });
  }
  return out;
}

/** Removes temp files whose writer was killed (up to a whole workspace each); returns them. */
export function removeOrphanTemps(file: string): TempFile[] {
  const gone: TempFile[] = [];
  for (const t of tempFilesOf(file)) {
    if (t.alive || !t.mine) continue;
    try {
      fs.rmSync(t.path, { force: true });
      gone.push(t);
    } catch {
      /* left for doctor to report */
    }
  }
  return gone;
}
