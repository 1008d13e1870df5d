// The demo hotel is dated around one day, its anchor. Opened on another day, every date and time
// in it moves by the days between, so the desk has overdue, today's and next week's work and
// birthdays in the coming days whatever the date. Which fields hold dates is read from the
// schemas (nested parts too: stage history, ticket steps, a stay), never listed here. Pure.
import { ENTITIES, ENTITY_NAMES, entityFields } from './entities.js';
import type { FieldInfo } from './fields.js';
import { nestedShape } from './nested.js';
import { anniversaryIn, nextAnniversary } from './care.js';
import type { Workspace } from './workspace.js';

/** The day the shipped demo's desk is arranged around. */
export const DEMO_ANCHOR = '2026-09-01';

const DATE_START = /^(\d{4}-\d{2}-\d{2})(.*)$/s;

/** `date` + `days` on the calendar (month ends and leap years as they fall). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  dt.setUTCFullYear(dt.getUTCFullYear()); // years before 100 stay as written
  return dt.toISOString().slice(0, 10);
}

/** A time moved by whole days: the date part moves, the clock time and offset stay as written
 *  (10:00+08:00 stays 10:00+08:00). Text that is not a time is left as it is. */
export function shiftDateTime(s: string, days: number): string {
  const m = DATE_START.exec(s);
  return m && (m[2] === '' || m[2].startsWith('T')) ? addDays(m[1], days) + m[2] : s;
}

/** A yearly date (a birthday, 1985-09-05) keeps its year, the origin, and moves its month and
 *  day so that the occasion falls `days` later: a birthday 4 days after the anchor is 4 days
 *  after the day the demo is opened. A day that is not in the origin year (29 February in a
 *  non-leap year) is kept on the 28th, as the care rules keep it. A date after the anchor (a
 *  founding day still to come) is an ordinary date. */
export function shiftYearly(date: string, days: number, anchor: string): string {
  if (date >= anchor) return addDays(date, days);
  const moved = addDays(nextAnniversary(date, anchor), days);
  const year = Number(date.slice(0, 4));
  return anniversaryIn(`${String(year).padStart(4, '0')}${moved.slice(4)}`, year);
}

function shiftValue(fi: Pick<FieldInfo, 'kind' | 'yearly' | 'datedKey'>, v: unknown, days: number, anchor: string): unknown {
  if (typeof v !== 'string') return v;
  if (fi.kind === 'date') return DATE_START.test(v) && v.length === 10 ? (fi.yearly ? shiftYearly(v, days, anchor) : addDays(v, days)) : v;
  if (fi.kind === 'datetime') return shiftDateTime(v, days);
  if (fi.datedKey) return v.replace(/@(\d{4}-\d{2}-\d{2})$/, (_, d: string) => `@${addDays(d, days)}`);
  return v;
}

function shiftParts(parts: FieldInfo[], row: unknown, days: number, anchor: string): unknown {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const p of parts) if (p.name in out) out[p.name] = shiftValue(p, out[p.name], days, anchor);
  return out;
}

/** A copy of the workspace with every date and time moved by `days`. */
export function shiftWorkspace(ws: Workspace, days: number, anchor = DEMO_ANCHOR): Workspace {
  const out = structuredClone(ws);
  if (days === 0) return out;
  out.createdAt = shiftDateTime(out.createdAt, days);
  for (const name of ENTITY_NAMES) {
    const fields = entityFields(name);
    const shape = ENTITIES[name].schema.shape as Record<string, never>;
    const rows = out[name] as unknown as Record<string, unknown>[];
    for (const rec of rows) {
      for (const fi of fields) {
        const v = rec[fi.name];
        if (v === undefined) continue;
        if (fi.kind !== 'json') {
          rec[fi.name] = shiftValue(fi, v, days, anchor);
          continue;
        }
        const sh = nestedShape(shape[fi.name]);
        if (sh.kind === 'rows' && Array.isArray(v)) rec[fi.name] = v.map((row) => shiftParts(sh.parts, row, days, anchor));
        else if (sh.kind === 'object') rec[fi.name] = shiftParts(sh.parts, v, days, anchor);
      }
    }
  }
  return out;
}
