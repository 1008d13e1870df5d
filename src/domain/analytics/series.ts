// New customers, purchases and revenue per month, as series for a line chart: every month from
// the first to the last that has something, empty months as 0. Purchases as purchases.ts says
// (cancelled and refunded orders are none), by the order's date; new customers by the day they
// were created (the caller gives that day, in the hotel's time zone).
import { isPurchase } from '../lifecycle.js';
import { monthIndexOf, monthText } from './days.js';
import type { OrderLike } from './purchases.js';
import type { MonthSeries } from './stats.js';

export function monthSeries(customerDays: readonly string[], orders: readonly OrderLike[], window: { from?: string; to?: string } = {}): MonthSeries {
  const lo = window.from ? monthIndexOf(window.from) : -Infinity;
  const hi = window.to ? monthIndexOf(window.to) : Infinity;
  const inDays = (d: string) => (!window.from || d >= window.from) && (!window.to || d <= window.to);
  const cust = new Map<number, number>();
  const ord = new Map<number, number>();
  const rev = new Map<number, number>();
  let min = Infinity;
  let max = -Infinity;
  for (const d of customerDays) {
    const m = monthIndexOf(d);
    if (!(m >= lo && m <= hi) || !inDays(d)) continue;
    cust.set(m, (cust.get(m) ?? 0) + 1);
    if (m < min) min = m;
    if (m > max) max = m;
  }
  for (const o of orders) {
    if (!isPurchase(o as Record<string, unknown>)) continue;
    const d = o.date as string;
    const m = monthIndexOf(d);
    if (!(m >= lo && m <= hi) || !inDays(d)) continue;
    ord.set(m, (ord.get(m) ?? 0) + 1);
    rev.set(m, (rev.get(m) ?? 0) + (typeof o.total === 'number' && Number.isFinite(o.total) ? o.total : 0));
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const out: MonthSeries = { months: [], newCustomers: [], orders: [], revenue: [] };
  if (min > max) return out;
  for (let m = min; m <= max; m++) {
    out.months.push(monthText(m));
    out.newCustomers.push(cust.get(m) ?? 0);
    out.orders.push(ord.get(m) ?? 0);
    out.revenue.push(rev.get(m) ?? 0);
  }
  return out;
}
