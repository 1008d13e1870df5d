// What every customer model of the analytics screen and `report` starts from: the customers the
// acting employee may see (of one owner, when asked), the orders they may see of those
// customers, and the period. A "view own" employee thus gets the figures of their own customers
// only; an employee who may not view orders gets a refusal, not a report of zeros.
import type { FieldError } from '../domain/errors.js';
import { customerTotals, indexOfIds, type CustomerTotals, type DayWindow, type OrderLike } from '../domain/analytics/purchases.js';
import { dayOf, dayText } from '../domain/analytics/days.js';
import type { Repo } from './repo.js';

export interface AnalyticsFilter {
  /** YYYY-MM-DD, both included: only purchases dated within */
  from?: string;
  to?: string;
  /** YYYY-MM-DD; default: the day after the last purchase counted */
  asOf?: string;
  /** employee id: only this owner's customers */
  ownerId?: string;
}

/** Why the actor may not see the analytics (they need to view customers and orders). */
export class AnalyticsRefused extends Error {
  constructor(public error: FieldError) {
    super(error.code);
  }
}

export interface AnalyticsBase {
  ids: string[];
  index: Map<string, number>;
  orders: readonly OrderLike[];
}

/** The customers and orders the actor may see, narrowed to an owner. */
export function analyticsBase(repo: Repo, filter: AnalyticsFilter = {}): AnalyticsBase {
  const denied = repo.refused('view', 'customers') ?? repo.refused('view', 'orders');
  if (denied) throw new AnalyticsRefused(denied);
  const customers = repo.all('customers');
  const ids: string[] = [];
  for (const c of customers) if (!filter.ownerId || c.ownerId === filter.ownerId) ids.push(c.id);
  // orders of customers not among ids fall out in the pass over them (purchases.ts)
  return { ids, index: indexOfIds(ids), orders: repo.all('orders') as readonly OrderLike[] };
}

/** The window of purchases counted: the period, ending at the as-of day at the latest. */
export function purchaseWindow(filter: AnalyticsFilter): DayWindow {
  const w: DayWindow = {};
  if (filter.from) w.from = dayOf(filter.from);
  const to = filter.to ? dayOf(filter.to) : undefined;
  const asOf = filter.asOf ? dayOf(filter.asOf) : undefined;
  if (to !== undefined || asOf !== undefined) w.to = Math.min(to ?? Infinity, asOf ?? Infinity);
  return w;
}

/** Totals of the base's customers over a window. */
export function totalsOver(base: AnalyticsBase, window: DayWindow, distinctDays = false): CustomerTotals {
  return customerTotals(base.ids, base.orders, { window, distinctDays }, base.index);
}

/** The as-of day: given, or the day after the last purchase counted (the day after `to` when
 *  nothing was bought). */
export function asOfDay(filter: AnalyticsFilter, t: CustomerTotals, today: string): number {
  if (filter.asOf) return dayOf(filter.asOf);
  if (t.lastDay >= 0) return t.lastDay + 1;
  return filter.to ? dayOf(filter.to) + 1 : dayOf(today);
}

export { dayText };
