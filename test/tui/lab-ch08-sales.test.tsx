// Lab ch08-sales solved with keys alone (zh-CN, in process), from the lab's own workspace: a lead
// converted, an opportunity made at the proposal stage, another won, and a room order with three
// executive suites; each part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';
import { todayIn } from '../../src/domain/care.js';

const LAB = findLab('ch08-sales')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
/** until what a key started (a conversion, a move of stage) is done: at most 5 s on a loaded machine */
async function settle(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('lab ch08-sales with keys only', { timeout: 180_000 }, () => {
  it('a lead converted, an opportunity at the proposal stage, one won, a room order: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: the leads (L on screen 4): the lead found and converted
    await press(app, 'screen.funnel', 'funnel.leads', 'list.filter');
    await app.type('阿里巴巴 2027');
    await press(app, 'filter.keep', 'leads.convert', 'picker.pick');
    await settle(() => score() === 25);
    expect(score()).toBe(25);

    // 2: the funnel (F): a new opportunity, 名称, 客户, 阶段 方案报价, 金额
    await press(app, 'list.clearFilter', 'leads.funnel', 'record.new');
    await app.type('Kim Holdings 秋季培训会议');
    await press(app, 'form.next');
    await choose(app, 'Kim Holdings');
    await press(app, 'form.next');
    await choose(app, '方案报价');
    await press(app, 'form.next');
    await app.type('80000');
    await press(app, 'form.save');
    await settle(() => score() === 50);
    expect(ws.opportunities.at(-1)).toMatchObject({ name: 'Kim Holdings 秋季培训会议', stage: 'proposal', amount: 8000000 });
    expect(score()).toBe(50);

    // 3: w on the deal: won
    await press(app, 'list.filter');
    await app.type('北京明德建设年度协议价');
    await press(app, 'filter.keep', 'funnel.win');
    await settle(() => score() === 75);
    expect(score()).toBe(75);

    // 4: orders (5), n: 客户, 下单日期, (客房), … 明细 (field 5): 行政套房 × 3
    await press(app, 'screen.orders', 'record.new');
    await choose(app, 'Kim Holdings');
    await press(app, 'form.next');
    await app.type(todayIn(new Date(), ws.settings.timeZone));
    for (let i = 0; i < 4; i++) await press(app, 'form.next');
    await press(app, 'form.enter', 'nested.add');
    // the line's 产品 takes the product's whole name as the task gives it (or its code), 说明 and 数量 as typed
    await app.type('行政套房 Executive Suite');
    await press(app, 'nestedRow.next');
    await app.type('行政套房 3 晚');
    await press(app, 'nestedRow.next');
    await app.type('3');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(ws.orders.at(-1)).toMatchObject({ type: 'room', items: [expect.objectContaining({ qty: 3 })] });
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
