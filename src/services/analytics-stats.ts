// `report stats`: any entity counted (and a field summed) by any of its fields or by month, over
// the records the acting employee may see, in a period and of an owner; and the monthly series
// of new customers, purchases and revenue that the analytics screen draws as lines.
//
// - the period and the month are read from one date of the record: `dateField`, by default the
//   entity's own date (an order's date, a survey's date), else when the record was created (in
//   the hotel's time zone);
// - `--owner` keeps the records that employee owns (a contact, anniversary or survey: its
//   customer's owner), as permissions.ts reads ownership.
import { ENTITY_NAMES, entityFields, isEntityName, type EntityName } from '../domain/entities.js';
import type { FieldInfo } from '../domain/fields.js';
import { groupStats, type StatsGrouper, type StatsResult, type MonthSeries } from '../domain/analytics/stats.js';
import { monthSeries } from '../domain/analytics/series.js';
import { ownerOf } from '../domain/permissions.js';
import { DEFAULT_VALUE_LISTS } from '../domain/values.js';
import { localDay } from './funnel.js';
import { AnalyticsRefused, type AnalyticsFilter } from './analytics-base.js';
import type { OrderLike } from '../domain/analytics/purchases.js';
import type { Repo } from './repo.js';
import type { EntityRecord } from '../domain/workspace.js';

export const MONTH = 'month';
/** the date an entity's period and months are read from, when it has one of its own */
const OWN_DATE: Partial<Record<EntityName, string>> = { orders: 'date', surveys: 'date' };

export interface StatsSpec {
  entity: EntityName;
  /** field names, or 'month' */
  by: string[];
  sum?: string;
  dateField?: string;
}

export type StatsSpecError = { flag: 'entity' | 'by' | 'sum' | 'date'; value: string; choices: string[] };

/** Fields a record can be grouped by (all but structured sub-records). */
export const groupableFields = (entity: EntityName): FieldInfo[] => entityFields(entity).filter((f) => f.kind !== 'json');
export const summableFields = (entity: EntityName): FieldInfo[] => entityFields(entity).filter((f) => f.kind === 'money' || f.kind === 'int' || f.kind === 'number');
export const dateFields = (entity: EntityName): FieldInfo[] => entityFields(entity).filter((f) => f.kind === 'date' || f.kind === 'datetime');
export const defaultDateField = (entity: EntityName): string => OWN_DATE[entity] ?? 'createdAt';

/** A field by its name, or either language's label (any case). */
function findField(list: readonly FieldInfo[], text: string): FieldInfo | undefined {
  const low = text.trim().toLowerCase();
  return list.find((f) => f.name.toLowerCase() === low) ?? list.find((f) => f.label.en.toLowerCase() === low || f.label.zh === text.trim());
}

/** The spec with field names resolved, or what is wrong with it (a usage error: checked before
 *  the workspace is opened). */
export function resolveStatsSpec(entity: string, by: readonly string[], sum?: string, dateField?: string): { spec: StatsSpec } | { error: StatsSpecError } {
  if (!isEntityName(entity)) return { error: { flag: 'entity', value: entity, choices: [...ENTITY_NAMES] } };
  const names: string[] = [];
  for (const b of by) {
    if (b.trim().toLowerCase() === MONTH || b.trim() === '月份' || b.trim() === '月') {
      names.push(MONTH);
      continue;
    }
    const f = findField(groupableFields(entity), b);
    if (!f) return { error: { flag: 'by', value: b, choices: [MONTH, ...groupableFields(entity).map((x) => x.name)] } };
    names.push(f.name);
  }
  let s: string | undefined;
  if (sum !== undefined) {
    const f = findField(summableFields(entity), sum);
    if (!f) return { error: { flag: 'sum', value: sum, choices: summableFields(entity).map((x) => x.name) } };
    s = f.name;
  }
  let d: string | undefined;
  if (dateField !== undefined) {
    const f = findField(dateFields(entity), dateField);
    if (!f) return { error: { flag: 'date', value: dateField, choices: dateFields(entity).map((x) => x.name) } };
    d = f.name;
  }
  return { spec: { entity, by: names, sum: s, dateField: d ?? defaultDateField(entity) } };
}

export interface StatsColumn {
  name: string;
  kind: FieldInfo['kind'] | 'month';
  /** value list of an enum; entity of a reference */
  values?: string;
  ref?: string;
}

export interface StatsReport extends StatsResult {
  entity: EntityName;
  columns: StatsColumn[];
  sum?: { name: string; kind: FieldInfo['kind'] };
  dateField: string;
  filter: AnalyticsFilter;
}

