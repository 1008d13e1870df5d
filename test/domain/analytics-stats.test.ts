// General statistics and the monthly series on small fixtures.
import { describe, expect, it } from 'vitest';
import { groupStats } from '../../src/domain/analytics/stats.js';
import { monthSeries } from '../../src/domain/analytics/series.js';

const RECS = [
  { source: 'online', region: 'local', tags: ['vip', 'corporate'], total: 100 },
  { source: 'online', region: 'outside', tags: [], total: 250 },
  { source: 'walkin', region: 'local', tags: ['vip'], total: 1 },
  { region: 'local', tags: ['vip', 'vip'], total: 0 },
];
const ORDER = ['walkin', 'online'];

describe('statistics by field', () => {
  it('counts and sums by one field in the list order, the empty group last', () => {
    const r = groupStats(RECS, [{ key: (x) => String(x.source ?? ''), rank: (k) => ORDER.indexOf(k) }], (x) => x.total as number);
    expect(r.rows).toEqual([{ keys: ['walkin'], count: 1, sum: 1 }, { keys: ['online'], count: 2, sum: 350 }, { keys: [''], count: 1, sum: 0 }]);
    expect(r.total).toEqual({ count: 4, sum: 351 });
  });
  it('crosses two fields; a record with tags counts once under each tag', () => {
    const r = groupStats(RECS, [{ key: (x) => String(x.region) }, { key: (x) => x.tags as string[] }]);
    expect(r.rows.map((x) => [...x.keys, x.count])).toEqual([
      ['local', 'corporate', 1], ['local', 'vip', 3], ['outside', '', 1],
    ]);
    expect(r.total.count).toBe(4);
    expect(r.rows[0].sum).toBeUndefined();
  });
});

describe('monthly series', () => {
  it('fills the months between with zeros and leaves out what is no purchase', () => {
    const s = monthSeries(['2026-01-05', '2026-01-31', '2026-04-01'], [
      { customerId: 'C1', date: '2026-02-10', total: 500, status: 'confirmed', paymentStatus: 'paid' },
      { customerId: 'C1', date: '2026-02-11', total: 0, status: 'completed', paymentStatus: 'paid' },
      { customerId: 'C1', date: '2026-03-01', total: 900, status: 'cancelled', paymentStatus: 'paid' },
      { customerId: 'C2', date: '2026-05-01', total: 700, status: 'confirmed', paymentStatus: 'refunded' },
    ]);
    expect(s).toEqual({ months: ['2026-01', '2026-02', '2026-03', '2026-04'], newCustomers: [2, 0, 0, 1], orders: [0, 2, 0, 0], revenue: [0, 500, 0, 0] });
  });
  it('keeps a period', () => {
    const s = monthSeries(['2026-01-05', '2026-02-01'], [], { from: '2026-01-06' });
    expect(s.months).toEqual(['2026-02']);
  });
});
