// Opening a workspace parses its shell (format, settings, organisation, value lists, counters:
// everything but the records) with zod even when the checked mark vouches for the records:
// zod's first use of those schemas was ~9 % of the instructions of a one-row import (callgrind).
// A shell that comes out of that parse exactly as it went in (the same keys in the same order,
// the same values) gains nothing from it. Whether it does is known wherever the parse runs or
// the bytes are written, so the mark can say it too (checked-mark.ts), and a file whose mark
// says so is taken as read.
import { Workspace } from '../domain/workspace.js';
import { ENTITY_NAMES } from '../domain/entities.js';

const RECORDS = new Set<string>(ENTITY_NAMES);
/** keys of the shell that every write changes: compared by their own schemas, not by text */
const MOVING = ['counters', 'generation'] as const;

/** The same JSON value: the same keys in the same order, none present in one only (an
 *  undefined value included), equal primitives. */
export function exactlySame(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!exactlySame(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!exactlySame((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/** The shell as the snapshot's JSON holds it, but for the keys every write changes. Two
 *  workspaces with the same text write the same shell apart from those. */
export function steadyShellText(ws: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(ws)) out[k] = RECORDS.has(k) ? [] : (MOVING as readonly string[]).includes(k) ? null : ws[k];
  return JSON.stringify(out);
}

/** Whether the keys every write changes, as JSON would write them, come out of their own
 *  schemas unchanged (a key absent stays absent: the text comparison covers the key list). */
function movingKeysParseToThemselves(ws: Record<string, unknown>): boolean {
  for (const k of MOVING) {
    if (!(k in ws)) continue;
    const text = JSON.stringify(ws[k]);
    if (text === undefined) return false;
    const asRead: unknown = JSON.parse(text);
    const r = Workspace.shape[k].safeParse(asRead);
    if (!r.success || !exactlySame(r.data, asRead)) return false;
  }
  return true;
}

/** Whether the shell a write puts on disk parses to itself: its steady part reads as a shell
 *  known to (`known`: steadyShellText of one that did), and its moving keys do too. */
export function writtenShellParsesToItself(ws: Record<string, unknown>, known: string | undefined): boolean {
  return known !== undefined && steadyShellText(ws) === known && movingKeysParseToThemselves(ws);
}

/** Whether a workspace written whole as JSON has a shell that parses to itself (checked by
 *  parsing it: for a new workspace, written once). */
export function jsonShellParsesToItself(ws: Record<string, unknown>): boolean {
  const shell: Record<string, unknown> = {};
  for (const k of Object.keys(ws)) shell[k] = RECORDS.has(k) ? [] : ws[k];
  const asRead = JSON.parse(JSON.stringify(shell)) as Record<string, unknown>;
  const r = Workspace.safeParse(asRead);
  return r.success && exactlySame(r.data, asRead);
}
