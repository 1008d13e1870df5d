// Import of any entity from a table (CSV rows or JSON records): header mapping by field
// name, label in either language and common aliases; values in the usual Chinese and
// English forms; references by natural key. All or nothing: every row is checked first, and
// only a file without a bad row is applied.
import { ENTITIES, entityFields, formatId, type EntityName } from '../domain/entities.js';
import type { FieldError } from '../domain/errors.js';
import type { FieldInfo } from '../domain/fields.js';
import { parseFieldText, type ParseContext } from '../domain/parse-input.js';
import { dateFromParts, emptyMapping, type ImportMapping } from '../domain/import-mapping.js';
import { HEADER_SYNONYMS } from '../domain/header-synonyms.js';
import { applyImportOnly, importFields, isImportOnly } from '../domain/import-fields.js';
import type { PendingRefs, Repo } from './repo.js';
import type { EntityRecord } from '../domain/workspace.js';
import { unsafeCell } from '../text/csv.js';
import { fieldFromYuan } from '../domain/money-fields.js';
import { parseTimeText } from '../domain/zoned-time.js';
import { workspaceTimeZone } from './time-zone.js';

export type OnDuplicate = 'error' | 'skip' | 'update';

export interface ImportIssue {
  line: number;
  column?: string;
  field?: string;
  value?: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ColumnMap {
  column: string;
  /** the field the column fills (for a reference read by a key: the reference field) */
  field?: string;
  /** further fields the same column fills (one column to two fields) */
  also?: string[];
  /** a reference read by this field of the referenced record (`phone`: the customer's mobile) */
  via?: string;
  /** the column was skipped on purpose (--skip, --map COL=) */
  skipped?: boolean;
  /** the date field this column is one part of (--date FIELD=YEAR,MONTH,DAY) */
  datePartOf?: string;
}

export interface ImportReport {
  entity: EntityName;
  headerLine: number;
  mapping: ColumnMap[];
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  /** rows whose empty reference was taken from the row above (merged cells in the sheet) */
  filledDown: number;
  /** rows left out by --only */
  filtered: number;
  /** the lines of the first rows taken (not blank, not left out by --only): the preview's */
  firstLines: number[];
  /** orders whose amount did not divide by their quantity: a rounding line keeps it exact */
  roundingLines: number;
  /** referenced records created (--create-missing), by entity */
  createdRefs: Partial<Record<EntityName, number>>;
  /** rows whose reference was found by its code or mobile under another name than the row's
   *  (李娜 with 张伟's mobile): filed under the record found, and said */
  otherNames: OtherName[];
  errors: ImportIssue[];
  applied: boolean;
}

export interface OtherName {
  line: number;
  /** the column of the row's name */
  column: string;
  /** the name the row gives */
  value: string;
  entity: EntityName;
  /** the record found, and its name */
  id: string;
  name: string;
}

/** how many of the first rows a report names for a preview */
const FIRST_LINES = 5;

export interface TableRow {
  line: number;
  cells: string[];
}

const norm = (s: string) => s.replace(/^\ufeff/, '').replace(/[\s*＊:：_\-.]/g, '').toLowerCase();

/** Every name a column header may use for each field of the entity (a target: `total`, or
 *  `customerId.id` for a reference read by code). */
export function headerNames(entity: EntityName): Map<string, string> {
  const m = new Map<string, string>();
  const fields = importFields(entity);
  const singular = entity.replace(/ies$/, 'y').replace(/s$/, '');
  const has = (target: string) => {
    const [f, via] = target.split('.');
    const fi = fields.find((x) => x.name === f);
    return !!fi && (!via || (fi.kind === 'ref' && !!fi.ref));
  };
  // a reference's code column (customer_id, 客户编号) is read as the code: a missing one can be created with it
  const synonyms = (refKeys: boolean) => {
    for (const [target, names] of Object.entries(HEADER_SYNONYMS)) {
      if (!has(target) || target.includes('.') !== refKeys) continue;
      for (const n of names) {
        const k = norm(n);
        if (k && !m.has(k)) m.set(k, target);
      }
    }
  };
  synonyms(true);
  for (const fi of fields) {
    for (const n of [fi.name, fi.label.en, fi.label.zh, fi.label.zh.replace(/[(（].*[)）]/, ''), fi.label.en.replace(/\s*\(.*\)/, ''), ...(fi.aliases ?? []), `${singular}${fi.name}`, `${singular} ${fi.label.en}`]) {
      const k = norm(n);
      if (k && !m.has(k)) m.set(k, fi.name);
    }
  }
  synonyms(false);
  return m;
}

/** A target named by the user: a field's name or label, or REF.KEY (`customerId.phone`). */
export type Target = { fi: FieldInfo; via?: FieldInfo };

export function resolveTarget(entity: EntityName, name: string): Target | undefined {
  const fields = importFields(entity);
  const dot = name.indexOf('.');
  if (dot > 0) {
    const fi = fields.find((f) => f.name === name.slice(0, dot)) ?? fields.find((f) => f.name === headerNames(entity).get(norm(name.slice(0, dot))));
    if (!fi || fi.kind !== 'ref' || !fi.ref) return undefined;
    const refEntity = fi.ref as EntityName;
    const key = name.slice(dot + 1);
    const kf = entityFields(refEntity).find((f) => f.name === key) ?? entityFields(refEntity).find((f) => f.name === headerNames(refEntity).get(norm(key)));
    return kf && (!kf.system || kf.name === 'id') ? { fi, via: kf } : undefined;
  }
  const exact = fields.find((f) => f.name === name);
  if (exact) return { fi: exact };
  const t = headerNames(entity).get(norm(name));
  return t ? resolveTarget(entity, t) : undefined;
}

const targetName = (t: Target) => (t.via ? `${t.fi.name}.${t.via.name}` : t.fi.name);

/** What a column of an import of `entity` can fill, as the mapping names it (`subject`,
 *  `customerId.phone`): each field a row gives, and each reference by its code, its name and its
 *  natural keys. The choices of the app's preview (m, a). */
export function importTargets(entity: EntityName): (Target & { name: string })[] {
  const out: (Target & { name: string })[] = [];
  for (const fi of importFields(entity)) {
    if (fi.system && fi.name !== 'id') continue;
    if (fi.kind !== 'ref' || !fi.ref) {
      out.push({ name: fi.name, fi });
      continue;
    }
    const ref = fi.ref as EntityName;
    const def = ENTITIES[ref];
    for (const key of new Set(['id', def.display, ...def.keys])) {
      const via = entityFields(ref).find((f) => f.name === key);
      if (via && (!via.system || key === 'id')) out.push({ name: `${fi.name}.${key}`, fi, via });
    }
  }
  return out;
}

/** The columns of a header and what each fills. A column the mapping names is taken as it
 *  says; the others by the built-in names, then as a key of the entity's first required
 *  reference (a ticket's 手机 is its customer's mobile). One field is filled by one column. */
export function mapColumns(entity: EntityName, headers: string[], userMap: Record<string, string> | Map<string, string[]> = {}): ColumnMap[] {
  return bindColumns(entity, headers, userMap).map((b) => b.map);
}

interface Bound {
  map: ColumnMap;
  targets: Target[];
}

function bindColumns(entity: EntityName, headers: string[], userMap: Record<string, string> | Map<string, string[]>): Bound[] {
  const names = headerNames(entity);
  const fieldNames = new Set(importFields(entity).map((f) => f.name));
  const user = new Map<string, string[]>();
  for (const [k, v] of userMap instanceof Map ? userMap : Object.entries(userMap).map(([k, v]) => [k, v.split(/[,，]/).map((x) => x.trim()).filter(Boolean)] as const)) user.set(norm(k), v);
  const ref = entityFields(entity).find((f) => f.kind === 'ref' && f.required && f.ref);
  const refNames = ref ? headerNames(ref.ref as EntityName) : undefined;
  const used = new Set<string>();
  const userTargets = new Set([...user.values()].flat());
  return headers.map((h) => {
    const k = norm(h);
    const asked = user.get(k);
    if (asked) {
      const targets = asked.map((n) => resolveTarget(entity, n)).filter((t): t is Target => !!t);
      for (const t of targets) used.add(targetName(t));
      return { map: toMap(h, targets, asked.length === 0), targets };
    }
    let target: Target | undefined;
    // a field's own name as the schema spells it (list --json's keys) is that field
    const own = fieldNames.has(h.trim()) ? h.trim() : names.get(k);
    if (own) target = resolveTarget(entity, own);
    else if (ref && refNames?.has(k)) {
      const kf = entityFields(ref.ref as EntityName).find((f) => f.name === refNames.get(k));
      if (kf && (!kf.system || kf.name === 'id')) target = { fi: ref, via: kf };
    }
    if (!target) return { map: { column: h }, targets: [] };
    const tn = targetName(target);
    if (used.has(tn) || userTargets.has(tn) || userTargets.has(target.fi.name)) return { map: { column: h }, targets: [] };
    used.add(tn);
    return { map: toMap(h, [target], false), targets: [target] };
  });
}

function toMap(column: string, targets: Target[], skipped: boolean): ColumnMap {
  if (!targets.length) return skipped ? { column, skipped: true } : { column };
  const m: ColumnMap = { column, field: targets[0].fi.name };
  if (targets[0].via) m.via = targets[0].via.name;
  if (targets.length > 1) m.also = targets.slice(1).map(targetName);
  return m;
}

/** The header is the first of the first rows that names two fields (a title row may sit above it). */
function findHeader(entity: EntityName, rows: TableRow[], userMap: Map<string, string[]>): number {
  for (let i = 0; i < Math.min(5, rows.length); i++) {
    const mapped = bindColumns(entity, rows[i].cells, userMap).filter((c) => c.targets.length).length;
    if (mapped >= Math.min(2, rows[i].cells.filter((c) => c.trim()).length) && mapped > 0) return i;
  }
  return 0;
}

const ID_RE = /^[A-Za-z0-9_-]{1,24}$/;

/** Kinds whose cell text reads the same on every row of one import (the date order and the
 *  value lists stay put; a number reads the same anywhere): each distinct text is parsed once.
 *  An order history of 100k lines has a few hundred dates and quantities. Not amounts: the
 *  benchmark's are all distinct, and a miss costs more than the short path of parseYuanText. */
const MEMO_KINDS: ReadonlySet<string> = new Set(['date', 'enum', 'bool', 'number', 'int']);
const MEMO_MAX = 10_000;

/** the duplicate keys of a row of an entity without natural keys (an order) and no code */
const NO_KEYS: readonly string[] = Object.freeze([]);

const isBlank = (cells: string[]): boolean => {
  for (const c of cells) if (c.trim()) return false;
  return true;
};

/** a planned referenced record a dry run does not keep */
const NO_RECORD = Object.freeze({ id: '' }) as EntityRecord;

/** the values of a plan whose checked record is all that is needed any more */
const NO_VALUES: Record<string, unknown> = Object.freeze({});

/** A row to apply. A class, so the plain checked records kept in its stead (see `Planned`)
 *  are told apart from it by `instanceof`. */
class Plan {
  /** the record as checked, ready to insert */
  checked?: EntityRecord;
  constructor(
    public line: number,
    public kind: 'create' | 'update',
    public id: string | undefined,
    public values: Record<string, unknown>,
  ) {}
}

/** What an import keeps of each good row until it is applied: a new record without a code that
 *  nothing refers back to is kept as its checked record alone (an order history's 100k orders:
 *  100k objects fewer for the garbage collector to copy); every other row as its Plan. */
type Planned = Plan | EntityRecord;

export interface ImportOptions {
  /** column → field (the older form; --map) */
  map?: Record<string, string>;
  /** everything a mapping file or the flags say; its columns win over `map` */
  mapping?: ImportMapping;
  onDuplicate?: OnDuplicate;
  dryRun?: boolean;
  /** rows checked (phase 'check'), then rows applied ('apply'): an order history spends as long
   *  on its effects on customers as on reading, and a bar standing at 100 % looks stuck */
  onProgress?: (done: number, total: number, phase?: 'check' | 'apply') => void;
  /** rows expected, for progress when the table is read as it goes (an estimate is enough) */
  total?: number;
}

/** The names a mapping uses that the entity lacks: a usage error, found before any row is read. */
export function mappingProblems(entity: EntityName, m: ImportMapping): { what: string; value: string }[] {
  const out: { what: string; value: string }[] = [];
  for (const [col, targets] of m.columns) for (const t of targets) if (!resolveTarget(entity, t)) out.push({ what: `--map ${col}=`, value: t });
  for (const d of m.dates) {
    const t = resolveTarget(entity, d.field);
    if (!t || t.via || t.fi.kind !== 'date') out.push({ what: '--date', value: d.field });
  }
  for (const f of m.set.keys()) if (!resolveTarget(entity, f)) out.push({ what: '--set', value: f });
  return out;
}

function mergedMapping(opts: ImportOptions): ImportMapping {
  const m = opts.mapping ?? emptyMapping();
  if (!opts.map) return m;
  const columns = new Map<string, string[]>();
  for (const [k, v] of Object.entries(opts.map)) columns.set(k, v.split(/[,，]/).map((x) => x.trim()).filter(Boolean));
  for (const [k, v] of m.columns) columns.set(k, v);
  return { ...m, columns };
}

/** Rows are taken one at a time: a table read as it goes (csvRows) is never held whole. */
export function importTable(repo: Repo, entity: EntityName, table: Iterable<TableRow>, opts: ImportOptions = {}): ImportReport {
  return repo.atOneTime(() => importRows(repo, entity, table, opts));
}

function importRows(repo: Repo, entity: EntityName, table: Iterable<TableRow>, opts: ImportOptions): ImportReport {
  const onDup = opts.onDuplicate ?? 'error';
  const mp = mergedMapping(opts);
  const empty = (): ImportReport => ({ entity, headerLine: 0, mapping: [], rows: 0, created: 0, updated: 0, skipped: 0, filledDown: 0, filtered: 0, firstLines: [], roundingLines: 0, createdRefs: {}, otherNames: [], errors: [], applied: false });
  // no import permission at all: refused before a row is read
  const denied = repo.refused('import', entity);
  if (denied) return { ...empty(), errors: [{ line: 0, code: denied.code, params: denied.params }] };
  const it = table[Symbol.iterator]();
  const first: TableRow[] = [];
  for (let i = 0; i < 5; i++) {
    const n = it.next();
    if (n.done) break;
    first.push(n.value);
  }
  const hi = findHeader(entity, first, mp.columns);
  const header = first[hi];
  const bound = header ? bindColumns(entity, header.cells, mp.columns) : [];
  const mapping = bound.map((b) => b.map);
  const report: ImportReport = { ...empty(), headerLine: header?.line ?? 0, mapping };
  for (const p of mappingProblems(entity, mp)) report.errors.push({ line: 0, column: p.what, code: 'unknownField', params: { value: p.value } });
  const allFields = entityFields(entity);
  const colIndex = new Map((header?.cells ?? []).map((c, i) => [norm(c), i] as const));
  const columnOf = (name: string, what: string): number => {
    const ci = colIndex.get(norm(name));
    if (ci === undefined) report.errors.push({ line: 0, column: what, code: 'noSuchColumn', params: { value: name } });
    return ci ?? -1;
  };
  // the columns that name a field: a row is read through these only (a file may have thousands)
  // extra: a field no record stores (an order's quantity), read apart from the record's own
  const fieldCols: { ci: number; fi: FieldInfo; memo?: Map<string, unknown>; extra: boolean }[] = [];
  const refCols: { ci: number; fi: FieldInfo; via: FieldInfo }[] = [];
  bound.forEach((b, ci) => {
    for (const t of b.targets) (t.via ? refCols.push({ ci, fi: t.fi, via: t.via }) : fieldCols.push({ ci, fi: t.fi, memo: MEMO_KINDS.has(t.fi.kind) ? new Map() : undefined, extra: isImportOnly(entity, t.fi.name) }));
  });
  const dates = mp.dates.flatMap((d) => {
    const t = resolveTarget(entity, d.field);
    const cis = d.columns.map((c) => columnOf(c, '--date'));
    if (!t || t.via || !cis.every((c) => c >= 0)) return [];
    for (const ci of cis) if (mapping[ci] && !mapping[ci].field) mapping[ci].datePartOf = t.fi.name;
    return [{ fi: t.fi, cis, column: d.columns.join('+') }];
  });
  const only = [...mp.only].map(([c, vals]) => ({ ci: columnOf(c, '--only'), vals }));
  const translate = new Map<number, Map<string, string>>();
  for (const [c, table] of mp.values) {
    const ci = columnOf(c, '--value');
    if (ci >= 0) translate.set(ci, table);
  }
  const nulls = new Set(mp.nulls.map((x) => x.toLowerCase()));
  // a cell longer than every marker is no marker: most cells are never lower-cased
  const nullMax = Math.max(0, ...[...nulls].map((x) => x.length));
  // where each field comes from, for the report's column
  const colOf = new Map<string, number>();
  for (const c of fieldCols) if (!colOf.has(c.fi.name)) colOf.set(c.fi.name, c.ci);
  for (const c of refCols) if (!colOf.has(c.fi.name)) colOf.set(c.fi.name, c.ci);
  const mappedFields = colOf;
  if (!fieldCols.some((c) => !c.fi.system) && !refCols.length && !dates.length) {
    report.errors.push({ line: header?.line ?? 1, code: 'noColumns' });
    return report;
  }
  if (report.errors.length) return report;
  // times without an offset (a CSV export: 2026-11-25 20:18:33) are the workspace zone's clock
  const ctx = { lists: repo.ws.valueLists, resolveRef: repo.resolveRef, timeZone: workspaceTimeZone(repo.ws), dateOrder: mp.dateOrder };
  // --set: one value for every row, read as a cell would be
  const setValues: Record<string, unknown> = {};
  const setExtra: Record<string, unknown> = {};
  for (const [name, text] of mp.set) {
    const t = resolveTarget(entity, name)!;
    const r = parseFieldText(t.fi, text, ctx);
    if ('error' in r) report.errors.push({ line: 0, column: '--set', field: t.fi.name, value: text, code: r.error.code, params: r.error.params });
    else if (isImportOnly(entity, t.fi.name)) setExtra[t.fi.name] = r.value;
    else setValues[t.fi.name] = r.value;
  }
  if (report.errors.length) return report;
  const refs = new RefFinder(repo, mp.createMissing, !!opts.dryRun);
  const def = ENTITIES[entity];
  const keyFields = def.keys;
  const requiredRefs = allFields.filter((f) => f.kind === 'ref' && f.required);
  // A row whose required reference is already refused (no such customer) is checked first with
  // a stored record standing in for it: the schema would only refuse the missing reference
  // again, and zod's way of saying so cost ~15 µs a row (a 100k-line history naming no stored
  // customer: seconds of preview). Found clean, the row has no other problem (the schema passed
  // on every other field, and nothing of the stand-in's was refused); else the row is checked
  // as it is, so what is said is word for word what it was.
  const standIns = new Map<string, string | undefined>();
  const standIn = (ref: EntityName) => {
    if (!standIns.has(ref)) standIns.set(ref, (repo.ws[ref] as { id: string }[] | undefined)?.[0]?.id);
    return standIns.get(ref);
  };
  const problemsBeside = (values: Record<string, unknown>, errs: ImportIssue[]): FieldError[] => {
    let probe = values;
    for (const fi of requiredRefs) {
      if (values[fi.name] !== undefined || !errs.some((e) => e.field === fi.name)) continue;
      const id = standIn(fi.ref as EntityName);
      if (id !== undefined) probe = { ...probe, [fi.name]: id };
    }
    if (probe !== values && !checkPlan(repo, entity, new Plan(0, 'create', undefined, probe), creator).length) return [];
    return checkPlan(repo, entity, new Plan(0, 'create', undefined, values), creator);
  };
  const previous: Record<string, unknown> = {};
  const planned = new Map<string, Plan>(); // duplicate key → plan
  const plans: Planned[] = [];
  let toCreate = 0;
  let toUpdate = 0;
  // an index of the workspace's natural keys, built once
  const existingByKey = new Map<string, string>();
  // duplicates are looked for among every record, seen or not: a hidden one is refused, never doubled
  for (const r of repo.unscoped(entity)) for (const k of keyFields) if (r[k]) existingByKey.set(`${k}=${String(r[k]).toLowerCase()}`, r.id);
  // the row's reference found on an earlier row to be one this import creates (FoundRef): its
  // check asks no set of 25k pending codes again (an order history: 100k asks, ~30-45 ms)
  let pendingHint: string | undefined;
  let hintEntity: string | undefined;
  const pendingRefs: PendingRefs = (e, id) => (id === pendingHint && e === hintEntity) || refs.isPending(e, id);
  // every row is checked as a dry-run create; what is the same for each is worked out once
  const creator: Creator = repo.creator(entity, { anyStage: true, allowDuplicate: true, via: 'import', pendingRefs });

  // the rows below the header: those read to find it, then the rest as the table gives them
  let early = hi + 1;
  const nextRow = (): TableRow | undefined => {
    if (early < first.length) return first[early++];
    const n = it.next();
    return n.done ? undefined : n.value;
  };
  // one reference read by one column (an order's 客户编号): a code seen on an earlier row is
  // found without building its keys (an order history names each customer many times)
  const oneRefCol = refCols.length === 1 ? refCols[0] : undefined;
  const oneRefFound = oneRefCol && refs.foundBy(oneRefCol.fi.ref as EntityName, oneRefCol.via.name);
  hintEntity = oneRefCol?.fi.ref;
  const total = Array.isArray(table) ? table.length - hi - 1 : Math.max(0, (opts.total ?? 0) - hi - 1);
  const cellOf = (row: TableRow, ci: number): string => {
    const raw = unsafeCell(row.cells[ci] ?? '').trim();
    if (translate.size) {
      const tr = translate.get(ci)?.get(raw);
      if (tr !== undefined) return tr;
    }
    return raw.length <= nullMax && nulls.has(raw.toLowerCase()) ? '' : raw;
  };
  let ri = 0;
  rowLoop: for (let row = nextRow(); row; row = nextRow()) {
    if (opts.onProgress && ri % 5000 === 0) opts.onProgress(Math.min(ri, total), total);
    ri++;
    if (isBlank(row.cells)) continue; // blank lines
    for (const o of only) {
      if (!o.vals.has(unsafeCell(row.cells[o.ci] ?? '').trim())) {
        report.filtered++;
        continue rowLoop;
      }
    }
    if (report.firstLines.length < FIRST_LINES) report.firstLines.push(row.line);
    report.rows++;
    const values: Record<string, unknown> = {};
    const extra: Record<string, unknown> = {};
    let id: string | undefined;
    const errs: ImportIssue[] = [];
    for (const c of fieldCols) {
      const { ci, fi, memo } = c;
      const into = c.extra ? extra : values;
      const raw = cellOf(row, ci);
      const known = memo?.get(raw);
      if (known !== undefined) {
        into[fi.name] = known;
        continue;
      }
      let err: { code: string; params?: Record<string, string | number> } | undefined;
      if (fi.name === 'id') {
        if (raw && !ID_RE.test(raw)) err = { code: 'invalid' };
        else if (raw) id = raw.toUpperCase();
      } else if (fi.name === 'createdAt' || fi.name === 'updatedAt') {
        if (raw) {
          const iso = parseTimeText(raw, ctx.timeZone);
          if (!iso) err = { code: 'datetime' };
          else into[fi.name] = iso;
        }
      } else if (fi.kind === 'json') {
        if (raw) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            err = { code: 'json' };
          }
          if (!err) {
            // amounts inside (line items, a stay) are yuan in files, fen in the workspace
            const r = fieldFromYuan(entity, fi.name, parsed);
            if ('error' in r) err = { code: r.error };
            else into[fi.name] = r.value;
          }
        }
      } else {
        const r = parseFieldText(fi, raw, ctx);
        if ('error' in r) err = r.error;
        else {
          if (r.value !== undefined || into[fi.name] === undefined) into[fi.name] = r.value;
          if (memo && r.value !== undefined && memo.size < MEMO_MAX) memo.set(raw, r.value);
        }
      }
      if (err) errs.push({ line: row.line, column: mapping[ci].column, field: fi.name, value: raw, code: err.code, params: err.params });
    }
    for (const d of dates) {
      const parts = d.cis.map((ci) => cellOf(row, ci));
      if (parts.every((p) => !p)) continue;
      const text = dateFromParts(parts[0], parts[1], parts[2]);
      const r = text ? parseFieldText(d.fi, text, ctx) : undefined;
      if (!r || 'error' in r) errs.push({ line: row.line, column: d.column, field: d.fi.name, value: parts.join(' '), code: 'date', params: { value: parts.join(' ') } });
      else values[d.fi.name] = r.value;
    }
    // references by natural key: found, or (--create-missing) made from the row
    if (oneRefCol) {
      const c = oneRefCol;
      const text = cellOf(row, c.ci);
      if (text && values[c.fi.name] === undefined) {
        const refEntity = c.fi.ref as EntityName;
        const hit = oneRefFound!.get(text);
        if (hit !== undefined) {
          values[c.fi.name] = hit.id;
          pendingHint = hit.pending ? hit.id : undefined;
        } else {
          const found = refs.findMemo(refEntity, [{ ci: c.ci, via: c.via, text }], ctx, pendingRefs);
          if ('id' in found) values[c.fi.name] = found.id;
          else for (const e of found.errors) errs.push({ line: row.line, column: mapping[e.ci ?? c.ci].column, field: c.fi.name, value: e.value, code: e.code, params: e.params });
        }
      }
    } else if (refCols.length) {
      const byRef = new Map<string, { fi: FieldInfo; keys: { ci: number; via: FieldInfo; text: string }[] }>();
      for (const c of refCols) {
        const text = cellOf(row, c.ci);
        if (!text) continue;
        let g = byRef.get(c.fi.name);
        if (!g) byRef.set(c.fi.name, (g = { fi: c.fi, keys: [] }));
        g.keys.push({ ci: c.ci, via: c.via, text });
      }
      for (const g of byRef.values()) {
        if (values[g.fi.name] !== undefined) continue; // the reference's own column said it
        const found = refs.findMemo(g.fi.ref as EntityName, g.keys, ctx, pendingRefs);
        if ('id' in found) {
          values[g.fi.name] = found.id;
          const o = found.otherName;
          if (o) report.otherNames.push({ line: row.line, column: mapping[o.ci].column, value: o.value, entity: g.fi.ref as EntityName, id: found.id, name: o.name });
        }
        else for (const e of found.errors) errs.push({ line: row.line, column: mapping[e.ci ?? g.keys[0].ci].column, field: g.fi.name, value: e.value, code: e.code, params: e.params });
      }
    }
    for (const k in setValues) if (values[k] === undefined) values[k] = setValues[k];
    for (const k in setExtra) if (extra[k] === undefined) extra[k] = setExtra[k];
    // an order history's quantity and amount: the order's line (or two, to keep the amount exact)
    const fromFile = applyImportOnly(entity, values, extra);
    // an amount the row spells wrong is said once, not again as a quantity without an amount
    for (const e of fromFile.errors) if (e.code !== 'quantityWithoutAmount' || !errs.some((x) => x.field === 'total')) errs.push(toIssue(row.line, e, mapping, colOf, { [e.field]: e.params?.value }));
    // merged cells: a sheet that merges the customer column leaves it empty below the first row
    for (const fi of requiredRefs) {
      if (values[fi.name] === undefined && mappedFields.has(fi.name) && previous[fi.name] !== undefined && !errs.some((e) => e.field === fi.name)) {
        values[fi.name] = previous[fi.name];
        report.filledDown++;
      }
    }
    for (const fi of requiredRefs) if (values[fi.name] !== undefined) previous[fi.name] = values[fi.name];
    if (errs.length) {
      // every problem of the row at once: what the record itself would refuse is said too
      const more = problemsBeside(values, errs);
      for (const e of more) if (!errs.some((x) => x.field === e.field)) errs.push(toIssue(row.line, e, mapping, colOf, values));
      report.errors.push(...errs);
      continue;
    }
    // duplicates: by code, else by a natural key (a customer's mobile, an employee's login)
    const dupKeys = id ? [`id=${id}`] : keyFields.length ? keyFields.filter((k) => values[k]).map((k) => `${k}=${String(values[k]).toLowerCase()}`) : NO_KEYS;
    let inFile: Plan | undefined;
    for (let i = 0; i < dupKeys.length && !inFile; i++) inFile = planned.get(dupKeys[i]);
    let existingId = id && repo.exists(entity, id) ? id : undefined;
    for (let i = 0; !id && i < dupKeys.length && !existingId; i++) existingId = existingByKey.get(dupKeys[i]);
    if (inFile || existingId) {
      if (onDup === 'skip') {
        report.skipped++;
        continue;
      }
      if (onDup === 'error') {
        report.errors.push({
          line: row.line, code: inFile ? 'duplicateInFile' : 'duplicateExisting',
          params: { value: id ?? dupKeys.join(', '), other: inFile ? inFile.line : existingId! },
        });
        continue;
      }
      if (inFile) {
        Object.assign(inFile.values, values);
        const check = checkPlan(repo, entity, inFile, creator);
        if (check.length) report.errors.push(...check.map((e) => toIssue(row.line, e, mapping, colOf)));
        continue;
      }
    }
    let plan: Plan | undefined;
    let checked: EntityRecord | undefined;
    if (existingId) {
      keepSameSecond(repo.get(entity, existingId), values, allFields);
      plan = new Plan(row.line, 'update', existingId, values);
      const check = checkPlan(repo, entity, plan, creator);
      if (check.length) {
        report.errors.push(...check.map((e) => toIssue(row.line, e, mapping, colOf, values)));
        continue;
      }
      toUpdate++;
    } else {
      const res = creator(values, id);
      if (!res.ok) {
        report.errors.push(...res.errors.map((e) => toIssue(row.line, e, mapping, colOf, values)));
        continue;
      }
      checked = res.value;
      toCreate++;
    }
    // a dry run, or a file refused already, applies nothing: its checked records need not be
    // kept (a dry run of 100k orders kept them all alive only to count them)
    const keep = !opts.dryRun && !report.errors.length;
    if (!keep) plans.length = 0;
    // a new record is kept as its checked record alone, unless a later row may name it again
    // (its keys), it has its own code, or its values may take a later duplicate row's
    // (--on-duplicate update): no Plan for each of an order history's 100k orders. The values
    // of a checked record are needed again only for that merge.
    if (!plan && (dupKeys.length || (keep && (id !== undefined || onDup === 'update')))) {
      plan = new Plan(row.line, 'create', id, onDup === 'update' ? values : NO_VALUES);
      plan.checked = checked;
    }
    if (keep) plans.push(plan === undefined || (plan.values === NO_VALUES && plan.id === undefined) ? (checked ?? plan!.checked!) : plan);
    if (fromFile.rounded) report.roundingLines++;
    if (plan) for (const k of dupKeys) planned.set(k, plan);
  }
  opts.onProgress?.(ri, ri);
  report.createdRefs = refs.counts();
  if (report.errors.length || opts.dryRun) {
    report.created = toCreate;
    report.updated = toUpdate;
    return report;
  }
  // the referenced records first: the rows refer to them. What the rows do to other records
  // (an order's points and stage for its customer) is gathered and checked once per record.
  return repo.gatherEffects(() => applyPlans(repo, entity, plans, refs, report, mapping, colOf, opts.onProgress));
}

