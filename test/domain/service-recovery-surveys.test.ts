// Issue 20's domain: every ticket transition through the services (allowed ones save a step,
// refused ones save nothing), the recovery total in fen, and survey scoring on a hand-computed
// fixture (1-5 and 1-10 read alike as a 0-100 index).
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, canTicketStep } from '../../src/domain/ticket-flow.js';
import { measuresTotal, recoveryTotal } from '../../src/domain/recovery.js';
import { scoreBand, scoreIndex, summariseSurveys, surveyIndex, surveyScale } from '../../src/domain/survey-score.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { Repo } from '../../src/services/repo.js';

const setup = () => {
  const ws = emptyWorkspace('2026-09-01T08:00:00.000Z');
  const repo = new Repo(ws, { clock: () => new Date('2026-09-01T08:00:00.000Z') });
  const c = repo.create('customers', { name: '王先生', kind: 'individual', stage: 'first' }, { anyStage: true });
  return { ws, repo, customerId: c.ok ? c.value.id : '' };
};

describe('every ticket transition through update', () => {
  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)('%s → %s: saved with a step when allowed, refused with nothing saved otherwise', (from, to) => {
    const { repo, customerId } = setup();
    const made = repo.create('tickets', { subject: '空调', customerId, type: 'complaint', status: from, steps: [] }, { anyStage: true });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const before = structuredClone(repo.get('tickets', made.value.id));
    const r = repo.update('tickets', made.value.id, { status: to, stepNote: 'x' });
    expect(r.ok).toBe(canTicketStep(from, to));
    if (r.ok) expect(r.value.steps).toEqual([{ status: to, at: '2026-09-01T08:00:00.000Z', by: 'admin', note: 'x' }]);
    else {
      expect(r.errors[0]).toMatchObject({ field: 'status', code: 'transition' });
      expect(repo.get('tickets', made.value.id)).toEqual(before);
    }
  });
});

describe('service recovery measures', () => {
  it('total their costs in fen; without measures the cost recorded before measures stays', () => {
    expect(measuresTotal([])).toBeUndefined();
    expect(measuresTotal([{ kind: 'voucher', cost: 10 }, { kind: 'refund', cost: 20 }])).toBe(30);
    expect(recoveryTotal({ recoveryCost: 30000 })).toBe(30000);
    expect(recoveryTotal({ recoveryCost: 30000, measures: [{ kind: 'apology', cost: 0 }] })).toBe(0);
    expect(recoveryTotal({})).toBe(0);
  });

  it('a saved ticket with measures carries their sum as its recovery cost, whatever was given; an old one keeps its own', () => {
    const { repo, customerId } = setup();
    const old = repo.create('tickets', { subject: '旧工单', customerId, type: 'complaint', recoveryCost: 50000 });
    expect(old.ok && old.value.recoveryCost).toBe(50000);
    const r = repo.create('tickets', {
      subject: '空调', customerId, type: 'complaint', recoveryCost: 1,
      measures: [{ kind: 'upgrade', cost: 30000 }, { kind: 'voucher', cost: 12850 }],
    });
    expect(r.ok && r.value.recoveryCost).toBe(42850);
    const u = repo.update('tickets', r.ok ? r.value.id : '', { measures: [{ kind: 'points', cost: 2000 }] });
    expect(u.ok && u.value.recoveryCost).toBe(2000);
    const bad = repo.update('tickets', r.ok ? r.value.id : '', { measures: [{ kind: 'points', cost: 0.5 }] });
    expect(bad.ok).toBe(false);
  });
});

