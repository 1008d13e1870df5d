// Crediting a team lab from a shared hotel's history (synthetic, no PostgreSQL): each task goes
// to the employee whose save made it pass, a task done by the second of two goes to the second,
// a task undone and redone goes to whoever redid it, and saves before the lab's start (or after
// another lab started) are not credited.
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/domain/labs/lab-schema.js';
import { creditTeam, labRunStart, type HistoryBatch } from '../../src/domain/grading/team-credit.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import type { Change } from '../../src/domain/change.js';

const lab = Lab.parse({
  id: 'team-test',
  chapter: 4,
  title: { zh: '团队', en: 'Team' },
  scenario: { zh: '场景', en: 'Scenario' },
  start: { base: 'empty' },
  tasks: [
    { id: 'a', description: { zh: '客户甲', en: 'customer A' }, points: 40, check: { entity: 'customers', where: [{ field: 'name', eq: '甲' }] } },
    { id: 'b', description: { zh: '杭州的客户乙', en: 'customer B in Hangzhou' }, points: 60, check: { entity: 'customers', where: [{ field: 'name', eq: '乙' }, { field: 'city', eq: '杭州' }] } },
  ],
});

const ws0 = emptyWorkspace('2026-11-26T00:00:00.000Z');
const cust = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, kind: 'individual', stage: 'potential', createdAt: 'x', updatedAt: 'x', ...extra });
let n = 0;
const save = (by: string, at: string, changes: Change[]): HistoryBatch => ({ batch: ++n, by, at, changes });
const put = (r: ReturnType<typeof cust>): Change => ({ op: 'put', e: 'customers', r } as Change);
const del = (id: string): Change => ({ op: 'del', e: 'customers', id });
const settings = (extra: Record<string, unknown>): Change => ({ op: 'settings', s: { ...ws0.settings, ...extra } } as Change);
const init = () => save('admin', '2026-11-26T01:00:00.000Z', [settings({}), ...ws0.employees.map((r) => ({ op: 'put', e: 'employees', r }) as Change)]);
const start = (at = '2026-11-26T02:00:00.000Z', labId = lab.id) => save('admin', at, [settings({ lab: labId, labSince: at }), put(cust('C0001', '旧客户'))]);

describe('crediting a team lab from the history', () => {
  it('two employees: each task to the one who did it, with the time', () => {
    const g = creditTeam(lab, [
      init(),
      start(),
      save('stu01', '2026-11-26T02:10:00.000Z', [put(cust('C0002', '甲'))]),
      save('stu02', '2026-11-26T02:20:00.000Z', [put(cust('C0003', '乙', { city: '杭州' }))]),
    ]);
    expect(g.started).toBe(true);
    expect(g.since).toBe('2026-11-26T02:00:00.000Z');
    expect(g.earned).toBe(100);
    expect(g.tasks.map((t) => [t.taskId, t.by, t.at])).toEqual([
      ['a', 'stu01', '2026-11-26T02:10:00.000Z'],
      ['b', 'stu02', '2026-11-26T02:20:00.000Z'],
    ]);
    expect(g.employees.map((e) => [e.login, e.points, e.tasks.map((t) => t.taskId), e.saves])).toEqual([
      ['stu01', 40, ['a'], 1],
      ['stu02', 60, ['b'], 1],
    ]);
  });

  it('a task begun by one and finished by the second goes to the second', () => {
    const g = creditTeam(lab, [
      start(),
      save('stu01', '2026-11-26T02:10:00.000Z', [put(cust('C0003', '乙'))]),
      save('stu02', '2026-11-26T02:30:00.000Z', [put(cust('C0003', '乙', { city: '杭州' }))]),
    ]);
    const b = g.tasks.find((t) => t.taskId === 'b')!;
    expect([b.passed, b.by, b.at]).toEqual([true, 'stu02', '2026-11-26T02:30:00.000Z']);
    expect(g.employees.find((e) => e.login === 'stu01')).toMatchObject({ points: 0, tasks: [], saves: 1 });
    const a = g.tasks.find((t) => t.taskId === 'a')!;
    expect([a.passed, a.by, a.earned]).toEqual([false, undefined, 0]);
  });

  it('a task undone and redone goes to whoever redid it; one undone at the end to nobody', () => {
    const g = creditTeam(lab, [
      start(),
      save('stu01', '2026-11-26T02:10:00.000Z', [put(cust('C0002', '甲')), put(cust('C0003', '乙', { city: '杭州' }))]),
      save('stu02', '2026-11-26T02:20:00.000Z', [del('C0002'), put(cust('C0003', '乙', { city: '宁波' }))]),
      save('stu03', '2026-11-26T02:30:00.000Z', [put(cust('C0009', '甲'))]),
    ]);
    expect(g.tasks.map((t) => [t.taskId, t.passed, t.by ?? null, t.undone])).toEqual([
      ['a', true, 'stu03', 1],
      ['b', false, null, 1],
    ]);
    expect(g.earned).toBe(40);
    expect(g.employees.map((e) => [e.login, e.points])).toEqual([['stu01', 0], ['stu02', 0], ['stu03', 40]]);
  });

  it('saves before the start are not credited, and the start replaces what the hotel held', () => {
    const history = [
      init(),
      save('stu01', '2026-11-26T01:30:00.000Z', [put(cust('C0002', '甲'))]),
      start('2026-11-26T02:00:00.000Z'),
      save('stu02', '2026-11-26T02:20:00.000Z', [put(cust('C0005', '甲'))]),
    ];
    expect(labRunStart(history, lab.id)).toBe(2);
    const g = creditTeam(lab, history);
    expect(g.tasks[0]).toMatchObject({ passed: true, by: 'stu02', undone: 0 });
    expect(g.employees.map((e) => e.login)).toEqual(['stu02']);
  });

  it('another lab started later ends the run; the last start of this lab is the one graded', () => {
    const history = [
      start('2026-11-26T02:00:00.000Z'),
      save('stu01', '2026-11-26T02:10:00.000Z', [put(cust('C0002', '甲'))]),
      start('2026-11-26T03:00:00.000Z', 'other-lab'),
      save('stu02', '2026-11-26T03:10:00.000Z', [settings({ lab: 'other-lab', labSince: '2026-11-26T03:00:00.000Z' }), put(cust('C0003', '乙', { city: '杭州' }))]),
    ];
    const g = creditTeam(lab, history);
    expect(g.tasks.map((t) => [t.taskId, t.by ?? null])).toEqual([['a', 'stu01'], ['b', null]]);
    // started again: the earlier run is not this one's
    const again = creditTeam(lab, [...history, start('2026-11-26T04:00:00.000Z')]);
    expect(again.since).toBe('2026-11-26T04:00:00.000Z');
    expect(again.earned).toBe(0);
  });

  it('a history with no start of the lab is judged from its beginning, and says so', () => {
    const g = creditTeam(lab, [init(), save('stu01', '2026-11-26T01:10:00.000Z', [put(cust('C0002', '甲'))])]);
    expect(g.started).toBe(false);
    expect(g.tasks[0].by).toBe('stu01');
  });
});
