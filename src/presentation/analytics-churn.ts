// Churn warning as people read it (a table with the reasons in words, the same in the terminal
// app and in `report churn`), as programs read it (one JSON object, codes not labels) and as a
// spreadsheet reads it (CSV). The `?` text says how each reason is decided.
import { CHURN_REASONS, type ChurnReason, type ChurnReport, type ChurnRow } from '../domain/analytics/churn.js';
import type { ValueLists } from '../domain/values.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { csvText } from './analytics-common.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fit } from '../text/width.js';

/** Names the shells know: a customer's name and an employee's login by id. */
export interface Names {
  customer: (id: string) => string;
  login: (employeeId: string | undefined) => string | undefined;
}

export const churnReasonLabel = (t: T, r: ChurnReason): string => t(`churn.reason.${r}`);

/** One reason of a customer in words, with its figures. */
export function churnReasonText(t: T, row: ChurnRow, r: ChurnReason, p: ChurnReport['params']): string {
  switch (r) {
    case 'inactive':
      return t('churn.why.inactive', { days: row.daysSince ?? 0, limit: p.days });
    case 'overdue':
      return t('churn.why.overdue', { days: row.daysSince ?? 0, factor: p.factor, interval: row.usualInterval ?? 0 });
    case 'complaint':
      return t('churn.why.complaint', { count: row.openComplaints });
    case 'satisfactionFalling':
      return t('churn.why.satisfactionFalling', { from: (row.previousIndex ?? 0).toFixed(1), to: (row.lastIndex ?? 0).toFixed(1) });
    case 'satisfactionLow':
      return t('churn.why.satisfactionLow', { index: (row.lastIndex ?? 0).toFixed(1), bar: p.bar });
  }
}

/** Every reason of a customer in words, joined. */
export const churnWhy = (t: T, row: ChurnRow, p: ChurnReport['params']): string => row.reasons.map((r) => churnReasonText(t, row, r, p)).join(t('churn.joiner'));

/** The `?` text: how the warning is decided, with this report's figures. */
export function churnExplain(t: T, p: ChurnReport['params']): string[] {
  return [
    t('churn.explain.head', { asOf: p.asOf }),
    ...CHURN_REASONS.map((r) => `- ${churnReasonLabel(t, r)}: ${t(`churn.explain.${r}`, { days: p.days, factor: p.factor, bar: p.bar })}`),
    t('churn.explain.lost'),
    t('churn.explain.actions'),
  ];
}

/** Head line: at risk, by reason. */
export function churnSummary(r: ChurnReport, t: T): string {
  const parts = CHURN_REASONS.filter((x) => r.byReason[x]).map((x) => `${churnReasonLabel(t, x)} ${r.byReason[x]}`);
  return t('churn.summary', { atRisk: r.rows.length, checked: r.customers, lost: r.alreadyLost, reasons: parts.join(' · ') || '-' });
}

/** The table: a header and one line per customer at risk, each exactly `width` columns. */
export function churnTable(r: ChurnReport, t: T, lists: ValueLists, names: Names, width: number, limit = Infinity): string[] {
  const IW = 6;
  const NW = width >= 100 ? 16 : 12;
  const SW = width >= 100 ? 14 : 10;
  const LW = 10;
  const DW = 5;
  const WW = Math.max(10, width - IW - NW - SW - LW - DW - 5);
  const line = (id: string, name: string, stage: string, last: string, days: string, why: string) =>
    fit(`${fit(id, IW)} ${fit(name, NW)} ${fit(stage, SW)} ${fit(last, LW)} ${fit(days, DW, 'right')} ${fit(why, WW)}`, width);
  const out = [line(t('churn.col.id'), t('churn.col.name'), t('churn.col.stage'), t('churn.col.last'), t('churn.col.days'), t('churn.col.why'))];
  for (const row of r.rows.slice(0, limit)) {
    out.push(line(row.customerId, sanitizeLine(names.customer(row.customerId)), valueLabelT(t, lists, 'stage', row.stage), row.lastPurchase ?? '-', row.daysSince === undefined ? '-' : String(row.daysSince), churnWhy(t, row, r.params)));
  }
  return out;
}

/** `report churn --json`: one object, the same in both languages. */
export function churnJson(r: ChurnReport, names: Names, meta: { owner: string | null }) {
  return {
    report: 'churn',
    asOf: r.params.asOf,
    days: r.params.days,
    factor: r.params.factor,
    satisfactionBar: r.params.bar,
    owner: meta.owner,
    checked: r.customers,
    alreadyLost: r.alreadyLost,
    customers: r.rows.length,
    reasons: CHURN_REASONS.map((code) => ({ code, customers: r.byReason[code] })),
    rows: r.rows.map((row) => ({
      customerId: row.customerId,
      name: names.customer(row.customerId),
      owner: names.login(row.ownerId) ?? null,
      stage: row.stage ?? null,
      reasons: row.reasons,
      lastPurchase: row.lastPurchase ?? null,
      daysSince: row.daysSince ?? null,
      purchases: row.purchases,
      purchaseDays: row.purchaseDays,
      usualInterval: row.usualInterval ?? null,
      openComplaints: row.openComplaints,
      lastIndex: row.lastIndex ?? null,
      previousIndex: row.previousIndex ?? null,
    })),
  };
}

/** `report churn --csv`: one row per customer at risk; the reasons as codes and in words. */
export function churnCsv(r: ChurnReport, t: T, names: Names): string {
  const head = ['customerId', 'name', 'owner', 'stage', 'reasons', 'why', 'lastPurchase', 'daysSince', 'purchases', 'usualInterval', 'openComplaints', 'lastIndex', 'previousIndex'];
  const rows = r.rows.map((row) => [
    row.customerId, names.customer(row.customerId), names.login(row.ownerId) ?? '', row.stage ?? '', row.reasons.join(' '), churnWhy(t, row, r.params),
    row.lastPurchase ?? '', row.daysSince ?? '', row.purchases, row.usualInterval ?? '', row.openComplaints, row.lastIndex ?? '', row.previousIndex ?? '',
  ].map((v) => String(v)));
  return csvText([head, ...rows]);
}
