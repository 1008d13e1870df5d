// Each customer's purchases in one pass over the orders, kept in typed arrays (a workspace of
// 100k customers and 1M orders): the input of RFM, the pyramid and the other customer models.
//
// Decisions (README "Analytics" says the same):
// - a purchase is an order that `isPurchase` accepts: a cancelled order (status) or a refunded
//   one (payment status) is no purchase at all: it gives no recency, frequency or money. A
//   customer whose orders were all cancelled or refunded counts among those without purchases.
// - an order with a total of zero IS a purchase (a comp night, a free upgrade stay): it counts
//   for recency and frequency and adds 0 to the money.
// - the window is by the order's date (YYYY-MM-DD), both ends included; an order with no
//   valid date or of a customer not given is left out.
import { dayOf } from './days.js';

export interface OrderLike {
  customerId?: unknown;
  date?: unknown;
  total?: unknown;
  status?: unknown;
  paymentStatus?: unknown;
}

/** Day numbers (days.ts), both included; undefined: open. */
export interface DayWindow {
  from?: number;
  to?: number;
}

export interface CustomerTotals {
  /** the customers, in the order given; every array below is indexed like it */
  ids: readonly string[];
  /** purchases (orders) in the window */
  orders: Int32Array;
  /** distinct days with a purchase (filled only when asked for: it costs a sort) */
  days?: Int32Array;
  /** first and last purchase day; −1 when none */
  first: Int32Array;
  last: Int32Array;
  /** sum of the purchases' totals, integer fen */
  revenue: Float64Array;
  /** customers with at least one purchase */
  buyers: number;
  /** the latest purchase day of all, or −1 */
  lastDay: number;
  /** purchases counted, and their fen */
  purchases: number;
  revenueTotal: number;
  /** the purchases counted, as columns (TotalsOptions.keep) */
  kept?: { n: number; cust: Int32Array; day: Int32Array; fen: Float64Array };
}

/** The money of the orders is too large to be summed exactly in a double (beyond 2^53 fen,
 *  90 trillion yuan): refused rather than rounded. */
export class TotalsTooLarge extends Error {
  constructor() {
    super('analytics totals beyond 2^53 fen');
  }
}

export interface TotalsOptions {
  window?: DayWindow;
  /** keep every purchase in the window as columns (customer, day, fen): other windows inside
   *  it are then counted from them (totalsFromKept) without a second pass over the orders */
  keep?: boolean;
  distinctDays?: boolean;
  isPurchase?: (o: OrderLike) => boolean;
}

/** Index of every id, for the pass over the orders. */
export function indexOfIds(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i], i);
  return m;
}

