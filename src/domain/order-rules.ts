// What the system keeps on an order about to be saved: its total, worked out from its lines
// and its stay (order-totals.ts). A line that names a product and no price takes the product's
// list price; an order given only an amount (an order history imported, `add --total`) gets
// one line of that amount, so every order's total is the sum of what it holds.
import type { FieldError } from './errors.js';
import type { RuleContext, SaveOpts } from './entity-rules.js';
import { lineTotal, orderTotal, type LineLike, type StayLike } from './order-totals.js';
import { fillFromCatalogue, linePriceErrors } from './line-items.js';

type Rec = Record<string, unknown> & { id: string };

/** the description of the line an amount-only order gets */
export const AMOUNT_LINE = '订单金额 Amount';

/** the line that keeps an imported amount exact when it does not divide by its quantity */
export const ROUNDING_LINE = '尾差 Rounding';

/** The lines of an order history's row that gives a quantity and an amount: the quantity at
 *  amount ÷ quantity. When that is no whole fen (¥10.00 for 3), the unit price is cut to the
 *  fen (¥3.33) and a second line holds the fen left over (¥0.01): the order's total is the
 *  amount the file says, exactly, and every line still works out as quantity × unit price. */
export function amountLines(amount: number, qty: number): { description: string; qty: number; unitPrice: number }[] {
  const main = { description: AMOUNT_LINE, qty, unitPrice: Math.trunc(amount / qty) };
  const rest = amount - lineTotal(main);
  return rest === 0 ? [main] : [main, { description: ROUNDING_LINE, qty: 1, unitPrice: rest }];
}

export function orderPrepare(rec: Rec, prev: Rec | undefined, ctx: Pick<RuleContext, 'get'>, opts?: SaveOpts): Rec {
  // a draft made for this check alone is filled in place (an import's 100k orders: ~40 ms of
  // copies); anything else by assignment, not spread: zod parses spread-built objects slower
  const out: Rec = opts?.ownDraft === true ? rec : Object.assign({}, rec);
  let items = Array.isArray(rec.items) ? (rec.items as Record<string, unknown>[]) : [];
  const given = rec.total;
  // an amount and nothing to work it out from: one line of that amount. On an update only a
  // new amount does this (clearing an order's lines makes its total 0, not the old one again)
  if (!items.length && !rec.stay && typeof given === 'number' && given !== 0 && (!prev || prev.total !== given)) {
    items = [{ description: AMOUNT_LINE, qty: 1, unitPrice: given }];
  }
  items = fillFromCatalogue(items, ctx.get);
  out.items = items;
  out.status ??= 'confirmed';
  const stay = rec.stay && typeof rec.stay === 'object' ? (rec.stay as StayLike) : undefined;
  // a line or a stay the schema refuses is reported by the check; the total is left as given
  if (items.every((l) => l && typeof l === 'object')) out.total = orderTotal({ items: items as LineLike[], stay });
  return out;
}

export function orderCheck(rec: Rec, _prev: Rec | undefined, ctx: Pick<RuleContext, 'get'>): FieldError[] {
  const errors: FieldError[] = linePriceErrors(rec.items);
  if (Math.abs(Number(rec.total)) > 1e14) errors.push({ field: 'total', code: 'max' });
  void ctx;
  return errors;
}
