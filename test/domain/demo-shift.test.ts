// The demo opened on any day has a live desk: every date and time moves by the days since its
// anchor, read from the schemas (nested parts too), with birthdays keeping their year.
import { describe, expect, it } from 'vitest';
import { addDays, DEMO_ANCHOR, shiftDateTime, shiftWorkspace, shiftYearly } from '../../src/domain/demo-shift.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { demoForToday } from '../../src/services/demo-today.js';
import { agendaCounts } from '../../src/domain/agenda.js';
import { careDue, daysBetween, upcomingAnniversaries } from '../../src/domain/care.js';

describe('moving the demo to another day', () => {
  it('adds days across month ends, year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('a time keeps its clock time and offset; text that is not a time stays', () => {
    expect(shiftDateTime('2026-08-31T22:30:00.000Z', 2)).toBe('2026-09-02T22:30:00.000Z');
    expect(shiftDateTime('2026-02-28T10:00:00+08:00', 366)).toBe('2027-03-01T10:00:00+08:00');
    expect(shiftDateTime('later', 3)).toBe('later');
  });

  it('a birthday keeps its year and falls as many days after today as it fell after the anchor', () => {
    // 5 September is 4 days after 1 September; opened on 25 November it is 29 November
    expect(shiftYearly('1985-09-05', daysBetween(DEMO_ANCHOR, '2026-11-25'), DEMO_ANCHOR)).toBe('1985-11-29');
    // across the year end: a birthday in December moves into January of its own year
    expect(shiftYearly('1990-12-30', 10, DEMO_ANCHOR)).toBe('1990-01-09');
    // the day lands on 29 February: kept there in a leap origin year, on the 28th otherwise
    const toLeapDay = daysBetween(DEMO_ANCHOR, '2028-02-29') - daysBetween(DEMO_ANCHOR, '2026-09-03');
    expect(shiftYearly('1984-09-03', toLeapDay, DEMO_ANCHOR)).toBe('1984-02-29');
    expect(shiftYearly('1985-09-03', toLeapDay, DEMO_ANCHOR)).toBe('1985-02-28');
    // a date still to come is an ordinary date
    expect(shiftYearly('2027-01-10', 5, DEMO_ANCHOR)).toBe('2027-01-15');
  });

  it('moves every date and time of the schemas, nested ones too, and nothing else', () => {
    const ws = loadDemoWorkspace();
    const moved = shiftWorkspace(ws, 30);
    const t0 = ws.tasks.find((t) => t.due)!;
    expect(moved.tasks.find((t) => t.id === t0.id)!.due).toBe(addDays(t0.due!, 30));
    expect(moved.tasks.find((t) => t.id === t0.id)!.subject).toBe(t0.subject);
    const ticket = ws.tickets.find((t) => t.steps.length > 1)!;
    const movedTicket = moved.tickets.find((t) => t.id === ticket.id)!;
    expect(movedTicket.steps.map((s) => s.at)).toEqual(ticket.steps.map((s) => shiftDateTime(s.at, 30)));
    expect(movedTicket.createdAt).toBe(shiftDateTime(ticket.createdAt, 30));
    const care = ws.tasks.find((t) => t.careKey)!;
    expect(moved.tasks.find((t) => t.id === care.id)!.careKey).toBe(care.careKey!.replace(/@.*/, `@${addDays(care.careKey!.split('@')[1], 30)}`));
    // the file it came from is not touched
    expect(ws.tasks.find((t) => t.id === t0.id)!.due).toBe(t0.due);
    expect(moved.customers.map((c) => c.name)).toEqual(ws.customers.map((c) => c.name));
  });

  for (const day of ['2026-09-01', '2026-11-25', '2027-02-28', '2028-02-29', '2031-12-31']) {
    it(`opened on ${day}: overdue, today's and next week's tasks for several employees, birthdays coming, no care task made twice`, () => {
      const ws = demoForToday(loadDemoWorkspace(), new Date(`${day}T04:00:00Z`));
      ws.settings.timeZone = 'UTC';
      const owners = new Set(ws.tasks.map((t) => t.ownerId));
      let withAll = 0;
      for (const o of owners) {
        const c = agendaCounts(ws.tasks.filter((t) => t.ownerId === o), day);
        if (c.overdue && c.today && c.week) withAll++;
      }
      expect(withAll).toBeGreaterThanOrEqual(2);
      expect(upcomingAnniversaries(ws.anniversaries, day, 7).length).toBeGreaterThan(3);
      // the care tasks in the demo are the ones the rules would make: none again
      const keys = new Set(ws.tasks.map((t) => t.careKey).filter((k): k is string => !!k));
      expect(keys.size).toBeGreaterThan(0);
      const again = careDue({ anniversaries: ws.anniversaries, existingKeys: keys, today: day });
      expect(again).toEqual([]);
    });
  }
});