/** The number of a code like C0042 (a letter, then up to 9 digits), or −1. */
function codeNumber(s: unknown): number {
  if (typeof s !== 'string') return -1;
  const len = s.length;
  if (len < 2 || len > 10) return -1;
  let n = 0;
  for (let i = 1; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Customer code → place in ids, for a million orders: the codes the program gives (C0042)
 *  are looked up by their number in an array (no string hashing); any other, in the Map. A hit
 *  by number is confirmed by comparing the codes (C042 and C0042 share a number). */
function slotFinder(ids: readonly string[], index: Map<string, number>): (id: unknown) => number {
  let max = -1;
  for (const id of ids) {
    const n = codeNumber(id);
    if (n > max) max = n;
  }
  // numbers far beyond the customers (an imported code C999999999): the Map alone
  if (max < 0 || max > 4 * ids.length + 1024) return (id) => index.get(id as string) ?? -1;
  const byNumber = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const n = codeNumber(ids[i]);
    if (n >= 0 && byNumber[n] === -1) byNumber[n] = i;
  }
  return (id) => {
    const n = codeNumber(id);
    if (n >= 0 && n <= max) {
      const i = byNumber[n];
      if (i >= 0 && ids[i] === id) return i;
    }
    return index.get(id as string) ?? -1;
  };
}

export function customerTotals(ids: readonly string[], orders: readonly OrderLike[], opts: TotalsOptions = {}, index: Map<string, number> = indexOfIds(ids)): CustomerTotals {
  const n = ids.length;
  const count = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n).fill(-1);
  const revenue = new Float64Array(n);
  const lo = opts.window?.from ?? -Infinity;
  const hi = opts.window?.to ?? Infinity;
  // kept for the distinct days: which customer and day each counted purchase was
  const wantDays = !!opts.distinctDays || !!opts.keep;
  let pc = wantDays ? new Int32Array(1024) : undefined;
  let pd = wantDays ? new Int32Array(1024) : undefined;
  let pf = opts.keep ? new Float64Array(1024) : undefined;
  let purchases = 0;
  let revenueTotal = 0;
  // every partial sum is exact while the sum of the magnitudes is
  let magnitude = 0;
  let lastDay = -1;
  const slot = slotFinder(ids, index);

  const custom = opts.isPurchase;
  for (let k = 0; k < orders.length; k++) {
    const o = orders[k];
    // lifecycle.ts isPurchase, inline unless another rule is given
    if (custom ? !custom(o) : o.status === 'cancelled' || o.paymentStatus === 'refunded') continue;
    const i = slot(o.customerId);
    if (i < 0) continue;
    const d = dayOf(o.date);
    const fen = typeof o.total === 'number' && Number.isFinite(o.total) ? o.total : 0;
    if (!(d >= lo && d <= hi)) continue;
    count[i]++;
    revenue[i] += fen;
    revenueTotal += fen;
    magnitude += fen < 0 ? -fen : fen;
    if (first[i] < 0 || d < first[i]) first[i] = d;
    if (d > last[i]) last[i] = d;
    if (d > lastDay) lastDay = d;
    if (pc && pd) {
      if (purchases === pc.length) {
        const c2 = new Int32Array(pc.length * 2);
        c2.set(pc);
        pc = c2;
        const d2 = new Int32Array(pd.length * 2);
        d2.set(pd);
        pd = d2;
        if (pf) {
          const f2 = new Float64Array(pf.length * 2);
          f2.set(pf);
          pf = f2;
        }
      }
      pc[purchases] = i;
      pd[purchases] = d;
      if (pf) pf[purchases] = fen;
    }
    purchases++;
  }
  if (magnitude > Number.MAX_SAFE_INTEGER) throw new TotalsTooLarge();
  let buyers = 0;
  for (let i = 0; i < n; i++) if (count[i] > 0) buyers++;
  const out: CustomerTotals = { ids, orders: count, first, last, revenue, buyers, lastDay, purchases, revenueTotal };
  if (pc && pd && pf) out.kept = { n: purchases, cust: pc, day: pd, fen: pf };
  if (pc && pd && opts.distinctDays) out.days = distinctDays(n, count, pc, pd, purchases);
  return out;
}

/** Orders and revenue per customer over a window inside the one kept (no days, first, last). */
export function totalsFromKept(t: CustomerTotals, window: DayWindow): CustomerTotals {
  const k = t.kept;
  if (!k) throw new Error('totals kept no purchases');
  const n = t.ids.length;
  const count = new Int32Array(n);
  const revenue = new Float64Array(n);
  const lo = window.from ?? -Infinity;
  const hi = window.to ?? Infinity;
  let purchases = 0;
  let revenueTotal = 0;
  let lastDay = -1;
  for (let x = 0; x < k.n; x++) {
    const d = k.day[x];
    if (d < lo || d > hi) continue;
    const i = k.cust[x];
    count[i]++;
    revenue[i] += k.fen[x];
    revenueTotal += k.fen[x];
    purchases++;
    if (d > lastDay) lastDay = d;
  }
  let buyers = 0;
  for (let i = 0; i < n; i++) if (count[i] > 0) buyers++;
  return { ids: t.ids, orders: count, first: new Int32Array(0), last: new Int32Array(0), revenue, buyers, lastDay, purchases, revenueTotal };
}

/** Distinct days per customer: the purchases grouped by customer (a counting sort), each
 *  group's days sorted in place (a customer has few orders), equal neighbours counted once. */
function distinctDays(n: number, count: Int32Array, pc: Int32Array, pd: Int32Array, m: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + count[i];
  const fill = start.slice(0, n);
  const days = new Int32Array(m);
  for (let k = 0; k < m; k++) days[fill[pc[k]]++] = pd[k];
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = start[i];
    const b = start[i + 1];
    if (a === b) continue;
    // a big account with thousands of orders: a real sort, not insertion
    if (b - a > 32) days.subarray(a, b).sort();
    else for (let x = a + 1; x < b; x++) {
      const v = days[x];
      let y = x - 1;
      while (y >= a && days[y] > v) {
        days[y + 1] = days[y];
        y--;
      }
      days[y + 1] = v;
    }
    let c = 1;
    for (let x = a + 1; x < b; x++) if (days[x] !== days[x - 1]) c++;
    out[i] = c;
  }
  return out;
}