function applyPlans(repo: Repo, entity: EntityName, plans: Planned[], refs: RefFinder, report: ImportReport, mapping: ColumnMap[], colOf: Map<string, number>, onProgress?: ImportOptions['onProgress']): ImportReport {
  refs.apply();
  let done = 0;
  for (const p of plans) {
    if (onProgress && done++ % 5000 === 0) onProgress(done - 1, plans.length, 'apply');
    if (!(p instanceof Plan)) {
      repo.insertChecked(entity, p, undefined);
      report.created++;
      continue;
    }
    if (p.kind === 'create' && p.checked) {
      repo.insertChecked(entity, p.checked, p.id);
      report.created++;
      continue;
    }
    const res = p.kind === 'create' ? repo.create(entity, p.values, { anyStage: true, id: p.id, allowDuplicate: true, via: 'import' }) : repo.update(entity, p.id!, p.values, { anyStage: true, allowDuplicate: true, via: 'import' });
    if (!res.ok) {
      // cannot happen after the checks above; reported rather than half-applied silently
      report.errors.push(...res.errors.map((e) => toIssue(p.line, e, mapping, colOf, p.values)));
      return report;
    }
    if (p.kind === 'create') report.created++;
    else if ((res as { changed?: boolean }).changed) report.updated++;
  }
  onProgress?.(plans.length, plans.length, 'apply');
  report.applied = true;
  return report;
}

