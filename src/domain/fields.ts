// Field builders: each returns a zod schema carrying the metadata that forms, CLI flags,
// CSV headers and tables read, so the zod schema stays the one source of truth.
import { z } from 'zod';
import { MAX_FEN } from './money.js';

export type Label = { en: string; zh: string };
export type FieldKind =
  | 'id' | 'text' | 'longtext' | 'enum' | 'date' | 'datetime' | 'money' | 'int' | 'phone'
  | 'email' | 'ref' | 'tags' | 'bool' | 'json'
  /** a plain number (a line item's quantity), inside structured sub-records */
  | 'number';

export interface FieldMeta {
  label: Label;
  kind: FieldKind;
  /** value-list name (workspace-editable) or fixed enumeration name */
  values?: string;
  /** entity an id refers to */
  ref?: string;
  required?: boolean;
  /** set by the system, not by forms or flags */
  system?: boolean;
  /** header aliases accepted by import, beyond the labels */
  aliases?: string[];
  /** money: negative amounts accepted from input */
  signed?: boolean;
  /** worked out from the record's other fields (an order's total from its lines): forms show
   *  it read-only; input may give it only where the record has nothing to work it out from */
  computed?: boolean;
  /** worked out from this structured field of the record when it has rows (an opportunity's
   *  amount from its product lines); typed in when it has none (older data, imports) */
  computedFrom?: string;
  /** a date that recurs every year (a birthday): its year is the origin, its month and day the occasion */
  yearly?: boolean;
  /** a text key that ends in `@YYYY-MM-DD` (a care task's occasion): the date moves with the data */
  datedKey?: boolean;
  /** why something moved: a code the system writes (`orders:D0012`, `opening`) or a person's
   *  words; screens show the code in the reader's language */
  reason?: boolean;
}

const META = new WeakMap<z.ZodType, FieldMeta>();
export const fieldMeta = (s: z.ZodType): FieldMeta | undefined => META.get(s);
function tag<T>(s: T, meta: FieldMeta): T {
  META.set(s as z.ZodType, meta);
  return s;
}

/** the number the ASCII digits s[from, to) spell, or -1 */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

export function isValidDate(s: string): boolean {
  // YYYY-MM-DD (/^\d{4}-\d{2}-\d{2}$/) and its arithmetic read by character codes, not a Date
  // object nor slices: every date of a 100k-row import passes here twice
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || m < 0 || d < 0) return false;
  // years before 100 are refused (Date.UTC reads them as 19xx, which this check once relied on)
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

