// Import of any entity from a table (CSV rows or JSON records): header mapping by field
// name, label in either language and common aliases; values in the usual Chinese and
// English forms; references by natural key. All or nothing: every row is checked first, and
// only a file without a bad row is applied.
import { ENTITIES, entityFields, type EntityName } from '../domain/entities.js';
import type { FieldError } from '../domain/errors.js';
import type { FieldInfo } from '../domain/fields.js';
import { parseFieldText } from '../domain/parse-input.js';
import type { Repo } from './repo.js';
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
  field?: string;
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
  errors: ImportIssue[];
  applied: boolean;
}

export interface TableRow {
  line: number;
  cells: string[];
}

const norm = (s: string) => s.replace(/^\ufeff/, '').replace(/[\s*＊:：_\-]/g, '').toLowerCase();

/** Every name a column header may use for each field of the entity. */
export function headerNames(entity: EntityName): Map<string, string> {
  const m = new Map<string, string>();
  for (const fi of entityFields(entity)) {
    for (const n of [fi.name, fi.label.en, fi.label.zh, fi.label.zh.replace(/[(（].*[)）]/, ''), fi.label.en.replace(/\s*\(.*\)/, ''), ...(fi.aliases ?? [])]) {
      const k = norm(n);
      if (k && !m.has(k)) m.set(k, fi.name);
    }
  }
  return m;
}

export function mapColumns(entity: EntityName, headers: string[], userMap: Record<string, string> = {}): ColumnMap[] {
  const names = headerNames(entity);
  const user = new Map(Object.entries(userMap).map(([k, v]) => [norm(k), v]));
  const used = new Set<string>();
  return headers.map((h) => {
    const k = norm(h);
    const field = user.get(k) ?? names.get(k);
    if (!field || used.has(field)) return { column: h };
    used.add(field);
    return { column: h, field };
  });
}

/** The header is the first of the first rows that names two fields (a title row may sit above it). */
function findHeader(entity: EntityName, rows: TableRow[], userMap: Record<string, string>): number {
  for (let i = 0; i < Math.min(5, rows.length); i++) {
    const mapped = mapColumns(entity, rows[i].cells, userMap).filter((c) => c.field).length;
    if (mapped >= Math.min(2, rows[i].cells.filter((c) => c.trim()).length) && mapped > 0) return i;
  }
  return 0;
}

const ID_RE = /^[A-Za-z0-9_-]{1,24}$/;

interface Plan {
  line: number;
  kind: 'create' | 'update';
  id?: string;
  values: Record<string, unknown>;
  /** the record as checked, ready to insert */
  checked?: EntityRecord;
}

export interface ImportOptions {
  map?: Record<string, string>;
  onDuplicate?: OnDuplicate;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** rows expected, for progress when the table is read as it goes (an estimate is enough) */
  total?: number;
}