/** a record one key's text found: its id, and whether this import creates it (nothing is
 *  written while the rows are checked, so the answer holds for every later row) */
type FoundRef = { readonly id: string; readonly pending: boolean };

type RefError = { ci?: number; value: string; code: string; params?: Record<string, string | number> };

/** a reference found (and, when the row names it otherwise, the row's name), or why not */
type Found = { id: string; otherName?: { ci: number; value: string; name: string } } | { errors: RefError[] };

/** Finds referenced records by their code or natural keys (a customer's mobile), by their
 *  name only when nothing better is given, and (createMissing) plans the missing ones from the
 *  row: one per key, however many rows name it, with ids given before anything is written. */

class RefFinder {
  #index = new Map<string, Map<string, string[]>>(); // entity → `field=value` → ids
  #pending = new Map<string, Map<string, { id: string; rec: EntityRecord }>>(); // entity → key → new record
  /** `entity:id` → name of a record this import creates from a row with a name and a key */
  #names = new Map<string, string>();
  // entity → code (lower case) → new record: the keys by code kept apart, so the 25k codes of an
  // order history are looked up as the cells they are, not as 25k `id=…` strings made and hashed
  #pendingCodes = new Map<string, Map<string, { id: string; rec: EntityRecord }>>();
  #pendingIds = new Map<string, Set<string>>();
  #order: { entity: EntityName; id: string; rec: EntityRecord }[] = [];
  #counter = new Map<string, number>();
  #creators = new Map<EntityName, Creator>();
  constructor(private repo: Repo, private createMissing: boolean, private dryRun = false) {}

