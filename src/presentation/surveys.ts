// The satisfaction summary as people read it (text charts: the mean index of each indicator as a
// bar, its distribution over the five bands) and as programs read it (one JSON object).
import type { SurveySummary } from '../domain/survey-score.js';
import type { ValueLists } from '../domain/values.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { fit } from '../text/width.js';

const num = (x: number | null) => (x === null ? '-' : x.toFixed(1));

/** Header and one line per indicator, each exactly `width` columns; bars drawn with # (ASCII-safe). */
export function surveyChart(s: SurveySummary, t: T, lists: ValueLists, width: number): string[] {
  const LW = width >= 78 ? 20 : 12;
  const NW = 4;
  const MW = 6;
  const DW = 19; // five counts of up to three digits
  const barW = Math.max(4, width - LW - NW - MW - DW - 4);
  const line = (label: string, n: string, m: string, bar: string, dist: string) =>
    fit(`${fit(label, LW)} ${fit(n, NW, 'right')} ${fit(m, MW, 'right')} ${fit(bar, barW)} ${dist}`, width);
  const out = [line(t('surveys.colIndicator'), 'n', t('surveys.colIndex'), t('surveys.colBar'), t('surveys.colDist'))];
  for (const i of s.indicators) {
    const bar = i.mean === null ? '' : '#'.repeat(Math.round((i.mean / 100) * barW));
    out.push(line(valueLabelT(t, lists, 'surveyIndicator', i.code), String(i.n), num(i.mean), bar, i.bands.map((b) => String(b).padStart(3)).join('')));
  }
  return out;
}

export function surveyHead(s: SurveySummary, t: T): string {
  return t('surveys.totals', { surveys: s.surveys, customers: s.customers, index: num(s.index) });
}

/** `report surveys --json`: codes not labels, indexes 0-100 with one decimal, null when none. */
export function surveyJson(s: SurveySummary, filter: { from: string | null; to: string | null }) {
  return {
    report: 'surveys',
    ...filter,
    scale: '0-100: (score - 1) / (scale - 1) * 100',
    surveys: s.surveys,
    customers: s.customers,
    index: s.index,
    indicators: s.indicators.map((i) => ({ indicator: i.code, n: i.n, mean: i.mean, bands: i.bands })),
    perCustomer: s.perCustomer,
  };
}
