import { describe, expect, it } from 'vitest';
import { lineTotal, orderTotal, roomCharge, stayNights } from '../../src/domain/order-totals.js';
import { amountLines, orderPrepare } from '../../src/domain/order-rules.js';
import { migrateWorkspace } from '../../src/domain/migrate.js';
import { Workspace } from '../../src/domain/workspace.js';

describe('order totals in integer fen', () => {
  it('a line is qty × unit price less its discount percent, rounded half away from zero', () => {
    expect(lineTotal({ qty: 2, unitPrice: 58800 })).toBe(117600);
    // 九折: 3 × 128.00 × 0.9 = 345.60
    expect(lineTotal({ qty: 3, unitPrice: 12800, discountPct: 10 })).toBe(34560);
    // 1 × 0.05 × 0.5 = 0.025 yuan → 0.03 (2.5 fen rounds up)
    expect(lineTotal({ qty: 1, unitPrice: 5, discountPct: 50 })).toBe(3);
    expect(lineTotal({ qty: 1, unitPrice: -5, discountPct: 50 })).toBe(-3);
    expect(lineTotal({ qty: 1, unitPrice: 9900, discountPct: 100 })).toBe(0);
    // 0.29 × 3 in floats is 0.8699999…; in fen it is exact
    expect(lineTotal({ qty: 3, unitPrice: 29 })).toBe(87);
  });

  it('the order adds its lines (a negative line is a discount) and its stay', () => {
    const o = {
      items: [
        { qty: 2, unitPrice: 6800, discountPct: 15 }, // breakfast 2 × 68 × 0.85 = 115.60
        { qty: 1, unitPrice: -2000 }, // voucher −20.00
      ],
      stay: { checkIn: '2026-01-30', checkOut: '2026-02-02', rooms: 2, rate: 45800 },
    };
    expect(roomCharge(o.stay)).toBe(3 * 2 * 45800);
    expect(orderTotal(o)).toBe(11560 - 2000 + 274800);
    expect(orderTotal({ ...o, stay: { ...o.stay, status: 'cancelled' } })).toBe(9560);
    expect(orderTotal({ ...o, stay: { ...o.stay, status: 'noshow' } })).toBe(9560);
  });

  it('nights come from the dates, across month ends, year ends and leap days', () => {
    expect(stayNights('2026-01-31', '2026-02-01')).toBe(1);
    expect(stayNights('2028-02-28', '2028-03-01')).toBe(2); // 2028 is a leap year
    expect(stayNights('2027-02-28', '2027-03-01')).toBe(1);
    expect(stayNights('2026-12-30', '2027-01-02')).toBe(3);
    // the clocks change in March in many zones: dates are days, not hours
    expect(stayNights('2026-03-28', '2026-03-30')).toBe(2);
    expect(stayNights('2026-03-02', '2026-03-02')).toBe(0);
    expect(stayNights('2026-03-02', undefined)).toBe(0);
  });

  it('an order given only an amount gets one line of it; a product line takes the list price', () => {
    const get = (_e: string, id: string) => (id === 'G0001' ? { id, name: '行政大床房', price: 68800 } : undefined);
    const a = orderPrepare({ id: '~', total: 123450, items: [] }, undefined, { get } as never);
    expect(a.items).toEqual([{ description: '订单金额 Amount', qty: 1, unitPrice: 123450 }]);
    expect(a.total).toBe(123450);
    const b = orderPrepare({ id: '~', total: 1, items: [{ productId: 'G0001', qty: 2, discountPct: 10 }] }, undefined, { get } as never);
    expect(b.items).toEqual([{ productId: 'G0001', description: '行政大床房', qty: 2, unitPrice: 68800, discountPct: 10 }]);
    expect(b.total).toBe(123840);
    // clearing the lines of an order makes its total 0, not its old amount again
    const prev = { id: 'D0001', total: 123450, items: a.items };
    expect(orderPrepare({ ...prev, items: [] }, prev, { get } as never).total).toBe(0);
  });
});

describe('migrating a version 3 workspace (orders with a typed-in total)', () => {
  it('gives each order without lines one line of its total, keeps lines that exist, and leaves its input alone', () => {
    const v3 = {
      format: 'hotel-crm-workspace', version: 3, createdAt: '2026-09-01T00:00:00.000Z',
      customers: [{ id: 'C0001', name: '王先生', kind: 'individual', stage: 'first', tags: [], createdAt: 'x', updatedAt: 'x' }],
      orders: [
        { id: 'D0001', customerId: 'C0001', type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 123450, items: [], createdAt: 'x', updatedAt: 'x' },
        { id: 'D0002', customerId: 'C0001', type: 'fnb', date: '2026-09-02', paymentStatus: 'paid', total: 87, items: [{ description: '早餐', qty: 3, unitPrice: 29 }], createdAt: 'x', updatedAt: 'x' },
        { id: 'D0003', customerId: 'C0001', type: 'room', date: '2026-09-02', paymentStatus: 'paid', total: 1000, items: [{ description: '早餐', qty: 3, unitPrice: 29 }], stay: { roomType: 'king', checkIn: '2026-08-31', checkOut: '2026-09-02', rooms: 1, rate: 45800 }, createdAt: 'x', updatedAt: 'x' },
      ],
    };
    const before = JSON.stringify(v3);
    const out = Workspace.parse(migrateWorkspace(structuredClone(v3)));
    expect(JSON.stringify(v3)).toBe(before);
    expect(out.version).toBe(4);
    expect(out.orders[0]!.items).toEqual([{ description: '订单金额 Amount', qty: 1, unitPrice: 123450 }]);
    expect(out.orders[0]!.total).toBe(123450);
    expect(out.orders[1]!.items).toEqual([{ description: '早餐', qty: 3, unitPrice: 29 }]);
    // lines that do not add up to the saved total get a line of the difference: no amount changes
    expect(out.orders[2]!.items.at(-1)).toEqual({ description: '差额调整 Adjustment (v3 total)', qty: 1, unitPrice: 1000 - 87 - 2 * 45800 });
    expect(out.orders[2]!.total).toBe(1000);
    expect(out.orders.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });
});

describe('an imported amount and quantity', () => {
  it('make one line when the amount divides, else a rounding line keeps the total exact', () => {
    expect(amountLines(1000, 2)).toEqual([{ description: '订单金额 Amount', qty: 2, unitPrice: 500 }]);
    expect(amountLines(1000, 3)).toEqual([{ description: '订单金额 Amount', qty: 3, unitPrice: 333 }, { description: '尾差 Rounding', qty: 1, unitPrice: 1 }]);
    for (const [amount, qty] of [[1000, 2.5], [1001, 2.5], [123456789, 7], [1, 3], [99999, 1000000]] as const) {
      expect(orderTotal({ items: amountLines(amount, qty) })).toBe(amount);
    }
  });
});
