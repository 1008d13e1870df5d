// The funnel's maths on a fixture computed by hand (the comments show the sums).
import { describe, expect, it } from 'vitest';
import { filterOpps, funnelReport, losePatch, stageMove, winPatch, type FunnelOpp } from '../../src/domain/funnel.js';
import { DEFAULT_VALUE_LISTS } from '../../src/domain/values.js';
import { fenToGrouped } from '../../src/domain/money.js';

const STAGES = DEFAULT_VALUE_LISTS.oppStage;
const y = (yuan: number) => yuan * 100;
const at = (day: string) => `${day}T02:00:00.000Z`;

// 10 opportunities: 3 prospecting, 2 needs, 1 proposal, 1 negotiation, 2 won, 1 lost at proposal
const OPPS: FunnelOpp[] = [
  { id: 'O1', stage: 'prospecting', amount: y(1000), ownerId: 'E1', createdAt: at('2026-01-05') }, // default 10%
  { id: 'O2', stage: 'prospecting', amount: y(2000), probability: 20, ownerId: 'E2', createdAt: at('2026-01-10') },
  { id: 'O3', stage: 'prospecting', ownerId: 'E1', createdAt: at('2026-02-01') }, // no amount
  { id: 'O4', stage: 'needs', amount: y(4000), probability: 25, ownerId: 'E1', createdAt: at('2026-02-03') },
  { id: 'O5', stage: 'needs', amount: 333, probability: 50, ownerId: 'E2', createdAt: at('2026-02-04') }, // 3.33 yuan
  { id: 'O6', stage: 'proposal', amount: y(10000), probability: 50, ownerId: 'E1', createdAt: at('2026-03-01') },
  { id: 'O7', stage: 'negotiation', amount: y(20000), probability: 80, ownerId: 'E2', createdAt: at('2026-03-02') },
  { id: 'O8', stage: 'won', amount: y(30000), probability: 100, ownerId: 'E1', createdAt: at('2026-01-01'), closedOn: '2026-01-21' }, // 20 days
  { id: 'O9', stage: 'won', amount: y(5000), probability: 100, ownerId: 'E2', createdAt: at('2026-02-01'), closedOn: '2026-03-03' }, // 30 days
  { id: 'O10', stage: 'lost', amount: y(8000), probability: 0, ownerId: 'E1', createdAt: at('2026-03-05'), lostStage: 'proposal', closedOn: '2026-03-20' },
];

describe('funnel report', () => {
  const r = funnelReport(OPPS, STAGES);
  const row = (s: string) => r.stages.find((x) => x.stage === s)!;

  it('counts and sums what is now at each stage', () => {
    expect(r.stages.map((s) => [s.stage, s.count])).toEqual([['prospecting', 3], ['needs', 2], ['proposal', 1], ['negotiation', 1], ['won', 2], ['lost', 1]]);
    expect(row('prospecting').amount).toBe(y(3000));
    expect(row('needs').amount).toBe(y(4000) + 333);
    expect(r.open).toEqual({ count: 7, amount: y(37000) + 333 });
    expect(r.won).toEqual({ count: 2, amount: y(35000) });
    expect(r.lost).toEqual({ count: 1, amount: y(8000) });
    expect(r.total).toBe(10);
  });

  it('converts by how many reached each stage: won reached all, lost the stage it was lost at', () => {
    // reached: prospecting 10; needs 7 (2 needs, 1 proposal, 1 negotiation, 2 won, 1 lost at proposal);
    // proposal 5; negotiation 3 (1 + 2 won); won 2
    expect(r.stages.map((s) => s.reached)).toEqual([10, 7, 5, 3, 2, undefined]);
    expect(r.stages.map((s) => s.conversionPct)).toEqual([undefined, 70, 71.4, 60, 66.7, undefined]);
    expect(r.overallPct).toBe(20);
  });

  it('weighs the open ones by their probability (the stage default when none is set)', () => {
    // 1000*10% + 2000*20% + 0 + 4000*25% + 3.33*50% + 10000*50% + 20000*80%
    // = 100 + 400 + 1000 + 1.665 + 5000 + 16000 = 22501.665 yuan → 22501.67 (rounded once)
    expect(r.weighted).toBe(2250167);
  });

  it('wins 2 of 3 closed, in 25 days on average', () => {
    expect(r.winRatePct).toBe(66.7);
    expect(r.avgCycleDays).toBe(25);
  });

  it('a lost one whose stage is not known reached only the first stage', () => {
    const r2 = funnelReport([{ id: 'a', stage: 'lost' }, { id: 'b', stage: 'needs' }], STAGES);
    expect(r2.stages.map((s) => s.reached)).toEqual([2, 1, 0, 0, 0, undefined]);
    expect(r2.stages[1].conversionPct).toBe(50);
    // 0 of 0: no rate rather than a division by zero
    expect(r2.stages[3].conversionPct).toBeUndefined();
    expect(r2.winRatePct).toBe(0);
    expect(r2.avgCycleDays).toBeUndefined();
  });

  it('an empty funnel has no rates', () => {
    const e = funnelReport([], STAGES);
    expect(e.total).toBe(0);
    expect(e.weighted).toBe(0);
    expect(e.winRatePct).toBeUndefined();
    expect(e.overallPct).toBeUndefined();
  });
});

