// Lab ch09-service solved with keys alone (zh-CN, in process): a complaint taken to resolved with
// a recovery measure (a), its handling surveyed (u: the overall indicator scored, which is the
// survey's 总体满意度), and a new complaint with its category, severity and channel; each part
// scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch09-service')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}

describe('lab ch09-service with keys only', { timeout: 180_000 }, () => {
  it('resolved with a measure, surveyed, a new complaint: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: the complaint's next steps (a) up to resolved, the measure in the resolving step's editor
    await press(app, 'screen.tickets', 'list.filter');
    await app.type('空调不制冷');
    await press(app, 'filter.keep');
    const rec = () => ws.tickets.find((t) => String(t.subject).includes('空调不制冷'))!;
    for (let i = 0; i < 3 && rec().status !== 'investigating'; i++) {
      await press(app, 'tickets.advance');
      await app.type('已处理');
      await press(app, 'form.save');
    }
    expect(rec().status).toBe('investigating');
    await press(app, 'tickets.advance');
    await app.type('维修空调并为客人换房');
    await press(app, 'form.next', 'form.next');
    await app.type('免费升级房型');
    await press(app, 'form.next', 'form.enter', 'nested.add');
    await app.type('升级房型');
    await press(app, 'nestedRow.next');
    await app.type('300');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(rec().status).toBe('resolved');
    expect(score()).toBe(40);

    // 2: u, a survey of its handling: the overall indicator scored 4
    await press(app, 'tickets.survey', 'form.next', 'form.next', 'form.next', 'form.next', 'form.enter', 'nested.add');
    await app.type('总体满意度');
    await press(app, 'nestedRow.next');
    await app.type('4');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(ws.surveys.at(-1)).toMatchObject({ ticketId: rec().id, scores: { overall: 4 }, overall: 4 });
    expect(score()).toBe(65);

    // 3: a new complaint for 陶欣: 主题, 客户, 类型, (日期), 渠道, 投诉类别, 严重程度
    await press(app, 'list.clearFilter', 'record.new');
    await app.type('洗衣服务态度差');
    await press(app, 'form.next');
    await choose(app, '陶欣');
    await press(app, 'form.next');
    await choose(app, '投诉');
    await press(app, 'form.next', 'form.next');
    await choose(app, '电话');
    await press(app, 'form.next');
    await choose(app, '服务态度');
    await press(app, 'form.next');
    await choose(app, '一般');
    await press(app, 'form.save');
    expect(ws.tickets.at(-1)).toMatchObject({ subject: '洗衣服务态度差', type: 'complaint', category: 'service', severity: 'medium', channel: 'phone' });
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
