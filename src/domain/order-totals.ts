// What an order costs, computed from what it holds, in integer fen: never typed in.
// A line costs quantity × unit price less its discount, a percentage (九折 is 10% off), rounded
// to the fen half away from zero. A hotel stay adds its room charge, nights × rooms × rate,
// beside the line items (breakfast, banquet, spa); a stay cancelled or never taken up (no-show)
// charges nothing here — a no-show fee, when the hotel takes one, is a line item of its own.

export interface LineLike {
  qty?: number;
  unitPrice?: number;
  discountPct?: number;
}
export interface StayLike {
  checkIn?: string;
  checkOut?: string;
  rooms?: number;
  rate?: number;
  status?: string;
}

/** integer fen from a possibly fractional amount, half away from zero */
const roundFen = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

/** One line's amount: qty × unit price × (100 − discount%) / 100, rounded to the fen. */
export function lineTotal(l: LineLike): number {
  const qty = Number(l.qty ?? 0);
  const price = Number(l.unitPrice ?? 0);
  const pct = Number(l.discountPct ?? 0);
  // qty × price × (100 − pct) is an exact integer for whole quantities and percents: the one
  // division by 100 is then the only rounding
  return roundFen((qty * price * (100 - pct)) / 100);
}

const DAY_MS = 86_400_000;
/** Nights between two dates (YYYY-MM-DD), across month ends and leap days; 0 when not after. */
export function stayNights(checkIn: string | undefined, checkOut: string | undefined): number {
  if (!checkIn || !checkOut) return 0;
  const a = Date.parse(`${checkIn}T00:00:00Z`);
  const b = Date.parse(`${checkOut}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b <= a) return 0;
  return Math.round((b - a) / DAY_MS);
}

/** Statuses of a stay that charge no room. */
export const UNCHARGED_STAY = new Set(['cancelled', 'noshow']);

/** The stay's room charge: nights × rooms × rate (nothing for a cancelled stay or a no-show). */
export function roomCharge(s: StayLike | undefined): number {
  if (!s || UNCHARGED_STAY.has(String(s.status))) return 0;
  return stayNights(s.checkIn, s.checkOut) * Number(s.rooms ?? 1) * Number(s.rate ?? 0);
}

/** The order's total: its lines plus its stay's room charge. */
export function orderTotal(o: { items?: readonly LineLike[]; stay?: StayLike }): number {
  let sum = 0;
  for (const l of o.items ?? []) sum += lineTotal(l);
  return sum + roomCharge(o.stay);
}

/** Sum of the purchases among orders (cancelled and refunded ones are none), in fen. */
export function revenueOf(orders: readonly Record<string, unknown>[], isPurchase: (o: Record<string, unknown>) => boolean): number {
  let sum = 0;
  for (const o of orders) if (isPurchase(o)) sum += Number(o.total ?? 0);
  return sum;
}
