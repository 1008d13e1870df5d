// Where money sits in a record: every schema node tagged kind 'money' by the field builders,
// at the top of an entity or nested in its structured fields (an order's line items and stay).
// The conversions between stored fen and yuan at the edges walk the schema, so a money field
// added later is converted without anyone listing it here.
import type { z } from 'zod';
import { fieldMeta } from './fields.js';
import { ENTITIES, type EntityName } from './entities.js';
import { fenToYuan, yuanNumberToFen, type MoneyError } from './money.js';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; valueType?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

const hasMoneyCache = new WeakMap<z.ZodType, boolean>();
/** Does this schema hold money anywhere? */
export function hasMoney(s: z.ZodType): boolean {
  let v = hasMoneyCache.get(s);
  if (v !== undefined) return v;
  hasMoneyCache.set(s, false); // a recursive schema ends here
  const d = defOf(s);
  v =
    fieldMeta(s)?.kind === 'money' ||
    (WRAPPERS.has(d.type) && !!d.innerType && hasMoney(d.innerType)) ||
    (d.type === 'pipe' && !!d.in && hasMoney(d.in)) ||
    (d.type === 'array' && !!d.element && hasMoney(d.element)) ||
    (d.type === 'record' && !!d.valueType && hasMoney(d.valueType)) ||
    (d.type === 'object' && Object.values(d.shape ?? {}).some(hasMoney));
  hasMoneyCache.set(s, v);
  return v;
}

export type MoneyFn = (n: number, signed: boolean) => unknown;
type Conv = (value: unknown, fn: MoneyFn) => unknown;

// one converter per schema, made once: a record is then touched only where money sits
const convCache = new WeakMap<z.ZodType, Conv | null>();
function converter(s: z.ZodType): Conv | null {
  if (convCache.has(s)) return convCache.get(s)!;
  let c: Conv | null = null;
  if (hasMoney(s)) {
    const meta = fieldMeta(s);
    const d = defOf(s);
    if (meta?.kind === 'money') {
      const signed = !!meta.signed;
      c = (v, fn) => (typeof v === 'number' ? fn(v, signed) : v);
    } else if (WRAPPERS.has(d.type) || d.type === 'pipe') {
      c = converter((d.innerType ?? d.in)!);
    } else if (d.type === 'array') {
      const el = converter(d.element!)!;
      c = (v, fn) => (Array.isArray(v) ? v.map((x) => (x === undefined || x === null ? x : el(x, fn))) : v);
    } else if (d.type === 'record') {
      const val = converter(d.valueType!)!;
      c = (v, fn) => {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = x === undefined || x === null ? x : val(x, fn);
        return out;
      };
    } else if (d.type === 'object') {
      const subs = Object.entries(d.shape!).flatMap(([k, sub]) => {
        const sc = converter(sub);
        return sc ? [[k, sc] as const] : [];
      });
      c = (v, fn) => {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
        const obj = v as Record<string, unknown>;
        const out: Record<string, unknown> = { ...obj };
        for (const [k, sc] of subs) {
          const x = obj[k];
          if (x !== undefined && x !== null) out[k] = sc(x, fn);
        }
        return out;
      };
    }
  }
  convCache.set(s, c);
  return c;
}

/** A copy of `value` with `fn` applied to each money number in it; everything else as it was
 *  (values that do not fit the schema are left for the schema to refuse). */
export function mapMoney(s: z.ZodType, value: unknown, fn: MoneyFn): unknown {
  if (value === undefined || value === null) return value;
  const c = converter(s);
  return c ? c(value, fn) : value;
}

/** A record as programs read it (list --json, JSON export): money in yuan. */
export function recordToYuan<R>(entity: EntityName, rec: R): R {
  return mapMoney(ENTITIES[entity].schema, rec, (fen) => (Number.isSafeInteger(fen) ? fenToYuan(fen) : fen)) as R;
}

/** Records as programs read them; the same array when the entity holds no money. */
export function recordsToYuan<R>(entity: EntityName, recs: R[]): R[] {
  return hasMoney(ENTITIES[entity].schema) ? recs.map((r) => recordToYuan(entity, r)) : recs;
}

/** One field's value from yuan (a structured field read from a file) to stored fen; the first
 *  amount that is not yuan with at most two decimals is refused. */
export function fieldFromYuan(entity: EntityName, field: string, value: unknown): { value: unknown } | { error: MoneyError } {
  const s = ENTITIES[entity].schema.shape[field] as z.ZodType | undefined;
  if (!s) return { value };
  let error: MoneyError | undefined;
  const out = mapMoney(s, value, (n, signed) => {
    const r = yuanNumberToFen(n, { allowNegative: signed });
    if ('error' in r) {
      error ??= r.error;
      return n;
    }
    return r.fen;
  });
  return error ? { error } : { value: out };
}

/** One field's value from stored fen to yuan (a structured field written to a file). */
export function fieldToYuan(entity: EntityName, field: string, value: unknown): unknown {
  const s = ENTITIES[entity].schema.shape[field] as z.ZodType | undefined;
  return s ? mapMoney(s, value, (fen) => (Number.isSafeInteger(fen) ? fenToYuan(fen) : fen)) : value;
}