  /** what one key's text found before (entity → key field → text → id): an order history
   *  names each customer many times, by the same code */
  #found = new Map<string, Map<string, Map<string, FoundRef>>>();
  findMemo(entity: EntityName, keys: { ci: number; via: FieldInfo; text: string }[], ctx: ParseContext, pendingRefs: PendingRefs): Found {
    if (keys.length !== 1) return this.find(entity, keys, ctx, pendingRefs);
    let byField = this.#found.get(entity);
    if (!byField) this.#found.set(entity, (byField = new Map()));
    let byText = byField.get(keys[0].via.name);
    if (!byText) byField.set(keys[0].via.name, (byText = new Map()));
    const hit = byText.get(keys[0].text);
    if (hit !== undefined) return hit;
    const r = this.find(entity, keys, ctx, pendingRefs);
    // only what was found: a key not found may be created by a later row's --create-missing
    if ('id' in r) byText.set(keys[0].text, { id: r.id, pending: this.isPending(entity, r.id) });
    return r;
  }

  /** what one key's texts found on earlier rows (text → id), looked up by the caller: an order
   *  history asks 100k times for the same few thousand codes */
  foundBy(entity: EntityName, field: string): ReadonlyMap<string, FoundRef> {
    let byField = this.#found.get(entity);
    if (!byField) this.#found.set(entity, (byField = new Map()));
    let byText = byField.get(field);
    if (!byText) byField.set(field, (byText = new Map()));
    return byText;
  }

