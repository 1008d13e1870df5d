// The funnel as people read it (a text bar chart, the same in the terminal app and in
// `report funnel`) and as programs read it (one JSON object, money in yuan, codes not labels).
import type { FunnelReport } from '../domain/funnel.js';
import { fenToGrouped, fenToYuan } from '../domain/money.js';
import type { ValueLists } from '../domain/values.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { fit } from '../text/width.js';

export const yuan = (fen: number) => `¥${fenToGrouped(fen, { whole: true })}`;
const pctText = (p: number | undefined) => (p === undefined ? '-' : `${Math.round(p)}%`);

/** weighted ¥… · win rate …% · cycle … d */
export function funnelSummary(r: FunnelReport, t: T): string {
  const parts = [t('funnel.weighted', { amount: fenToGrouped(r.weighted, { whole: true }) }), t('funnel.winRate', { pct: pctText(r.winRatePct) })];
  if (r.avgCycleDays !== undefined) parts.push(t('funnel.cycle', { days: Math.round(r.avgCycleDays) }));
  return parts.join('  ');
}

/** The chart: a header and one line per stage, each exactly `width` columns. */
export function funnelChart(r: FunnelReport, t: T, lists: ValueLists, width: number): string[] {
  const maxAmount = Math.max(0, ...r.stages.map((s) => displayLen(yuan(s.amount))));
  const LW = width >= 78 ? 16 : width >= 70 ? 14 : 10;
  const CW = 5;
  const AW = Math.max(8, Math.min(14, maxAmount));
  const VW = 6;
  const barW = Math.max(0, width - LW - CW - AW - VW - 4);
  const most = Math.max(1, ...r.stages.map((s) => s.count));
  const line = (label: string, count: string, amount: string, conv: string, bar: string) =>
    fit(`${fit(label, LW)} ${fit(count, CW, 'right')} ${fit(amount, AW, 'right')} ${fit(conv, VW, 'right')} ${bar}`, width);
  const out = [line(t('funnel.colStage'), t('funnel.colCount'), t('funnel.colAmount'), t('funnel.colConv'), '')];
  for (const s of r.stages) {
    const n = s.count === 0 ? 0 : Math.max(1, Math.round((s.count / most) * barW));
    out.push(line(valueLabelT(t, lists, 'oppStage', s.stage), String(s.count), yuan(s.amount), s.conversionPct === undefined ? '' : pctText(s.conversionPct), '#'.repeat(n)));
  }
  return out;
}

const displayLen = (s: string) => s.length; // ¥ and digits: one column each

/** `report funnel --json`: one object, money in yuan, percentages with one decimal, null when
 *  there is nothing to divide by. */
export function funnelJson(r: FunnelReport, filter: { owner: string | null; from: string | null; to: string | null }) {
  return {
    report: 'funnel',
    ...filter,
    total: r.total,
    stages: r.stages.map((s) => ({
      stage: s.stage,
      count: s.count,
      amount: fenToYuan(s.amount),
      reached: s.reached ?? null,
      conversionPct: s.conversionPct ?? null,
      probability: s.probability ?? null,
    })),
    open: { count: r.open.count, amount: fenToYuan(r.open.amount) },
    weighted: fenToYuan(r.weighted),
    won: { count: r.won.count, amount: fenToYuan(r.won.amount) },
    lost: { count: r.lost.count, amount: fenToYuan(r.lost.amount) },
    winRatePct: r.winRatePct ?? null,
    overallPct: r.overallPct ?? null,
    avgCycleDays: r.avgCycleDays ?? null,
  };
}
