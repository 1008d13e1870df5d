// How the columns of a spreadsheet become fields, for any entity: written once per source
// (a mapping file) or given as flags. Pure: it knows no entity, only column and field names.

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ImportMapping {
  /** column → the fields it fills; [] skips the column */
  columns: Map<string, string[]>;
  /** a date read from three columns: year, month (number or name), day */
  dates: { field: string; columns: [string, string, string] }[];
  /** column → cell text → the text read instead */
  values: Map<string, Map<string, string>>;
  /** a row is imported when, for each column named, its cell is one of the values */
  only: Map<string, Set<string>>;
  /** cells that mean "no value" (compared without case) */
  nulls: string[];
  dateOrder?: DateOrder;
  /** field → text, for every row (as if a column held it) */
  set: Map<string, string>;
  /** referenced records (an order's customer) missing from the workspace are created from the row */
  createMissing: boolean;
}

/** The markers spreadsheets and database extracts use for an empty cell. */
export const DEFAULT_NULLS = ['NULL', 'NA', 'N/A', '#N/A', '-', '--', '—'];

export function emptyMapping(): ImportMapping {
  return { columns: new Map(), dates: [], values: new Map(), only: new Map(), nulls: [...DEFAULT_NULLS], set: new Map(), createMissing: false };
}

/** What a user wrote wrong: `what` is the flag or key, `text` their words, `expected` the form. */
export interface MappingProblem {
  what: string;
  text: string;
  expected: string;
}

const DATE_ORDERS: readonly string[] = ['dmy', 'mdy', 'ymd'];
const splitList = (s: string) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);

export interface MappingFlags {
  map?: string[];
  skip?: string[];
  date?: string[];
  value?: string[];
  only?: string[];
  null?: string;
  dateOrder?: string;
  set?: string[];
  createMissing?: boolean;
}

/** Flags on top of a mapping (a file's, or an empty one). Returns the problems, if any. */
export function applyFlags(m: ImportMapping, f: MappingFlags): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const pair = (what: string, s: string, sep: string, expected: string): [string, string] | undefined => {
    const i = s.indexOf(sep);
    if (i <= 0) {
      problems.push({ what, text: s, expected });
      return undefined;
    }
    return [s.slice(0, i).trim(), s.slice(i + sep.length).trim()];
  };
  for (const s of f.map ?? []) {
    const p = pair('--map', s, '=', 'COLUMN=FIELD[,FIELD]');
    if (p) m.columns.set(p[0], splitList(p[1]));
  }
  for (const s of f.skip ?? []) if (s.trim()) m.columns.set(s.trim(), []);
  for (const s of f.date ?? []) {
    const p = pair('--date', s, '=', 'FIELD=YEAR,MONTH,DAY');
    if (!p) continue;
    const cols = splitList(p[1]);
    if (cols.length !== 3) problems.push({ what: '--date', text: s, expected: 'FIELD=YEAR,MONTH,DAY' });
    else m.dates.push({ field: p[0], columns: cols as [string, string, string] });
  }
  for (const s of f.value ?? []) {
    // FROM may be empty: empty cells become TO
    const c = s.indexOf(':');
    const e = s.indexOf('=', c + 1);
    if (c <= 0 || e < 0) problems.push({ what: '--value', text: s, expected: 'COLUMN:FROM=TO' });
    else addValue(m, s.slice(0, c).trim(), s.slice(c + 1, e).trim(), s.slice(e + 1).trim());
  }
  for (const s of f.only ?? []) {
    const p = pair('--only', s, '=', 'COLUMN=VALUE');
    if (p) addOnly(m, p[0], p[1]);
  }
  if (f.null !== undefined) m.nulls = splitList(f.null);
  if (f.dateOrder !== undefined) {
    if (DATE_ORDERS.includes(f.dateOrder)) m.dateOrder = f.dateOrder as DateOrder;
    else problems.push({ what: '--date-order', text: f.dateOrder, expected: 'dmy | mdy | ymd' });
  }
  for (const s of f.set ?? []) {
    const p = pair('--set', s, '=', 'FIELD=VALUE');
    if (p) m.set.set(p[0], p[1]);
  }
  if (f.createMissing) m.createMissing = true;
  return problems;
}

function addValue(m: ImportMapping, column: string, from: string, to: string) {
  let t = m.values.get(column);
  if (!t) m.values.set(column, (t = new Map()));
  t.set(from, to);
}
function addOnly(m: ImportMapping, column: string, value: string) {
  let s = m.only.get(column);
  if (!s) m.only.set(column, (s = new Set()));
  s.add(value);
}

const FILE_KEYS = ['map', 'skip', 'date', 'value', 'only', 'null', 'dateOrder', 'set', 'createMissing'];
const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const strs = (x: unknown): string[] | undefined => (typeof x === 'string' ? splitList(x) : Array.isArray(x) && x.every((y) => typeof y === 'string') ? (x as string[]) : undefined);