  isPending(entity: string, id: string): boolean {
    return !!this.#pendingIds.get(entity)?.has(id);
  }

  counts(): Partial<Record<EntityName, number>> {
    const out: Partial<Record<EntityName, number>> = {};
    for (const p of this.#order) out[p.entity] = (out[p.entity] ?? 0) + 1;
    return out;
  }

  apply(): void {
    for (const p of this.#order) this.repo.insertChecked(p.entity, p.rec, p.id);
  }

  #lookup(entity: EntityName, field: string, value: string): string[] {
    let idx = this.#index.get(entity);
    if (!idx) {
      idx = new Map();
      const def = ENTITIES[entity];
      for (const r of this.repo.all(entity)) {
        for (const k of new Set([def.display, ...def.keys])) {
          const v = r[k];
          if (typeof v !== 'string' || !v) continue;
          const key = `${k}=${v.trim().toLowerCase()}`;
          const list = idx.get(key);
          if (list) list.push(r.id);
          else idx.set(key, [r.id]);
        }
      }
      this.#index.set(entity, idx);
    }
    return idx.get(`${field}=${value.trim().toLowerCase()}`) ?? [];
  }

  #nextId(entity: EntityName): string {
    let n = this.#counter.get(entity) ?? (this.repo.ws.counters[entity] ?? 0) + 1;
    const pend = this.#pendingIds.get(entity);
    while (this.repo.exists(entity, formatId(ENTITIES[entity].prefix, n)) || pend?.has(formatId(ENTITIES[entity].prefix, n))) n++;
    this.#counter.set(entity, n + 1);
    return formatId(ENTITIES[entity].prefix, n);
  }

