// The customer pyramid as text (layers from the top, with bars), as JSON ("code" vip|key|
// ordinary|small and "customers" per layer, money in yuan) and as CSV.
import type { PyramidReport } from '../services/analytics-pyramid.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../domain/values.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { fit } from '../text/width.js';
import { sanitizeLine } from '../text/sanitize.js';
import { bar, csvText, pctText, scopeJson, scopeText, yuan, yuanWhole, type ReportScope } from './analytics-common.js';

const label = (lists: ValueLists, code: string, lang: 'en' | 'zh') => (lists.pyramidLayer ?? DEFAULT_VALUE_LISTS.pyramidLayer).find((v) => v.code === code)?.[lang] ?? code;
export const sharesText = (bp: readonly number[]) => bp.map((b) => `${b / 100}%`).join(' / ');

export function pyramidText(r: PyramidReport, t: T, lists: ValueLists, scope: ReportScope, width = 78): string[] {
  const out: string[] = [];
  out.push(t('pyramid.head', { scope: scopeText(t, scope), asOf: r.asOfText, shares: sharesText(r.sharesBp) }));
  out.push(t('pyramid.totals', { customers: r.customers, without: r.withoutPurchases, revenue: yuanWhole(r.revenue) }));
  const LW = 18;
  const row = (name: string, n: string, cs: string, rev: string, rs: string, b: string) =>
    fit(`${fit(name, LW)} ${fit(n, 9, 'right')} ${fit(cs, 7, 'right')} ${fit(rev, 15, 'right')} ${fit(rs, 8, 'right')} ${b}`, width).trimEnd();
  out.push(row(t('pyramid.colLayer'), t('rfm.colCustomers'), t('rfm.colShare'), t('rfm.colRevenue'), t('pyramid.colRevenueShare'), ''));
  const barW = Math.max(0, width - LW - 9 - 7 - 15 - 8 - 6);
  for (const l of r.layers) {
    out.push(row(valueLabelT(t, lists, 'pyramidLayer', l.code), String(l.customers), pctText(l.customerSharePct), yuanWhole(l.revenue), pctText(l.revenueSharePct), bar(l.revenueSharePct ?? 0, 100, barW)));
  }
  out.push(t('pyramid.pareto', { customers: r.pareto.customers, pct: pctText(r.pareto.sharePct), revenue: yuanWhole(r.pareto.revenue) }));
  if (r.moved && r.previous) {
    out.push(r.previous.from ? t('pyramid.moved', { from: r.previous.from, to: r.previous.to, ...r.moved }) : t('pyramid.movedYear', { to: r.previous.to, ...r.moved }));
    for (const m of (r.movers ?? []).slice(0, 10)) out.push(`  ${sanitizeLine(m.id)}  ${valueLabelT(t, lists, 'pyramidLayer', m.from)} -> ${valueLabelT(t, lists, 'pyramidLayer', m.to)}`);
    if ((r.movers?.length ?? 0) > 10) out.push(t('pyramid.moreMovers', { count: r.movers!.length - 10 }));
  }
  return out;
}

export function pyramidJson(r: PyramidReport, lists: ValueLists, scope: ReportScope) {
  return {
    report: 'pyramid',
    ...scopeJson(scope),
    asOf: r.asOfText,
    shares: r.sharesBp.map((b) => b / 100),
    customers: r.customers,
    withoutPurchases: r.withoutPurchases,
    revenue: yuan(r.revenue),
    layers: r.layers.map((l) => ({
      code: l.code,
      name: { en: label(lists, l.code, 'en'), zh: label(lists, l.code, 'zh') },
      customers: l.customers,
      revenue: yuan(l.revenue),
      customerSharePct: l.customerSharePct ?? null,
      revenueSharePct: l.revenueSharePct ?? null,
    })),
    pareto: { customers: r.pareto.customers, revenue: yuan(r.pareto.revenue), sharePct: r.pareto.sharePct ?? null },
    previous: r.previous ? { from: r.previous.from ?? null, to: r.previous.to } : null,
    moved: r.moved ?? null,
    moves: r.moves ?? [],
    movers: r.movers ?? [],
  };
}

export function pyramidCsv(r: PyramidReport, t: T, lists: ValueLists): string {
  const rows: Parameters<typeof csvText>[0] = [[t('rfm.colCode'), t('pyramid.colLayer'), t('rfm.colCustomers'), t('rfm.colShare'), t('rfm.colRevenueYuan'), t('pyramid.colRevenueShare')]];
  for (const l of r.layers) rows.push([l.code, valueLabelT(t, lists, 'pyramidLayer', l.code), l.customers, l.customerSharePct ?? '', yuan(l.revenue), l.revenueSharePct ?? '']);
  rows.push([]);
  rows.push([t('pyramid.csvPareto'), r.pareto.customers, yuan(r.pareto.revenue), r.pareto.sharePct ?? '']);
  rows.push([t('rfm.csvAsOf'), r.asOfText, t('rfm.csvWithout'), r.withoutPurchases]);
  return csvText(rows);
}