describe('survey scoring', () => {
  it('reads a score as an index 0-100 and a band 0-4 on either scale', () => {
    expect([1, 2, 3, 4, 5].map((s) => scoreIndex(s, 5))).toEqual([0, 25, 50, 75, 100]);
    expect(scoreIndex(8, 10)).toBeCloseTo(77.78, 2);
    expect([1, 2, 3, 4, 5].map((s) => scoreBand(s, 5))).toEqual([0, 1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => scoreBand(s, 10))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // a survey from before scales: 1-10 when a score is above 5
    expect(surveyScale({ id: 'x', scores: { quality: 7 } })).toBe(10);
    expect(surveyScale({ id: 'x', scores: { quality: 5 } })).toBe(5);
  });

  it('summarises a hand-computed fixture: means per indicator, distribution, index, per customer', () => {
    const surveys = [
      // 75, 100, 50, 75 → 75
      { id: 'A', customerId: 'C1', date: '2026-08-01', scale: 5, scores: { expectation: 4, quality: 5, value: 3, overall: 4 } },
      // 77.78, 100, 0 → 59.26
      { id: 'B', customerId: 'C1', date: '2026-08-20', scale: 10, scores: { expectation: 8, quality: 10, overall: 1 } },
      // a survey from before indicators: its 1-5 overall → 50
      { id: 'C', customerId: 'C2', date: '2026-07-01', overall: 3 },
      // before scales, a 7: 1-10 → 66.67
      { id: 'D', customerId: 'C2', date: '2026-07-02', scores: { quality: 7 } },
    ];
    expect(surveys.map((s) => surveyIndex(s))).toEqual([75, 59.3, 50, 66.7]);
    const r = summariseSurveys(surveys, ['expectation', 'quality', 'value', 'overall', 'complaint', 'loyalty']);
    expect(r).toMatchObject({ surveys: 4, customers: 2, index: 62.7 }); // (75 + 59.26 + 50 + 66.67) / 4 = 62.73
    expect(r.indicators).toEqual([
      { code: 'expectation', n: 2, mean: 76.4, bands: [0, 0, 0, 2, 0] },
      { code: 'quality', n: 3, mean: 88.9, bands: [0, 0, 0, 1, 2] },
      { code: 'value', n: 1, mean: 50, bands: [0, 0, 1, 0, 0] },
      { code: 'overall', n: 3, mean: 41.7, bands: [1, 0, 1, 1, 0] },
      { code: 'complaint', n: 0, mean: null, bands: [0, 0, 0, 0, 0] },
      { code: 'loyalty', n: 0, mean: null, bands: [0, 0, 0, 0, 0] },
    ]);
    // the least satisfied first: C2 (50 + 66.67) / 2, C1 (75 + 59.26) / 2
    expect(r.perCustomer).toEqual([
      { customerId: 'C2', surveys: 2, index: 58.3, last: '2026-07-02' },
      { customerId: 'C1', surveys: 2, index: 67.1, last: '2026-08-20' },
    ]);
  });

  it('a survey is refused with a scale other than 5 or 10, a score off its scale, or an indicator the workspace has not', () => {
    const { ws, repo, customerId } = setup();
    const base = { customerId, date: '2026-09-01' };
    expect(repo.create('surveys', { ...base, scale: 5, scores: { quality: 5, loyalty: 1 } }).ok).toBe(true);
    const codes = (v: Record<string, unknown>) => {
      const r = repo.create('surveys', { ...base, ...v });
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes({ scale: 7 })).toEqual(['surveyScale']);
    expect(codes({ scale: 5, scores: { quality: 6 } })).toEqual(['surveyScore']);
    expect(codes({ scale: 10, scores: { quality: 0 } })).toEqual(['surveyScore']);
    expect(codes({ scale: 10, scores: { breakfast: 9 } })).toEqual(['surveyIndicator']);
    // the workspace's own indicators
    ws.valueLists.surveyIndicator = [{ code: 'breakfast', en: 'Breakfast', zh: '早餐' }];
    expect(codes({ scale: 10, scores: { breakfast: 9 } })).toEqual([]);
    expect(codes({ scale: 10, scores: { quality: 9 } })).toEqual(['surveyIndicator']);
  });
});
