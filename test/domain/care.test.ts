import { describe, expect, it } from 'vitest';
import { careDue, nextAnniversary, todayIn, upcomingAnniversaries } from '../../src/domain/care.js';

const ann = (id: string, date: string, remindDays?: number) => ({ id, customerId: 'C0001', kind: 'birthday', date, remindDays });

describe('care rules', () => {
  it('a birthday 7 days ahead asks for one care task, due on the birthday', () => {
    const plans = careDue({ anniversaries: [ann('A0001', '1990-05-08', 7)], existingKeys: new Set(), today: '2026-05-01' });
    expect(plans).toEqual([expect.objectContaining({ anniversaryId: 'A0001', due: '2026-05-08', careKey: 'A0001@2026-05-08' })]);
  });

  it('nothing before the lead, and nothing once the day has passed (next year is far)', () => {
    expect(careDue({ anniversaries: [ann('A0001', '1990-05-08', 7)], existingKeys: new Set(), today: '2026-04-30' })).toEqual([]);
    expect(careDue({ anniversaries: [ann('A0001', '1990-05-08', 7)], existingKeys: new Set(), today: '2026-05-09' })).toEqual([]);
  });

  it('a second run makes nothing: the task of that occurrence exists (whatever its status)', () => {
    const first = careDue({ anniversaries: [ann('A0001', '1990-05-08', 7)], existingKeys: new Set(), today: '2026-05-02' });
    const again = careDue({ anniversaries: [ann('A0001', '1990-05-08', 7)], existingKeys: new Set(first.map((p) => p.careKey)), today: '2026-05-05' });
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
  });

  it('the year wraps: on 28 December a 3 January birthday is next year', () => {
    expect(nextAnniversary('1985-01-03', '2026-12-28')).toBe('2027-01-03');
    expect(careDue({ anniversaries: [ann('A0002', '1985-01-03', 7)], existingKeys: new Set(), today: '2026-12-28' })[0]?.due).toBe('2027-01-03');
  });

  it('a 29 February birthday falls on 28 February in other years and on the 29th in leap years', () => {
    expect(nextAnniversary('2000-02-29', '2027-02-01')).toBe('2027-02-28');
    expect(nextAnniversary('2000-02-29', '2028-02-01')).toBe('2028-02-29');
  });

  it('a date is not its own anniversary: a founding day set in the future asks for nothing yet', () => {
    expect(nextAnniversary('2026-05-03', '2026-05-01')).toBe('2027-05-03');
    expect(careDue({ anniversaries: [ann('A0003', '2026-05-03', 7)], existingKeys: new Set(), today: '2026-05-01' })).toEqual([]);
  });

  it('a lead of 0 asks on the day itself; no lead means 7 days', () => {
    expect(careDue({ anniversaries: [ann('A0004', '1990-05-08', 0)], existingKeys: new Set(), today: '2026-05-07' })).toEqual([]);
    expect(careDue({ anniversaries: [ann('A0004', '1990-05-08', 0)], existingKeys: new Set(), today: '2026-05-08' })).toHaveLength(1);
    expect(careDue({ anniversaries: [ann('A0005', '1990-05-08')], existingKeys: new Set(), today: '2026-05-01' })).toHaveLength(1);
  });

  it("today is the workspace zone's day: 23:30 UTC is already tomorrow in Shanghai", () => {
    const now = new Date('2026-05-07T23:30:00Z');
    expect(todayIn(now, 'UTC')).toBe('2026-05-07');
    expect(todayIn(now, 'Asia/Shanghai')).toBe('2026-05-08');
    // a zone the system does not know is the machine's, never a crash
    expect(todayIn(now, 'Mars/Olympus')).toBe(todayIn(now));
  });

  it('upcoming anniversaries, nearest first, within the days asked', () => {
    const list = upcomingAnniversaries([ann('A1', '1990-06-01'), ann('A2', '1990-05-03'), ann('A3', '1990-12-01')], '2026-05-01', 31);
    expect(list.map((x) => [x.anniversary.id, x.inDays])).toEqual([
      ['A2', 2],
      ['A1', 31],
    ]);
  });
});

import { agendaCounts, agendaOrder, bucketOf, postponed } from '../../src/domain/agenda.js';

describe('the desk', () => {
  const tasks = [
    { id: 'T1', due: '2026-05-06', status: 'open' },
    { id: 'T2', due: '2026-04-28', status: 'open' },
    { id: 'T3', due: '2026-05-01', status: 'doing' },
    { id: 'T4', due: '2026-04-20', status: 'done' },
    { id: 'T5', status: 'open' },
    { id: 'T6', due: '2026-06-01', status: 'open' },
  ];
  it('counts overdue, today and this week; done tasks are not late', () => {
    expect(agendaCounts(tasks, '2026-05-01')).toEqual({ overdue: 1, today: 1, week: 1 });
    expect(bucketOf(tasks[3], '2026-05-01')).toBe('closed');
  });
  it('orders overdue first, then today, the week, later, undated, closed', () => {
    expect(agendaOrder(tasks, '2026-05-01').map((t) => t.id)).toEqual(['T2', 'T3', 'T1', 'T6', 'T5', 'T4']);
  });
  it('postpones from the due date, or from today when already late; across month ends', () => {
    expect(postponed('2026-05-10', '2026-05-01', 1)).toBe('2026-05-11');
    expect(postponed('2026-04-28', '2026-05-01', 1)).toBe('2026-05-02');
    expect(postponed('2026-12-28', '2026-12-01', 7)).toBe('2027-01-04');
    expect(postponed(undefined, '2026-02-27', 7)).toBe('2026-03-06');
  });
});