// Mobile: 11 digits starting with 1; landline: area code + number (0571-87654321);
// international: + then 6-15 digits with spaces or dashes.
const MOBILE = /^1\d{10}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const INTL = /^\+\d[\d -]{5,18}\d$/;
export function isValidPhone(s: string): boolean {
  return MOBILE.test(s) || LANDLINE.test(s) || (INTL.test(s) && s.replace(/\D/g, '').length <= 15);
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// stored fen: an integer (a fraction of a fen is more than two decimals of yuan), bounded
const fenSchema = () => z.number().int('money').min(-MAX_FEN, 'min').max(MAX_FEN, 'max');

type Opt = { required?: boolean; aliases?: string[] };
/** required fields keep their type; the others become optional, in the inferred type too */
type Req<O, T extends z.ZodType> = O extends { required: true } ? T : z.ZodOptional<T>;
const opt = <O extends Opt, T extends z.ZodType>(s: T, o: O | undefined) => (o?.required ? s : s.optional()) as Req<O, T>;
type Str = z.ZodString;
type Num = z.ZodNumber;

export const f = {
  id: (label: Label) => tag(z.string().min(1), { label, kind: 'id', system: true }),
  text: <const O extends Opt & { max?: number; system?: boolean; datedKey?: boolean }>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(o?.required ? z.string().trim().min(1, 'required').max(o?.max ?? 200, 'tooLong') : z.string().max(o?.max ?? 200, 'tooLong'), o), {
      label, kind: 'text', required: o?.required, aliases: o?.aliases, system: o?.system, ...(o?.datedKey ? { datedKey: true } : {}),
    }),
  longtext: <const O extends Opt>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().max(4000, 'tooLong'), o), { label, kind: 'longtext', aliases: o?.aliases }),
  /** a code from a value list; membership is checked against the workspace's lists */
  enum: <const O extends Opt>(label: Label, values: string, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().min(1), o), { label, kind: 'enum', values, required: o?.required, aliases: o?.aliases }),
  date: <const O extends Opt & { yearly?: boolean }>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().refine(isValidDate, 'date'), o), { label, kind: 'date', required: o?.required, aliases: o?.aliases, ...(o?.yearly ? { yearly: true } : {}) }),
  datetime: <const O extends Opt & { system?: boolean }>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'datetime'), o), {
      label, kind: 'datetime', system: o?.system, aliases: o?.aliases,
    }),
  /** an amount of money in integer fen (yuan × 100); people and files see yuan (see money.ts).
   *  The sign is checked where a person types the amount: `signed` fields take negatives. */
  money: <const O extends Opt & { signed?: boolean; computed?: boolean; computedFrom?: string }>(label: Label, o?: O): Req<O, Num> =>
    tag(opt<O, Num>(fenSchema(), o), { label, kind: 'money', required: o?.required, aliases: o?.aliases, signed: o?.signed, computed: o?.computed, computedFrom: o?.computedFrom }),
  int: <const O extends Opt & { min?: number; max?: number }>(label: Label, o?: O): Req<O, Num> =>
    tag(opt<O, Num>(z.number().int('int').min(o?.min ?? 0, 'min').max(o?.max ?? 1e12, 'max'), o), {
      label, kind: 'int', required: o?.required, aliases: o?.aliases,
    }),
  /** a time of day, 24-hour HH:MM (a task due at 14:30) */
  time: <const O extends Opt>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time'), o), { label, kind: 'text', aliases: o?.aliases }),
  phone: <const O extends Opt>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().refine(isValidPhone, 'phone'), o), { label, kind: 'phone', aliases: o?.aliases }),
  email: <const O extends Opt>(label: Label, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().regex(EMAIL, 'email'), o), { label, kind: 'email', aliases: o?.aliases }),
  ref: <const O extends Opt>(label: Label, ref: string, o?: O): Req<O, Str> =>
    tag(opt<O, Str>(z.string().min(1), o), { label, kind: 'ref', ref, required: o?.required, aliases: o?.aliases }),
  refs: (label: Label, ref: string, o?: Opt) =>
    tag(z.array(z.string().min(1)).default([]), { label, kind: 'tags', ref, aliases: o?.aliases }),
  tags: (label: Label, o?: Opt) =>
    tag(z.array(z.string().trim().min(1).max(40, 'tooLong')).default([]), { label, kind: 'tags', aliases: o?.aliases }),
  bool: (label: Label, o?: Opt) =>
    tag(z.boolean().default(false), { label, kind: 'bool', aliases: o?.aliases }),
  /** structured sub-records (line items, permissions …), edited by the nested-record editor;
   *  `system`: kept by the services (a customer's stage history), never set by a person */
  json: <T extends z.ZodType>(label: Label, s: T, o?: { system?: boolean }) => tag(s, { label, kind: 'json', system: o?.system }),
  /** a part of a structured sub-record (a line item's quantity): its label and kind for the
   *  nested-record editor, its validation left as given */
  part: <T extends z.ZodType>(label: Label, kind: FieldKind, s: T, o?: { ref?: string; values?: string; signed?: boolean; reason?: boolean }) =>
    tag(s, { label, kind, ...o }),
  createdAt: () => tag(z.string(), { label: { en: 'Created', zh: '创建时间' }, kind: 'datetime', system: true }),
  updatedAt: () => tag(z.string(), { label: { en: 'Updated', zh: '更新时间' }, kind: 'datetime', system: true }),
};

export interface FieldInfo extends FieldMeta {
  name: string;
}

/** The fields of an entity's object schema, in declaration order, with their metadata. */
export function fieldsOf(schema: z.ZodObject): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const [name, s] of Object.entries(schema.shape)) {
    const meta = fieldMeta(s as z.ZodType);
    if (meta) out.push({ name, ...meta });
  }
  return out;
}