/** Rows are taken one at a time: a table read as it goes (csvRows) is never held whole. */
export function importTable(repo: Repo, entity: EntityName, table: Iterable<TableRow>, opts: ImportOptions = {}): ImportReport {
  const onDup = opts.onDuplicate ?? 'error';
  // no import permission at all: refused before a row is read
  const denied = repo.refused('import', entity);
  if (denied) {
    return { entity, headerLine: 0, mapping: [], rows: 0, created: 0, updated: 0, skipped: 0, filledDown: 0, errors: [{ line: 0, code: denied.code, params: denied.params }], applied: false };
  }
  const it = table[Symbol.iterator]();
  const first: TableRow[] = [];
  for (let i = 0; i < 5; i++) {
    const n = it.next();
    if (n.done) break;
    first.push(n.value);
  }
  const hi = findHeader(entity, first, opts.map ?? {});
  const header = first[hi];
  const mapping = header ? mapColumns(entity, header.cells, opts.map) : [];
  const report: ImportReport = {
    entity, headerLine: header?.line ?? 0, mapping, rows: 0, created: 0, updated: 0, skipped: 0, filledDown: 0, errors: [], applied: false,
  };
  const user = Object.values(opts.map ?? {});
  const allFields = entityFields(entity);
  for (const f of user) {
    if (!allFields.some((x) => x.name === f)) report.errors.push({ line: 0, column: f, code: 'unknownField', params: { value: f } });
  }
  const fieldByName = new Map(allFields.map((f) => [f.name, f] as const));
  const cols = mapping.map((c) => (c.field ? fieldByName.get(c.field) : undefined));
  // the columns that name a field: a row is read through these only (a file may have thousands)
  const used = cols.flatMap((c, ci) => (c ? [ci] : []));
  const colOf = new Map(used.map((ci) => [cols[ci]!.name, ci] as const));
  const mappedFields = colOf;
  if (!cols.some((c) => c && !c.system)) {
    report.errors.push({ line: header?.line ?? 1, code: 'noColumns' });
    return report;
  }
  // times without an offset (a CSV export: 2026-11-25 20:18:33) are the workspace zone's clock
  const ctx = { lists: repo.ws.valueLists, resolveRef: repo.resolveRef, timeZone: workspaceTimeZone(repo.ws) };
  const def = ENTITIES[entity];
  const keyFields = def.keys;
  const requiredRefs = allFields.filter((f) => f.kind === 'ref' && f.required);
  const previous: Record<string, unknown> = {};
  const planned = new Map<string, Plan>(); // duplicate key → plan
  const plans: Plan[] = [];
  // an index of the workspace's natural keys, built once
  const existingByKey = new Map<string, string>();
  // duplicates are looked for among every record, seen or not: a hidden one is refused, never doubled
  for (const r of repo.unscoped(entity)) for (const k of keyFields) if (r[k]) existingByKey.set(`${k}=${String(r[k]).toLowerCase()}`, r.id);

  const rows: Iterable<TableRow> = {
    *[Symbol.iterator]() {
      yield* first.slice(hi + 1);
      for (let n = it.next(); !n.done; n = it.next()) yield n.value;
    },
  };
  const total = Array.isArray(table) ? table.length - hi - 1 : Math.max(0, (opts.total ?? 0) - hi - 1);
  let ri = 0;
  for (const row of rows) {
    if (opts.onProgress && ri % 5000 === 0) opts.onProgress(Math.min(ri, total), total);
    ri++;
    if (row.cells.every((c) => !c.trim())) continue; // blank lines
    report.rows++;
    const values: Record<string, unknown> = {};
    let id: string | undefined;
    const errs: ImportIssue[] = [];
    for (const ci of used) {
      const fi = cols[ci]!;
      const raw = unsafeCell(row.cells[ci] ?? '').trim();
      let err: { code: string; params?: Record<string, string | number> } | undefined;
      if (fi.name === 'id') {
        if (raw && !ID_RE.test(raw)) err = { code: 'invalid' };
        else if (raw) id = raw.toUpperCase();
      } else if (fi.name === 'createdAt' || fi.name === 'updatedAt') {
        if (raw) {
          const iso = parseTimeText(raw, ctx.timeZone);
          if (!iso) err = { code: 'datetime' };
          else values[fi.name] = iso;
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
            else values[fi.name] = r.value;
          }
        }
      } else {
        const r = parseFieldText(fi, raw, ctx);
        if ('error' in r) err = r.error;
        else values[fi.name] = r.value;
      }
      if (err) errs.push({ line: row.line, column: mapping[ci].column, field: fi.name, value: raw, code: err.code, params: err.params });
    }
    // merged cells: a sheet that merges the customer column leaves it empty below the first row
    for (const fi of requiredRefs) {
      if (values[fi.name] === undefined && mappedFields.has(fi.name) && previous[fi.name] !== undefined && !errs.some((e) => e.field === fi.name)) {
        values[fi.name] = previous[fi.name];
        report.filledDown++;
      }
    }
    for (const fi of requiredRefs) if (values[fi.name] !== undefined) previous[fi.name] = values[fi.name];
    if (errs.length) {
      report.errors.push(...errs);
      continue;
    }
    // duplicates: by code, else by a natural key (a customer's mobile, an employee's login)
    const dupKeys = id ? [`id=${id}`] : keyFields.filter((k) => values[k]).map((k) => `${k}=${String(values[k]).toLowerCase()}`);
    const inFile = dupKeys.map((k) => planned.get(k)).find(Boolean);
    const existingId = id ? (repo.exists(entity, id) ? id : undefined) : dupKeys.map((k) => existingByKey.get(k)).find(Boolean);
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
        const check = checkPlan(repo, entity, inFile);
        if (check.length) report.errors.push(...check.map((e) => toIssue(row.line, e, mapping, colOf)));
        continue;
      }
    }
    if (existingId) keepSameSecond(repo.get(entity, existingId), values, allFields);
    const plan: Plan = existingId ? { line: row.line, kind: 'update', id: existingId, values } : { line: row.line, kind: 'create', id, values };
    const check = checkPlan(repo, entity, plan);
    if (check.length) {
      report.errors.push(...check.map((e) => toIssue(row.line, e, mapping, colOf, values)));
      continue;
    }
    // a checked new record is what gets inserted; its parsed values are needed again only to
    // merge a later duplicate row into it (--on-duplicate update). 1M rows: 1M objects fewer.
    if (plan.kind === 'create' && plan.checked && onDup !== 'update') plan.values = {};
    plans.push(plan);
    for (const k of dupKeys) planned.set(k, plan);
  }
  opts.onProgress?.(ri, ri);
  if (report.errors.length || opts.dryRun) {
    for (const p of plans) p.kind === 'create' ? report.created++ : report.updated++;
    return report;
  }
  for (const p of plans) {
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
  report.applied = true;
  return report;
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

function checkPlan(repo: Repo, entity: EntityName, p: Plan): FieldError[] {
  const res = p.kind === 'create'
    ? repo.create(entity, p.values, { anyStage: true, id: p.id, dryRun: true, allowDuplicate: true, via: 'import' })
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
