// `report stats` as a table (a value-list code shows its label in the user's language, a
// reference the name of what it refers to), as JSON (codes and labels) and as CSV.
import type { StatsColumn, StatsReport } from '../services/analytics-stats.js';
import { entityFields } from '../domain/entities.js';
import type { ValueLists } from '../domain/values.js';
import { valueLabelT, entityLabel, nameInLanguage, type T } from '../i18n/index.js';
import { fit, displayWidth } from '../text/width.js';
import { fenToText } from '../domain/money.js';
import { sanitizeLine } from '../text/sanitize.js';
import { bar, csvText, scopeJson, scopeText, yuan, type ReportScope } from './analytics-common.js';

export type RefName = (entity: string, id: string) => string | undefined;

export function keyLabel(t: T, lists: ValueLists, c: StatsColumn, key: string, refName: RefName): string {
  if (key === '') return t('stats.none');
  if (c.kind === 'enum' && c.values) return valueLabelT(t, lists, c.values, key);
  if (c.kind === 'ref' && c.ref) {
    const n = refName(c.ref, key);
    return n ? `${nameInLanguage(t, n)} (${key})` : key;
  }
  if (c.kind === 'bool') return key === 'true' ? t('stats.yes') : t('stats.no');
  return sanitizeLine(key);
}

export function columnLabel(t: T, r: StatsReport, c: StatsColumn): string {
  if (c.kind === 'month') return t('stats.month');
  const fi = entityFields(r.entity).find((f) => f.name === c.name);
  return fi ? t.l(fi.label) : c.name;
}

const sumText = (r: StatsReport, n: number | undefined) => (n === undefined ? '' : r.sum?.kind === 'money' ? fenToText(n) : String(n));

export function statsText(r: StatsReport, t: T, lists: ValueLists, scope: ReportScope, refName: RefName, width = 78): string[] {
  const sumLabel = r.sum ? t.l(entityFields(r.entity).find((f) => f.name === r.sum!.name)!.label) : '';
  const out = [t('stats.head', { entity: entityLabel(t, r.entity), by: r.columns.map((c) => columnLabel(t, r, c)).join(' × ') || '-', scope: scopeText(t, scope) })];
  const cells = r.rows.map((row) => row.keys.map((k, i) => keyLabel(t, lists, r.columns[i], k, refName)));
  const heads = r.columns.map((c) => columnLabel(t, r, c));
  const widths = heads.map((h, i) => Math.min(24, Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i])))));
  const sumW = r.sum ? Math.max(displayWidth(sumLabel), ...r.rows.map((x) => sumText(r, x.sum).length), sumText(r, r.total.sum).length) : 0;
  const countW = Math.max(displayWidth(t('stats.count')), String(r.total.count).length);
  const most = Math.max(0, ...r.rows.map((x) => x.count));
  const used = widths.reduce((a, b) => a + b + 1, 0) + countW + 1 + (r.sum ? sumW + 1 : 0);
  const barW = Math.max(0, Math.min(30, width - used - 1));
  const line = (ks: string[], count: string, sum: string, b: string) =>
    fit([...ks.map((k, i) => fit(k, widths[i])), fit(count, countW, 'right'), ...(r.sum ? [fit(sum, sumW, 'right')] : []), b].join(' '), Math.max(width, used + barW + 1)).trimEnd();
  out.push(line(heads, t('stats.count'), sumLabel, ''));
  r.rows.forEach((row, i) => out.push(line(cells[i], String(row.count), sumText(r, row.sum), bar(row.count, most, barW))));
  out.push(line(heads.map((_, i) => (i === 0 ? t('stats.total') : '')), String(r.total.count), sumText(r, r.total.sum), ''));
  return out;
}

export function statsJson(r: StatsReport, t: T, lists: ValueLists, scope: ReportScope, refName: RefName) {
  const money = r.sum?.kind === 'money';
  const amount = (n: number | undefined) => (n === undefined ? undefined : money ? yuan(n) : n);
  return {
    report: 'stats',
    entity: r.entity,
    by: r.columns.map((c) => c.name),
    sum: r.sum?.name ?? null,
    dateField: r.dateField,
    ...scopeJson(scope),
    rows: r.rows.map((row) => ({
      keys: Object.fromEntries(r.columns.map((c, i) => [c.name, row.keys[i] === '' ? null : row.keys[i]])),
      labels: Object.fromEntries(r.columns.map((c, i) => [c.name, keyLabel(t, lists, c, row.keys[i], refName)])),
      count: row.count,
      ...(r.sum ? { sum: amount(row.sum) } : {}),
    })),
    total: { count: r.total.count, ...(r.sum ? { sum: amount(r.total.sum) } : {}) },
  };
}

export function statsCsv(r: StatsReport, t: T, lists: ValueLists, refName: RefName): string {
  const sumLabel = r.sum ? t.l(entityFields(r.entity).find((f) => f.name === r.sum!.name)!.label) : '';
  const rows: Parameters<typeof csvText>[0] = [[...r.columns.map((c) => columnLabel(t, r, c)), t('stats.count'), ...(r.sum ? [sumLabel] : [])]];
  for (const row of r.rows) rows.push([...row.keys.map((k, i) => keyLabel(t, lists, r.columns[i], k, refName)), row.count, ...(r.sum ? [sumText(r, row.sum)] : [])]);
  rows.push([t('stats.total'), ...r.columns.slice(1).map(() => ''), r.total.count, ...(r.sum ? [sumText(r, r.total.sum)] : [])]);
  return csvText(rows);
}
