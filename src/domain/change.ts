// What a session changes, as the journal records it: the one definition of a change and of a
// batch (one user action: a save, an import of 60 rows). Everything that comes back from a
// journal file is hostile until these schemas pass it, and a batch is applied all or nothing.
import { z } from 'zod';
import { ENTITIES, ENTITY_NAMES, type EntityName } from './entities.js';
import { Settings } from './workspace.js';
import { ValueItem } from './values.js';
import { Organisation } from './org.js';

const Entity = z.enum(ENTITY_NAMES);
type Rec = Record<string, unknown> & { id: string };

/** A put carries a whole record, which must pass its entity's schema (defaults filled in). */
const Put = z
  .object({ op: z.literal('put'), e: Entity, r: z.looseObject({ id: z.string().min(1) }) })
  .transform((c, ctx) => {
    const parsed = ENTITIES[c.e].schema.safeParse(c.r);
    if (!parsed.success) {
      for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: ['r', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] });
      return z.NEVER;
    }
    return { op: 'put' as const, e: c.e, r: parsed.data as Rec };
  });
const Del = z.object({ op: z.literal('del'), e: Entity, id: z.string().min(1) });
const Counters = z.object({ op: z.literal('counters'), c: z.record(z.string(), z.number().int().nonnegative()) });
const SettingsChange = z.object({ op: z.literal('settings'), s: Settings });
/** a whole value list as settings left it (n: its name) */
const ValuesChange = z.object({ op: z.literal('values'), n: z.string().min(1).max(60), items: z.array(ValueItem).max(500) });
/** the hotel's profile as settings left it */
const OrgChange = z.object({ op: z.literal('org'), o: Organisation });

export const Change = z.discriminatedUnion('op', [Put, Del, Counters, SettingsChange, ValuesChange, OrgChange]);
export type Change =
  | { op: 'put'; e: EntityName; r: Rec }
  | { op: 'del'; e: EntityName; id: string }
  | { op: 'counters'; c: Record<string, number> }
  | { op: 'settings'; s: z.output<typeof Settings> }
  | { op: 'values'; n: string; items: z.output<typeof ValueItem>[] }
  | { op: 'org'; o: z.output<typeof Organisation> };

export const Batch = z.object({
  at: z.iso.datetime({ offset: true }),
  by: z.string(),
  changes: z.array(Change),
});
export type Batch = { at: string; by: string; changes: Change[] };

/** One reason a change was refused, located as a person would look for it. */
export interface ChangeProblem {
  /** index of the change in its batch */
  change?: number;
  entity?: string;
  id?: string;
  field?: string;
  message: string;
}

type Issue = { path: PropertyKey[]; message: string };

function problemsOf(issues: Issue[], raw: unknown, changesAt: PropertyKey[]): ChangeProblem[] {
  return issues.map((i) => {
    const rel = i.path.slice(changesAt.length);
    const k = typeof rel[0] === 'number' ? rel[0] : undefined;
    const c = k === undefined ? undefined : (pick(raw, [...changesAt, k]) as Record<string, unknown> | undefined);
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const rest = rel.slice(k === undefined ? 0 : 1).map(String);
    let field: string | undefined;
    if (rest[0] === 'r') field = rest.slice(1).join('.') || 'record';
    else if (rest[0] === 'c') field = ['counters', ...rest.slice(1)].join('.');
    else if (rest[0] === 's') field = ['settings', ...rest.slice(1)].join('.');
    else if (rest.length) field = rest.join('.');
    else if (i.path.length) field = i.path.map(String).join('.');
    return {
      change: k,
      entity: c && typeof c === 'object' ? str(c.e) : undefined,
      id: c && typeof c === 'object' ? str(c.op === 'put' ? (c.r as Record<string, unknown> | undefined)?.id : c.id) : undefined,
      field,
      message: i.message,
    };
  });
}

function pick(v: unknown, path: PropertyKey[]): unknown {
  let cur = v;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ChangeProblem[] };

/** Checks a whole batch; the value is the batch as the schemas read it (record defaults filled). */
export function parseBatch(raw: unknown): Checked<Batch> {
  const r = Batch.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as Batch };
  return { ok: false, problems: problemsOf(r.error.issues, raw, ['changes']) };
}

/** Checks one change (a line of a journal written before batches existed). */
export function parseChange(raw: unknown): Checked<Change> {
  const r = Change.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as Change };
  return { ok: false, problems: problemsOf(r.error.issues, [raw], []).map((p) => ({ ...p, change: undefined, ...locate(raw) })) };
}

function locate(raw: unknown): Pick<ChangeProblem, 'entity' | 'id'> {
  if (!raw || typeof raw !== 'object') return {};
  const c = raw as Record<string, unknown>;
  const r = c.r && typeof c.r === 'object' ? (c.r as Record<string, unknown>) : undefined;
  const id = c.op === 'put' ? r?.id : c.id;
  return { entity: typeof c.e === 'string' ? c.e : undefined, id: typeof id === 'string' ? id : undefined };
}

/** Anything with entity lists, counters and settings: a parsed workspace, or the raw JSON
 *  object of a snapshot before it is migrated and parsed. */
type Target = { counters?: unknown; settings?: unknown; valueLists?: unknown; organisation?: unknown } & Record<string, unknown>;

/** Applies checked batches in order. One id index per entity serves every batch, so replaying
 *  a long journal over a large workspace stays linear. Every change is idempotent (a whole
 *  record, a delete by id, counters as values), so replaying over a snapshot that already
 *  holds some of it changes nothing. */
export function applyBatches(ws: Target, batches: Iterable<Batch>): void {
  const index = new Map<string, Map<string, number>>();
  const list = (e: string): Rec[] => {
    let arr = ws[e];
    if (!Array.isArray(arr)) ws[e] = arr = [];
    return arr as Rec[];
  };
  const idx = (e: string) => {
    let m = index.get(e);
    if (!m) index.set(e, (m = new Map(list(e).map((r, i) => [r.id, i]))));
    return m;
  };
  for (const b of batches) {
    for (const c of b.changes) {
      if (c.op === 'put') {
        const arr = list(c.e);
        const m = idx(c.e);
        const at = m.get(c.r.id);
        if (at === undefined) {
          m.set(c.r.id, arr.length);
          arr.push(c.r);
        } else arr[at] = c.r;
      } else if (c.op === 'del') {
        const at = idx(c.e).get(c.id);
        if (at !== undefined) {
          list(c.e).splice(at, 1);
          index.delete(c.e);
        }
      } else if (c.op === 'counters') {
        ws.counters = { ...(ws.counters && typeof ws.counters === 'object' ? ws.counters : {}), ...c.c };
      } else if (c.op === 'values') {
        const lists = ws.valueLists && typeof ws.valueLists === 'object' ? (ws.valueLists as Record<string, unknown>) : {};
        // a name like __proto__ must not reach the object's prototype
        if (c.n !== '__proto__' && c.n !== 'constructor' && c.n !== 'prototype') ws.valueLists = { ...lists, [c.n]: c.items };
      } else if (c.op === 'org') ws.organisation = c.o;
      else ws.settings = c.s;
    }
  }
}

/** Checks every change of a batch before applying any: a batch that fails changes nothing. */
export function applyBatch(ws: Target, raw: unknown): Checked<Batch> {
  const r = parseBatch(raw);
  if (r.ok) applyBatches(ws, [r.value]);
  return r;
}
