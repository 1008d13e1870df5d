// Lab ch07-care solved with keys alone (zh-CN, in process), from the lab's own workspace: a
// decision-maker under a company, her birthday with a reminder, a visit logged as done with the
// need heard, and a birthday care task; each part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch07-care')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
async function next(app: App, n: number) {
  for (let i = 0; i < n; i++) await press(app, 'form.next');
}
/** a task (3, n): 主题, 类型, 方式, 客户, 联系人, then `rest` on the form */
async function task(app: App, subject: string, type: string, channel: string, rest: (app: App) => Promise<void>) {
  await press(app, 'screen.tasks', 'record.new');
  await app.type(subject);
  await press(app, 'form.next');
  await choose(app, type);
  await press(app, 'form.next');
  await choose(app, channel);
  await press(app, 'form.next');
  await choose(app, 'Tanaka');
  await press(app, 'form.next');
  await choose(app, '王海燕');
  await rest(app);
  await press(app, 'form.save');
}

describe('lab ch07-care with keys only', { timeout: 180_000 }, () => {
  it('a contact, her birthday, a visit done, a care task: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: the company found, c: 王海燕, 职务 行政总监, 决策角色 (field 7) 决策者
    await press(app, 'list.filter');
    await app.type('Tanaka');
    await press(app, 'filter.keep', 'customers.addContact');
    await app.type('王海燕');
    await next(app, 2);
    await app.type('行政总监');
    await next(app, 5);
    await choose(app, '决策者');
    await press(app, 'form.save');
    expect(score()).toBe(25);

    // 2: her birthday, 7 days' notice
    await press(app, 'customers.addAnniversary');
    await choose(app, '生日');
    await press(app, 'form.next');
    await app.type('1985-10-18');
    await press(app, 'form.next');
    await choose(app, '王海燕');
    await press(app, 'form.next');
    await app.type('7');
    await press(app, 'form.save');
    expect(score()).toBe(50);

    // 3: the visit, done (状态, field 9), the need heard (客户需求, field 11)
    await task(app, '拜访王海燕', '沟通', '拜访', async (a) => {
      await next(a, 5);
      await choose(a, '已完成');
      await next(a, 2);
      await a.type('需要含早餐的协议价');
    });
    expect(ws.tasks.at(-1)).toMatchObject({ type: 'communication', channel: 'visit', status: 'done', need: '需要含早餐的协议价' });
    expect(score()).toBe(80);

    // 4: a birthday greeting by WeChat
    await task(app, '生日祝福', '关怀', '微信', async () => {});
    expect(ws.tasks.at(-1)).toMatchObject({ type: 'care', channel: 'wechat', subject: '生日祝福' });
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
