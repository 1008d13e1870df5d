// The zod check of every record is most of the time a command spends opening a large workspace
// (25k customers and 70k orders: 0.6 s of CPU, beside 0.3 s for JSON.parse). A snapshot this
// program wrote, or read and found valid, need not be checked again while its bytes are the
// same: beside the workspace a private file (.NAME.checked) names the SHA-256 of the last
// snapshot known good and the build that judged it. The claim is about content, not about a
// file: whoever wrote the mark, and whenever, a file whose bytes hash to it was valid for that
// build's schemas. A file edited by hand, by another program or by another version hashes
// differently and is checked in full; so is a mark in a folder others can write to (refused
// when the workspace is opened), a link, or another user's file (openPrivate).
import crypto from 'node:crypto';
import path from 'node:path';
import { readPrivate } from './safe-fs.js';
import { writeFileDurably } from './durable-file.js';

/** The build's schemas and reading code: scripts/esbuild-options.mjs hashes src/ into it. Unset
 *  (source run by tsx or vitest): no file is ever taken as checked, unless a test sets it. */
export const schemaFingerprint = (): string | undefined => process.env.HOTEL_CRM_SCHEMA_FP || undefined;

export const checkedMarkPath = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.checked`);

interface Mark {
  v: 1;
  fp: string;
  size: number;
  sha256: string;
  /** the snapshot's shell comes out of zod's parse as it went in (canonical-shell.ts) */
  shell?: true;
}

/** A running hash of the bytes of one snapshot, read or written. */
export class SnapshotDigest {
  #hash = crypto.createHash('sha256');
  size = 0;
  update(bytes: Uint8Array): void {
    this.#hash.update(bytes);
    this.size += bytes.length;
  }
  #done?: string;
  get hex(): string {
    return (this.#done ??= this.#hash.digest('hex'));
  }
  /** the digest of bytes hashed elsewhere (parallel-snapshot.ts's worker) */
  static written(hex: string, size: number): SnapshotDigest {
    const d = new SnapshotDigest();
    d.#done = hex;
    d.size = size;
    return d;
  }
}

export function digestOf(bytes: Uint8Array): SnapshotDigest {
  const d = new SnapshotDigest();
  d.update(bytes);
  return d;
}

/** What this build's mark says of the snapshot with this digest: undefined (no mark, or any
 *  doubt), or that its records were found valid and whether its shell parses to itself. */
export function checkedMark(file: string, d: SnapshotDigest): { shell: boolean } | undefined {
  const fp = schemaFingerprint();
  if (!fp) return undefined;
  let text: string | undefined;
  try {
    text = readPrivate(checkedMarkPath(file));
  } catch {
    return undefined;
  }
  if (text === undefined || text.length > 1000) return undefined;
  try {
    const m = JSON.parse(text) as Partial<Mark>;
    return m.v === 1 && m.fp === fp && m.size === d.size && m.sha256 === d.hex ? { shell: m.shell === true } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the snapshot with this digest was found valid by this build. Any doubt: no. */
export const isChecked = (file: string, d: SnapshotDigest): boolean => checkedMark(file, d) !== undefined;

/** Records that the snapshot with this digest holds only valid records, and (`shell`) that
 *  its shell parses to itself. A mark that cannot be written costs the next open a full
 *  check, nothing else: errors are ignored. */
export function markChecked(file: string, d: SnapshotDigest, shell = false): void {
  const fp = schemaFingerprint();
  if (!fp) return;
  const mark: Mark = { v: 1, fp, size: d.size, sha256: d.hex, ...(shell ? { shell: true as const } : {}) };
  try {
    writeFileDurably(checkedMarkPath(file), JSON.stringify(mark));
  } catch {
    /* see above */
  }
}