/** A mapping file: `{ "map": { "内容": ["subject", "description"], "编号": "" }, "skip": [...],
 *  "date": { "FIELD": ["YEAR", "MONTH", "DAY"] }, "value": { "类型": { "投诉": "complaint" } },
 *  "only": { "COLUMN": "VALUE" | [...] }, "null": [...], "dateOrder": "mdy", "set": { "FIELD": "VALUE" },
 *  "createMissing": true }`, or the older flat `{ "COLUMN": "FIELD" }`. Keys are text from
 *  outside: read with Object.entries into Maps, never used as property names. */
export function mappingFromJson(obj: unknown, m: ImportMapping = emptyMapping()): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const bad = (what: string, text: unknown, expected: string) => problems.push({ what, text: typeof text === 'string' ? text : JSON.stringify(text) ?? '', expected });
  if (!isObj(obj)) {
    bad('mapping', obj, '{ "map": { "COLUMN": "FIELD" } }');
    return problems;
  }
  const entries = Object.entries(obj);
  const flat = entries.every(([k, v]) => typeof v === 'string' && k !== 'dateOrder' && k !== 'null');
  if (flat && !entries.some(([k]) => FILE_KEYS.includes(k) && k !== 'map' && k !== 'set')) {
    for (const [k, v] of entries) m.columns.set(k, splitList(v as string));
    return problems;
  }
  for (const [key, v] of entries) {
    switch (key) {
      case 'map':
        if (!isObj(v)) bad('map', v, '{ "COLUMN": "FIELD" | ["FIELD", "FIELD"] }');
        else for (const [c, fl] of Object.entries(v)) {
          const fields = strs(fl);
          if (fields) m.columns.set(c, fields);
          else bad(`map.${c}`, fl, '"FIELD" | ["FIELD", "FIELD"]');
        }
        break;
      case 'skip': {
        const cols = Array.isArray(v) && v.every((y) => typeof y === 'string') ? (v as string[]) : undefined;
        if (cols) for (const c of cols) m.columns.set(c, []);
        else bad('skip', v, '["COLUMN"]');
        break;
      }
      case 'date':
        if (!isObj(v)) bad('date', v, '{ "FIELD": ["YEAR", "MONTH", "DAY"] }');
        else for (const [field, cols] of Object.entries(v)) {
          const c = strs(cols);
          if (c?.length === 3) m.dates.push({ field, columns: c as [string, string, string] });
          else bad(`date.${field}`, cols, '["YEAR", "MONTH", "DAY"]');
        }
        break;
      case 'value':
        if (!isObj(v)) bad('value', v, '{ "COLUMN": { "FROM": "TO" } }');
        else for (const [c, table] of Object.entries(v)) {
          if (!isObj(table)) bad(`value.${c}`, table, '{ "FROM": "TO" }');
          else for (const [from, to] of Object.entries(table)) {
            if (typeof to === 'string' || typeof to === 'number') addValue(m, c, from, String(to));
            else bad(`value.${c}.${from}`, to, '"TO"');
          }
        }
        break;
      case 'only':
        if (!isObj(v)) bad('only', v, '{ "COLUMN": "VALUE" | ["VALUE"] }');
        else for (const [c, vals] of Object.entries(v)) {
          const list = typeof vals === 'string' ? [vals] : strs(vals);
          if (list) for (const x of list) addOnly(m, c, x);
          else bad(`only.${c}`, vals, '"VALUE" | ["VALUE"]');
        }
        break;
      case 'null': {
        const list = strs(v);
        if (list) m.nulls = list;
        else bad('null', v, '["NULL", "NA"]');
        break;
      }
      case 'dateOrder':
        if (typeof v === 'string' && DATE_ORDERS.includes(v)) m.dateOrder = v as DateOrder;
        else bad('dateOrder', v, '"dmy" | "mdy" | "ymd"');
        break;
      case 'set':
        if (!isObj(v)) bad('set', v, '{ "FIELD": "VALUE" }');
        else for (const [field, x] of Object.entries(v)) {
          if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') m.set.set(field, String(x));
          else bad(`set.${field}`, x, '"VALUE"');
        }
        break;
      case 'createMissing':
        if (typeof v === 'boolean') m.createMissing = v;
        else bad('createMissing', v, 'true | false');
        break;
      default:
        bad(key, key, FILE_KEYS.join(' | '));
    }
  }
  return problems;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZH_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** 7, 07, July, Jul, Jul., 7月, 七月 → 7 */
export function monthNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase().replace(/\.$/, '').replace(/月份?$/, '');
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const zh = ZH_MONTHS.indexOf(t);
  if (zh >= 0) return zh + 1;
  if (t.length >= 3) {
    const i = MONTHS.indexOf(t.slice(0, 3));
    if (i >= 0 && `${['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]}`.startsWith(t.replace(/^sept$/, 'sep'))) return i + 1;
  }
  return undefined;
}

/** Three cells (year, month, day) as one date text YYYY-MM-DD, or undefined when they do not make one. */
export function dateFromParts(year: string, month: string, day: string): string | undefined {
  const y = year.trim().replace(/年$/, '');
  const d = day.trim().replace(/[日号]$/, '');
  const mo = monthNumber(month);
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(d) || !mo) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${d.padStart(2, '0')}`;
}
