// RFM, the classic eight segments (seed 001 ch.9-10, seed 000 ch.6): as of a day,
//   R = days from the customer's last purchase to the as-of day,
//   F = purchases: orders (default) or distinct days with a purchase,
//   M = the fen sum of all the customer's purchases, zero-amount ones included.
// Over the customers with at least one purchase: R is good (1) when STRICTLY below the mean R,
// F and M are high (1) when STRICTLY above their means. The comparisons are exact: x < sum/n is
// decided as x·n < sum on integers (exact.ts), never on a rounded mean. Customers without a
// purchase get no segment: they are counted apart.
//
// Quintiles beside it (1 worst .. 5 best, each dimension apart): a customer's score is
// 1 + floor(5 × k / n), k = the customers with a strictly WORSE value (F, M: smaller; R: larger).
// Equal values therefore share a score (the lower one their tie spans); no tie is broken by id.
import type { CustomerTotals } from './purchases.js';
import { cmpMean } from './exact.js';

/** The segments in the course's order; the code reads R F M. */
export const RFM_SEGMENTS = ['111', '101', '011', '001', '110', '100', '010', '000'] as const;
export type RfmCode = (typeof RFM_SEGMENTS)[number];
export type Frequency = 'orders' | 'days';
export const FREQUENCIES: readonly Frequency[] = ['orders', 'days'];

/** The segment's code from its bits. */
export const rfmCode = (r: 0 | 1 | number, f: number, m: number): RfmCode => `${r}${f}${m}` as RfmCode;
/** bits r·4 + f·2 + m → place in RFM_SEGMENTS */
const BIT_TO_SEGMENT: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7].map((b) => RFM_SEGMENTS.indexOf(b.toString(2).padStart(3, '0') as RfmCode));
/** place in RFM_SEGMENTS → the code's bits */
export const segmentIndex = (code: string): number => RFM_SEGMENTS.indexOf(code as RfmCode);

export interface RfmSegmentRow {
  code: RfmCode;
  customers: number;
  /** fen */
  monetary: number;
  /** sum of F (orders or days) and of R (days) over the segment's customers */
  frequency: number;
  recency: number;
}

/** One value per customer of the totals (same index); the segment as its place in RFM_SEGMENTS,
 *  255 for a customer without purchases; scores 1..5, 0 without purchases. */
export interface RfmRows {
  ids: readonly string[];
  recency: Int32Array;
  frequency: Int32Array;
  /** fen */
  monetary: Float64Array;
  segment: Uint8Array;
  rScore: Uint8Array;
  fScore: Uint8Array;
  mScore: Uint8Array;
}

export interface RfmResult {
  /** day number */
  asOf: number;
  frequency: Frequency;
  /** customers with a purchase (in a segment) */
  customers: number;
  /** customers given without a purchase: counted apart */
  withoutPurchases: number;
  /** exact sums over the customers with a purchase, and the means (display only) */
  sums: { recency: number; frequency: number; monetary: number };
  means: { recency: number; frequency: number; monetary: number };
  segments: RfmSegmentRow[];
  /** customers per score 1..5 (index 0 is score 1) */
  quintiles: { r: number[]; f: number[]; m: number[] };
  rows: RfmRows;
}

export const NO_SEGMENT = 255;

export function rfmAnalysis(t: CustomerTotals, opts: { asOf: number; frequency?: Frequency }): RfmResult {
  const frequency = opts.frequency ?? 'orders';
  const asOf = opts.asOf;
  const n = t.ids.length;
  const fOf = frequency === 'days' && t.days ? t.days : t.orders;
  const recency = new Int32Array(n);
  const freq = new Int32Array(n);
  const segment = new Uint8Array(n).fill(NO_SEGMENT);
  let sumR = 0;
  let sumF = 0;
  let sumM = 0;
  let buyers = 0;
  for (let i = 0; i < n; i++) {
    if (t.orders[i] === 0) continue;
    buyers++;
    recency[i] = asOf - t.last[i];
    freq[i] = fOf[i];
    sumR += recency[i];
    sumF += freq[i];
    sumM += t.revenue[i];
  }
  const segments: RfmSegmentRow[] = RFM_SEGMENTS.map((code) => ({ code, customers: 0, monetary: 0, frequency: 0, recency: 0 }));
  for (let i = 0; i < n; i++) {
    if (t.orders[i] === 0) continue;
    const r = cmpMean(recency[i], buyers, sumR) < 0 ? 1 : 0;
    const f = cmpMean(freq[i], buyers, sumF) > 0 ? 1 : 0;
    const m = cmpMean(t.revenue[i], buyers, sumM) > 0 ? 1 : 0;
    const s = BIT_TO_SEGMENT[(r << 2) | (f << 1) | m];
    segment[i] = s;
    const row = segments[s];
    row.customers++;
    row.monetary += t.revenue[i];
    row.frequency += freq[i];
    row.recency += recency[i];
  }
  const rScore = quintileScores(recency, t.orders, buyers, true);
  const fScore = quintileScores(freq, t.orders, buyers, false);
  const mScore = quintileScores(t.revenue, t.orders, buyers, false);
  const hist = (s: Uint8Array) => {
    const h = [0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) if (s[i]) h[s[i] - 1]++;
    return h;
  };
  return {
    asOf,
    frequency,
    customers: buyers,
    withoutPurchases: n - buyers,
    sums: { recency: sumR, frequency: sumF, monetary: sumM },
    means: buyers ? { recency: sumR / buyers, frequency: sumF / buyers, monetary: sumM / buyers } : { recency: 0, frequency: 0, monetary: 0 },
    segments,
    quintiles: { r: hist(rScore), f: hist(fScore), m: hist(mScore) },
    rows: { ids: t.ids, recency, frequency: freq, monetary: t.revenue, segment, rScore, fScore, mScore },
  };
}

/** 1 + floor(5k / n), k = customers with a strictly worse value; 0 for those without orders. */
function quintileScores(values: Int32Array | Float64Array, orders: Int32Array, buyers: number, lowIsGood: boolean): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (!buyers) return out;
  const sorted = new Float64Array(buyers);
  let j = 0;
  for (let i = 0; i < n; i++) if (orders[i] > 0) sorted[j++] = values[i];
  sorted.sort();
  for (let i = 0; i < n; i++) {
    if (orders[i] === 0) continue;
    const v = values[i];
    // worse: smaller values (F, M), or larger (R)
    const k = lowIsGood ? buyers - upperBound(sorted, v) : lowerBound(sorted, v);
    out[i] = 1 + Math.floor((5 * k) / buyers);
  }
  return out;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids of the customers in a segment (for a screen's list, tasks, writing the field). */
export function rfmCustomers(rows: RfmRows, code: string): string[] {
  const s = segmentIndex(code);
  const out: string[] = [];
  if (s < 0) return out;
  for (let i = 0; i < rows.ids.length; i++) if (rows.segment[i] === s) out.push(rows.ids[i]);
  return out;
}

/** A customer's segment code, or undefined without purchases. */
export const rfmCodeAt = (rows: RfmRows, i: number): RfmCode | undefined => (rows.segment[i] === NO_SEGMENT ? undefined : RFM_SEGMENTS[rows.segment[i]]);
