// The shape of a structured field (`f.json`), read from its zod schema, so one editor and one
// detail section serve every kind of nested record: a list of rows (an order's line items, a
// ticket's steps, a customer's stage history), a map of named numbers (a survey's scores),
// one sub-record (a hotel stay). Anything else (a role's permission matrix) is shown as is.
import type { z } from 'zod';
import { fieldMeta, type FieldInfo } from './fields.js';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; keyType?: z.ZodType; valueType?: z.ZodType; defaultValue?: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under optional/default wrappers (a refinement keeps its own type). */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

/** A part of a nested record as the editor and the detail treat it: label, kind, required. */
export function partsOf(obj: z.ZodType): FieldInfo[] {
  const shape = defOf(unwrap(obj)).shape ?? {};
  return Object.entries(shape).map(([name, s]) => {
    const meta = fieldMeta(s);
    const inner = defOf(unwrap(s)).type;
    const kind = meta?.kind ?? (inner === 'number' ? 'number' : inner === 'boolean' ? 'bool' : 'text');
    const required = !s.safeParse(undefined).success;
    return { name, label: meta?.label ?? { en: name, zh: name }, ...meta, kind, required };
  });
}

export type NestedShape =
  /** an array of objects: rows with these parts */
  | { kind: 'rows'; parts: FieldInfo[]; row: z.ZodType }
  /** a record of numbers or strings: named values */
  | { kind: 'map'; value: FieldInfo; valueSchema: z.ZodType; key?: FieldInfo }
  /** one object (a hotel stay), or nothing */
  | { kind: 'object'; parts: FieldInfo[]; row: z.ZodType }
  /** something the editor does not take apart (a permission matrix): shown read-only */
  | { kind: 'other' };

const shapes = new WeakMap<z.ZodType, NestedShape>();
export function nestedShape(schema: z.ZodType): NestedShape {
  let sh = shapes.get(schema);
  if (sh) return sh;
  const d = defOf(unwrap(schema));
  if (d.type === 'array' && d.element && defOf(unwrap(d.element)).type === 'object') sh = { kind: 'rows', parts: partsOf(d.element), row: d.element };
  else if (d.type === 'record' && d.valueType && ['number', 'string'].includes(defOf(unwrap(d.valueType)).type)) {
    const num = defOf(unwrap(d.valueType)).type === 'number';
    // a key with a part's metadata (a survey's indicator, from a value list) is read and shown as one
    const km = d.keyType ? fieldMeta(d.keyType) : undefined;
    const key: FieldInfo | undefined = km ? { ...km, name: 'key', required: true } : undefined;
    sh = { kind: 'map', value: { name: 'value', label: { en: 'Value', zh: '值' }, kind: num ? 'number' : 'text' }, valueSchema: d.valueType, key };
  } else if (d.type === 'object') sh = { kind: 'object', parts: partsOf(unwrap(schema)), row: unwrap(schema) };
  else sh = { kind: 'other' };
  shapes.set(schema, sh);
  return sh;
}

/** The rows of a nested value as the editor lists them (a map's entries as {key, value}). */
export function nestedRows(shape: NestedShape, value: unknown): Record<string, unknown>[] {
  if (shape.kind === 'rows') return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  if (shape.kind === 'map') return value && typeof value === 'object' ? Object.entries(value).map(([key, v]) => ({ key, value: v })) : [];
  if (shape.kind === 'object') return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
  return value && typeof value === 'object' ? Object.entries(value).map(([key, v]) => ({ key, value: JSON.stringify(v) })) : [];
}

/** The nested value made of the editor's rows again. */
export function nestedValue(shape: NestedShape, rows: Record<string, unknown>[]): unknown {
  if (shape.kind === 'map') return Object.fromEntries(rows.map((r) => [String(r.key), r.value]));
  if (shape.kind === 'object') return rows[0];
  return rows;
}

/** The columns of the editor's rows: a map's rows are a name and a value. */
export function nestedColumns(shape: NestedShape): FieldInfo[] {
  if (shape.kind === 'rows' || shape.kind === 'object') return shape.parts;
  const key: FieldInfo = { name: 'key', label: { en: 'Item', zh: '项目' }, kind: 'text', required: true };
  if (shape.kind === 'map') return [shape.key ?? key, { ...shape.value, required: true }];
  return [key, { name: 'value', label: { en: 'Value', zh: '值' }, kind: 'text' }];
}
