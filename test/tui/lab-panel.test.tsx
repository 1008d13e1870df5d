// The lab panel: a lab's workspace opens with its tasks shown, and each task ticks itself as
// the keys do the work (ch10-churn solved with keys alone, in-process). Ctrl+L hides it; wide
// terminals show it beside the screen with the scenario and why a task is not done.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { todayIn } from '../../src/domain/care.js';
import { addDays } from '../../src/domain/demo-shift.js';
import { displayWidth } from '../../src/text/width.js';

const startLab = (id: string) => labStartWorkspace(findLab(id)!, loadDemoWorkspace, new Date());
const taskLine = (frame: string, n: number) => frame.split('\n').find((l) => new RegExp(`\\[[x ]\\] ${n} `).test(l)) ?? '';

describe('lab panel', () => {
  it('ch10-churn by keys: follow-ups for the filtered lost customers, one won back, one given up; each task ticks as it is done', async () => {
    const ws = startLab('ch10-churn');
    const today = todayIn(new Date(), ws.settings.timeZone);
    const app = await renderApp({ ws, lang: 'zh-CN' });
    expect(app.frame()).toContain('实训 客户流失管理');
    expect(app.frame()).toContain('0/100 分');
    for (const n of [1, 2, 3]) expect(taskLine(app.frame(), n)).toContain('[ ]');
    for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(80);

    // 1: filter the lost customers, f makes a follow-up visit for each of them
    await press(app, 'list.filter');
    await app.type('stage:流失');
    await press(app, 'filter.keep', 'customers.followUp', 'form.next');
    await app.type(addDays(today, 3));
    await press(app, 'form.next');
    await app.type('电话');
    await press(app, 'picker.pick', 'form.save', 'confirm.yes');
    expect(taskLine(app.frame(), 1)).toContain('[x]');
    expect(app.frame()).toContain('40/100 分');

    // 2: 贾浩 won back (t, then the repeat stage)
    await press(app, 'list.clearFilter', 'list.filter');
    await app.type('贾浩');
    await press(app, 'filter.keep', 'customers.stage');
    await app.type('重复购买');
    await press(app, 'picker.pick');
    expect(ws.customers.find((c) => c.name === '贾浩')!.stage).toBe('repeat');
    expect(taskLine(app.frame(), 2)).toContain('[x]');
    expect(taskLine(app.frame(), 3)).toContain('[ ]');

    // 3: 杨艳 given up (non-customer)
    await press(app, 'list.clearFilter', 'list.filter');
    await app.type('杨艳');
    await press(app, 'filter.keep', 'customers.stage');
    await app.type('非客户');
    await press(app, 'picker.pick');
    expect(taskLine(app.frame(), 3)).toContain('[x]');
    expect(app.frame()).toContain('100/100 分');

    // Ctrl+L hides the panel and shows it again
    await press(app, 'app.labPanel');
    expect(app.frame()).not.toContain('100/100 分');
    await press(app, 'app.labPanel');
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });

  it('beside the screen at 120 columns: the scenario and the reason of a task not done; fits 60 columns below', async () => {
    const ws = startLab('ch04-customers');
    const app = await renderApp({ ws, lang: 'en', cols: 120, rows: 30 });
    const f = app.frame();
    expect(f).toContain('Lab Customer development');
    expect(f).toContain('A guest referred 林晓峰');
    expect(f).toContain('Customers with Name = 林晓峰: 0');
    for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(120);
    await app.resize(60, 24);
    expect(app.frame()).toContain('0/100 points');
    expect(taskLine(app.frame(), 4)).toContain('[ ]');
    for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    app.unmount();
  });

  it('a workspace of no lab: Ctrl+L says how to start one', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'app.labPanel');
    expect(app.frame()).toContain('This workspace belongs to no lab');
    app.unmount();
  });
});
