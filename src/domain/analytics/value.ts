// Customer lifetime value by the indicator method of seed 004 (客户终身价值指标综合评价体系) and
// the key account identification and selection matrix KAISM (关键客户识别与选择矩阵, seed 000
// ch. 6) drawn on its two axes. Pure: the shells pass the records and the settings.
//
// Seed 004 names the indicators and leaves their measures and weights to the teacher:
// - current value (客户当前价值): gross profit (毛利润), purchase volume (购买量), service cost (服务成本);
// - potential value (客户潜在价值): satisfaction (满意度), loyalty (忠诚度), trust (信任度).
// How each is measured here, per customer:
// - gross profit: each purchase's total × its order type's gross margin % (settings; defaults
//   below), summed in fen;
// - purchase volume: the number of purchases (orders neither cancelled nor refunded);
// - service cost: the recovery costs of the customer's tickets, in fen (more cost, less value);
// - satisfaction: the mean index (0-100) of the customer's surveys; none: the middle, 50;
// - loyalty: the lifecycle stage on seed 004's ladder: first-time 1/3, repeat 2/3, loyal 1, any
//   other stage 0;
// - trust: the relationship level: ordinary 0, close 1/2, strategic partner 1; none: 0.
// Normalised to 0..1 over the customers reported (min-max): (x − min) / (max − min), service cost
// reversed: (max − x) / (max − min); when every customer has the same value, 1/2. So a customer
// is measured against the others, as the course's comparison tables do.
// Current value = Σ weight × score / Σ weights over the three current indicators, × 100 (0-100);
// potential likewise; lifetime value = current × currentShare% + potential × (100 − currentShare)%.
// KAISM: current value HIGH when above the mean of the customers reported, potential likewise
// (strict: a customer exactly at the mean is low). Quadrants: key 关键客户 (high, high),
// maintain 关键维持客户 (high current, low potential), develop 关键发展客户 (low current, high
// potential), opportunistic 机会客户 (low, low).
// Only customers with at least one purchase are valued (no history, no current value to measure).
import { byCode } from '../compare.js';
import { isPurchase } from '../lifecycle.js';
import { surveyIndex, type SurveyLike } from '../survey-score.js';

export const VALUE_INDICATORS = ['grossProfit', 'purchases', 'serviceCost', 'satisfaction', 'loyalty', 'trust'] as const;
export type ValueIndicator = (typeof VALUE_INDICATORS)[number];
export const CURRENT_INDICATORS: readonly ValueIndicator[] = ['grossProfit', 'purchases', 'serviceCost'];
export const POTENTIAL_INDICATORS: readonly ValueIndicator[] = ['satisfaction', 'loyalty', 'trust'];

export type Weights = Record<ValueIndicator, number>;
/** seed 004 gives no numbers: equal weights, current and potential half each */
export const DEFAULT_WEIGHTS: Weights = { grossProfit: 1, purchases: 1, serviceCost: 1, satisfaction: 1, loyalty: 1, trust: 1 };
export const DEFAULT_CURRENT_SHARE = 50;
/** gross margin % by order type: a hotel's rooms keep most of their price, F&B much less */
export const DEFAULT_MARGINS: Readonly<Record<string, number>> = { room: 70, fnb: 35, spa: 50, mice: 40, other: 30 };
export const FALLBACK_MARGIN = 30;

export const KAISM_QUADRANTS = ['key', 'maintain', 'develop', 'opportunistic'] as const;
export type KaismQuadrant = (typeof KAISM_QUADRANTS)[number];

// in steps (thirds, halves): integers normalise exactly ((2 − 1) / (3 − 1) is 0.5, not 0.49999…)
export const LOYALTY_STEPS: Record<string, number> = { first: 1, repeat: 2, loyal: 3 };
export const TRUST_STEPS: Record<string, number> = { ordinary: 0, close: 1, strategic: 2 };
export const LOYALTY_MAX = 3;
export const TRUST_MAX = 2;

export interface ValueSettings {
  weights: Weights;
  /** % of lifetime value from current value (the rest from potential) */
  currentShare: number;
  /** order type → gross margin % */
  margins: Record<string, number>;
}

