// RFM on a fixture computed by hand (comments show the sums), as of 2026-07-01.
import { describe, expect, it } from 'vitest';
import { customerTotals, TotalsTooLarge, type OrderLike } from '../../src/domain/analytics/purchases.js';
import { rfmAnalysis, rfmCodeAt, rfmCustomers, RFM_SEGMENTS } from '../../src/domain/analytics/rfm.js';
import { dayOf, dayText, yearBefore } from '../../src/domain/analytics/days.js';
import { cmpMean } from '../../src/domain/analytics/exact.js';

const IDS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
const o = (customerId: string, date: string, total: number, more: Partial<OrderLike> = {}): OrderLike => ({ customerId, date, total, status: 'confirmed', paymentStatus: 'paid', ...more });
const ORDERS: OrderLike[] = [
  o('C1', '2026-06-30', 10000), // R 1
  o('C1', '2026-06-20', 20000),
  o('C1', '2026-06-20', 5000), // same day: 3 orders, 2 days; M 35000
  o('C2', '2026-01-01', 0), // one zero-amount order: a purchase, R 181, F 1, M 0
  o('C3', '2026-06-01', 100000, { status: 'cancelled' }), // no purchase
  o('C3', '2026-03-01', 50000), // R 122, F 1, M 50000
  o('C4', '2026-06-25', 30000, { paymentStatus: 'refunded' }), // refunded only: no purchase
  // C5: no orders at all
  o('C6', '2026-05-01', 1),
  o('C6', '2026-05-02', 1), // R 60, F 2, M 2
  o('C9', '2026-06-30', 99999), // not a customer given: left out
];
const AS_OF = dayOf('2026-07-01');

describe('RFM, eight segments', () => {
  const t = customerTotals(IDS, ORDERS, { distinctDays: true });
  const r = rfmAnalysis(t, { asOf: AS_OF });
  const code = (id: string) => rfmCodeAt(r.rows, IDS.indexOf(id));

  it('measures R, F and M per customer; cancelled and refunded orders are no purchase', () => {
    const at = (id: string) => IDS.indexOf(id);
    expect([...['C1', 'C2', 'C3', 'C6'].map((id) => [r.rows.recency[at(id)], r.rows.frequency[at(id)], r.rows.monetary[at(id)]])]).toEqual([
      [1, 3, 35000], [181, 1, 0], [122, 1, 50000], [60, 2, 2],
    ]);
    // R 364/4 = 91, F 7/4 = 1.75, M 85002/4 = 21250.5
    expect(r.sums).toEqual({ recency: 364, frequency: 7, monetary: 85002 });
    expect(r.means.recency).toBe(91);
  });

  it('segments by strict comparison with the means; customers without purchases apart', () => {
    expect(IDS.map(code)).toEqual(['111', '000', '001', undefined, undefined, '110']);
    expect(r.customers).toBe(4);
    expect(r.withoutPurchases).toBe(2);
    const seg = Object.fromEntries(r.segments.map((s) => [s.code, [s.customers, s.monetary]]));
    expect(seg).toEqual({ '111': [1, 35000], '101': [0, 0], '011': [0, 0], '001': [1, 50000], '110': [1, 2], '100': [0, 0], '010': [0, 0], '000': [1, 0] });
    expect(r.segments.map((s) => s.code)).toEqual([...RFM_SEGMENTS]);
    expect(rfmCustomers(r.rows, '111')).toEqual(['C1']);
  });

  it('counts distinct purchase days when asked', () => {
    const d = rfmAnalysis(t, { asOf: AS_OF, frequency: 'days' });
    expect(d.rows.frequency[0]).toBe(2); // C1 bought on two days
    expect(d.sums.frequency).toBe(6);
    expect(d.frequency).toBe('days');
  });

  it('a value equal to the mean is neither good nor high', () => {
    // M 100, 200, 300: mean 200 exactly; R 10, 20, 30: mean 20; F 1, 2, 3: mean 2
    const ids = ['A', 'B', 'C'];
    const orders = [o('A', '2026-06-21', 100), o('B', '2026-06-11', 100), o('B', '2026-06-11', 100), o('C', '2026-06-01', 100), o('C', '2026-06-01', 100), o('C', '2026-06-01', 100)];
    const x = rfmAnalysis(customerTotals(ids, orders), { asOf: AS_OF });
    expect(ids.map((_, i) => rfmCodeAt(x.rows, i))).toEqual(['100', '000', '011']);
  });

  it('scores quintiles; ties share the score of the customers strictly worse', () => {
    // M: 0, 2, 35000, 50000 → k (strictly smaller) 0,1,2,3 of 4 → 1 + floor(5k/4): 1, 2, 3, 4
    const m = ['C2', 'C6', 'C1', 'C3'].map((id) => r.rows.mScore[IDS.indexOf(id)]);
    expect(m).toEqual([1, 2, 3, 4]);
    // F: 1, 1, 2, 3 (C2, C3 tie) → k 0, 0, 2, 3 → 1, 1, 3, 4
    expect(['C2', 'C3', 'C6', 'C1'].map((id) => r.rows.fScore[IDS.indexOf(id)])).toEqual([1, 1, 3, 4]);
    // R (low is good): 1, 60, 122, 181 → strictly larger 3, 2, 1, 0 → 4, 3, 2, 1
    expect(['C1', 'C6', 'C3', 'C2'].map((id) => r.rows.rScore[IDS.indexOf(id)])).toEqual([4, 3, 2, 1]);
    expect(r.rows.rScore[IDS.indexOf('C5')]).toBe(0);
    expect(r.quintiles.f).toEqual([2, 0, 1, 1, 0]);
  });

  it('keeps only purchases within the window', () => {
    const w = customerTotals(IDS, ORDERS, { window: { from: dayOf('2026-05-01'), to: dayOf('2026-06-20') } });
    expect([...w.orders]).toEqual([2, 0, 0, 0, 0, 2]);
    expect(w.lastDay).toBe(dayOf('2026-06-20'));
  });

  it('has no segment and no NaN when nobody bought', () => {
    const x = rfmAnalysis(customerTotals(['A'], []), { asOf: AS_OF });
    expect(x.customers).toBe(0);
    expect(x.withoutPurchases).toBe(1);
    expect(x.means).toEqual({ recency: 0, frequency: 0, monetary: 0 });
  });
});

