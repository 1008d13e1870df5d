// Dealership lab d-error-complaint (error) solved with keys alone (zh-CN, in process): the
// complaint recorded, resolved with a recovery measure, the customer's satisfaction surveyed
// (u: the overall indicator, 5) and a follow-up visit planned (v on the customers' list); each
// part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';
import { todayIn } from '../../src/domain/care.js';
import { addDays } from '../../src/domain/demo-shift.js';

const LAB = findLab('d-error-complaint')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}

describe('lab d-error-complaint with keys only', { timeout: 180_000 }, () => {
  it('the complaint, its recovery, a survey and a follow-up: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: tickets (6), n: 主题, 客户 李志明, 类型 投诉, (日期), 渠道 电话, 投诉类别 服务态度
    await press(app, 'screen.tickets', 'record.new');
    await app.type('保养时维修工态度恶劣');
    await press(app, 'form.next');
    await choose(app, '李志明');
    await press(app, 'form.next');
    await choose(app, '投诉');
    await press(app, 'form.next', 'form.next');
    await choose(app, '电话');
    await press(app, 'form.next');
    await choose(app, '服务态度');
    await press(app, 'form.save');
    const id = ws.tickets.at(-1)!.id;
    const rec = () => ws.tickets.find((t) => t.id === id)!;
    expect(rec()).toMatchObject({ type: 'complaint', category: 'service', channel: 'phone' });
    expect(score()).toBe(25);

    // 2: a (its next step) until resolved, with a voucher among the measures
    await press(app, 'list.filter');
    await app.type(id);
    await press(app, 'filter.keep');
    for (let i = 0; i < 3 && rec().status !== 'investigating'; i++) {
      await press(app, 'tickets.advance');
      await app.type('已受理并核实');
      await press(app, 'form.save');
    }
    await press(app, 'tickets.advance');
    await app.type('向客户致歉并处理维修工');
    await press(app, 'form.next', 'form.next');
    await app.type('致歉并赠送代金券');
    await press(app, 'form.next', 'form.enter', 'nested.add');
    await app.type('代金券');
    await press(app, 'nestedRow.next');
    await app.type('200');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(rec().status).toBe('resolved');
    expect(score()).toBe(60);

    // 3: u, his satisfaction: the overall indicator 5
    await press(app, 'tickets.survey', 'form.next', 'form.next', 'form.next', 'form.next', 'form.enter', 'nested.add');
    await app.type('总体满意度');
    await press(app, 'nestedRow.next');
    await app.type('5');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(score()).toBe(80);

    // 4: customers (1), filtered to him, v: a follow-up visit in three days by phone
    const today = todayIn(new Date(), ws.settings.timeZone);
    await press(app, 'screen.customers', 'list.filter');
    await app.type('李志明');
    await press(app, 'filter.keep', 'customers.followUp', 'form.next');
    await app.type(addDays(today, 3));
    await press(app, 'form.next');
    await choose(app, '电话');
    await press(app, 'form.save', 'confirm.yes');
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
