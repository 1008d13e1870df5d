// Turns text typed in a form, given as a flag or read from a CSV cell into a field's value.
// Accepts the common Chinese and English forms of dates, numbers and value-list entries.
import type { FieldInfo } from './fields.js';
import { isValidDate } from './fields.js';
import { resolveValue, type ValueLists } from './values.js';
import type { FieldError } from './errors.js';
import { parseYuanText } from './money.js';
import { parseTimeText } from './zoned-time.js';

export type RefResolver = (entity: string, key: string) => { id: string } | { error: 'unknownRef' | 'ambiguousRef' };

export interface ParseContext {
  lists: ValueLists;
  resolveRef: RefResolver;
  /** the workspace's zone: a time typed without an offset is its wall clock (as export writes) */
  timeZone?: string;
  /** the order of day and month in a file's dates (3/5/2024); without it an ambiguous date is refused */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, and an ISO time (date part kept). */
export function parseDateText(s: string, order?: 'dmy' | 'mdy' | 'ymd'): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const d = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isValidDate(d) ? d : undefined;
  }
  // 3/5/2024 is ambiguous between US and European order: refuse rather than guess
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m && (order === 'dmy' || order === 'mdy')) {
    const [day, month] = order === 'dmy' ? [m[1], m[2]] : [m[2], m[1]];
    const d = `${m[3]}-${pad(Number(month))}-${pad(Number(day))}`;
    return isValidDate(d) ? d : undefined;
  }
  // one that reads the same either way (7/7/2015) is no guess
  if (m && m[1] === m[2]) {
    const d = `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[1]))}`;
    return isValidDate(d) ? d : undefined;
  }
  if (m && (Number(m[1]) > 12) !== (Number(m[2]) > 12)) {
    const [day, month] = Number(m[1]) > 12 ? [m[1], m[2]] : [m[2], m[1]];
    const d = `${m[3]}-${pad(Number(month))}-${pad(Number(day))}`;
    return isValidDate(d) ? d : undefined;
  }
  return undefined;
}

/** 1234.5, 1,234.50, ¥1234, 1234元, ￥1,234, -12 */
export function parseNumberText(s: string): number | undefined {
  const t = s.trim().replace(/^[¥￥$]|元$|RMB$/gi, '').replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const TRUE = new Set(['1', 'true', 'yes', 'y', '是', '对', '√', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'n', '否', '不', '×', 'off', '']);

export type ParsedValue = { value: unknown } | { error: FieldError };

/** Parses one field's text. Empty text means "no value" (undefined), except for lists and flags. */
export function parseFieldText(fi: FieldInfo, raw: string, ctx: ParseContext): ParsedValue {
  const s = raw.trim();
  const err = (code: string, params?: Record<string, string | number>): ParsedValue => ({ error: { field: fi.name, code, params } });
  if (fi.kind === 'tags') {
    const parts = s.split(/[,，;；|、]/).map((x) => x.trim()).filter(Boolean);
    if (fi.ref) {
      const ids: string[] = [];
      for (const p of parts) {
        const r = ctx.resolveRef(fi.ref, p);
        if ('error' in r) return err(r.error, { value: p, entity: fi.ref });
        ids.push(r.id);
      }
      return { value: ids };
    }
    return { value: parts };
  }
  if (fi.kind === 'bool') {
    const low = s.toLowerCase();
    if (TRUE.has(low)) return { value: true };
    if (FALSE.has(low)) return { value: false };
    return err('bool', { value: s });
  }
  if (s === '') return { value: undefined };
  switch (fi.kind) {
    case 'enum': {
      const code = resolveValue(ctx.lists, fi.values!, s);
      if (code === undefined) return err('notInList', { value: s, list: fi.values! });
      return { value: code };
    }
    case 'date': {
      const d = parseDateText(s, ctx.dateOrder);
      if (d) return { value: d };
      // 3/5/2024 without a date order: said, not guessed
      const amb = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$/.exec(s);
      return amb && Number(amb[1]) <= 12 && Number(amb[2]) <= 12 ? err('dateAmbiguous', { value: s }) : err('date', { value: s });
    }
    case 'datetime': {
      if (ctx.timeZone) {
        const iso = parseTimeText(s, ctx.timeZone);
        return iso ? { value: iso } : err('datetime', { value: s });
      }
      const ms = Date.parse(s.replace(/\//g, '-'));
      return Number.isNaN(ms) ? err('datetime', { value: s }) : { value: new Date(ms).toISOString() };
    }
    case 'money': {
      // typed and read as yuan, stored as integer fen
      const r = parseYuanText(s, { allowNegative: fi.signed });
      return 'error' in r ? err(r.error, { value: s }) : { value: r.fen };
    }
    case 'int': {
      const n = parseNumberText(s);
      if (n === undefined || !Number.isInteger(n)) return err('int', { value: s });
      return { value: n };
    }
    case 'number': {
      const n = parseNumberText(s);
      return n === undefined ? err('number', { value: s }) : { value: n };
    }
    case 'ref': {
      const r = ctx.resolveRef(fi.ref!, s);
      return 'error' in r ? err(r.error, { value: s, entity: fi.ref! }) : { value: r.id };
    }
    case 'phone': {
      // people write a mobile as 138 0000 0000 or 138-0000-0000: stored as 11 digits;
      // landlines and international numbers keep their separators
      const digits = s.replace(/[\s()-]/g, '');
      return { value: /^1\d{10}$/.test(digits) ? digits : s.replace(/\s+/g, ' ') };
    }
    default:
      return { value: s };
  }
}