describe('exact comparisons and days', () => {
  it('compares with a mean on integers, beyond the doubles too', () => {
    expect(cmpMean(1, 3, 4)).toBe(-1); // 1 < 4/3
    expect(cmpMean(2, 3, 6)).toBe(0);
    // 2.5e15 × 4 is no safe integer: decided with BigInt
    expect(cmpMean(2.5e15, 4, 9e15 + 1)).toBe(1);
    expect(cmpMean(2.25e15, 4, 9e15)).toBe(0);
  });
  it('refuses sums too large to stay exact', () => {
    const big = Array.from({ length: 91 }, () => ({ customerId: 'A', date: '2026-01-01', total: 1e14 - 1 }));
    expect(() => customerTotals(['A'], big)).toThrow(TotalsTooLarge);
  });
  it('reads and writes days across leap years', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('2024-03-01') - dayOf('2024-02-28')).toBe(2);
    expect(dayText(dayOf('2000-02-29'))).toBe('2000-02-29');
    expect(dayOf('2026-13-01')).toBeNaN();
    expect(dayOf(undefined)).toBeNaN();
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
  });
});

describe('the pass over the orders', () => {
  it('counts as purchases exactly what lifecycle.ts isPurchase does', async () => {
    const { isPurchase } = await import('../../src/domain/lifecycle.js');
    const combos = ['confirmed', 'completed', 'cancelled', undefined].flatMap((status) => ['unpaid', 'partial', 'paid', 'refunded', undefined].map((paymentStatus) => ({ status, paymentStatus })));
    const orders = combos.map((c, i) => ({ customerId: `C${i}`, date: '2026-01-01', total: 1, ...c }));
    const t = customerTotals(orders.map((o) => o.customerId), orders);
    expect([...t.orders].map(Boolean)).toEqual(orders.map((o) => isPurchase(o)));
  });
  it('finds customers by code whatever their codes look like', () => {
    // C042 and C0042 share a number; X-1 and 客户9 have none; C999999999 is far beyond
    const ids = ['C042', 'C0042', 'X-1', '客户9', 'C999999999', 'C7'];
    const orders = ids.map((customerId, i) => ({ customerId, date: '2026-01-01', total: i + 1 }));
    const t = customerTotals(ids, [...orders, { customerId: 'C42', date: '2026-01-01', total: 100 }]);
    expect([...t.revenue]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
