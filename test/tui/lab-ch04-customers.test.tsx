// Lab ch04-customers solved with keys alone (zh-CN, in process): a new guest with the fields the
// course asks for, the three-in-one profile (定性/定级/定量) filled in, a prospect made a target
// (t) and a decision-maker added to a company; each part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch04-customers')!;
type App = Awaited<ReturnType<typeof renderApp>>;

/** from the form's current field, `n` fields on */
async function skip(app: App, n: number) {
  for (let i = 0; i < n; i++) await press(app, 'form.next');
}
/** a choice field: the text typed filters its options, the first one is taken */
async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
async function find(app: App, name: string) {
  await press(app, 'list.clearFilter', 'list.filter');
  await app.type(name);
  await press(app, 'filter.keep');
}

describe('lab ch04-customers with keys only', { timeout: 180_000 }, () => {
  it('a new guest, the profile, a target and a contact: each task scores as it is done, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: 林晓峰 — 客户名称, 客户类型, (阶段), 性别, … 手机 (7), … 城市 (12), … 客户来源 (14)
    await press(app, 'record.new');
    await app.type('林晓峰');
    await press(app, 'form.next');
    await choose(app, '个人');
    await skip(app, 2);
    await choose(app, '男');
    await skip(app, 4);
    await app.type('13812345678');
    await skip(app, 5);
    await app.type('杭州');
    await skip(app, 2);
    await choose(app, '老客户介绍');
    await press(app, 'form.save');
    expect(ws.customers.find((c) => c.name === '林晓峰')).toMatchObject({ kind: 'individual', gender: 'male', phone: '13812345678', city: '杭州', source: 'referral' });
    expect(score()).toBe(30);

    // 2: the profile — 客户信用等级 (16), 结款方式 (17), 定性 (18), 定级 (19), 定量 (20)
    await find(app, '林晓峰');
    await press(app, 'record.edit', 'form.pageDown', 'form.pageDown');
    await choose(app, 'AAA');
    await press(app, 'form.next');
    await choose(app, '现金');
    await press(app, 'form.next');
    await choose(app, '商务客');
    await press(app, 'form.next');
    await app.type('B');
    await press(app, 'picker.pick', 'form.next');
    await app.type('12000');
    await press(app, 'form.save');
    expect(ws.customers.find((c) => c.name === '林晓峰')).toMatchObject({ qualType: 'business', grade: 'b', quantValue: 1200000 });
    expect(score()).toBe(60);

    // 3: 邱建 becomes a target (t)
    await find(app, '邱建');
    await press(app, 'customers.stage');
    await choose(app, '目标客户');
    expect(ws.customers.find((c) => c.name === '邱建')!.stage).toBe('target');
    expect(score()).toBe(80);

    // 4: 周敏, 行政经理, 手机, 决策者, under 宁波锦程食品有限公司 (c from its row)
    await find(app, '宁波锦程食品');
    await press(app, 'customers.addContact');
    await app.type('周敏');
    await skip(app, 2);
    await app.type('行政经理');
    await press(app, 'form.next');
    await app.type('13967890123');
    await skip(app, 4);
    await choose(app, '决策者');
    await press(app, 'form.save');
    expect(ws.contacts.at(-1)).toMatchObject({ name: '周敏', title: '行政经理', phone: '13967890123', decisionRole: 'decider' });
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
