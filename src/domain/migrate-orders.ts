// Version 3 → 4: an order's total is worked out from its lines. A v3 order kept a typed-in
// total, mostly without lines (order histories were imported that way): it gets one line of
// that total, so its total stays what it was. An order with lines keeps them, and where they
// (with its stay) do not add up to its total, a line of the difference, so that no order's
// amount changes by the upgrade. Every order gets the status confirmed (v3 had none).
import { AMOUNT_LINE } from './order-rules.js';
import { orderTotal } from './order-totals.js';

/** the line that makes an old order's lines add up to the total it was saved with */
export const ADJUSTMENT_LINE = '差额调整 Adjustment (v3 total)';

/** Changes `out` (a shallow copy of the raw workspace) in place; the input's records are copied, not changed. */
export function migrateOrdersV4(out: Record<string, unknown>): void {
  if (!Array.isArray(out.orders)) return;
  out.orders = out.orders.map((o: unknown) => {
    if (!o || typeof o !== 'object') return o;
    const r = { ...(o as Record<string, unknown>) };
    const items = Array.isArray(r.items) ? r.items : [];
    if (!items.length && !r.stay && typeof r.total === 'number' && r.total !== 0) r.items = [{ description: AMOUNT_LINE, qty: 1, unitPrice: r.total }];
    else if (typeof r.total === 'number' && items.every((l) => l && typeof l === 'object')) {
      const diff = r.total - orderTotal(r as Parameters<typeof orderTotal>[0]);
      // a line or stay the schema will refuse gives no number: the check on open reports it
      if (Number.isSafeInteger(diff) && diff !== 0) r.items = [...items, { description: ADJUSTMENT_LINE, qty: 1, unitPrice: diff }];
    }
    r.status ??= 'confirmed';
    return r;
  });
}