export const defaultValueSettings = (): ValueSettings => ({ weights: { ...DEFAULT_WEIGHTS }, currentShare: DEFAULT_CURRENT_SHARE, margins: { ...DEFAULT_MARGINS } });

export interface ValueCustomer {
  id: string;
  stage?: unknown;
  relationLevel?: unknown;
  ownerId?: unknown;
}
export interface ValueOrder {
  customerId?: unknown;
  type?: unknown;
  total?: unknown;
  status?: unknown;
  paymentStatus?: unknown;
}
export interface ValueTicket {
  customerId?: unknown;
  recoveryCost?: unknown;
}

/** A customer's raw indicators. */
export interface RawIndicators {
  /** fen */
  grossProfit: number;
  purchases: number;
  /** fen */
  serviceCost: number;
  /** 0-100; undefined without surveys (scored as 50) */
  satisfaction?: number;
  /** the stage's step on the ladder, 0-3 (loyalty = step / 3) */
  loyalty: number;
  /** the relationship level's step, 0-2 (trust = step / 2) */
  trust: number;
  /** fen, the purchases' totals (shown beside the gross profit) */
  revenue: number;
}

export interface ValueRow {
  customerId: string;
  ownerId?: string;
  raw: RawIndicators;
  /** each indicator normalised, 0..1 */
  scores: Record<ValueIndicator, number>;
  /** 0-100, one decimal */
  current: number;
  potential: number;
  lifetime: number;
  currentHigh: boolean;
  potentialHigh: boolean;
  quadrant: KaismQuadrant;
}

export interface ValueReport {
  settings: ValueSettings;
  /** customers valued (with a purchase) */
  customers: number;
  /** means of current and potential value (0-100, one decimal): the KAISM cuts */
  meanCurrent: number | null;
  meanPotential: number | null;
  quadrants: Record<KaismQuadrant, number>;
  /** highest lifetime value first, then by code */
  rows: ValueRow[];
}

const marginOf = (margins: Record<string, number>, type: unknown): number => {
  const m = margins[String(type)];
  return typeof m === 'number' && Number.isFinite(m) ? m : (DEFAULT_MARGINS[String(type)] ?? FALLBACK_MARGIN);
};

/** Half away from zero to the fen. */
const roundFen = (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x));

/** The raw indicators of every customer with a purchase. */
export function rawIndicators(
  input: { customers: readonly ValueCustomer[]; orders: readonly ValueOrder[]; tickets: readonly ValueTicket[]; surveys: readonly SurveyLike[] },
  margins: Record<string, number>,
): Map<string, RawIndicators> {
  const n = input.customers.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(input.customers[i].id, i);
  // a million orders: sums in typed arrays by customer index; gross profit summed as fen × %
  // (exact integers), to the fen once per customer
  const gp100 = new Float64Array(n);
  const revenue = new Float64Array(n);
  const purchases = new Int32Array(n);
  const marginCache = new Map<unknown, number>();
  for (const o of input.orders) {
    const i = index.get(o.customerId as string);
    if (i === undefined || !isPurchase(o as Record<string, unknown>)) continue;
    let mg = marginCache.get(o.type);
    if (mg === undefined) marginCache.set(o.type, (mg = marginOf(margins, o.type)));
    const total = Number(o.total ?? 0) || 0;
    revenue[i] += total;
    gp100[i] += total * mg;
    purchases[i]++;
  }
  const cost = new Float64Array(n);
  for (const t of input.tickets) {
    const i = index.get(t.customerId as string);
    if (i === undefined) continue;
    cost[i] += Number(t.recoveryCost ?? 0) || 0;
  }
  const satSum = new Float64Array(n);
  const satN = new Int32Array(n);
  for (const s of input.surveys) {
    const i = index.get(s.customerId as string);
    if (i === undefined || !purchases[i]) continue;
    const x = surveyIndex(s);
    if (x === undefined) continue;
    satSum[i] += x;
    satN[i]++;
  }
  const out = new Map<string, RawIndicators>();
  for (let i = 0; i < n; i++) {
    if (!purchases[i]) continue;
    const c = input.customers[i];
    out.set(c.id, {
      grossProfit: roundFen(gp100[i] / 100),
      purchases: purchases[i],
      serviceCost: cost[i],
      satisfaction: satN[i] ? Math.round((satSum[i] / satN[i]) * 10) / 10 : undefined,
      loyalty: LOYALTY_STEPS[String(c.stage)] ?? 0,
      trust: TRUST_STEPS[String(c.relationLevel)] ?? 0,
      revenue: revenue[i],
    });
  }
  return out;
}

