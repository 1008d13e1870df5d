// A person's surname is read as a surname (曾 zeng, 单 shan, 尉迟 yuchi) when the list is
// filtered by pinyin and sorted by name; a company's name is read as written.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { emptyWorkspace, type Workspace } from '../../src/domain/workspace.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The pinyin table is loaded when first needed (import()): wait for what it brings, up to 5 s. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 250 && !ok(); i++) await sleep(20);
}

function workspace(): Workspace {
  const ws = emptyWorkspace('2026-10-01T00:00:00.000Z');
  const at = '2026-10-01T00:00:00.000Z';
  const people: [string, string][] = [
    ['曾小明', 'individual'], ['张三', 'individual'], ['蔡明', 'individual'], ['单田芳', 'individual'],
    ['邓超', 'individual'], ['曾经科技', 'corporate'], ['尉迟敬', 'individual'], ['王五', 'individual'],
  ];
  people.forEach(([name, kind], i) => {
    ws.customers.push({ id: `C000${i + 1}`, name, kind, stage: 'potential', tags: [], stageHistory: [], createdAt: at, updatedAt: at } as Workspace['customers'][number]);
  });
  ws.counters.customers = people.length;
  return ws;
}
const names = (lines: string[]) => lines.filter((l) => /^[> ] C\d{4}/.test(l)).map((l) => l.split(/\s+/)[2]);

describe('surnames in pinyin', () => {
  it('the filter finds 曾小明 by zxm / zengxiaoming, 单田芳 by shan, 尉迟敬 by ycj; the company 曾经科技 by cjkj', async () => {
    const app = await renderApp({ ws: workspace(), cols: 100 });
    const find = async (q: string, expected: string[]) => {
      await press(app, 'list.filter');
      await app.type(q);
      await until(() => names(app.lines()).join() === expected.join());
      const found = names(app.lines());
      await press(app, 'filter.clear');
      return found;
    };
    expect(await find('zxm', ['曾小明'])).toEqual(['曾小明']);
    expect(await find('zengxiaoming', ['曾小明'])).toEqual(['曾小明']);
    expect(await find('cxm', [])).toEqual([]);
    expect(await find('shantian', ['单田芳'])).toEqual(['单田芳']);
    expect(await find('ycj', ['尉迟敬'])).toEqual(['尉迟敬']);
    expect(await find('cjkj', ['曾经科技'])).toEqual(['曾经科技']);
    app.unmount();
  });

  it('sorting by name puts 曾小明 under z and 单田芳 under s, the company 曾经科技 under c', async () => {
    const app = await renderApp({ ws: workspace(), cols: 100 });
    const expected = ['蔡明', '曾经科技', '邓超', '单田芳', '王五', '尉迟敬', '曾小明', '张三'];
    await press(app, 'list.sort'); // id → name
    await until(() => names(app.lines()).join() === expected.join());
    expect(names(app.lines())).toEqual(expected);
    app.unmount();
  });
});
