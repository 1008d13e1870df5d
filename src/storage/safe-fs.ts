// On a shared server other users must not be able to touch a workspace: its folder may be
// written by its owner only (as ssh demands of key folders), and every file we open beside it
// (lock, journal, temp) is opened without following a link and checked to be ours, so a planted
// link or file cannot redirect a write or inject content.
import fs from 'node:fs';
import { UnsafePathError, type UnsafeReason } from '../services/ports.js';

const C = fs.constants;
// O_NOFOLLOW does not exist on Windows, where none of this applies
const NOFOLLOW = C.O_NOFOLLOW ?? 0;
const NONBLOCK = C.O_NONBLOCK ?? 0;

export { UnsafePathError, type UnsafeReason };

/** The user we run as; undefined where there are no uids (Windows): nothing is checked there. */
export const myUid = (): number | undefined => process.getuid?.();

const notMine = (uid: number) => {
  const me = myUid();
  return me !== undefined && uid !== me;
};

/** Refuses a folder that others can write to or that is not ours. A missing folder passes. */
export function checkPrivateDir(dir: string): void {
  if (myUid() === undefined) return;
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (!st.isDirectory()) throw new UnsafePathError('not-regular', dir);
  if (notMine(st.uid)) throw new UnsafePathError('dir-foreign', dir);
  if (st.mode & 0o022) throw new UnsafePathError(st.mode & 0o1000 ? 'dir-public' : 'dir-shared', dir);
}

/** Refuses a file (or a link) that is not ours. A missing file passes. */
export function checkOwnFile(file: string): void {
  if (myUid() === undefined) return;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (notMine(st.uid)) throw new UnsafePathError('file-foreign', file);
}

export type PrivateMode =
  /** a new file (O_CREAT|O_EXCL): fails with EEXIST when the name is taken, link or not */
  | 'create'
  /** append to the file, creating it if missing (a journal) */
  | 'append'
  | 'read'
  | 'readwrite';

const FLAGS: Record<PrivateMode, number> = {
  create: C.O_WRONLY | C.O_CREAT | C.O_EXCL,
  append: C.O_WRONLY | C.O_APPEND | C.O_CREAT,
  read: C.O_RDONLY | NONBLOCK, // a planted pipe must not hang the app
  readwrite: C.O_RDWR,
};

/** Opens a file beside the workspace: never through a link, only a plain file of ours, and a
 *  created one is 0600 whatever the umask. Throws UnsafePathError for a link or a foreign file;
 *  other errors (ENOENT, EEXIST, EACCES …) as fs does. Returns the fd: close it. */
export function openPrivate(file: string, mode: PrivateMode, perm = 0o600): number {
  let fd: number;
  try {
    fd = fs.openSync(file, FLAGS[mode] | NOFOLLOW, perm);
  } catch (e) {
    // ELOOP: the last component is a link (Linux); EMLINK on FreeBSD
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new UnsafePathError('not-regular', file);
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new UnsafePathError('not-regular', file);
    if (notMine(st.uid)) throw new UnsafePathError('file-foreign', file);
    if (mode === 'create' && myUid() !== undefined) fs.fchmodSync(fd, perm);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  return fd;
}

/** The text of a file of ours, or undefined when there is none (see openPrivate). */
export function readPrivate(file: string): string | undefined {
  let fd: number;
  try {
    fd = openPrivate(file, 'read');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
