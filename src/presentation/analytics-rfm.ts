// RFM as people read it (a table with bars, the means, each segment's strategy), as programs
// read it (one JSON object: codes, counts as "customers", money in yuan) and as a spreadsheet.
import type { RfmReport } from '../services/analytics-rfm.js';
import type { RfmSegmentRow } from '../domain/analytics/rfm.js';
import { dayText } from '../domain/analytics/days.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../domain/values.js';
import { valueLabelT, type MessageKey, type T } from '../i18n/index.js';
import { fit } from '../text/width.js';
import { pct1 } from '../domain/analytics/exact.js';
import { bar, csvText, keepDigits, meanYuan, one, pctText, scopeJson, scopeText, yuan, yuanWhole, type ReportScope } from './analytics-common.js';

const label = (lists: ValueLists, code: string, lang: 'en' | 'zh') => (lists.rfmSegment ?? DEFAULT_VALUE_LISTS.rfmSegment).find((v) => v.code === code)?.[lang] ?? code;
export const rfmStrategy = (t: T, code: string) => t(`rfm.strategy.${code}` as MessageKey);
export const frequencyName = (t: T, f: string) => t(f === 'days' ? 'rfm.freqDays' : 'rfm.freqOrders');

const avg = (s: RfmSegmentRow) => ({
  recency: s.customers ? s.recency / s.customers : 0,
  frequency: s.customers ? s.frequency / s.customers : 0,
  monetary: meanYuan(s.monetary, s.customers),
});

export function rfmText(r: RfmReport, t: T, lists: ValueLists, scope: ReportScope, width = 78): string[] {
  const out: string[] = [];
  out.push(t('rfm.head', { scope: scopeText(t, scope), asOf: r.asOfText, frequency: frequencyName(t, r.frequency) }));
  out.push(t('rfm.means', {
    customers: r.customers, without: r.withoutPurchases, r: one(r.means.recency), f: one(r.means.frequency), m: yuanWhole(r.means.monetary),
  }));
  const LW = 20;
  const fixed = 5 + LW + 1 + 9 + 1 + 6 + 1 + 11 + 1 + 6 + 1 + 5 + 1 + 9;
  const barW = Math.max(0, width - fixed - 1);
  const row = (code: string, name: string, n: string, share: string, money: string, rr: string, ff: string, mm: string, b: string) =>
    fit(`${fit(code, 5)}${fit(name, LW)} ${fit(n, 9, 'right')} ${fit(share, 6, 'right')} ${fit(money, 11, 'right')} ${fit(rr, 6, 'right')} ${fit(ff, 5, 'right')} ${fit(mm, 9, 'right')}${barW ? ` ${b}` : ''}`, width).trimEnd();
  out.push(row(t('rfm.colCode'), t('rfm.colSegment'), t('rfm.colCustomers'), t('rfm.colShare'), t('rfm.colRevenue'), 'R', 'F', 'M', ''));
  const most = Math.max(0, ...r.segments.map((s) => s.customers));
  for (const s of r.segments) {
    const a = avg(s);
    out.push(row(s.code, valueLabelT(t, lists, 'rfmSegment', s.code), String(s.customers), pctText(pct1(s.customers, r.customers)), yuanWhole(s.monetary),
      s.customers ? one(a.recency) : '-', s.customers ? one(a.frequency) : '-', s.customers ? yuanWhole(a.monetary * 100) : '-', bar(s.customers, most, barW)));
  }
  out.push(t('rfm.rule'));
  out.push(t('rfm.quintiles', { r: r.quintiles.r.join(' '), f: r.quintiles.f.join(' '), m: r.quintiles.m.join(' ') }));
  out.push(t('rfm.strategies'));
  for (const s of r.segments) out.push(fit(`${s.code} ${valueLabelT(t, lists, 'rfmSegment', s.code)}: ${rfmStrategy(t, s.code)}`, 400).trimEnd());
  return out;
}

/** `report rfm --json` */
export function rfmJson(r: RfmReport, lists: ValueLists, scope: ReportScope, t: T) {
  return {
    report: 'rfm',
    ...scopeJson(scope),
    asOf: r.asOfText,
    frequency: r.frequency,
    customers: r.customers,
    withoutPurchases: r.withoutPurchases,
    means: { recency: r.means.recency, frequency: r.means.frequency, monetary: Math.round(r.means.monetary) / 100 },
    totals: { recency: r.sums.recency, frequency: r.sums.frequency, monetary: yuan(r.sums.monetary) },
    segments: r.segments.map((s) => {
      const a = avg(s);
      return {
        code: s.code,
        name: { en: label(lists, s.code, 'en'), zh: label(lists, s.code, 'zh') },
        customers: s.customers,
        sharePct: pct1(s.customers, r.customers) ?? null,
        monetary: yuan(s.monetary),
        frequency: s.frequency,
        recency: s.recency,
        avgRecency: s.customers ? a.recency : null,
        avgFrequency: s.customers ? a.frequency : null,
        avgMonetary: s.customers ? a.monetary : null,
        strategy: rfmStrategy(t, s.code),
      };
    }),
    quintiles: r.quintiles,
  };
}

export function rfmCsv(r: RfmReport, t: T, lists: ValueLists): string {
  const rows: Parameters<typeof csvText>[0] = [[t('rfm.colCode'), t('rfm.colSegment'), t('rfm.colCustomers'), t('rfm.colShare'), t('rfm.colRevenueYuan'), t('rfm.colAvgR'), t('rfm.colAvgF'), t('rfm.colAvgM'), t('rfm.colStrategy')]];
  for (const s of r.segments) {
    const a = avg(s);
    rows.push([keepDigits(s.code), valueLabelT(t, lists, 'rfmSegment', s.code), s.customers, pct1(s.customers, r.customers) ?? '', yuan(s.monetary), s.customers ? one(a.recency) : '', s.customers ? one(a.frequency) : '', s.customers ? a.monetary.toFixed(2) : '', rfmStrategy(t, s.code)]);
  }
  rows.push([]);
  rows.push([t('rfm.csvAsOf'), r.asOfText, t('rfm.csvFrequency'), frequencyName(t, r.frequency), t('rfm.csvWithout'), r.withoutPurchases]);
  return csvText(rows);
}

export { dayText };
