// Satisfaction survey scoring (客户满意度, syllabus ch. 2 and 9). A survey scores each indicator
// (the workspace's list surveyIndicator, by default the ACSI model's six) on a 1-5 or 1-10 scale.
// To compare the two scales, a score is read as an index from 0 to 100, as the ACSI reports it:
// the lowest score is 0, the highest 100, linearly between: (score - 1) / (scale - 1) × 100.
// So 4 of 5 is 75 and 8 of 10 is 77.8. A survey's index is the mean of its indicators' (equal
// weights); a customer's, the mean of their surveys'. The distribution counts scores in five
// bands of the index (0-19, 20-39, 40-59, 60-79, 80-100): on a 1-5 scale one band per score,
// on a 1-10 scale two scores per band (1-2, 3-4, 5-6, 7-8, 9-10). Pure: no I/O.

import { byCode } from './compare.js';

export const SCALES = [5, 10] as const;
export const BANDS = 5;

export interface SurveyLike {
  id: string;
  customerId?: unknown;
  date?: unknown;
  scale?: unknown;
  scores?: unknown;
  /** the 1-5 overall satisfaction of surveys made before indicators (read as the overall indicator) */
  overall?: unknown;
}

const scoresOf = (s: SurveyLike): Record<string, number> => {
  const out: Record<string, number> = {};
  if (s.scores && typeof s.scores === 'object' && !Array.isArray(s.scores)) {
    for (const [k, v] of Object.entries(s.scores)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  if (!Object.keys(out).length && typeof s.overall === 'number' && s.scale === undefined) out.overall = s.overall;
  return out;
};

/** The survey's scale: its own; a survey from before scales is 1-10 if a score is above 5, else 1-5. */
export function surveyScale(s: SurveyLike): 5 | 10 {
  if (s.scale === 5 || s.scale === 10) return s.scale;
  return Object.values(scoresOf(s)).some((v) => v > 5) ? 10 : 5;
}

/** A score as an index from 0 (the scale's lowest) to 100 (its highest). */
export function scoreIndex(score: number, scale: number): number {
  const s = Math.max(1, Math.min(scale, score));
  return ((s - 1) / (scale - 1)) * 100;
}

/** The band (0..4) of a score's index, computed in integers so 8 of 10 is never a hair off. */
export function scoreBand(score: number, scale: number): number {
  const s = Math.max(1, Math.min(scale, Math.round(score)));
  return Math.min(BANDS - 1, Math.floor(((s - 1) * BANDS) / (scale - 1)));
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

const rawIndex = (s: SurveyLike): number | undefined => {
  const scale = surveyScale(s);
  return mean(Object.values(scoresOf(s)).map((v) => scoreIndex(v, scale)));
};

/** The survey's index (0-100, one decimal): the mean of its indicators' indexes; undefined without scores. */
export function surveyIndex(s: SurveyLike): number | undefined {
  const m = rawIndex(s);
  return m === undefined ? undefined : round1(m);
}

export interface IndicatorSummary {
  code: string;
  /** how many surveys scored it */
  n: number;
  /** mean index 0-100 (one decimal), null when no survey scored it */
  mean: number | null;
  /** counts per band, lowest band first */
  bands: number[];
}

export interface CustomerResult {
  customerId: string;
  surveys: number;
  /** mean of the customer's survey indexes (one decimal) */
  index: number | null;
  /** the latest survey's date */
  last: string;
}

export interface SurveySummary {
  surveys: number;
  customers: number;
  /** the mean of every survey's index (one decimal) */
  index: number | null;
  /** the listed indicators first, in the list's order, then any other code found in scores */
  indicators: IndicatorSummary[];
  /** every customer surveyed, the lowest index first (who to call back) */
  perCustomer: CustomerResult[];
}

export function summariseSurveys(surveys: readonly SurveyLike[], indicatorCodes: readonly string[]): SurveySummary {
  const per = new Map<string, { idx: number[]; bands: number[] }>();
  const slot = (code: string) => {
    let p = per.get(code);
    if (!p) per.set(code, (p = { idx: [], bands: Array(BANDS).fill(0) }));
    return p;
  };
  for (const c of indicatorCodes) slot(c);
  const byCustomer = new Map<string, { idx: number[]; n: number; last: string }>();
  const all: number[] = [];
  for (const s of surveys) {
    const scale = surveyScale(s);
    for (const [code, v] of Object.entries(scoresOf(s))) {
      const p = slot(code);
      p.idx.push(scoreIndex(v, scale));
      p.bands[scoreBand(v, scale)]++;
    }
    // means of unrounded indexes: rounding is for reading only
    const si = rawIndex(s);
    if (si !== undefined) all.push(si);
    const cid = String(s.customerId ?? '');
    const c = byCustomer.get(cid) ?? { idx: [], n: 0, last: '' };
    c.n++;
    if (si !== undefined) c.idx.push(si);
    const d = typeof s.date === 'string' ? s.date : '';
    if (d > c.last) c.last = d;
    byCustomer.set(cid, c);
  }
  const indicators = [...per.entries()].map(([code, p]) => {
    const m = mean(p.idx);
    return { code, n: p.idx.length, mean: m === undefined ? null : round1(m), bands: p.bands };
  });
  const perCustomer = [...byCustomer.entries()]
    .map(([customerId, c]) => {
      const m = mean(c.idx);
      return { customerId, surveys: c.n, index: m === undefined ? null : round1(m), last: c.last };
    })
    .sort((a, b) => (a.index ?? 101) - (b.index ?? 101) || byCode(a.customerId, b.customerId));
  const m = mean(all);
  return { surveys: surveys.length, customers: byCustomer.size, index: m === undefined ? null : round1(m), indicators, perCustomer };
}

export type SurveyProblem = { field: string; code: string; params?: Record<string, string | number> };

/** What is wrong with a survey's scale and scores, given the indicator codes of the workspace. */
export function surveyProblems(s: SurveyLike, indicatorCodes: readonly string[]): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  if (s.scale !== undefined && s.scale !== 5 && s.scale !== 10) out.push({ field: 'scale', code: 'surveyScale', params: { value: String(s.scale) } });
  const scale = surveyScale(s);
  const scores = s.scores && typeof s.scores === 'object' ? (s.scores as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(scores)) {
    if (!indicatorCodes.includes(k)) out.push({ field: 'scores', code: 'surveyIndicator', params: { value: k, choices: indicatorCodes.join(', ') } });
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > scale) out.push({ field: 'scores', code: 'surveyScore', params: { value: String(v), indicator: k, scale } });
  }
  return out;
}