const rawValue = (r: RawIndicators, k: ValueIndicator): number => (k === 'satisfaction' ? (r.satisfaction ?? 50) : r[k]);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function valueReport(
  input: { customers: readonly ValueCustomer[]; orders: readonly ValueOrder[]; tickets: readonly ValueTicket[]; surveys: readonly SurveyLike[] },
  settings: ValueSettings,
): ValueReport {
  const raw = rawIndicators(input, settings.margins);
  const n = raw.size;
  const ids = [...raw.keys()];
  const rs = [...raw.values()];
  // one array per indicator: plain loops, no keyed lookups per customer
  const cols = VALUE_INDICATORS.map((k) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = rawValue(rs[i], k);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (a[i] < lo) lo = a[i];
      if (a[i] > hi) hi = a[i];
    }
    const span = hi - lo;
    const sc = new Float64Array(n);
    for (let i = 0; i < n; i++) sc[i] = span === 0 ? 0.5 : k === 'serviceCost' ? (hi - a[i]) / span : (a[i] - lo) / span;
    return sc;
  });
  const w = VALUE_INDICATORS.map((k) => settings.weights[k]);
  const isCurrent = VALUE_INDICATORS.map((k) => CURRENT_INDICATORS.includes(k));
  let wc = 0;
  let wp = 0;
  VALUE_INDICATORS.forEach((_, j) => (isCurrent[j] ? (wc += w[j]) : (wp += w[j])));
  const cur = new Float64Array(n);
  const pot = new Float64Array(n);
  for (let j = 0; j < VALUE_INDICATORS.length; j++) {
    if (!w[j]) continue;
    const target = isCurrent[j] ? cur : pot;
    const col = cols[j];
    for (let i = 0; i < n; i++) target[i] += w[j] * col[i];
  }
  let sumC = 0;
  let sumP = 0;
  for (let i = 0; i < n; i++) {
    cur[i] = wc > 0 ? (cur[i] / wc) * 100 : 0;
    pot[i] = wp > 0 ? (pot[i] / wp) * 100 : 0;
    sumC += cur[i];
    sumP += pot[i];
  }
  const owners = new Map<string, string | undefined>();
  for (const c of input.customers) if (raw.has(c.id)) owners.set(c.id, typeof c.ownerId === 'string' && c.ownerId ? c.ownerId : undefined);
  const quadrants = Object.fromEntries(KAISM_QUADRANTS.map((q) => [q, 0])) as Record<KaismQuadrant, number>;
  const rows: ValueRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // above the mean: value × n > Σ values (no rounded mean compared); a hair's float noise is a tie
    const currentHigh = cur[i] * n > sumC + 1e-9 * Math.abs(sumC);
    const potentialHigh = pot[i] * n > sumP + 1e-9 * Math.abs(sumP);
    const quadrant = kaismQuadrant(currentHigh, potentialHigh);
    quadrants[quadrant]++;
    const scores = {} as Record<ValueIndicator, number>;
    for (let j = 0; j < VALUE_INDICATORS.length; j++) scores[VALUE_INDICATORS[j]] = cols[j][i];
    rows[i] = {
      customerId: ids[i], ownerId: owners.get(ids[i]), raw: rs[i], scores,
      current: round1(cur[i]),
      potential: round1(pot[i]),
      lifetime: round1((cur[i] * settings.currentShare + pot[i] * (100 - settings.currentShare)) / 100),
      currentHigh, potentialHigh, quadrant,
    };
  }
  rows.sort((a, b) => b.lifetime - a.lifetime || byCode(a.customerId, b.customerId));
  return {
    settings,
    customers: n,
    meanCurrent: n ? round1(sumC / n) : null,
    meanPotential: n ? round1(sumP / n) : null,
    quadrants,
    rows,
  };
}

export function kaismQuadrant(currentHigh: boolean, potentialHigh: boolean): KaismQuadrant {
  if (currentHigh) return potentialHigh ? 'key' : 'maintain';
  return potentialHigh ? 'develop' : 'opportunistic';
}
