// Membership (seed 001 ch.5, 会员体系 and 积分管理): a points ledger on each customer, points
// earned on orders by the order type's rate, redeemed or adjusted by staff, and a tier that
// follows the points earned in the last 12 months. Pure: the services and entity rules use it.
import { z } from 'zod';
import { f } from './fields.js';
import type { FieldError } from './errors.js';

export const POINT_KINDS = ['earn', 'reverse', 'redeem', 'adjust'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** One line of a customer's points ledger: kept by the services, never typed by a person. */
export const PointsEntry = z.object({
  at: f.part({ en: 'Time', zh: '时间' }, 'datetime', z.string()),
  delta: f.part({ en: 'Points', zh: '积分变动' }, 'int', z.number().int(), { signed: true }),
  kind: f.part({ en: 'Kind', zh: '类别' }, 'enum', z.enum(POINT_KINDS), { values: 'pointKind' }),
  reason: f.part({ en: 'Reason', zh: '原因' }, 'text', z.string().max(80).optional(), { reason: true }),
  orderId: f.part({ en: 'Order', zh: '订单' }, 'ref', z.string().optional(), { ref: 'orders' }),
  by: f.part({ en: 'Employee', zh: '员工' }, 'ref', z.string(), { ref: 'employees' }),
});
export type PointsEntry = z.infer<typeof PointsEntry>;

/** One move of a customer's membership tier, up or down. */
export const TierChange = z.object({
  from: f.part({ en: 'From', zh: '原等级' }, 'ref', z.string().optional(), { ref: 'tiers' }),
  to: f.part({ en: 'To', zh: '新等级' }, 'ref', z.string().optional(), { ref: 'tiers' }),
  at: f.part({ en: 'Time', zh: '时间' }, 'datetime', z.string()),
  by: f.part({ en: 'Employee', zh: '员工' }, 'ref', z.string(), { ref: 'employees' }),
  // the qualifying points that put the customer there
  points: f.part({ en: 'Qualifying points', zh: '定级积分' }, 'int', z.number().int()),
  // what moved it, when the system did (`orders:D0012`)
  reason: f.part({ en: 'Because of', zh: '原因' }, 'text', z.string().max(80).optional(), { reason: true }),
});
export type TierChange = z.infer<typeof TierChange>;

/** a tier as the rules need it */
export interface TierRule {
  id: string;
  minPoints?: number;
}

/** the days a tier looks back over (a rolling membership year) */
export const QUALIFYING_DAYS = 365;
const DAY_MS = 86_400_000;

/** the reason of the line that carries a balance from before ledgers */
export const OPENING = 'opening';

/** A customer's ledger; a customer from before ledgers, with only a balance, gets it as an
 *  opening line so what follows adds to it. */
export function ledgerOf(c: Record<string, unknown>, who: { at: string; by: string }): PointsEntry[] {
  const ledger = Array.isArray(c.pointsLedger) ? (c.pointsLedger as PointsEntry[]) : [];
  if (ledger.length || typeof c.points !== 'number' || c.points === 0) return [...ledger];
  return [{ at: who.at, by: who.by, delta: c.points, kind: 'adjust', reason: OPENING }];
}

export const balance = (ledger: readonly PointsEntry[]): number => ledger.reduce((n, e) => n + e.delta, 0);

/** Points that count for the tier: earned (net of orders taken back) and adjusted, in the
 *  QUALIFYING_DAYS up to `now`. Redeeming spends points without costing the tier. */
export function qualifyingPoints(ledger: readonly PointsEntry[], now: string): number {
  const end = Date.parse(now);
  const start = end - QUALIFYING_DAYS * DAY_MS;
  let n = 0;
  // the lines of one change share its time (an import's 100k): each distinct time parsed once
  let at = '';
  let t = NaN;
  for (const e of ledger) {
    if (e.kind === 'redeem') continue;
    if (e.at !== at) t = Date.parse((at = e.at));
    if (t > start && t <= end) n += e.delta;
  }
  return Math.max(0, n);
}

/** The highest tier whose threshold the points reach; none below the lowest. */
export function tierFor(points: number, tiers: readonly TierRule[]): string | undefined {
  let best: TierRule | undefined;
  for (const t of tiers) {
    const min = t.minPoints ?? 0;
    if (points >= min && (!best || min > (best.minPoints ?? 0))) best = t;
  }
  return best?.id;
}

/** Points an order of `totalFen` earns at `perYuan` points a yuan, rounded down: 688.50 yuan at
 *  1.5 a yuan is 1032 points. Rates are kept to the hundredth so no float creeps in. */
export function pointsFor(totalFen: number, perYuan: number): number {
  if (!Number.isFinite(totalFen) || totalFen <= 0 || !Number.isFinite(perYuan) || perYuan <= 0) return 0;
  return Math.floor((totalFen * Math.round(perYuan * 100)) / 10_000);
}

/** What the ledger already holds for an order (earned less taken back). */
export const heldForOrder = (ledger: readonly PointsEntry[], orderId: string): number =>
  ledger.reduce((n, e) => (e.orderId === orderId && (e.kind === 'earn' || e.kind === 'reverse') ? n + e.delta : n), 0);

/** The entry that brings what the ledger holds for an order to `due` (nothing when it does):
 *  a purchase earns, a cancellation or refund takes back, a changed total makes up the difference. */
export function orderEntry(ledger: readonly PointsEntry[], orderId: string, due: number, who: { at: string; by: string }): PointsEntry | undefined {
  const delta = due - heldForOrder(ledger, orderId);
  if (delta === 0) return undefined;
  return { at: who.at, by: who.by, delta, kind: delta > 0 ? 'earn' : 'reverse', orderId, reason: `orders:${orderId}` };
}

/** A redemption of `points`, refused beyond the balance. */
export function redemption(ledger: readonly PointsEntry[], points: number, reason: string, who: { at: string; by: string }): { ok: true; entry: PointsEntry } | { ok: false; error: FieldError } {
  if (!Number.isInteger(points) || points <= 0) return { ok: false, error: { field: 'points', code: 'pointsPositive', params: { value: String(points) } } };
  const have = balance(ledger);
  if (points > have) return { ok: false, error: { field: 'points', code: 'pointsBeyondBalance', params: { points, balance: have } } };
  return { ok: true, entry: { at: who.at, by: who.by, delta: -points, kind: 'redeem', reason } };
}

/** A manual adjustment (a goodwill gift, a correction); it may not take the balance below zero. */
export function adjustment(ledger: readonly PointsEntry[], delta: number, reason: string, who: { at: string; by: string }): { ok: true; entry: PointsEntry } | { ok: false; error: FieldError } {
  if (!Number.isInteger(delta) || delta === 0) return { ok: false, error: { field: 'points', code: 'pointsNonZero', params: { value: String(delta) } } };
  const have = balance(ledger);
  if (have + delta < 0) return { ok: false, error: { field: 'points', code: 'pointsBeyondBalance', params: { points: -delta, balance: have } } };
  return { ok: true, entry: { at: who.at, by: who.by, delta, kind: 'adjust', reason } };
}

/** The tier a customer should hold after a change of their ledger, and the history line when it
 *  moves. A customer without a ledger keeps the tier given by hand (workspaces from before). */
export function retier(
  c: { tierId?: string; pointsLedger: readonly PointsEntry[] },
  tiers: readonly TierRule[],
  who: { at: string; by: string; reason?: string },
): { tierId?: string; change?: TierChange } {
  if (c.pointsLedger.length === 0 || tiers.length === 0) return { tierId: c.tierId };
  const points = qualifyingPoints(c.pointsLedger, who.at);
  const to = tierFor(points, tiers);
  if (to === c.tierId) return { tierId: to };
  const change: TierChange = { at: who.at, by: who.by, points };
  if (c.tierId) change.from = c.tierId;
  if (to) change.to = to;
  if (who.reason) change.reason = who.reason;
  return { tierId: to, change };
}

/** Is the move from one tier to another an upgrade? (by the tiers' thresholds) */
export function isUpgrade(change: Pick<TierChange, 'from' | 'to'>, tiers: readonly TierRule[]): boolean {
  const min = (id?: string) => (id ? (tiers.find((t) => t.id === id)?.minPoints ?? 0) : -1);
  return min(change.to) > min(change.from);
}

/** What points buy at the front desk (the quick redemption of the customer screen); any other
 *  amount is `points redeem` on the command line. */
export const REWARDS: readonly { code: string; points: number; en: string; zh: string }[] = [
  { code: 'breakfast', points: 500, en: 'Breakfast voucher', zh: '早餐券' },
  { code: 'latecheckout', points: 800, en: 'Late check-out', zh: '延迟退房' },
  { code: 'upgrade', points: 2000, en: 'Room upgrade', zh: '房型升级' },
  { code: 'spa', points: 3000, en: 'Spa voucher', zh: '康体券' },
  { code: 'night', points: 5000, en: 'Free room night', zh: '免费房晚' },
];
