// Lifetime value and KAISM as people read them (the quadrants with their strategies, the most
// valuable customers), as programs read them (JSON, money in yuan) and as CSV. The `?` text
// says how each indicator is measured and normalised, with the workspace's weights.
import { LOYALTY_MAX, TRUST_MAX, CURRENT_INDICATORS, KAISM_QUADRANTS, POTENTIAL_INDICATORS, VALUE_INDICATORS, type KaismQuadrant, type ValueIndicator, type ValueReport, type ValueSettings } from '../domain/analytics/value.js';
import { fenToGrouped, fenToYuan } from '../domain/money.js';
import type { T } from '../i18n/index.js';
import { csvText } from './analytics-common.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fit } from '../text/width.js';
import type { Names } from './analytics-churn.js';

export const indicatorLabel = (t: T, k: ValueIndicator): string => t(`value.ind.${k}`);
export const quadrantLabel = (t: T, q: KaismQuadrant): string => t(`kaism.${q}`);
export const quadrantStrategy = (t: T, q: KaismQuadrant): string => t(`kaism.${q}.strategy`);
/** which axis is high in the quadrant */
export const QUADRANT_AXES: Record<KaismQuadrant, { current: boolean; potential: boolean }> = {
  key: { current: true, potential: true }, maintain: { current: true, potential: false },
  develop: { current: false, potential: true }, opportunistic: { current: false, potential: false },
};

const num1 = (x: number | null) => (x === null ? '-' : x.toFixed(1));
const w = (x: number) => String(Math.round(x * 100) / 100);

/** The `?` text: the indicators, how they are measured and normalised, the weights, the quadrants. */
export function valueExplain(t: T, s: ValueSettings): string[] {
  const margins = Object.entries(s.margins).map(([k, v]) => `${k} ${v}%`).join(', ');
  return [
    t('value.explain.head'),
    t('value.explain.current', { list: CURRENT_INDICATORS.map((k) => `${indicatorLabel(t, k)} ×${w(s.weights[k])}`).join(', ') }),
    ...CURRENT_INDICATORS.map((k) => `  - ${indicatorLabel(t, k)}: ${t(`value.how.${k}`, { margins })}`),
    t('value.explain.potential', { list: POTENTIAL_INDICATORS.map((k) => `${indicatorLabel(t, k)} ×${w(s.weights[k])}`).join(', ') }),
    ...POTENTIAL_INDICATORS.map((k) => `  - ${indicatorLabel(t, k)}: ${t(`value.how.${k}`)}`),
    t('value.explain.normalise'),
    t('value.explain.lifetime', { current: s.currentShare, potential: 100 - s.currentShare }),
    t('value.explain.kaism'),
    ...KAISM_QUADRANTS.map((q) => `  - ${quadrantLabel(t, q)}: ${quadrantStrategy(t, q)}`),
    t('value.explain.edit'),
  ];
}

/** The quadrants: one line each (customers, strategy), each exactly `width` columns. */
export function kaismLines(r: ValueReport, t: T, width: number): string[] {
  const LW = 16;
  return KAISM_QUADRANTS.map((q) => fit(`${fit(quadrantLabel(t, q), LW)} ${fit(String(r.quadrants[q]), 6, 'right')}  ${quadrantStrategy(t, q)}`, width));
}

export function valueSummary(r: ValueReport, t: T): string {
  return t('value.summary', { customers: r.customers, current: num1(r.meanCurrent), potential: num1(r.meanPotential) });
}

/** The customers, most valuable first: a header and one line each, exactly `width` columns. */
export function valueTable(r: ValueReport, t: T, names: Names, width: number, limit = Infinity): string[] {
  const IW = 6;
  const QW = 14;
  const VW = 6;
  const GW = 12;
  const NW = Math.max(8, width - IW - QW - 3 * VW - GW - 6);
  const line = (id: string, name: string, q: string, c: string, p: string, l: string, gp: string) =>
    fit(`${fit(id, IW)} ${fit(name, NW)} ${fit(q, QW)} ${fit(c, VW, 'right')} ${fit(p, VW, 'right')} ${fit(l, VW, 'right')} ${fit(gp, GW, 'right')}`, width);
  const out = [line(t('churn.col.id'), t('churn.col.name'), t('value.col.quadrant'), t('value.col.current'), t('value.col.potential'), t('value.col.lifetime'), t('value.col.grossProfit'))];
  for (const row of r.rows.slice(0, limit)) {
    out.push(line(row.customerId, sanitizeLine(names.customer(row.customerId)), quadrantLabel(t, row.quadrant), num1(row.current), num1(row.potential), num1(row.lifetime), `¥${fenToGrouped(row.raw.grossProfit, { whole: true })}`));
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** `report value --json`: one object, money in yuan, scores 0..1 to three decimals. */
export function valueJson(r: ValueReport, names: Names, meta: { owner: string | null }) {
  return {
    report: 'value',
    owner: meta.owner,
    weights: r.settings.weights,
    currentShare: r.settings.currentShare,
    margins: r.settings.margins,
    customers: r.customers,
    meanCurrent: r.meanCurrent,
    meanPotential: r.meanPotential,
    quadrants: KAISM_QUADRANTS.map((code) => ({ code, customers: r.quadrants[code], currentHigh: QUADRANT_AXES[code].current, potentialHigh: QUADRANT_AXES[code].potential })),
    rows: r.rows.map((row) => ({
      customerId: row.customerId,
      name: names.customer(row.customerId),
      owner: names.login(row.ownerId) ?? null,
      quadrant: row.quadrant,
      current: row.current,
      potential: row.potential,
      lifetime: row.lifetime,
      indicators: {
        grossProfit: fenToYuan(row.raw.grossProfit),
        revenue: fenToYuan(row.raw.revenue),
        purchases: row.raw.purchases,
        serviceCost: fenToYuan(row.raw.serviceCost),
        satisfaction: row.raw.satisfaction ?? null,
        loyalty: round3(row.raw.loyalty / LOYALTY_MAX),
        trust: round3(row.raw.trust / TRUST_MAX),
      },
      scores: Object.fromEntries(VALUE_INDICATORS.map((k) => [k, round3(row.scores[k])])),
    })),
  };
}

/** `report value --csv`: one row per customer valued. */
export function valueCsv(r: ValueReport, t: T, names: Names): string {
  const head = ['customerId', 'name', 'owner', 'quadrant', 'quadrantName', 'current', 'potential', 'lifetime', 'grossProfit', 'revenue', 'purchases', 'serviceCost', 'satisfaction', 'loyalty', 'trust'];
  const rows = r.rows.map((row) => [
    row.customerId, names.customer(row.customerId), names.login(row.ownerId) ?? '', row.quadrant, quadrantLabel(t, row.quadrant),
    row.current.toFixed(1), row.potential.toFixed(1), row.lifetime.toFixed(1), (row.raw.grossProfit / 100).toFixed(2), (row.raw.revenue / 100).toFixed(2),
    row.raw.purchases, (row.raw.serviceCost / 100).toFixed(2), row.raw.satisfaction ?? '', round3(row.raw.loyalty / LOYALTY_MAX), round3(row.raw.trust / TRUST_MAX),
  ].map((v) => String(v)));
  return csvText([head, ...rows]);
}