/** the day of a date or a time, where the hotel is (a time's day is the hotel's day) */
function dayReader(kind: FieldInfo['kind'] | undefined): (v: unknown) => string {
  if (kind === 'datetime') {
    // created times repeat (an import stamps thousands in one millisecond): one conversion each
    let lastIn = '';
    let lastOut = '';
    return (v) => {
      if (typeof v !== 'string' || !v) return '';
      if (v !== lastIn) {
        lastIn = v;
        lastOut = localDay(v);
      }
      return lastOut;
    };
  }
  return (v) => (typeof v === 'string' ? v.slice(0, 10) : '');
}

/** The records `report stats` counts: those the actor may see, of the owner, dated (by the
 *  entity's date field) within the period and not after as-of. */
export function statsRecords(repo: Repo, entity: EntityName, filter: AnalyticsFilter = {}, dateFieldAsked?: string): EntityRecord[] {
  const denied = repo.refused('view', entity);
  if (denied) throw new AnalyticsRefused(denied);
  const fields = entityFields(entity);
  const dateField = dateFieldAsked ?? defaultDateField(entity);
  const dayOfRec = dayReader(fields.find((f) => f.name === dateField)?.kind);
  const ctx = { get: (e: EntityName, id: string) => repo.get(e, id), all: () => repo.all('departments') };
  const spec = { entity };
  return repo.all(entity).filter((r) => {
    if (filter.ownerId && ownerOf(spec.entity, r, ctx).owner !== filter.ownerId) return false;
    if (filter.from || filter.to || filter.asOf) {
      const d = dayOfRec(r[dateField]);
      if (!d) return false;
      if (filter.from && d < filter.from) return false;
      if (filter.to && d > filter.to) return false;
      if (filter.asOf && d > filter.asOf) return false;
    }
    return true;
  });
}

export function workspaceStats(repo: Repo, spec: StatsSpec, filter: AnalyticsFilter = {}): StatsReport {
  const records = statsRecords(repo, spec.entity, filter, spec.dateField);
  const fields = entityFields(spec.entity);
  const dateField = spec.dateField ?? defaultDateField(spec.entity);
  const dayOfRec = dayReader(fields.find((f) => f.name === dateField)?.kind);
  const lists = repo.ws.valueLists;
  const columns: StatsColumn[] = [];
  const groupers: StatsGrouper[] = spec.by.map((name) => {
    if (name === MONTH) {
      columns.push({ name: MONTH, kind: 'month' });
      return { key: (r) => dayOfRec(r[dateField]).slice(0, 7) };
    }
    const fi = fields.find((f) => f.name === name)!;
    columns.push({ name, kind: fi.kind, ...(fi.values ? { values: fi.values } : {}), ...(fi.ref ? { ref: fi.ref } : {}) });
    if (fi.kind === 'tags') return { key: (r) => (Array.isArray(r[name]) ? (r[name] as unknown[]).map(String) : '') };
    if (fi.kind === 'date' || fi.kind === 'datetime') {
      const day = dayReader(fi.kind);
      return { key: (r) => day(r[name]) };
    }
    if (fi.kind === 'enum' && fi.values) {
      const items = lists[fi.values] ?? DEFAULT_VALUE_LISTS[fi.values] ?? [];
      const at = new Map(items.map((v, i) => [v.code, i]));
      return { key: (r) => (r[name] === undefined || r[name] === null ? '' : String(r[name])), rank: (k) => at.get(k) ?? items.length };
    }
    return { key: (r) => (r[name] === undefined || r[name] === null ? '' : String(r[name])) };
  });
  const sumField = spec.sum ? fields.find((f) => f.name === spec.sum) : undefined;
  const sumOf = sumField ? (r: Record<string, unknown>) => (typeof r[sumField.name] === 'number' ? (r[sumField.name] as number) : 0) : undefined;
  const res = groupStats(records, groupers, sumOf);
  return { ...res, entity: spec.entity, columns, ...(sumField ? { sum: { name: sumField.name, kind: sumField.kind } } : {}), dateField, filter };
}

/** New customers, purchases and revenue per month: the actor's customers (of an owner) and
 *  their orders, as RFM counts them. */
export function workspaceSeries(repo: Repo, filter: AnalyticsFilter = {}): MonthSeries {
  const denied = repo.refused('view', 'customers') ?? repo.refused('view', 'orders');
  if (denied) throw new AnalyticsRefused(denied);
  const day = dayReader('datetime');
  const mine = new Set<string>();
  const days: string[] = [];
  for (const c of repo.all('customers')) {
    if (filter.ownerId && c.ownerId !== filter.ownerId) continue;
    mine.add(c.id);
    days.push(day(c.createdAt));
  }
  const orders = (repo.all('orders') as readonly OrderLike[]).filter((o) => mine.has(o.customerId as string));
  const to = filter.asOf && (!filter.to || filter.asOf < filter.to) ? filter.asOf : filter.to;
  return monthSeries(days, orders, { from: filter.from, to });
}

export type { MonthSeries };
