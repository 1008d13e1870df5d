// Lab ch06-grading solved with keys alone (zh-CN, in process): the customers of 39,000 yuan a
// year or more found with a comparison filter, each made a key customer graded A, then each
// given to the sales manager; the first pass scores its two tasks, the second full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch06-grading')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
async function next(app: App, n: number) {
  for (let i = 0; i < n; i++) await press(app, 'form.next');
}

describe('lab ch06-grading with keys only', { timeout: 240_000 }, () => {
  it('key customers graded A, then their owner: partial marks after the first pass, full after the second', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);
    await press(app, 'list.filter');
    await app.type('定量>=39000');
    await press(app, 'filter.keep');
    const big = ws.customers.filter((c) => Number(c.quantValue) >= 3900000).map((c) => c.id);
    expect(big.length).toBeGreaterThan(0);
    expect(app.frame()).toContain(`客户 ${big.length} / `);

    // each one: 定级 (field 19) A, 客户分级 (field 23) 关键客户
    await press(app, 'list.first');
    for (let i = 0; i < big.length; i++) {
      await press(app, 'record.edit', 'form.pageDown', 'form.pageDown');
      await next(app, 3);
      await choose(app, 'A');
      await next(app, 4);
      await choose(app, '关键客户');
      await press(app, 'form.save', 'list.down');
    }
    for (const id of big) expect(ws.customers.find((c) => c.id === id)).toMatchObject({ grade: 'a', valueTier: 'key' });
    expect(score()).toBe(70);

    // each one's owner (负责人, field 26): the sales manager 张丽
    await press(app, 'list.first');
    for (let i = 0; i < big.length; i++) {
      await press(app, 'record.edit', 'form.pageDown', 'form.pageDown', 'form.pageDown');
      await next(app, 2);
      await choose(app, '张丽');
      await press(app, 'form.save', 'list.down');
    }
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
