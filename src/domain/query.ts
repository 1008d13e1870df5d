// Conditions on one field — `stage=忠诚`, `客户来源:网络`, `total>100`, `date>=1998/6/30` —
// parsed once and matched per record. The app's field filter and the CLI's --where share it, so
// a condition means the same in both shells: a field by its name, label (either language) or an
// alias; a value by its code or label, typed in any form a flag accepts.
import type { FieldInfo } from './fields.js';
import { parseDateText, parseNumberText } from './parse-input.js';
import { parseYuanText } from './money.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from './values.js';
import type { EntityRecord } from './workspace.js';

export type Op = '=' | '!=' | '~' | ':' | '>' | '>=' | '<' | '<=';

export interface Condition {
  field: string;
  op: Op;
  /** what was typed after the operator */
  raw: string;
  /** enum: the codes that match (= and : alike); others: the value to compare with */
  codes?: Set<string>;
  num?: number;
  text?: string;
}

export type QueryError =
  | { code: 'syntax'; term: string }
  | { code: 'unknownField'; term: string; field: string }
  | { code: 'notInList'; term: string; field: string; list: string }
  | { code: 'badValue'; term: string; field: string; kind: string }
  | { code: 'noOrder'; term: string; field: string };

// longest operators first: `>=` is not `>` followed by `=…`
const TERM = /^([^=!~:<>]+?)\s*(!=|>=|<=|=|~|:|>|<)\s*(.*)$/s;
const norm = (s: string) => s.replace(/[\s*＊_\-:：]/g, '').toLowerCase();

const names = new WeakMap<FieldInfo[], Map<string, FieldInfo>>();
/** A field by its name, either language's label (with or without a bracketed part) or alias. */
export function findField(fields: FieldInfo[], name: string): FieldInfo | undefined {
  let m = names.get(fields);
  if (!m) {
    m = new Map();
    for (const fi of fields) {
      for (const n of [fi.name, fi.label.en, fi.label.zh, fi.label.zh.replace(/[(（].*[)）]/, ''), fi.label.en.replace(/\s*\(.*\)/, ''), ...(fi.aliases ?? [])]) {
        const k = norm(n);
        if (k && !m.has(k)) m.set(k, fi);
      }
    }
    names.set(fields, m);
  }
  return m.get(norm(name));
}

/** Codes of a list whose code or label (either language) holds the text; an exact code or
 *  label alone when there is one, so `a` on grades is A, not every code with an a in it. */
export function matchingCodes(lists: ValueLists, list: string, text: string, exactFirst: boolean): Set<string> {
  const items = lists[list] ?? DEFAULT_VALUE_LISTS[list] ?? [];
  const q = text.trim().toLowerCase();
  if (exactFirst) {
    const exact = items.filter((v) => v.code.toLowerCase() === q || v.en.toLowerCase() === q || v.zh.toLowerCase() === q);
    if (exact.length) return new Set(exact.map((v) => v.code));
  }
  return new Set(items.filter((v) => v.code.toLowerCase().includes(q) || v.en.toLowerCase().includes(q) || v.zh.toLowerCase().includes(q)).map((v) => v.code));
}

const ORDERED = new Set(['date', 'datetime', 'money', 'int', 'id', 'text', 'phone', 'email']);

/** Looks like FIELD OP VALUE (it may still name no field: then it is free text in the app). */
export function splitTerm(term: string): { field: string; op: Op; raw: string } | undefined {
  const m = TERM.exec(term.trim());
  return m && m[1].trim() ? { field: m[1].trim(), op: m[2] as Op, raw: m[3] } : undefined;
}

