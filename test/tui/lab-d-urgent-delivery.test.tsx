// Dealership lab d-urgent-delivery (urgent) solved with keys alone (zh-CN, in process): the
// customer called and the call logged as done with its result, the delay written on the won
// opportunity, a care task to make up for it; each part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('d-urgent-delivery')!;
const END = '\u001b[F';
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
async function next(app: App, n: number) {
  for (let i = 0; i < n; i++) await press(app, 'form.next');
}

describe('lab d-urgent-delivery with keys only', { timeout: 180_000 }, () => {
  it('a call logged, the delay on the opportunity, a care task: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: tasks (3), n: 主题, (类型 沟通), 方式 电话, 客户 赵建国, … 状态 (9) 已完成, 结果 (10)
    await press(app, 'screen.tasks', 'record.new');
    await app.type('电话告知提车延期');
    await next(app, 2);
    await choose(app, '电话');
    await press(app, 'form.next');
    await choose(app, '赵建国');
    await next(app, 6);
    await choose(app, '已完成');
    await press(app, 'form.next');
    await app.type('客户同意延期到 30 日提车');
    await press(app, 'form.save');
    expect(ws.tasks.at(-1)).toMatchObject({ type: 'communication', channel: 'phone', status: 'done' });
    expect(score()).toBe(40);

    // 2: the funnel (4): the opportunity found, its 备注 (field 11) kept (End) and the delay added
    await press(app, 'screen.funnel', 'list.filter');
    await app.type('525Li');
    await press(app, 'filter.keep', 'record.edit');
    await next(app, 11);
    await app.press(END);
    await app.type('；延期至 11 月 30 日提车');
    await press(app, 'form.save');
    expect(String(ws.opportunities.find((o) => String(o.name).includes('525Li'))!.notes)).toBe('原定 11 月 15 日提车；延期至 11 月 30 日提车');
    expect(score()).toBe(70);

    // 3: a care task (类型 关怀) for him
    await press(app, 'screen.tasks', 'record.new');
    await app.type('赠送一次免费保养');
    await press(app, 'form.next');
    await choose(app, '关怀');
    await next(app, 2);
    await choose(app, '赵建国');
    await press(app, 'form.save');
    expect(ws.tasks.at(-1)).toMatchObject({ type: 'care', subject: '赠送一次免费保养' });
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
