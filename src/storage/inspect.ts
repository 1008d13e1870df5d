// What doctor reads, read without judging: the snapshot's text, modes and owner, the lock
// file's text, the temp files. Nothing here throws for a file that is missing or broken.
import fs from 'node:fs';
import path from 'node:path';
import { lockPathFor } from './lock.js';
import { tempFilesOf, type TempFile } from './durable-file.js';

export interface Inspected {
  file: string;
  /** the snapshot: its text, or why it could not be read */
  text?: string;
  error?: { code: string; message: string };
  mode?: number;
  uid?: number;
  dir: string;
  dirMode?: number;
  lock: { file: string; text?: string; error?: string; isLink?: boolean };
  temps: TempFile[];
}

export function inspectFiles(file: string): Inspected {
  const dir = path.dirname(file);
  const out: Inspected = { file, dir, lock: { file: lockPathFor(file) }, temps: tempFilesOf(file) };
  try {
    out.dirMode = fs.statSync(dir).mode & 0o777;
  } catch {
    /* reported through the snapshot */
  }
  try {
    const st = fs.statSync(file);
    out.mode = st.mode & 0o777;
    out.uid = st.uid;
    out.text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    out.error = { code: err.code ?? 'EIO', message: err.message };
  }
  try {
    const fd = fs.openSync(out.lock.file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      if (!fs.fstatSync(fd).isFile()) out.lock.error = 'not a file';
      else out.lock.text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') out.lock.isLink = true;
    if (err.code !== 'ENOENT') out.lock.error = err.code ?? err.message;
  }
  return out;
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves a whole journal aside (a foreign one): nothing of it is lost. */
export function moveAside(from: string, dest: string): void {
  fs.linkSync(from, dest); // never over an existing file
  fs.rmSync(from);
  try {
    const dfd = fs.openSync(path.dirname(dest), 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* a folder that cannot be fsync'd */
  }
}
