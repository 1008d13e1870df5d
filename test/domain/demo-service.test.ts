// The demo hotel's service data (issue 20): tickets of every type and status, some past their
// SLA on the demo's day; the resolved complaints' recovery measures; surveys with results for
// many customers on both scales, over every band.
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/demo.js';
import { DEFAULT_VALUE_LISTS } from '../../src/domain/values.js';
import { TICKET_STATUSES, isOverdue } from '../../src/domain/ticket-flow.js';
import { measuresTotal } from '../../src/domain/recovery.js';
import { summariseSurveys } from '../../src/domain/survey-score.js';

describe('the demo hotel service desk', () => {
  const ws = loadDemoWorkspace();

  it('has tickets of every type and status, some past their SLA on the demo day', () => {
    expect(new Set(ws.tickets.map((t) => t.type))).toEqual(new Set(DEFAULT_VALUE_LISTS.ticketType!.map((v) => v.code)));
    expect(new Set(ws.tickets.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES));
    const day = new Date('2026-09-01T00:00:00.000Z');
    const late = ws.tickets.filter((t) => isOverdue(t, day)).length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(ws.tickets.filter((t) => ['received', 'acknowledged', 'investigating'].includes(t.status)).length);
  });

  it('records the recovery measures of the resolved complaints, their costs making the recovery cost', () => {
    const withMeasures = ws.tickets.filter((t) => t.measures.length);
    expect(withMeasures.length).toBeGreaterThanOrEqual(3);
    for (const t of withMeasures) expect(t.recoveryCost).toBe(measuresTotal(t.measures));
    expect(new Set(withMeasures.flatMap((t) => t.measures.map((m) => m.kind))).size).toBeGreaterThanOrEqual(4);
  });

  it('has surveys with results for many customers, on both scales, some of a ticket, over every band', () => {
    expect(new Set(ws.surveys.map((s) => s.customerId)).size).toBeGreaterThanOrEqual(50);
    expect(new Set(ws.surveys.map((s) => s.scale))).toEqual(new Set([5, 10]));
    expect(ws.surveys.some((s) => s.ticketId)).toBe(true);
    const sum = summariseSurveys(ws.surveys, DEFAULT_VALUE_LISTS.surveyIndicator!.map((v) => v.code));
    for (const i of sum.indicators) {
      expect(i.n).toBe(ws.surveys.length);
      expect(i.bands.every((b) => b > 0)).toBe(true);
    }
  });
});
