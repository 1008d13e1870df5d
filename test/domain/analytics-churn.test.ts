// Churn warning against hand-computed fixtures: every reason, its edges (exactly at the
// threshold is no warning), customers with no orders, one order, zero amounts, cancelled and
// refunded orders, open and resolved complaints, surveys rising and falling.
import { describe, expect, it } from 'vitest';
import { churnReport, type ChurnParams } from '../../src/domain/analytics/churn.js';

const P: ChurnParams = { asOf: '2026-06-30', days: 90, factor: 2, bar: 60 };
const order = (customerId: string, date: string, more: Record<string, unknown> = {}) => ({ customerId, date, status: 'completed', paymentStatus: 'paid', total: 10000, ...more });
const cust = (id: string, stage = 'repeat', ownerId = 'E0002') => ({ id, stage, ownerId });
const run = (input: Partial<Parameters<typeof churnReport>[0]>, p: ChurnParams = P) =>
  churnReport({ customers: [], orders: [], tickets: [], surveys: [], ...input }, p);

describe('churn warning', () => {
  it('inactive: more days than the threshold since the last purchase; exactly at it is none', () => {
    const r = run({
      customers: [cust('C1'), cust('C2'), cust('C3')],
      // C1: 2026-04-01 → 90 days to 2026-06-30: not more than 90
      // C2: 2026-03-31 → 91 days: inactive; C3 never bought: no inactivity to judge
      orders: [order('C1', '2026-04-01'), order('C2', '2026-03-31')],
    });
    expect(r.rows.map((x) => [x.customerId, x.reasons, x.daysSince])).toEqual([['C2', ['inactive'], 91]]);
    expect(r.byReason.inactive).toBe(1);
    expect(r.customers).toBe(3);
  });

  it('a cancelled or refunded order is no purchase; a zero-amount one is', () => {
    const r = run({
      customers: [cust('C1'), cust('C2')],
      orders: [
        order('C1', '2026-01-01'), order('C1', '2026-06-29', { status: 'cancelled' }), order('C1', '2026-06-28', { paymentStatus: 'refunded' }),
        order('C2', '2026-01-01'), order('C2', '2026-06-29', { total: 0 }),
      ],
    });
    expect(r.rows.map((x) => [x.customerId, x.lastPurchase, x.purchases])).toEqual([['C1', '2026-01-01', 1]]);
  });

  it('overdue: silence over factor × the mean gap between distinct purchase days; one order has no rhythm', () => {
    const r = run({
      customers: [cust('C1'), cust('C2'), cust('C3'), cust('C4')],
      orders: [
        // C1: days 06-01, 06-11, 06-11 (same day twice), 06-21: 3 days, gaps (20 days)/2 = 10; silent 9 days: fine
        order('C1', '2026-06-01'), order('C1', '2026-06-11'), order('C1', '2026-06-11'), order('C1', '2026-06-21'),
        // C2: 05-01, 05-21: interval 20; silent 40 days: exactly 2 × 20, not more
        order('C2', '2026-05-01'), order('C2', '2026-05-21'),
        // C3: 05-01, 05-20: interval 19; silent 41 days > 38: overdue
        order('C3', '2026-05-01'), order('C3', '2026-05-20'),
        // C4: one order 60 days ago: no interval, not yet inactive
        order('C4', '2026-05-01'),
      ],
    });
    expect(r.rows.map((x) => [x.customerId, x.reasons, x.usualInterval, x.daysSince])).toEqual([['C3', ['overdue'], 19, 41]]);
  });

  it('complaints count while unresolved; a resolved or closed one, or another kind of ticket, does not', () => {
    const t = (customerId: string, status: string, type = 'complaint') => ({ customerId, status, type, raisedOn: '2026-06-01' });
    const r = run({
      customers: [cust('C1'), cust('C2'), cust('C3')],
      tickets: [t('C1', 'received'), t('C1', 'investigating'), t('C2', 'resolved'), t('C2', 'closed'), t('C3', 'received', 'repair')],
    });
    expect(r.rows.map((x) => [x.customerId, x.reasons, x.openComplaints])).toEqual([['C1', ['complaint'], 2]]);
  });

  it('a complaint raised after the as-of day is not known yet', () => {
    const r = run({ customers: [cust('C1')], tickets: [{ customerId: 'C1', type: 'complaint', status: 'received', raisedOn: '2026-07-01' }] });
    expect(r.rows).toEqual([]);
  });

  it('satisfaction: the latest survey below the one before, or below the bar; ties in date go by code', () => {
    // 1-5 scale: index = (score − 1) / 4 × 100: 5 → 100, 4 → 75, 3 → 50
    const s = (id: string, customerId: string, date: string, overall: number) => ({ id, customerId, date, scale: 5, scores: { overall } });
    const r = run({
      customers: [cust('C1'), cust('C2'), cust('C3'), cust('C4')],
      surveys: [
        s('S1', 'C1', '2026-05-01', 5), s('S2', 'C1', '2026-06-01', 4), // falling 100 → 75, above the bar
        s('S3', 'C2', '2026-05-01', 3), s('S4', 'C2', '2026-06-01', 4), // rising 50 → 75: nothing
        s('S5', 'C3', '2026-06-01', 3), // one survey, 50 < 60: low
        s('S6', 'C4', '2026-06-01', 5), s('S7', 'C4', '2026-06-01', 3), // same day: S7 is the latest: 100 → 50, low too
      ],
    });
    expect(r.rows.map((x) => [x.customerId, x.reasons, x.lastIndex, x.previousIndex ?? null])).toEqual([
      ['C4', ['satisfactionFalling', 'satisfactionLow'], 50, 100],
      ['C1', ['satisfactionFalling'], 75, 100],
      ['C3', ['satisfactionLow'], 50, null],
    ]);
  });

  it('several reasons at once; most reasons first, then the longest silent; lost customers are counted apart', () => {
    const r = run({
      customers: [cust('C1'), cust('C2'), cust('C3', 'lost'), cust('C4')],
      orders: [order('C1', '2026-01-01'), order('C1', '2026-01-11'), order('C2', '2025-12-01'), order('C3', '2025-01-01'), order('C4', '2026-02-01')],
      tickets: [{ customerId: 'C1', type: 'complaint', status: 'acknowledged', raisedOn: '2026-02-01' }],
    });
    expect(r.alreadyLost).toBe(1);
    expect(r.rows.map((x) => [x.customerId, x.reasons])).toEqual([
      ['C1', ['inactive', 'overdue', 'complaint']],
      ['C2', ['inactive']],
      ['C4', ['inactive']],
    ]);
    expect(r.byReason).toEqual({ inactive: 3, overdue: 1, complaint: 1, satisfactionFalling: 0, satisfactionLow: 0 });
  });

  it('no records: nobody at risk', () => {
    expect(run({})).toMatchObject({ customers: 0, alreadyLost: 0, rows: [] });
  });
});
