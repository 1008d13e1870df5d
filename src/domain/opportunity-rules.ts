// What the system keeps on an opportunity about to be saved: with product lines, its amount is
// their sum in integer fen, worked out as an order's lines are (order-totals.ts), never typed;
// without lines (older data, an import of amounts) the amount stays as given.
import type { FieldError } from './errors.js';
import type { RuleContext } from './entity-rules.js';
import { fillFromCatalogue, linePriceErrors } from './line-items.js';
import { orderTotal, type LineLike } from './order-totals.js';

type Rec = Record<string, unknown> & { id: string };

/** The opportunity's amount from its lines (each product's list price filled in), if it has any. */
export function opportunityLinesPrepare(rec: Rec, _prev: Rec | undefined, ctx: Pick<RuleContext, 'get'>): Rec {
  if (!Array.isArray(rec.items)) return rec;
  const items = fillFromCatalogue(rec.items as Record<string, unknown>[], ctx.get);
  const out: Rec = { ...rec, items };
  // a line the schema refuses is reported by the check; the amount is left as given
  if (items.length && items.every((l) => l && typeof l === 'object')) out.amount = orderTotal({ items: items as LineLike[] });
  return out;
}

export function opportunityCheck(rec: Rec): FieldError[] {
  const errors = linePriceErrors(rec.items);
  if (Math.abs(Number(rec.amount ?? 0)) > 1e14) errors.push({ field: 'amount', code: 'max' });
  return errors;
}
