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

/** A copy of `value` with `fn` applied to each money number in it; everything else as it was
 *  (values that do not fit the schema are left for the schema to refuse). */
export function mapMoney(s: z.ZodType, value: unknown, fn: MoneyFn): unknown {
  if (value === undefined || value === null || !hasMoney(s)) return value;
  const meta = fieldMeta(s);
  if (meta?.kind === 'money') return typeof value === 'number' ? fn(value, !!meta.signed) : value;
  const d = defOf(s);
  if (WRAPPERS.has(d.type)) return mapMoney(d.innerType!, value, fn);
  if (d.type === 'pipe') return mapMoney(d.in!, value, fn);
  if (typeof value !== 'object') return value;
  if (d.type === 'array') return Array.isArray(value) ? value.map((x) => mapMoney(d.element!, x, fn)) : value;
  if (Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  if (d.type === 'record') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) out[k] = mapMoney(d.valueType!, x, fn);
    return out;
  }
  if (d.type === 'object') {
    const out: Record<string, unknown> = { ...obj };
    for (const [k, sub] of Object.entries(d.shape!)) if (Object.hasOwn(obj, k)) out[k] = mapMoney(sub, obj[k], fn);
    return out;
  }
  return value;
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
