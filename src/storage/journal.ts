// The change journal beside the snapshot: each user action appends one small, fsync'd line
// instead of rewriting the whole workspace (90 ms and more at 100k customers).
//
// Format: a header line naming the snapshot it extends, then one line per batch:
//   <16 hex: sha256 prefix of the JSON> <JSON>\n
// so a line torn by a crash or a full disk, or altered by hand, is seen for what it is.
// A torn last line was never acknowledged: it is ignored on read and cut off before the next
// append. A bad line with good lines after it is never skipped: the store refuses to open
// and doctor shows it (doctor --repair moves it and what follows aside).
// Journals written before batches existed (one plain `Change` JSON per line) are still read.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import { parseBatch, parseChange, type Batch, type ChangeProblem } from '../domain/change.js';
import { sanitizeLine } from '../text/sanitize.js';
import { isEntityName } from '../domain/entities.js';

export type { Change, Batch } from '../domain/change.js';

export const journalPathFor = (file: string) => `${file}.journal`;

export const JournalHeader = z.object({
  journal: z.literal('hotel-crm'),
  /** the id of the workspace whose snapshot this journal extends */
  ws: z.string().min(1),
  /** the generation of that snapshot */
  gen: z.number().int().nonnegative(),
  /** the schema version its records were written in */
  v: z.number().int().optional(),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

const HASH_HEX = 16;
const digest = (json: Buffer | string) => crypto.createHash('sha256').update(json).digest('hex').slice(0, HASH_HEX);

/** One journal line: checksum, space, JSON, newline. */
export function frame(value: unknown): string {
  const json = JSON.stringify(value);
  return `${digest(json)} ${json}\n`;
}

export interface JournalEntry {
  /** 1-based line number in the file */
  line: number;
  start: number;
  end: number;
  batch: Batch;
}

export type BadReason = 'frame' | 'json' | 'header' | 'invalid';
export interface JournalBad {
  line: number;
  /** byte offset where the bad line starts: what doctor --repair moves aside from */
  start: number;
  reason: BadReason;
  /** a short excerpt of what the line held, safe to print */
  excerpt: string;
  problems: ChangeProblem[];
}

export interface JournalRead {
  size: number;
  /** lines in the file, a last one without its newline included */
  lines: number;
  /** the format of the previous version: plain change lines, no header */
  legacy: boolean;
  header?: JournalHeader;
  entries: JournalEntry[];
  /** byte offset just after the last good line: where the next append goes */
  goodEnd: number;
  /** a last line cut short (a crash or a full disk mid-append): never acknowledged */
  torn?: { line: number; start: number; bytes: number; excerpt: string };
  /** the first bad line that has anything after it, or that passed its checksum yet is wrong */
  bad?: JournalBad;
}

const EXCERPT = 120;
export function excerptOf(text: string): string {
  const s = sanitizeLine(text);
  return s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s;
}

/** What a parsed but refused batch held, change by change, in a line a person can read. */
function summarise(raw: unknown, fallback: string): string {
  const changes = raw && typeof raw === 'object' ? (raw as { changes?: unknown }).changes : undefined;
  if (!Array.isArray(changes)) return excerptOf(fallback);
  const one = (c: unknown) => {
    if (!c || typeof c !== 'object') return JSON.stringify(c);
    const o = c as Record<string, unknown>;
    const r = o.r && typeof o.r === 'object' ? (o.r as Record<string, unknown>) : undefined;
    const body = o.op === 'put' ? JSON.stringify(r ?? null) : o.op === 'del' ? String(o.id) : JSON.stringify(o.c ?? o.s ?? o.o ?? (o.n !== undefined ? { [String(o.n)]: o.items } : null));
    const s = `${String(o.op)} ${o.e === undefined ? '' : `${String(o.e)} `}${body}`;
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  };
  const b = raw as Record<string, unknown>;
  const head = `${String(b.at ?? '')} ${String(b.by ?? '')}: ${changes.length} change(s): `;
  const s = sanitizeLine(head + changes.slice(0, 4).map(one).join('; ') + (changes.length > 4 ? '; …' : ''));
  return s.length > EXCERPT * 3 ? `${s.slice(0, EXCERPT * 3)}…` : s;
}

const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66);

/** The checked JSON of a framed line, or undefined when the checksum does not match. */
function unframe(buf: Buffer, start: number, end: number): Buffer | undefined {
  if (end - start < HASH_HEX + 2 || buf[start + HASH_HEX] !== 0x20) return undefined;
  for (let i = start; i < start + HASH_HEX; i++) if (!isHex(buf[i])) return undefined;
  const json = buf.subarray(start + HASH_HEX + 1, end);
  return digest(json) === buf.toString('latin1', start, start + HASH_HEX) ? json : undefined;
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) n++;
  return buf.length && buf[buf.length - 1] !== 0x0a ? n + 1 : n;
}

