// The desk's order within a day: by the hour (untimed last), then high priority first.
import { describe, expect, it } from 'vitest';
import { agendaOrder } from '../../src/domain/agenda.js';

describe('agendaOrder', () => {
  it('orders a day by hour, untimed after timed, then by priority; overdue still first', () => {
    const today = '2026-05-01';
    const tasks = [
      { id: 'T1', due: today, status: 'open' },
      { id: 'T2', due: today, dueTime: '15:00', status: 'open' },
      { id: 'T3', due: today, dueTime: '09:30', status: 'open', priority: 'low' },
      { id: 'T4', due: today, dueTime: '09:30', status: 'open', priority: 'high' },
      { id: 'T5', due: today, status: 'open', priority: 'high' },
      { id: 'T6', due: '2026-04-30', dueTime: '23:00', status: 'open', priority: 'low' },
    ];
    expect(agendaOrder(tasks, today).map((t) => t.id)).toEqual(['T6', 'T4', 'T3', 'T2', 'T5', 'T1']);
  });
});
