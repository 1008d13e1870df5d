// Screen 6, service tickets: the lab of syllabus ch. 9 with keys. A complaint is opened for a
// customer; seed 002's angry guest (the air conditioning does not cool) is taken through every
// handling step to closed with a recovery measure; the steps show on the detail and the
// overdue count follows.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';

describe('<App /> service tickets screen', () => {
  it('opens a complaint, walks the angry guest through every step to closed, shows the steps and the counts', async () => {
    const app = await renderApp({ lang: 'zh-CN', cols: 100, rows: 60 });
    const { ws } = app;
    await press(app, 'screen.tickets');
    // the demo, read today: every unresolved ticket is past its SLA
    expect(app.frame()).toContain('未结 11 · 超时 7');
    const first = app.lines().find((l) => /W\d{4}/.test(l))!;
    expect(first).toContain('>');
    expect(first).toContain('W0003'); // the longest overdue first

    // a new complaint for a customer starts at received
    await press(app, 'record.new');
    await app.type('早餐咖啡是凉的');
    await press(app, 'form.next');
    await app.type('C0002');
    await press(app, 'picker.pick', 'form.next');
    await app.type('投诉');
    await press(app, 'picker.pick', 'form.save');
    const opened = ws.tickets.at(-1)!;
    expect(opened).toMatchObject({ subject: '早餐咖啡是凉的', customerId: 'C0002', type: 'complaint', status: 'received' });
    expect(opened.steps).toHaveLength(1);
    expect(app.frame()).toContain('未结 12 · 超时 7');

    // seed 002's guest: found by the filter, then a, a, a …
    await press(app, 'list.filter');
    await app.type('W0001');
    await press(app, 'filter.keep');
    const step = async (note: string, ...more: string[]) => {
      await press(app, 'tickets.advance', 'form.next');
      await app.type(note);
      for (const m of more) {
        await press(app, 'form.next');
        await app.type(m);
      }
      await press(app, 'form.save');
    };
    const w1 = () => ws.tickets.find((t) => t.id === 'W0001')!;
    await step('已向客人致歉，15 分钟内到场');
    expect(w1().status).toBe('acknowledged');
    await step('工程部检查：压缩机故障');
    expect(w1().status).toBe('investigating');
    expect(app.frame()).toContain('超时 7');
    await step('已换房并修复空调', '免费升级行政套房', '300');
    expect(w1()).toMatchObject({ status: 'resolved', recovery: '免费升级行政套房', recoveryCost: 30000 });
    expect(app.frame()).toContain('未结 12 · 超时 6');
    await step('电话回访，客人满意');
    await step('归档');
    expect(w1().status).toBe('closed');
    expect(app.frame()).toContain('未结 11 · 超时 6');
    // closed: a is refused, r would reopen
    await press(app, 'tickets.advance');
    expect(w1().status).toBe('closed');

    await press(app, 'list.open');
    const f = app.frame();
    expect(f).toContain('处理过程 (6)');
    // the detail's view of the steps field: status, time, employee, note
    expect(f).toMatch(/已接收 +2026-08-31 \d\d:00 +\S+ +前台接到客人反映/);
    expect(f).toMatch(/已受理 +\d{4}-\d\d-\d\d \d\d:\d\d +admin +已向客人致歉/);
    const steps = w1().steps as { status: string; by: string; note: string }[];
    expect(steps.map((s) => s.status)).toEqual(['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed']);
    expect(steps.slice(1).every((s) => s.by === 'admin')).toBe(true);
    expect(f).toContain(steps[0]!.by); // who received it, in the demo
    app.unmount();
  });
});
