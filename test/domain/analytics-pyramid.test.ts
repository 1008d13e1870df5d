// The customer pyramid on a fixture computed by hand.
import { describe, expect, it } from 'vitest';
import { customerTotals, type OrderLike } from '../../src/domain/analytics/purchases.js';
import { codeRanks, layerCustomers, parseShares, pyramidAnalysis, PYRAMID_LAYERS } from '../../src/domain/analytics/pyramid.js';

const o = (customerId: string, total: number, date = '2026-06-01', more: Partial<OrderLike> = {}): OrderLike => ({ customerId, date, total, status: 'completed', paymentStatus: 'paid', ...more });
// 10 buyers and one without purchases (C11). Yuan: C01 1000; C02 and C03 500 each (a tie at
// the key/ordinary cut); C04 300; C05..C10 100 each; C11 a cancelled order only.
const IDS = ['C03', 'C02', 'C01', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];
const ORDERS = [
  o('C01', 60000), o('C01', 40000), o('C02', 50000), o('C03', 50000), o('C04', 30000),
  ...['C05', 'C06', 'C07', 'C08', 'C09', 'C10'].map((id) => o(id, 10000)),
  o('C11', 999999, '2026-06-01', { status: 'cancelled' }),
];

describe('customer pyramid', () => {
  const p = pyramidAnalysis(customerTotals(IDS, ORDERS));

  it('cuts ceil(n × share) of those left: 1, 1, 2 and the rest of 10', () => {
    // vip ceil(0.1) = 1, key ceil(0.4) = 1, ordinary ceil(1.5) = 2, small 10 − 4 = 6
    expect(p.layers.map((l) => [l.code, l.customers, l.revenue])).toEqual([
      ['vip', 1, 100000], ['key', 1, 50000], ['ordinary', 2, 80000], ['small', 6, 60000],
    ]);
    expect(p.customers).toBe(10);
    expect(p.withoutPurchases).toBe(1);
    expect(p.revenue).toBe(290000);
    // 100000 / 290000 = 34.48% → 34.5
    expect(p.layers[0].revenueSharePct).toBe(34.5);
  });

  it('breaks a tie at a cut by the code: C02 before C03 whatever the order given', () => {
    expect(layerCustomers(p.rows, 'key')).toEqual(['C02']);
    expect(layerCustomers(p.rows, 'ordinary')).toEqual(['C03', 'C04']);
  });

  it('checks 20/80 on the top ceil(20%) customers', () => {
    // top 2: C01 + C02 = 150000 of 290000 = 51.7%
    expect(p.pareto).toEqual({ customers: 2, revenue: 150000, sharePct: 51.7 });
  });

  it('takes other shares; a layer never takes more than is left', () => {
    const q = pyramidAnalysis(customerTotals(IDS, ORDERS), { sharesBp: parseShares('50,40,10')! });
    expect(q.layers.map((l) => l.customers)).toEqual([5, 4, 1, 0]);
    expect(parseShares('1,4,15')).toEqual([100, 400, 1500]);
    expect(parseShares('0.5, 4.5, 15')).toEqual([50, 450, 1500]);
    expect(parseShares('50,40,20')).toBeUndefined(); // over 100%
    expect(parseShares('1,4')).toBeUndefined();
    expect(parseShares('a,b,c')).toBeUndefined();
  });

  it('finds who moved between layers since the previous period', () => {
    // a year ago: C05 was the best (2000 yuan), C01 had bought nothing, the rest as now less
    const before = [o('C05', 200000, '2025-01-01'), o('C02', 50000, '2025-01-01'), o('C03', 40000, '2025-01-01'), o('C04', 30000, '2025-01-01'), o('C06', 100, '2025-01-01')];
    const q = pyramidAnalysis(customerTotals(IDS, ORDERS), { previous: customerTotals(IDS, before) });
    // before: 5 buyers → vip 1 (C05), key 1 (C02), ordinary 1 (C03), small 2 (C04, C06)
    // now: C01 vip (entered), C02 key (same), C03 ordinary (same), C04 small → ordinary (up),
    // C05 vip → small (down), C06 small (same), C07..C10 entered small
    expect(q.moved).toEqual({ up: 1, down: 1, entered: 5, left: 0 });
    expect(q.movers).toEqual([{ id: 'C04', from: 'small', to: 'ordinary' }, { id: 'C05', from: 'vip', to: 'small' }]);
    expect(q.moves).toContainEqual({ from: 'none', to: 'small', customers: 4 });
    expect(q.moves).toContainEqual({ from: 'none', to: 'vip', customers: 1 });
  });

  it('handles nobody and one buyer', () => {
    expect(pyramidAnalysis(customerTotals(['A'], [])).layers.map((l) => l.customers)).toEqual([0, 0, 0, 0]);
    const one = pyramidAnalysis(customerTotals(['A'], [o('A', 0)]));
    // a zero-amount purchase still ranks: the one buyer is the VIP
    expect(one.layers.map((l) => l.customers)).toEqual([1, 0, 0, 0]);
    expect(one.layers[0].revenueSharePct).toBeUndefined();
    expect(PYRAMID_LAYERS).toEqual(['vip', 'key', 'ordinary', 'small']);
  });

  it('ranks codes in code order, whether the customers are kept in that order or not', () => {
    const sorted = ['C0001', 'C0002', 'C0003', 'C0010', 'C0011'];
    expect([...codeRanks(sorted)]).toEqual([0, 1, 2, 3, 4]);
    // out of order only at the very end, at the start, and an imported code among them
    expect([...codeRanks(['C0001', 'C0002', 'C0003', 'C0011', 'C0010'])]).toEqual([0, 1, 2, 4, 3]);
    expect([...codeRanks(['C0002', 'C0001', 'C0003'])]).toEqual([1, 0, 2]);
    expect([...codeRanks(['C0001', 'V-9', 'C0002'])]).toEqual([0, 2, 1]);
  });
});
