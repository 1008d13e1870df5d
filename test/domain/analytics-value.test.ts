// Lifetime value (seed 004's indicator method) and KAISM quadrants against a hand-computed
// fixture: margins per order type, cancelled and refunded orders left out, a zero-amount order,
// normalisation over the customers valued, ties at the mean, edited weights.
import { describe, expect, it } from 'vitest';
import { defaultValueSettings, valueReport, type ValueSettings } from '../../src/domain/analytics/value.js';

const order = (customerId: string, type: string, total: number, more: Record<string, unknown> = {}) => ({ customerId, type, total, status: 'completed', paymentStatus: 'paid', ...more });
const survey = (id: string, customerId: string, overall: number) => ({ id, customerId, date: '2026-06-01', scale: 5, scores: { overall } });

const input = {
  customers: [
    { id: 'C1', stage: 'loyal', relationLevel: 'strategic', ownerId: 'E0002' },
    { id: 'C2', stage: 'first', relationLevel: 'close' },
    { id: 'C3', stage: 'repeat' },
    { id: 'C4', stage: 'potential' },
  ],
  orders: [
    order('C1', 'room', 100000), order('C1', 'fnb', 20000),
    order('C2', 'room', 50000), order('C2', 'room', 999900, { status: 'cancelled' }),
    order('C3', 'other', 0), order('C3', 'room', 500000, { paymentStatus: 'refunded' }),
  ],
  tickets: [{ customerId: 'C1', recoveryCost: 5000 }, { customerId: 'C3', recoveryCost: 10000 }, { customerId: 'C4', recoveryCost: 99900 }],
  surveys: [survey('S1', 'C1', 5), survey('S2', 'C3', 3)],
};

describe('lifetime value and KAISM', () => {
  it('measures, normalises and weighs each indicator as hand-computed', () => {
    const r = valueReport(input, defaultValueSettings());
    // C4 never bought: not valued
    expect(r.customers).toBe(3);
    const by = Object.fromEntries(r.rows.map((x) => [x.customerId, x]));
    // gross profit: C1 1000 × 70% + 200 × 35% = 770; C2 500 × 70% = 350; C3 0 (zero-amount order)
    expect([by.C1.raw.grossProfit, by.C2.raw.grossProfit, by.C3.raw.grossProfit]).toEqual([77000, 35000, 0]);
    expect([by.C1.raw.purchases, by.C2.raw.purchases, by.C3.raw.purchases]).toEqual([2, 1, 1]);
    expect([by.C1.raw.serviceCost, by.C2.raw.serviceCost, by.C3.raw.serviceCost]).toEqual([5000, 0, 10000]);
    // satisfaction: 5 of 5 → 100; no survey → undefined (scored as 50); 3 of 5 → 50
    expect([by.C1.raw.satisfaction, by.C2.raw.satisfaction, by.C3.raw.satisfaction]).toEqual([100, undefined, 50]);
    // scores: gross profit 1, 350/770, 0; purchases 1, 0, 0; service cost reversed .5, 1, 0
    expect(by.C2.scores.grossProfit).toBeCloseTo(35000 / 77000, 12);
    expect([by.C1.scores.serviceCost, by.C2.scores.serviceCost, by.C3.scores.serviceCost]).toEqual([0.5, 1, 0]);
    // loyalty 1, 1/3, 2/3 → 1, 0, 0.5; trust 1, .5, 0 → 1, .5, 0; satisfaction 100, 50, 50 → 1, 0, 0
    expect([by.C1.scores.loyalty, by.C2.scores.loyalty, by.C3.scores.loyalty]).toEqual([1, 0, 0.5]);
    // current: C1 (1 + 1 + .5)/3 = 83.3; C2 (.4545 + 0 + 1)/3 = 48.5; C3 0
    // potential: C1 100; C2 (0 + 0 + .5)/3 = 16.7; C3 (0 + .5 + 0)/3 = 16.7
    expect(r.rows.map((x) => [x.customerId, x.current, x.potential, x.lifetime])).toEqual([
      ['C1', 83.3, 100, 91.7],
      ['C2', 48.5, 16.7, 32.6],
      ['C3', 0, 16.7, 8.3],
    ]);
    // means 43.9 and 44.4: C1 high/high, C2 high current only, C3 neither
    expect([r.meanCurrent, r.meanPotential]).toEqual([43.9, 44.4]);
    expect(r.rows.map((x) => x.quadrant)).toEqual(['key', 'maintain', 'opportunistic']);
    expect(r.quadrants).toEqual({ key: 1, maintain: 1, develop: 0, opportunistic: 1 });
    expect(by.C1.ownerId).toBe('E0002');
  });

  it('edited weights and margins change the figures', () => {
    const s: ValueSettings = {
      weights: { grossProfit: 1, purchases: 0, serviceCost: 0, satisfaction: 0, loyalty: 0, trust: 1 },
      currentShare: 100,
      margins: { room: 100, fnb: 0 },
    };
    const r = valueReport(input, s);
    const by = Object.fromEntries(r.rows.map((x) => [x.customerId, x]));
    // gross profit: C1 1000, C2 500, C3 0 → 1, .5, 0; lifetime = current only
    expect([by.C1.raw.grossProfit, by.C2.raw.grossProfit]).toEqual([100000, 50000]);
    expect(r.rows.map((x) => [x.customerId, x.current, x.potential, x.lifetime])).toEqual([
      ['C1', 100, 100, 100],
      ['C2', 50, 50, 50],
      ['C3', 0, 0, 0],
    ]);
    // C2 at the mean (50) on both: low (strictly above the mean is high)
    expect(r.rows.map((x) => x.quadrant)).toEqual(['key', 'opportunistic', 'opportunistic']);
  });

  it('equal customers: every score 0.5, nobody above the mean; one customer alike', () => {
    const two = valueReport({ customers: [{ id: 'A' }, { id: 'B' }], orders: [order('A', 'room', 100), order('B', 'room', 100)], tickets: [], surveys: [] }, defaultValueSettings());
    expect(two.rows.map((x) => [x.customerId, x.current, x.potential, x.quadrant])).toEqual([
      ['A', 50, 50, 'opportunistic'],
      ['B', 50, 50, 'opportunistic'],
    ]);
    const one = valueReport({ customers: [{ id: 'A' }], orders: [order('A', 'spa', 0)], tickets: [], surveys: [] }, defaultValueSettings());
    expect(one.rows.map((x) => [x.current, x.quadrant])).toEqual([[50, 'opportunistic']]);
  });

  it('no orders: nobody valued, no means', () => {
    const r = valueReport({ customers: [{ id: 'A' }], orders: [], tickets: [], surveys: [] }, defaultValueSettings());
    expect(r).toMatchObject({ customers: 0, meanCurrent: null, meanPotential: null, rows: [] });
  });
});
