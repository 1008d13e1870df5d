// The daily desk end to end with keys (syllabus ch. 7): a task for a customer, completed with a
// result and a need, seen on the customer's timeline; one put off; the desk's counts in the
// list head and in the screen bar (the acting employee's own) follow every change.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { demoForToday } from '../../src/services/demo-today.js';
import { todayIn } from '../../src/domain/care.js';
import { addDays } from '../../src/domain/demo-shift.js';
import { displayWidth } from '../../src/text/width.js';

describe('the desk, proved with keys', () => {
  it('task for a customer → completed with result and need → on the timeline; put off; counts follow', async () => {
    const ws = demoForToday(loadDemoWorkspace(), new Date());
    const today = todayIn(new Date(), ws.settings.timeZone);
    const me = ws.employees.find((e) => e.login === 'zhangli')!.id;
    const cust = ws.customers.find((c) => c.ownerId === me && ws.tasks.filter((t) => t.customerId === c.id).length > 1)!;
    const late = ws.tasks.find((t) => t.ownerId === me && t.status === 'open' && t.due! < today)!;
    expect(late).toBeDefined();
    const app = await renderApp({ ws, lang: 'zh-CN', user: 'zhangli' });
    const badge = () => {
      const m = /逾期(\d+) 今天(\d+)/.exec(app.lines()[0]);
      return m ? [Number(m[1]), Number(m[2])] : undefined;
    };
    const mine = (day: (d: string) => boolean) => ws.tasks.filter((t) => t.ownerId === me && (t.status === 'open' || t.status === 'doing') && day(t.due ?? '')).length;
    await press(app, 'screen.tasks');
    const [late0, today0] = badge()!;
    expect([late0, today0]).toEqual([mine((d) => !!d && d < today), mine((d) => d === today)]);

    // a task for the customer, from the customer's detail (w), due today
    await press(app, 'screen.customers', 'list.filter');
    await app.type(cust.id);
    await press(app, 'filter.keep', 'list.open', 'customers.addTask');
    await app.type('电话邀请参加周年庆酒会');
    await press(app, 'form.next', 'form.next', 'form.next', 'form.next', 'form.next');
    await app.type(today);
    await press(app, 'form.save');
    const task = ws.tasks.at(-1)!;
    expect(task).toMatchObject({ subject: '电话邀请参加周年庆酒会', customerId: cust.id, ownerId: me, due: today, status: 'open', type: 'communication' });
    expect(app.frame()).toContain(task.id);

    // the desk: one more today, in the list head and in the screen bar
    await press(app, 'screen.tasks');
    expect(badge()).toEqual([late0, today0 + 1]);
    await press(app, 'list.filter');
    await app.type(task.id);
    await press(app, 'filter.keep', 'tasks.complete', 'form.next');
    await app.type('已电话邀请，客户确认出席');
    await press(app, 'form.next');
    await app.type('需要无烟高楼层');
    await press(app, 'form.save');
    expect(ws.tasks.find((t) => t.id === task.id)).toMatchObject({ status: 'done', result: '已电话邀请，客户确认出席', need: '需要无烟高楼层' });
    expect(badge()).toEqual([late0, today0]);

    // put off a late one by a day: due tomorrow, one late less
    await press(app, 'list.clearFilter', 'list.filter');
    await app.type(late.id);
    await press(app, 'filter.keep');
    const headLate = () => Number(/逾期 (\d+) ·/.exec(app.frame())![1]);
    const head0 = headLate();
    await press(app, 'tasks.postponeDay');
    expect(ws.tasks.find((t) => t.id === late.id)!.due).toBe(addDays(today, 1));
    expect(badge()).toEqual([late0 - 1, today0]);
    expect(headLate()).toBe(head0 - 1);

    // the customer's timeline: every task of the customer in time order, the need shown
    await press(app, 'screen.customers', 'list.filter');
    await app.type(cust.id);
    await press(app, 'filter.keep', 'list.open');
    const theirs = ws.tasks.filter((t) => t.customerId === cust.id).sort((a, b) => String(a.due).localeCompare(String(b.due)) || a.id.localeCompare(b.id));
    for (let i = 0; i < 8 && !app.lines().some((l) => l.startsWith('>') && l.includes(theirs[0].id)); i++) await press(app, 'detail.nextSection');
    expect(app.lines().some((l) => l.includes('客户时间线'))).toBe(true);
    // down the timeline row by row: the tasks in time order, the new one with its need
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const sel = app.lines().find((l) => l.startsWith('>'));
      const id = sel && /T\d{4}/.exec(sel)?.[0];
      if (!id || seen.includes(id)) break;
      seen.push(id);
      if (id === task.id) expect(sel).toContain('需要无烟高楼层');
      await press(app, 'detail.down');
    }
    expect(seen).toEqual(theirs.map((t) => t.id));
    while (!app.lines().some((l) => l.startsWith('>') && l.includes(task.id))) await press(app, 'detail.up');
    // Enter opens the task the row stands for
    await press(app, 'detail.open');
    expect(app.lines()[1]).toContain(`任务 ${task.id}`);
    expect(app.frame()).toContain('已电话邀请');
    expect(app.frame()).toContain('需要无烟高楼层');
    app.unmount();
  });

  it('in English at 60 columns: the counts in the screen bar, the follow-up question and the timeline fit', async () => {
    const ws = demoForToday(loadDemoWorkspace(), new Date());
    const app = await renderApp({ ws, lang: 'en', user: 'zhangli', cols: 60, rows: 20 });
    const fits = () => {
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    };
    await press(app, 'screen.tasks');
    expect(app.lines()[0]).toMatch(/3 Tasks late \d+ today \d+/);
    fits();
    await press(app, 'screen.customers', 'list.filter');
    const withTasks = ws.customers.find((c) => ws.tasks.some((t) => t.customerId === c.id))!;
    await app.type(withTasks.id);
    await press(app, 'filter.keep', 'customers.followUp');
    expect(app.frame()).toContain('Follow-up visits for the');
    fits();
    await press(app, 'form.next');
    await app.type('2031-01-02');
    await press(app, 'form.save');
    expect(app.frame()).toContain('Create 1 follow-up task(s) due 2031-01-02? (y/N)');
    fits();
    await press(app, 'confirm.no');
    expect(ws.tasks.some((t) => t.due === '2031-01-02')).toBe(false);
    await press(app, 'list.open');
    for (let i = 0; i < 6 && !app.frame().includes('Timeline'); i++) await press(app, 'detail.nextSection');
    expect(app.frame()).toContain('Timeline: tasks and needs');
    fits();
    app.unmount();
  });
});
