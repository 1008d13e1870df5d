// Churn warning (客户流失预警, syllabus ch. 10): which customers are slipping away, and why.
// Pure: the shells pass the records and the day it is.
//
// Definitions (as of a day; records dated after it are not yet known):
// - a PURCHASE is an order that is neither cancelled nor refunded (lifecycle.ts isPurchase);
//   a customer's purchase days are the distinct days of their purchases.
// - `inactive`: the customer has bought, and the days from the last purchase day to as-of are
//   MORE than the threshold (`days`, 90 / 180 / 365; the workspace's default in its settings).
// - `overdue`: the customer has at least two purchase days, and those days are more than
//   `factor` × their usual interval, the mean gap between purchase days:
//   (last − first) / (purchase days − 1). Compared exactly: days × (n − 1) > factor × (last − first).
// - `complaint`: a complaint ticket not yet resolved (received, acknowledged, investigating).
//   A resolved one, awaiting its follow-up, no longer warns.
// - `satisfactionFalling`: the latest survey's index (0-100, survey-score.ts) is below the one
//   before it. `satisfactionLow`: the latest survey's index is below the bar (default 60).
// A customer already lost (the lifecycle's lost stage) is not warned of: they are counted apart.
// Several reasons may hold at once; customers with more reasons come first, then the longest
// silent, then by code.
import { byCode } from '../compare.js';
import { isPurchase } from '../lifecycle.js';
import { isUnresolved } from '../ticket-flow.js';
import { surveyIndex, type SurveyLike } from '../survey-score.js';
import { dayNum, dayStr } from './period.js';

export const CHURN_REASONS = ['inactive', 'overdue', 'complaint', 'satisfactionFalling', 'satisfactionLow'] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

export const CHURN_DAY_CHOICES = [90, 180, 365] as const;
export const DEFAULT_CHURN_DAYS = 180;
export const DEFAULT_CHURN_FACTOR = 2;
export const DEFAULT_SATISFACTION_BAR = 60;

export interface ChurnParams {
  /** YYYY-MM-DD */
  asOf: string;
  days: number;
  factor: number;
  /** survey index (0-100) below which satisfaction is low */
  bar: number;
}

export interface ChurnCustomer {
  id: string;
  stage?: unknown;
  ownerId?: unknown;
}
export interface ChurnOrder {
  customerId?: unknown;
  date?: unknown;
  status?: unknown;
  paymentStatus?: unknown;
}
export interface ChurnTicket {
  customerId?: unknown;
  type?: unknown;
  status?: unknown;
  raisedOn?: unknown;
  createdAt?: unknown;
}

export interface ChurnRow {
  customerId: string;
  ownerId?: string;
  stage?: string;
  reasons: ChurnReason[];
  /** purchases (orders) and distinct purchase days up to as-of */
  purchases: number;
  purchaseDays: number;
  lastPurchase?: string;
  /** days from the last purchase to as-of */
  daysSince?: number;
  /** the mean gap between purchase days, one decimal; undefined with fewer than two days */
  usualInterval?: number;
  openComplaints: number;
  /** the latest two survey indexes (0-100, one decimal), latest first */
  lastIndex?: number;
  previousIndex?: number;
}

export interface ChurnReport {
  params: ChurnParams;
  /** customers looked at (every one given, the lost ones included) */
  customers: number;
  /** customers already in the lost stage */
  alreadyLost: number;
  /** the customers at risk, most reasons first */
  rows: ChurnRow[];
  /** customers per reason */
  byReason: Record<ChurnReason, number>;
}