describe('funnel filters', () => {
  const day = (iso: string) => iso.slice(0, 10);
  it('by owner and by the day of creation, both ends included', () => {
    expect(filterOpps(OPPS, { ownerId: 'E2' }, day).map((o) => o.id)).toEqual(['O2', 'O5', 'O7', 'O9']);
    expect(filterOpps(OPPS, { from: '2026-02-01', to: '2026-03-01' }, day).map((o) => o.id)).toEqual(['O3', 'O4', 'O5', 'O6', 'O9']);
    expect(filterOpps(OPPS, { ownerId: 'E1', from: '2026-03-01' }, day).map((o) => o.id)).toEqual(['O6', 'O10']);
  });
});

describe('stage moves', () => {
  it('forward and back among the open stages, with the stage default probability', () => {
    expect(stageMove({ id: 'a', stage: 'needs' }, 1, STAGES)).toEqual({ patch: { stage: 'proposal', probability: 50 } });
    expect(stageMove({ id: 'a', stage: 'needs' }, -1, STAGES)).toEqual({ patch: { stage: 'prospecting', probability: 10 } });
    expect(stageMove({ id: 'a', stage: 'prospecting' }, -1, STAGES)).toEqual({ refused: 'first' });
    expect(stageMove({ id: 'a', stage: 'negotiation' }, 1, STAGES)).toEqual({ refused: 'last' });
    expect(stageMove({ id: 'a', stage: 'won' }, 1, STAGES)).toEqual({ refused: 'closed' });
  });

  it('back from won or lost reopens it, where it was lost', () => {
    expect(stageMove({ id: 'a', stage: 'won' }, -1, STAGES)).toMatchObject({ patch: { stage: 'negotiation', probability: 75, closedOn: undefined } });
    expect(stageMove({ id: 'a', stage: 'lost', lostStage: 'needs' }, -1, STAGES)).toMatchObject({ patch: { stage: 'needs', lostReason: undefined, lostStage: undefined } });
  });

  it('won and lost close it on the day; lost remembers the stage and the reason', () => {
    expect(winPatch('2026-05-01')).toMatchObject({ stage: 'won', probability: 100, closedOn: '2026-05-01' });
    expect(losePatch({ id: 'a', stage: 'proposal' }, 'price', '2026-05-01')).toEqual({ stage: 'lost', probability: 0, closedOn: '2026-05-01', lostReason: 'price', lostStage: 'proposal' });
  });
});

describe('grouped yuan', () => {
  it('separates thousands, to the fen or to the yuan', () => {
    expect(fenToGrouped(128450000)).toBe('1,284,500.00');
    expect(fenToGrouped(128450050, { whole: true })).toBe('1,284,501');
    expect(fenToGrouped(99, { whole: true })).toBe('1');
    expect(fenToGrouped(-123456)).toBe('-1,234.56');
    expect(fenToGrouped(0, { whole: true })).toBe('0');
  });
});