/** Reads a journal's bytes; pure. */
export function parseJournal(buf: Buffer): JournalRead {
  const out: JournalRead = { size: buf.length, lines: countLines(buf), legacy: false, entries: [], goodEnd: 0 };
  if (!buf.length) return out;
  out.legacy = buf[0] === 0x7b; // '{': a line of the previous version
  let start = 0;
  for (let line = 1; start < buf.length; line++) {
    const nl = buf.indexOf(0x0a, start);
    const terminated = nl >= 0;
    const end = terminated ? nl : buf.length;
    const next = terminated ? nl + 1 : buf.length;
    const isLast = next >= buf.length;
    const excerpt = () => excerptOf(buf.toString('utf8', start, Math.min(end, start + EXCERPT * 4)));
    const torn = () => {
      out.torn = { line, start, bytes: buf.length - start, excerpt: excerpt() };
    };
    const bad = (reason: BadReason, problems: ChangeProblem[] = [], from = start) => {
      out.bad = { line, start, reason, excerpt: excerptOf(buf.toString('utf8', from, Math.min(end, from + EXCERPT * 4))), problems };
    };
    if (!terminated) {
      torn();
      break;
    }
    if (out.legacy) {
      if (end === start) {
        start = next;
        out.goodEnd = next;
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(buf.toString('utf8', start, end));
      } catch (e) {
        if (isLast) torn();
        else bad('json', [{ message: (e as Error).message }]);
        break;
      }
      const c = parseChange(raw);
      if (!c.ok) {
        bad('invalid', c.problems);
        out.bad!.excerpt = summarise({ changes: [raw] }, '');
        break;
      }
      out.entries.push({ line, start, end: next, batch: { at: '', by: '', changes: [c.value] } });
    } else {
      const json = unframe(buf, start, end);
      if (!json) {
        if (isLast) torn();
        else bad('frame');
        break;
      }
      const from = start + HASH_HEX + 1;
      let raw: unknown;
      try {
        raw = JSON.parse(json.toString('utf8'));
      } catch (e) {
        bad('json', [{ message: (e as Error).message }], from);
        break;
      }
      if (line === 1) {
        const h = JournalHeader.safeParse(raw);
        if (!h.success) {
          bad('header', h.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })), from);
          break;
        }
        out.header = h.data;
      } else {
        const b = parseBatch(raw);
        if (!b.ok) {
          bad('invalid', b.problems, from);
          out.bad!.excerpt = summarise(raw, out.bad!.excerpt);
          break;
        }
        out.entries.push({ line, start, end: next, batch: b.value });
      }
    }
    out.goodEnd = next;
    start = next;
  }
  return out;
}

/** A journal that is not a plain file of this user: a link, a folder, a fifo, another's file. */
export class JournalUnsafeError extends Error {
  constructor(public file: string, public why: 'link' | 'notFile' | 'owner') {
    super(`${file}: ${why}`);
  }
}
/** The journal on disk is shorter than this session wrote: someone removed or cut it. */
export class JournalMovedError extends Error {}

