// The CRM KPIs as people read them (one line each: value, previous period, change), as programs
// read them (JSON) and as CSV. Each KPI has a one-line definition (the `?` text and --help).
import { KPI_BETTER, KPI_CODES, type KpiCode, type KpiReport } from '../domain/analytics/kpi.js';
import type { T } from '../i18n/index.js';
import { csvText } from './analytics-common.js';
import { fit } from '../text/width.js';

export const kpiLabel = (t: T, k: KpiCode): string => t(`kpi.${k}`);
export const kpiDefinition = (t: T, k: KpiCode): string => t(`kpi.${k}.def`);
/** the unit a KPI is shown in: % for rates, h for hours, nothing for counts and indexes */
export const KPI_UNIT: Record<KpiCode, '' | '%' | 'h'> = {
  newCustomers: '', leadConversion: '%', winRate: '%', repeatRate: '%', retention: '%', resolutionHours: 'h', satisfaction: '',
};

const show = (k: KpiCode, v: number | null) => (v === null ? '-' : k === 'newCustomers' ? String(v) : `${v.toFixed(1)}${KPI_UNIT[k]}`);
const showChange = (k: KpiCode, v: number | null) => {
  if (v === null) return '-';
  const s = k === 'newCustomers' ? String(v) : v.toFixed(1);
  const unit = KPI_UNIT[k] === '%' ? 'pp' : KPI_UNIT[k];
  return `${v > 0 ? '+' : ''}${s}${unit}`;
};

/** Whether the change is for the better (undefined: no change or nothing to compare). */
export function kpiImproved(k: KpiCode, change: number | null): boolean | undefined {
  if (change === null || change === 0) return undefined;
  return KPI_BETTER[k] === 'up' ? change > 0 : change < 0;
}

/** The `?` text: one line per KPI. */
export function kpiExplain(t: T, r?: KpiReport): string[] {
  const head = r ? [t('kpi.explain.head', { from: r.period.from, to: r.period.to, pfrom: r.previousPeriod.from, pto: r.previousPeriod.to })] : [];
  return [...head, ...KPI_CODES.map((k) => `- ${kpiLabel(t, k)}: ${kpiDefinition(t, k)}`)];
}

/** The table: header and one line per KPI, each exactly `width` columns (ASCII markers ^ v). */
export function kpiTable(r: KpiReport, t: T, width: number): string[] {
  const LW = width >= 78 ? 24 : 18;
  const VW = 10;
  const line = (label: string, v: string, p: string, c: string, mark: string) =>
    fit(`${fit(label, LW)} ${fit(v, VW, 'right')} ${fit(p, VW, 'right')} ${fit(c, VW, 'right')} ${mark}`, width);
  const out = [line(t('kpi.col.kpi'), t('kpi.col.value'), t('kpi.col.previous'), t('kpi.col.change'), '')];
  for (const row of r.rows) {
    const better = kpiImproved(row.code, row.change);
    out.push(line(kpiLabel(t, row.code), show(row.code, row.value), show(row.code, row.previous), showChange(row.code, row.change), better === undefined ? '' : better ? t('kpi.better') : t('kpi.worse')));
  }
  return out;
}

/** `report kpi --json`: one object, the same in both languages. */
export function kpiJson(r: KpiReport, meta: { owner: string | null }) {
  return {
    report: 'kpi',
    owner: meta.owner,
    from: r.period.from,
    to: r.period.to,
    previousFrom: r.previousPeriod.from,
    previousTo: r.previousPeriod.to,
    kpis: r.rows.map((row) => ({ code: row.code, value: row.value, previous: row.previous, change: row.change, unit: KPI_UNIT[row.code] || null, better: KPI_BETTER[row.code] })),
    basis: { current: r.current.basis, previous: r.previous.basis },
  };
}

/** `report kpi --csv`: one row per KPI. */
export function kpiCsv(r: KpiReport, t: T): string {
  const head = ['code', 'kpi', 'value', 'previous', 'change', 'unit', 'from', 'to', 'previousFrom', 'previousTo'];
  const rows = r.rows.map((row) => [row.code, kpiLabel(t, row.code), row.value ?? '', row.previous ?? '', row.change ?? '', KPI_UNIT[row.code], r.period.from, r.period.to, r.previousPeriod.from, r.previousPeriod.to].map((v) => String(v)));
  return csvText([head, ...rows]);
}
