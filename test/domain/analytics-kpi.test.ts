// CRM KPIs against a hand-computed fixture: a 30-day period against the 30 days before it,
// cancelled orders left out and zero-amount ones counted, rates with nothing to divide by null.
import { describe, expect, it } from 'vitest';
import { kpiReport } from '../../src/domain/analytics/kpi.js';
import { monthToDate, previousPeriod } from '../../src/domain/analytics/period.js';

const order = (customerId: string, date: string, more: Record<string, unknown> = {}) => ({ customerId, date, status: 'completed', paymentStatus: 'paid', total: 10000, ...more });
const survey = (id: string, date: string, overall: number) => ({ id, customerId: 'C1', date, scale: 5, scores: { overall } });
const complaint = (createdAt: string, resolvedAt?: string, type = 'complaint') => ({ type, createdAt, resolvedAt });

const input = {
  customers: [
    { id: 'C1', createdAt: '2026-06-05T10:00:00.000Z' }, { id: 'C2', createdAt: '2026-06-30T23:00:00.000Z' },
    { id: 'C3', createdAt: '2026-05-10T10:00:00.000Z' }, { id: 'C4', createdAt: '2026-04-01T10:00:00.000Z' },
  ],
  leads: [
    { createdAt: '2026-06-01T01:00:00Z', status: 'converted' }, { createdAt: '2026-06-02T01:00:00Z', status: 'new' },
    { createdAt: '2026-06-03T01:00:00Z', status: 'discarded' }, { createdAt: '2026-06-04T01:00:00Z', status: 'qualified' },
    { createdAt: '2026-05-03T01:00:00Z', status: 'converted' }, { createdAt: '2026-05-04T01:00:00Z', status: 'converted' },
  ],
  opportunities: [
    { stage: 'won', closedOn: '2026-06-10' }, { stage: 'won', closedOn: '2026-06-11' }, { stage: 'lost', closedOn: '2026-06-12' },
    { stage: 'lost', closedOn: '2026-05-12' }, { stage: 'proposal' },
  ],
  orders: [
    order('C1', '2026-06-02'), order('C1', '2026-06-20'), order('C2', '2026-06-10'), order('C3', '2026-06-15', { status: 'cancelled' }), order('C4', '2026-06-03', { total: 0 }),
    order('C1', '2026-05-10'), order('C3', '2026-05-20'), order('C5', '2026-05-31'),
    order('C1', '2026-04-15'),
  ],
  tickets: [
    complaint('2026-06-01T00:00:00.000Z', '2026-06-01T04:00:00.000Z'), complaint('2026-05-30T12:00:00.000Z', '2026-06-02T12:00:00.000Z'),
    complaint('2026-06-03T00:00:00.000Z', '2026-06-03T09:00:00.000Z', 'repair'), complaint('2026-06-04T00:00:00.000Z'),
    complaint('2026-05-05T00:00:00.000Z', '2026-05-05T10:00:00.000Z'),
  ],
  surveys: [survey('S1', '2026-06-01', 5), survey('S2', '2026-06-02', 3), survey('S3', '2026-05-15', 4)],
};

describe('CRM KPIs', () => {
  it('a period against the one of the same length before it', () => {
    const r = kpiReport(input, { from: '2026-06-01', to: '2026-06-30' });
    expect(r.previousPeriod).toEqual({ from: '2026-05-02', to: '2026-05-31' });
    const rows = Object.fromEntries(r.rows.map((x) => [x.code, [x.value, x.previous, x.change]]));
    expect(rows).toEqual({
      newCustomers: [2, 1, 1],
      // 1 of 4 leads of June converted; 2 of 2 of May
      leadConversion: [25, 100, -75],
      // June: 2 won of 3 closed; May: 0 of 1
      winRate: [66.7, 0, 66.7],
      // June buyers C1 (twice), C2, C4 (a zero-amount order; C3's was cancelled): 1 of 3; May: C1, C3, C5 once each
      repeatRate: [33.3, 0, 33.3],
      // of May's C1, C3, C5 only C1 bought in June; of April 2..May 1's C1, C1 bought in May
      retention: [33.3, 100, -66.7],
      // June: 4 h and 72 h → 38 h (the repair and the unresolved complaint left out); May: 10 h
      resolutionHours: [38, 10, 28],
      // June: 100 and 50 → 75; May: 75
      satisfaction: [75, 75, 0],
    });
    expect(r.current.basis).toMatchObject({ leads: 4, leadsConverted: 1, oppsClosed: 3, oppsWon: 2, buyers: 3, repeatBuyers: 1, previousBuyers: 3, retained: 1, complaintsResolved: 2, surveys: 2 });
  });

  it('an empty workspace: counts 0, rates and means null, no change', () => {
    const r = kpiReport({ customers: [], leads: [], opportunities: [], orders: [], tickets: [], surveys: [] }, { from: '2026-06-01', to: '2026-06-30' });
    expect(r.rows.map((x) => [x.code, x.value, x.change])).toEqual([
      ['newCustomers', 0, 0], ['leadConversion', null, null], ['winRate', null, null], ['repeatRate', null, null],
      ['retention', null, null], ['resolutionHours', null, null], ['satisfaction', null, null],
    ]);
  });

  it('periods: the month up to a day, and the same number of days before (across a year end and a leap day)', () => {
    expect(monthToDate('2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-15' })).toEqual({ from: '2026-02-14', to: '2026-02-28' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    expect(previousPeriod({ from: '2027-01-01', to: '2027-01-01' })).toEqual({ from: '2026-12-31', to: '2026-12-31' });
  });
});