export function churnReport(
  input: { customers: readonly ChurnCustomer[]; orders: readonly ChurnOrder[]; tickets: readonly ChurnTicket[]; surveys: readonly (SurveyLike & { date?: unknown })[] },
  params: ChurnParams,
): ChurnReport {
  const asOf = dayNum(params.asOf);
  const n = input.customers.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(input.customers[i].id, i);
  // a million orders: each customer's purchase days gathered in one typed array, bucketed by
  // customer (counting sort), rather than a Set per customer
  const m = input.orders.length;
  const custOf = new Int32Array(m);
  const dayOfOrder = new Int32Array(m);
  const purchases = new Int32Array(n + 1);
  let k = 0;
  for (const o of input.orders) {
    const i = index.get(o.customerId as string);
    if (i === undefined) continue;
    const d = dayNum(o.date);
    if (!(d <= asOf) || !isPurchase(o as Record<string, unknown>)) continue;
    custOf[k] = i;
    dayOfOrder[k] = d;
    purchases[i + 1]++;
    k++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + purchases[i + 1];
  const fill = start.slice(0, n);
  const days = new Int32Array(k);
  for (let j = 0; j < k; j++) days[fill[custOf[j]]++] = dayOfOrder[j];
  const complaints = new Int32Array(n);
  for (const t of input.tickets) {
    if (t.type !== 'complaint' || !isUnresolved(t.status)) continue;
    const i = index.get(t.customerId as string);
    if (i === undefined) continue;
    const raised = dayNum(typeof t.raisedOn === 'string' ? t.raisedOn : t.createdAt);
    if (raised > asOf) continue;
    complaints[i]++;
  }
  const surveys = new Map<number, { day: string; id: string; index: number }[]>();
  for (const s of input.surveys) {
    const i = index.get(s.customerId as string);
    if (i === undefined) continue;
    const d = typeof s.date === 'string' ? s.date : '';
    if (!(dayNum(d) <= asOf)) continue;
    const idx = surveyIndex(s);
    if (idx === undefined) continue;
    const l = surveys.get(i);
    if (l) l.push({ day: d, id: s.id, index: idx });
    else surveys.set(i, [{ day: d, id: s.id, index: idx }]);
  }
  const byReason = Object.fromEntries(CHURN_REASONS.map((r) => [r, 0])) as Record<ChurnReason, number>;
  const rows: ChurnRow[] = [];
  let alreadyLost = 0;
  for (let i = 0; i < n; i++) {
    const c = input.customers[i];
    if (c.stage === 'lost') {
      alreadyLost++;
      continue;
    }
    const bought = purchases[i + 1];
    const sv = surveys.get(i);
    if (!bought && !complaints[i] && !sv) continue;
    const reasons: ChurnReason[] = [];
    let purchaseDays = 0;
    const row: ChurnRow = {
      customerId: c.id,
      ownerId: typeof c.ownerId === 'string' && c.ownerId ? c.ownerId : undefined,
      stage: typeof c.stage === 'string' ? c.stage : undefined,
      reasons,
      purchases: bought,
      purchaseDays: 0,
      openComplaints: complaints[i],
    };
    if (bought) {
      const mine = days.subarray(start[i], start[i + 1]).sort();
      purchaseDays = 1;
      for (let j = 1; j < mine.length; j++) if (mine[j] !== mine[j - 1]) purchaseDays++;
      const first = mine[0];
      const last = mine[mine.length - 1];
      const since = asOf - last;
      row.purchaseDays = purchaseDays;
      row.lastPurchase = dayStr(last);
      row.daysSince = since;
      if (since > params.days) reasons.push('inactive');
      const gaps = purchaseDays - 1;
      if (gaps > 0) {
        row.usualInterval = Math.round(((last - first) / gaps) * 10) / 10;
        if (since * gaps > params.factor * (last - first)) reasons.push('overdue');
      }
    }
    if (complaints[i]) reasons.push('complaint');
    if (sv) {
      sv.sort((x, y) => byCode(y.day, x.day) || byCode(y.id, x.id));
      row.lastIndex = sv[0].index;
      if (sv.length > 1) {
        row.previousIndex = sv[1].index;
        if (row.lastIndex < row.previousIndex) reasons.push('satisfactionFalling');
      }
      if (row.lastIndex < params.bar) reasons.push('satisfactionLow');
    }
    if (!reasons.length) continue;
    for (const r of reasons) byReason[r]++;
    rows.push(row);
  }
  rows.sort((x, y) => y.reasons.length - x.reasons.length || (y.daysSince ?? -1) - (x.daysSince ?? -1) || byCode(x.customerId, y.customerId));
  return { params, customers: n, alreadyLost, rows, byReason };
}

/** The reason kept in a customer's stage history when they are marked lost (max 80 characters). */
export const lostHistoryReason = (code: string): string => `churnReason:${code}`.slice(0, 80);

/** Subject key of a win-back task: one per customer and reason set is never made twice. */
export const WIN_BACK_TYPE = 'care';