  #create(entity: EntityName, values: Record<string, unknown>, id: string, pendingRefs: PendingRefs) {
    let create = this.#creators.get(entity);
    if (!create) this.#creators.set(entity, (create = this.repo.creator(entity, { anyStage: true, allowDuplicate: false, via: 'import', pendingRefs })));
    return create(values, id);
  }

  /** a record planned: found by `keys` (`field=value`, lower case) from now on */
  #planned(entity: EntityName, id: string, rec: EntityRecord): { entity: EntityName; id: string; rec: EntityRecord } {
    let ids = this.#pendingIds.get(entity);
    if (!ids) this.#pendingIds.set(entity, (ids = new Set()));
    ids.add(id);
    // a dry run inserts nothing: 25k new customers need not stay alive only to be counted
    const entry = { entity, id, rec: this.dryRun ? NO_RECORD : rec };
    this.#order.push(entry);
    return entry;
  }

  #pendingMap(entity: EntityName): Map<string, { id: string; rec: EntityRecord }> {
    let pm = this.#pending.get(entity);
    if (!pm) this.#pending.set(entity, (pm = new Map()));
    return pm;
  }
  #codeMap(entity: EntityName): Map<string, { id: string; rec: EntityRecord }> {
    let pm = this.#pendingCodes.get(entity);
    if (!pm) this.#pendingCodes.set(entity, (pm = new Map()));
    return pm;
  }

  /** find by the code alone (an order history's 客户编号, 25k new customers): the same answers
   *  as the general case below, without its arrays, filters and closures */
  #byCode(entity: EntityName, k: { ci: number; text: string }, pendingRefs: PendingRefs): { id: string } | { errors: RefError[] } {
    if (!ID_RE.test(k.text)) return { errors: [{ ci: k.ci, value: k.text, code: 'invalid' }] };
    const value = k.text.toUpperCase();
    // ID_RE's letters are ASCII: the key of the upper-cased code, as the general case makes it
    const key = k.text.toLowerCase();
    const planned = this.#pendingCodes.get(entity)?.get(key);
    if (planned) return { id: planned.id };
    const got = this.repo.get(entity, value);
    if (got) return { id: got.id };
    if (!this.createMissing) return { errors: [{ ci: k.ci, value, code: 'unknownRef', params: { value, entity } }] };
    const values: Record<string, unknown> = {};
    values[ENTITIES[entity].display] = value;
    const res = this.#create(entity, values, value, pendingRefs);
    if (!res.ok) return { errors: res.errors.map((e) => ({ ci: k.ci, value: String(values[e.field] ?? e.params?.value ?? ''), code: e.code, params: e.params })) };
    this.#codeMap(entity).set(key, this.#planned(entity, value, res.value));
    return { id: value };
  }

  find(entity: EntityName, keys: { ci: number; via: FieldInfo; text: string }[], ctx: ParseContext, pendingRefs: PendingRefs): Found {
    if (keys.length === 1 && keys[0].via.name === 'id') return this.#byCode(entity, keys[0], pendingRefs);
    const def = ENTITIES[entity];
    const parsed: { ci: number; field: string; value: string; fi: FieldInfo; parsedValue: unknown }[] = [];
    const errors: RefError[] = [];
    for (const k of keys) {
      if (k.via.name === 'id') {
        if (!ID_RE.test(k.text)) errors.push({ ci: k.ci, value: k.text, code: 'invalid' });
        else parsed.push({ ci: k.ci, field: 'id', value: k.text.toUpperCase(), fi: k.via, parsedValue: k.text.toUpperCase() });
        continue;
      }
      const r = parseFieldText(k.via, k.text, ctx);
      if ('error' in r) errors.push({ ci: k.ci, value: k.text, code: r.error.code, params: r.error.params });
      else if (r.value !== undefined) parsed.push({ ci: k.ci, field: k.via.name, value: typeof r.value === 'string' ? r.value : String(r.value), fi: k.via, parsedValue: r.value });
    }
    if (errors.length) return { errors };
    // the keys that identify: the code, the natural keys, and the name when there is nothing else
    const strong = parsed.filter((p) => p.field === 'id' || def.keys.includes(p.field));
    const ident = strong.length ? strong : parsed.filter((p) => p.field === def.display);
    if (!ident.length) return { errors: [{ ci: keys[0].ci, value: keys[0].text, code: 'unknownRef', params: { value: keys[0].text, entity } }] };
    const pend = this.#pending.get(entity);
    const codes = this.#pendingCodes.get(entity);
    // found by code or mobile, the row's name beside them is compared with the record's
    const named = strong.length ? parsed.find((p) => p.field === def.display) : undefined;
    const found = (id: string): Found => {
      if (!named) return { id };
      const have = this.#names.get(`${entity}:${id}`) ?? this.repo.get(entity, id)?.[def.display];
      return typeof have === 'string' && have.trim().toLowerCase() !== named.value.trim().toLowerCase() ? { id, otherName: { ci: named.ci, value: named.value, name: have } } : { id };
    };
    for (const p of ident) {
      const planned = p.field === 'id' ? codes?.get(p.value.toLowerCase()) : pend?.get(`${p.field}=${p.value.toLowerCase()}`);
      if (planned) return found(planned.id);
      if (p.field === 'id') {
        const got = this.repo.get(entity, p.value);
        if (got) return found(got.id);
        continue;
      }
      const hits = this.#lookup(entity, p.field, p.value);
      if (hits.length > 1) return { errors: [{ ci: p.ci, value: p.value, code: 'ambiguousRef', params: { value: p.value, entity } }] };
      if (hits.length === 1) return found(hits[0]);
    }
    const first = ident[0];
    if (!this.createMissing) return { errors: [{ ci: first.ci, value: first.value, code: 'unknownRef', params: { value: first.value, entity } }] };
    // a new record from the row's columns for it; a name is required: the key stands in for it
    const values: Record<string, unknown> = {};
    for (const p of parsed) if (p.field !== 'id') values[p.field] = p.parsedValue;
    if (values[def.display] === undefined) values[def.display] = first.value;
    const code = parsed.find((p) => p.field === 'id')?.value;
    const id = code ?? this.#nextId(entity);
    const res = this.#create(entity, values, id, pendingRefs);
    if (!res.ok) return { errors: res.errors.map((e) => ({ ci: parsed.find((p) => p.field === e.field)?.ci ?? first.ci, value: String(values[e.field] ?? e.params?.value ?? ''), code: e.code, params: e.params })) };
    const pm = this.#pendingMap(entity);
    const entry = this.#planned(entity, id, res.value);
    // a dry run keeps no record of what it creates: its name is kept for a later row's compare
    if (named && typeof values[def.display] === 'string') this.#names.set(`${entity}:${id}`, values[def.display] as string);
    for (const p of parsed) {
      if (p.field === 'id') this.#codeMap(entity).set(p.value.toLowerCase(), entry);
      else if (def.keys.includes(p.field) || !strong.length) pm.set(`${p.field}=${p.value.toLowerCase()}`, entry);
    }
    return { id };
  }
}

