// Version 3 → 4: an order's total is worked out from its lines. A v3 order kept a typed-in
// total, mostly without lines (order histories were imported that way): it gets one line of
// that total, so its total stays what it was. An order with lines keeps them; it and every
// other order get the status confirmed (v3 had no order status).
import { AMOUNT_LINE } from './order-rules.js';

/** Changes `out` (a shallow copy of the raw workspace) in place; the input's records are copied, not changed. */
export function migrateOrdersV4(out: Record<string, unknown>): void {
  if (!Array.isArray(out.orders)) return;
  out.orders = out.orders.map((o: unknown) => {
    if (!o || typeof o !== 'object') return o;
    const r = { ...(o as Record<string, unknown>) };
    const items = Array.isArray(r.items) ? r.items : [];
    if (!items.length && !r.stay && typeof r.total === 'number' && r.total !== 0) r.items = [{ description: AMOUNT_LINE, qty: 1, unitPrice: r.total }];
    r.status ??= 'confirmed';
    return r;
  });
}
