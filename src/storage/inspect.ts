// What doctor reads, read without judging and without the lock: the snapshot's text, modes and
// owner, the journal as parsed, the lock file's text, the temp files. Never throws.
import fs from 'node:fs';
import path from 'node:path';
import { lockPathFor } from './lock.js';
import { realWorkspacePath } from './paths.js';
import { tempFilesOf } from './durable-file.js';
import { journalPathFor, readJournal, JournalUnsafeError } from './journal.js';
import type { Inspection } from '../services/ports.js';

export function inspectFiles(wanted: string): Inspection {
  let file = wanted;
  try {
    file = realWorkspacePath(wanted); // the file a writer would use
  } catch {
    /* a link of another user: read as named; the store refuses it */
  }
  const dir = path.dirname(file);
  const out: Inspection = { dir, lockFile: lockPathFor(file), journalFile: journalPathFor(file), temps: tempFilesOf(file) };
  try {
    out.dirMode = fs.statSync(dir).mode & 0o777;
  } catch {
    /* reported through the snapshot */
  }
  try {
    const st = fs.statSync(file);
    out.mode = st.mode & 0o777;
    out.text = fs.readFileSync(file, 'utf8');
    try {
      const jr = readJournal(file, st.uid);
      if (jr) {
        out.journal = {
          legacy: jr.legacy,
          header: jr.header && { ws: jr.header.ws, gen: jr.header.gen },
          batches: jr.entries.map((e) => e.batch),
          lines: jr.lines,
          torn: jr.torn && { line: jr.torn.line, bytes: jr.torn.bytes, excerpt: jr.torn.excerpt },
          bad: jr.bad && { line: jr.bad.line, reason: jr.bad.reason, excerpt: jr.bad.excerpt, problems: jr.bad.problems },
        };
      }
    } catch (e) {
      out.journalError = { unsafe: e instanceof JournalUnsafeError, message: (e as Error).message };
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    out.error = { code: err.code ?? 'EIO', message: err.message };
  }
  try {
    const fd = fs.openSync(out.lockFile, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      if (!fs.fstatSync(fd).isFile()) out.lockError = 'not a file';
      else out.lock = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT') out.lockError = err.code ?? err.message;
  }
  return out;
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
