import { describe, expect, it } from 'vitest';
import { adjustment, balance, isUpgrade, pointsFor, qualifyingPoints, redemption, retier, tierFor, orderEntry, type PointsEntry } from '../../src/domain/loyalty.js';

const by = 'admin';
const e = (at: string, delta: number, kind: PointsEntry['kind'], orderId?: string): PointsEntry => ({ at, delta, kind, by, ...(orderId ? { orderId } : {}) });
// silver from 0, gold from 5,000, platinum from 20,000, diamond from 50,000 qualifying points
const tiers = [
  { id: 'M0001', minPoints: 0 },
  { id: 'M0002', minPoints: 5000 },
  { id: 'M0003', minPoints: 20000 },
  { id: 'M0004', minPoints: 50000 },
];

describe('points and tiers (seed 001 ch.5)', () => {
  it('an order earns its total at the type rate, rounded down, in integer fen', () => {
    expect(pointsFor(68850, 1)).toBe(688); // 688.50 yuan at 1 a yuan
    expect(pointsFor(68850, 1.5)).toBe(1032); // 1032.75 → 1032
    expect(pointsFor(100000, 0.5)).toBe(500);
    expect(pointsFor(99, 1)).toBe(0);
    expect(pointsFor(100000, 0)).toBe(0);
    expect(pointsFor(-500, 1)).toBe(0);
  });

  it('the tier is the highest threshold reached; exactly the threshold counts', () => {
    expect(tierFor(0, tiers)).toBe('M0001');
    expect(tierFor(4999, tiers)).toBe('M0001');
    expect(tierFor(5000, tiers)).toBe('M0002');
    expect(tierFor(49999, tiers)).toBe('M0003');
    expect(tierFor(80000, tiers)).toBe('M0004');
    expect(tierFor(100, [{ id: 'M0009', minPoints: 1000 }])).toBeUndefined();
  });

  it('qualifying points: the last 365 days, earned and adjusted, not spent on redemptions', () => {
    const ledger = [
      e('2025-09-30T08:00:00.000Z', 30000, 'earn', 'D0001'), // 366 days before: out
      e('2025-10-02T08:00:00.000Z', 6000, 'earn', 'D0002'),
      e('2026-03-01T08:00:00.000Z', -1000, 'reverse', 'D0002'),
      e('2026-04-01T08:00:00.000Z', -4000, 'redeem'),
      e('2026-05-01T08:00:00.000Z', 500, 'adjust'),
    ];
    expect(qualifyingPoints(ledger, '2026-10-01T08:00:00.000Z')).toBe(5500);
    expect(balance(ledger)).toBe(31500);
  });

  it('upgrades when an order lifts the qualifying points, downgrades when it is taken back, and says so', () => {
    const who = { at: '2026-10-01T08:00:00.000Z', by };
    const ledger = [e('2026-09-01T08:00:00.000Z', 4800, 'earn', 'D0001')];
    expect(retier({ tierId: 'M0001', pointsLedger: ledger }, tiers, who)).toEqual({ tierId: 'M0001' });
    ledger.push(e('2026-09-20T08:00:00.000Z', 300, 'earn', 'D0002'));
    const up = retier({ tierId: 'M0001', pointsLedger: ledger }, tiers, { ...who, reason: 'orders:D0002' });
    expect(up.tierId).toBe('M0002');
    expect(up.change).toEqual({ from: 'M0001', to: 'M0002', at: who.at, by, points: 5100, reason: 'orders:D0002' });
    expect(isUpgrade(up.change!, tiers)).toBe(true);
    ledger.push(orderEntry(ledger, 'D0002', 0, who)!);
    const down = retier({ tierId: 'M0002', pointsLedger: ledger }, tiers, who);
    expect(down.tierId).toBe('M0001');
    expect(down.change?.points).toBe(4800);
    expect(isUpgrade(down.change!, tiers)).toBe(false);
  });

  it('an order settles to what it owes: earn once, the difference when its total changes, all back when cancelled', () => {
    const who = { at: '2026-10-01T08:00:00.000Z', by };
    const ledger: PointsEntry[] = [];
    const first = orderEntry(ledger, 'D0007', 688, who)!;
    expect(first).toMatchObject({ delta: 688, kind: 'earn', orderId: 'D0007' });
    ledger.push(first);
    expect(orderEntry(ledger, 'D0007', 688, who)).toBeUndefined();
    const more = orderEntry(ledger, 'D0007', 800, who)!;
    expect(more).toMatchObject({ delta: 112, kind: 'earn' });
    ledger.push(more);
    const back = orderEntry(ledger, 'D0007', 0, who)!;
    expect(back).toMatchObject({ delta: -800, kind: 'reverse' });
    ledger.push(back);
    expect(balance(ledger)).toBe(0);
  });

  it('redemption is refused beyond the balance and for nothing; an adjustment may not go below zero', () => {
    const who = { at: '2026-10-01T08:00:00.000Z', by };
    const ledger = [e('2026-09-01T08:00:00.000Z', 1200, 'earn', 'D0001')];
    expect(redemption(ledger, 1200, '兑换早餐券', who)).toMatchObject({ ok: true, entry: { delta: -1200, kind: 'redeem', reason: '兑换早餐券' } });
    expect(redemption(ledger, 1201, 'x', who)).toMatchObject({ ok: false, error: { code: 'pointsBeyondBalance', params: { points: 1201, balance: 1200 } } });
    expect(redemption(ledger, 0, 'x', who)).toMatchObject({ ok: false, error: { code: 'pointsPositive' } });
    expect(redemption(ledger, 1.5, 'x', who)).toMatchObject({ ok: false });
    expect(adjustment(ledger, -1200, '更正', who)).toMatchObject({ ok: true, entry: { delta: -1200, kind: 'adjust' } });
    expect(adjustment(ledger, -1201, '更正', who)).toMatchObject({ ok: false, error: { code: 'pointsBeyondBalance' } });
  });
});
