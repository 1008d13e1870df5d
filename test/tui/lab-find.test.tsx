// The filtering tasks of syllabus chapters 4 (客户开发管理: identify potential customers, know
// stage, source, relation level, credit rating, 定性/定级) and 5 (客户信息管理: sources of
// customer information), done as a student does them: zh-CN, 80x24, keys only.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

type C = ReturnType<typeof loadDemoWorkspace>['customers'][number];

describe('chapters 4 and 5: finding customers with keys only (zh-CN, 80x24)', () => {
  it('finds customers by stage, source, region, relation level, credit rating and grade, then opens one', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws: loadDemoWorkspace(), lang: 'zh-CN', cols: 80, rows: 24 });
    const tasks: [string, (c: C) => boolean][] = [
      ['潜在', (c) => c.stage === 'potential'], // 如何识别潜在客户?
      ['客户阶段:流失客户', (c) => c.stage === 'lost'],
      ['客户来源:老客户介绍', (c) => c.source === 'referral'], // 客户信息有哪些来源?
      ['来源:网络 区域:本地', (c) => c.source === 'online' && c.region === 'local'],
      ['区域:国外', (c) => c.region === 'foreign'],
      ['客户关系等级:战略伙伴', (c) => c.relationLevel === 'strategic'],
      ['信用等级:A', (c) => c.creditRating === 'a'],
      ['定级:A 定性:商务客', (c) => c.grade === 'a' && c.qualType === 'business'],
      ['消费特征:灯塔型 购买目的:中间客户', (c) => c.consumptionType === 'lighthouse' && c.purpose === 'intermediary'],
    ];
    for (const [query, want] of tasks) {
      await press(app, 'list.filter');
      await app.press(KEY.ctrlU);
      await app.type(query);
      await press(app, 'filter.keep');
      const n = ws.customers.filter(want).length;
      expect(n, query).toBeGreaterThan(0);
      expect(app.frame(), query).toContain(`${n} / 200`);
      // the first row the student sees is one that was asked for
      const first = app.lines().find((l) => l.startsWith('>'))!;
      const id = /C\d{4}/.exec(first)![0];
      expect(want(ws.customers.find((c) => c.id === id)!), `${query}: ${id}`).toBe(true);
    }
    // open the last one found: its detail shows the values the filter asked for
    await press(app, 'list.open');
    expect(app.frame()).toContain('灯塔型');
    expect(app.frame()).toContain('中间客户');
    await press(app, 'detail.back');
    await press(app, 'list.clearFilter');
    expect(app.frame()).toContain('200 / 200');
    app.unmount();
  });
});