/** A CSV export writes times to the second: a time read back that names the same second as
 *  the record's keeps the record's own (milliseconds and all), so export then import changes
 *  nothing. */
function keepSameSecond(rec: EntityRecord | undefined, values: Record<string, unknown>, fields: FieldInfo[]): void {
  if (!rec) return;
  for (const f of fields) {
    if (f.kind !== 'datetime' || typeof values[f.name] !== 'string' || typeof rec[f.name] !== 'string') continue;
    const a = Date.parse(values[f.name] as string);
    const b = Date.parse(rec[f.name] as string);
    if (Math.floor(a / 1000) === Math.floor(b / 1000)) values[f.name] = rec[f.name];
  }
}

/** a dry-run create of one import's rows (Repo.creator) */
type Creator = (values: Record<string, unknown>, id?: string) => ReturnType<Repo['create']>;

function checkPlan(repo: Repo, entity: EntityName, p: Plan, create: Creator): FieldError[] {
  const res = p.kind === 'create'
    ? create(p.values, p.id)
    : repo.update(entity, p.id!, p.values, { anyStage: true, dryRun: true, allowDuplicate: true, via: 'import' });
  if (res.ok && p.kind === 'create') p.checked = res.value;
  return res.ok ? [] : res.errors;
}

function toIssue(line: number, e: FieldError, mapping: ColumnMap[], colOf: Map<string, number>, values?: Record<string, unknown>): ImportIssue {
  const ci = colOf.get(e.field);
  const v = values && Object.hasOwn(values, e.field) ? values[e.field] : undefined;
  return {
    line, column: ci !== undefined ? mapping[ci].column : undefined, field: e.field || undefined,
    value: v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v), code: e.code, params: e.params,
  };
}