const { O_RDONLY, O_WRONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
const myUid = () => (typeof process.getuid === 'function' ? process.getuid() : undefined);

function openChecked(jfile: string, flags: number, mode?: number): number {
  try {
    return fs.openSync(jfile, flags | O_NOFOLLOW | O_NONBLOCK, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new JournalUnsafeError(jfile, 'link');
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new JournalUnsafeError(jfile, 'notFile');
    throw e;
  }
}

function checkFd(jfile: string, fd: number, owner: number | undefined): fs.Stats {
  const st = fs.fstatSync(fd);
  if (!st.isFile()) throw new JournalUnsafeError(jfile, 'notFile');
  if (owner !== undefined && st.uid !== owner) throw new JournalUnsafeError(jfile, 'owner');
  return st;
}

/** Reads the journal of a workspace file; null when there is none. `owner`: the uid the
 *  journal must belong to (the snapshot's owner), so a journal planted by another user is refused. */
export function readJournal(file: string, owner?: number): JournalRead | null {
  const jfile = journalPathFor(file);
  let fd: number;
  try {
    fd = openChecked(jfile, O_RDONLY);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = checkFd(jfile, fd, owner);
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < buf.length) {
      const r = fs.readSync(fd, buf, n, buf.length - n, n);
      if (r === 0) break;
      n += r;
    }
    return parseJournal(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* some filesystems refuse fsync on a folder; the file's own fsync still holds */
  }
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

/**
 * Appends one batch durably and returns the journal's new end. `end` is where this session
 * knows the last good line ends (0: no journal yet, or only a torn header; a header is
 * written first). Whatever lies beyond `end` (a torn tail) is cut off first, so the batch
 * never lands on a torn line. On any failure the file is put back as it was and the error
 * is thrown: the batch is not saved.
 */
export function appendBatch(file: string, end: number, header: JournalHeader, batch: Batch): number {
  const jfile = journalPathFor(file);
  let created = false;
  let fd: number;
  try {
    fd = openChecked(jfile, O_WRONLY | O_APPEND | O_CREAT | O_EXCL, 0o600);
    created = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    fd = openChecked(jfile, O_WRONLY | O_APPEND);
  }
  let done = false;
  try {
    const size = checkFd(jfile, fd, myUid()).size;
    if (size < end) throw new JournalMovedError(`${jfile}: ${size} < ${end}`);
    if (created) fs.fchmodSync(fd, 0o600); // whatever the umask
    const payload = Buffer.from((end === 0 ? frame(header) : '') + frame(batch));
    try {
      if (size > end) fs.ftruncateSync(fd, end);
      writeAll(fd, payload);
      fs.fsyncSync(fd);
    } catch (e) {
      // a full disk mid-write: take back the part that was written, so a reader never sees
      // half a batch and the next append starts on a clean line
      try {
        fs.ftruncateSync(fd, end);
        fs.fsyncSync(fd);
      } catch {
        /* the torn part is cut off before the next append anyway */
      }
      throw e;
    }
    if (created || end === 0) fsyncDir(path.dirname(jfile));
    done = true;
    return end + payload.length;
  } finally {
    fs.closeSync(fd);
    if (!done && created) fs.rmSync(jfile, { force: true });
  }
}

/** Moves the journal's bytes from `from` to its end into `dest` (a new file, 0600), then cuts
 *  the journal there. Nothing is lost: the part moved aside is durable before the cut. */
export function setAsideJournal(file: string, from: number, dest: string): number {
  const jfile = journalPathFor(file);
  const fd = openChecked(jfile, fs.constants.O_RDWR);
  try {
    const st = checkFd(jfile, fd, myUid());
    const len = st.size - from;
    if (len <= 0) return 0;
    const buf = Buffer.allocUnsafe(len);
    let n = 0;
    while (n < len) {
      const r = fs.readSync(fd, buf, n, len - n, from + n);
      if (r === 0) break;
      n += r;
    }
    const out = fs.openSync(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    try {
      fs.fchmodSync(out, 0o600);
      writeAll(out, buf.subarray(0, n));
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    fsyncDir(path.dirname(dest));
    fs.ftruncateSync(fd, from);
    fs.fsyncSync(fd);
    return n;
  } finally {
    fs.closeSync(fd);
  }
}

/** The previous version's journal replayed unchecked onto the raw object of a snapshot of an
 *  older schema version, before it is migrated (the migrated records are checked after). */
export function replayJournal(ws: Record<string, unknown>, text: string): { applied: number } | { corruptLine: number } {
  const lines = text.split('\n').slice(0, -1); // a torn last line is not applied
  let applied = 0;
  const index = new Map<string, Map<string, number>>();
  const idx = (e: string) => {
    let m = index.get(e);
    if (!m) index.set(e, (m = new Map((ws[e] as { id: string }[]).map((r, i) => [r.id, i]))));
    return m;
  };
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    let c: Record<string, unknown>;
    try {
      c = JSON.parse(lines[i]) as Record<string, unknown>;
    } catch {
      return { corruptLine: i + 1 };
    }
    if (!c || typeof c !== 'object') return { corruptLine: i + 1 };
    if (c.op === 'put' || c.op === 'del') {
      const e = String(c.e);
      if (!isEntityName(e)) return { corruptLine: i + 1 };
      const r = c.r as { id?: unknown } | undefined;
      const id = c.op === 'put' ? r?.id : c.id;
      if (typeof id !== 'string' || (c.op === 'put' && (!r || typeof r !== 'object'))) return { corruptLine: i + 1 };
      const arr = ws[e] as unknown[];
      const at = idx(e).get(id);
      if (c.op === 'put') {
        if (at === undefined) {
          idx(e).set(id, arr.length);
          arr.push(r);
        } else arr[at] = r;
      } else if (at !== undefined) {
        arr.splice(at, 1);
        index.delete(e);
      }
    } else if (c.op === 'counters' && c.c && typeof c.c === 'object') ws.counters = { ...(ws.counters as object), ...(c.c as object) };
    else if (c.op === 'settings' && c.s && typeof c.s === 'object') ws.settings = c.s;
    else return { corruptLine: i + 1 };
    applied++;
  }
  return { applied };
}

/** Writes lines in the previous version's format (one change per line, no header): what a
 *  workspace of that version left behind. For fixtures of old workspaces; the app never does. */
export function appendJournal(file: string, changes: unknown[]): void {
  if (!changes.length) return;
  fs.appendFileSync(journalPathFor(file), changes.map((c) => JSON.stringify(c)).join('\n') + '\n', { mode: 0o600 });
}