export function parseCondition(fields: FieldInfo[], term: string, lists: ValueLists): { cond: Condition } | { error: QueryError } {
  const parts = splitTerm(term);
  if (!parts) return { error: { code: 'syntax', term } };
  const fi = findField(fields, parts.field);
  if (!fi) return { error: { code: 'unknownField', term, field: parts.field } };
  const { op } = parts;
  const raw = parts.raw.trim();
  const cond: Condition = { field: fi.name, op, raw };
  const ordered = op === '>' || op === '>=' || op === '<' || op === '<=';
  const bad = (): { error: QueryError } => ({ error: { code: 'badValue', term, field: fi.name, kind: fi.kind } });
  if (ordered && !ORDERED.has(fi.kind)) return { error: { code: 'noOrder', term, field: fi.name } };
  switch (fi.kind) {
    case 'enum': {
      // = and : take an exact code or label when there is one (信用等级:a is A, not AAA);
      // otherwise, like ~, every value whose code or label holds the text (忠诚 is 现实客户(忠诚))
      const codes = matchingCodes(lists, fi.values!, raw, op !== '~');
      if (!codes.size) return { error: { code: 'notInList', term, field: fi.name, list: fi.values! } };
      cond.codes = codes;
      return { cond };
    }
    case 'date':
    case 'datetime': {
      if (op === '~' || op === ':') break;
      const d = parseDateText(raw);
      if (!d) return bad();
      cond.text = d;
      return { cond };
    }
    case 'money': {
      if (op === '~' || op === ':') break;
      const r = parseYuanText(raw, { allowNegative: true });
      if (!('fen' in r)) return bad();
      cond.num = r.fen;
      return { cond };
    }
    case 'int': {
      if (op === '~' || op === ':') break;
      const n = parseNumberText(raw);
      if (n === undefined) return bad();
      cond.num = n;
      return { cond };
    }
    case 'bool': {
      const low = raw.toLowerCase();
      if (['1', 'true', 'yes', 'y', '是', '对', 'on'].includes(low)) cond.num = 1;
      else if (['0', 'false', 'no', 'n', '否', '不', 'off'].includes(low)) cond.num = 0;
      else return bad();
      return { cond };
    }
  }
  cond.text = raw.toLowerCase();
  return { cond };
}

/** How a record's reference reads (a customer's name for a contact's customerId). */
export type RefName = (entity: string, id: string) => string | undefined;

const collator = () => (coll ??= new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' }));
let coll: Intl.Collator | undefined;

/** The local calendar day of a stored ISO time, to compare with a typed date. */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function compare(a: number, op: Op): boolean {
  switch (op) {
    case '>': return a > 0;
    case '>=': return a >= 0;
    case '<': return a < 0;
    case '<=': return a <= 0;
    case '!=': return a !== 0;
    default: return a === 0;
  }
}

/** True when the record meets the condition. An empty value meets only `!=`. */
export function matches(c: Condition, fi: FieldInfo, rec: EntityRecord, refName?: RefName): boolean {
  const v = rec[c.field];
  const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  const neg = c.op === '!=';
  if (c.codes) return neg ? !c.codes.has(String(v)) : !empty && c.codes.has(String(v));
  if (empty) return neg;
  if (fi.kind === 'bool') return (v ? 1 : 0) === c.num ? !neg : neg;
  if (c.num !== undefined) return compare(Math.sign(Number(v) - c.num), c.op);
  const q = c.text ?? '';
  if (fi.kind === 'date' || fi.kind === 'datetime') {
    if (c.op === '~' || c.op === ':') return String(v).toLowerCase().includes(q);
    const day = fi.kind === 'datetime' ? localDay(String(v)) : String(v);
    return compare(day < q ? -1 : day > q ? 1 : 0, c.op);
  }
  // text, phone, id, tags, references: the stored value and, for a reference, the name it shows
  const texts = Array.isArray(v) ? v.map(String) : [String(v)];
  if (fi.kind === 'ref' && refName) {
    const n = refName(fi.ref!, String(v));
    if (n) texts.push(n);
  }
  const low = texts.map((x) => x.toLowerCase());
  if (c.op === '~' || c.op === ':') return low.some((x) => x.includes(q));
  if (c.op === '=') return low.some((x) => x === q);
  if (neg) return !low.some((x) => x === q);
  return compare(Math.sign(collator().compare(low[0], q)), c.op);
}

/** Records meeting every condition, in their order. */
export function filterByConditions(recs: EntityRecord[], fields: FieldInfo[], conds: Condition[], refName?: RefName): EntityRecord[] {
  if (!conds.length) return recs;
  const infos = conds.map((c) => fields.find((f) => f.name === c.field)!);
  return recs.filter((r) => conds.every((c, i) => matches(c, infos[i], r, refName)));
}