/** Unknown keys of a JSON file kept as (ignored) columns; the others are only named in the header. */
export const MAX_OTHER_COLUMNS = 200;

/** JSON records (as `list --json` prints them) as a table, so both formats share one path.
 *  Linear in the file: keys are collected in a Set, and a row holds cells only for the columns
 *  that can matter (those naming a field of the entity, and the first MAX_OTHER_COLUMNS
 *  others), so a file with 20 000 distinct keys does not become a 20 000 x 20 000 table.
 *  Kept columns come first in the header; the rest follow, named but without cells. */
export function tableFromJson(records: unknown, entity?: EntityName, userMap: Record<string, string> = {}): TableRow[] | undefined {
  if (!Array.isArray(records)) return undefined;
  const keys = new Set<string>();
  for (const r of records) {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return undefined;
    for (const k of Object.keys(r)) keys.add(k);
  }
  const names = entity ? headerNames(entity) : undefined;
  const user = new Set(Object.keys(userMap).map(norm));
  const kept: string[] = [];
  const rest: string[] = [];
  let others = 0;
  for (const k of keys) {
    const known = !!names && (names.has(norm(k)) || user.has(norm(k)));
    if (known || others++ < MAX_OTHER_COLUMNS) kept.push(k);
    else rest.push(k);
  }
  const cell = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) && v.every((x) => typeof x !== 'object') ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v));
  // Object.hasOwn: a key named "constructor" in one record must not read Object's in another
  const row = (r: Record<string, unknown>) => kept.map((k) => cell(Object.hasOwn(r, k) ? r[k] : undefined));
  return [{ line: 0, cells: [...kept, ...rest] }, ...records.map((r, i) => ({ line: i + 1, cells: row(r as Record<string, unknown>) }))];
}
