// Configurable stages (issue 19): a stage added on screen 9 (数据字典 oppStage) shows on the
// funnel in its place; one no opportunity is at is removed with x; won stays where it is.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { displayWidth } from '../../src/text/width.js';

async function stagesList(app: Awaited<ReturnType<typeof renderApp>>) {
  await press(app, 'screen.settings', 'settings.prev', 'settings.prev');
  for (let i = 0; i < 40 && !app.frame().includes('(oppStage)'); i++) await press(app, 'values.nextList');
  expect(app.frame()).toContain('(oppStage)');
}

for (const [lang, label, cols] of [['zh-CN', '实地考察', 80], ['en', 'Site visit', 60]] as const) {
  describe(`<App /> adding a stage (${lang}, ${cols} columns)`, () => {
    it('n adds a stage before won with its probability; the funnel shows it; x removes it again', async () => {
      const ws = loadDemoWorkspace();
      const app = await renderApp({ ws, lang, cols, rows: 24 });
      await stagesList(app);
      await press(app, 'values.add');
      // the number's label is shown whole (a Chinese label was once cut to 成交概~ at 80 columns)
      expect(app.frame()).toContain(lang === 'en' ? 'Probability %' : '成交概率 %');
      await app.type('visit');
      await press(app, 'fields.next');
      await app.type('实地考察');
      await press(app, 'fields.next');
      await app.type('Site visit');
      await press(app, 'fields.next');
      await app.type('60');
      await press(app, 'fields.save');
      expect(ws.valueLists.oppStage.map((v) => v.code)).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'visit', 'won', 'lost']);
      expect(ws.valueLists.oppStage[4]).toMatchObject({ code: 'visit', zh: '实地考察', en: 'Site visit', probability: 60 });
      // K moves it up, between proposal and negotiation
      await press(app, 'values.moveUp');
      expect(ws.valueLists.oppStage.map((v) => v.code).slice(2, 5)).toEqual(['proposal', 'visit', 'negotiation']);
      // won stays where it is
      for (let i = 0; i < 3; i++) await press(app, 'values.down');
      await press(app, 'values.moveUp');
      expect(ws.valueLists.oppStage.at(-2)!.code).toBe('won');

      // the funnel: a chart line for the new stage, in its place, with none at it yet
      await press(app, 'screen.funnel');
      const lines = app.lines();
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      // (at 60 columns a label is cut to its first columns)
      const at = (s: string) => lines.findIndex((l) => l.trimStart().startsWith(s.slice(0, 4)) && l.includes('¥'));
      expect(at(label)).toBeGreaterThan(at(lang === 'en' ? 'Proposal' : '方案报价'));
      expect(at(label)).toBeLessThan(at(lang === 'en' ? 'Negotiation' : '商务谈判'));

      // back in settings, x removes it: no opportunity is at it
      await stagesList(app);
      for (let i = 0; i < 3; i++) await press(app, 'values.down');
      await press(app, 'values.retire');
      expect(ws.valueLists.oppStage.map((v) => v.code)).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'won', 'lost']);
      app.unmount();
    });
  });
}

describe('<App /> the funnel follows what the list shows', () => {
  it('/ an owner or a period: the chart counts only those; v mine and v the last 90 days do too', async () => {
    const ws = loadDemoWorkspace();
    const wang = ws.employees.find((e) => e.login === 'wangqiang')!;
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 24 });
    await press(app, 'screen.funnel', 'list.filter');
    await app.type(`负责人:${String(wang.name)}`);
    await press(app, 'filter.keep');
    const chartTotal = () =>
      app
        .lines()
        .filter((l) => /^(Prospecting|Needs|Proposal|Negotiation|Won|Lost)\b.*¥/.test(l.trimStart()))
        .reduce((a, l) => a + Number(/\s(\d+)\s+¥/.exec(l)![1]), 0);
    const theirs = ws.opportunities.filter((o) => o.ownerId === wang.id).length;
    expect(theirs).toBeGreaterThan(0);
    expect(theirs).toBeLessThan(ws.opportunities.length);
    expect(chartTotal(), app.frame()).toBe(theirs);
    await press(app, 'list.clearFilter');
    expect(chartTotal()).toBe(ws.opportunities.length);
    // a period: created on or after a day
    const day = [...ws.opportunities].map((o) => o.createdAt.slice(0, 10)).sort()[30];
    await press(app, 'list.filter');
    await app.type(`createdAt>=${day}`);
    await press(app, 'filter.keep');
    const inPeriod = ws.opportunities.filter((o) => o.createdAt.slice(0, 10) >= day).length;
    expect(Math.abs(chartTotal() - inPeriod), app.frame()).toBeLessThanOrEqual(2);
    expect(chartTotal()).toBeLessThan(ws.opportunities.length);
    await press(app, 'list.clearFilter');
    // v: the administrator's own (none), then the last 90 days'
    await press(app, 'funnel.view');
    expect(app.frame()).toContain('[mine]');
    expect(chartTotal()).toBe(0);
    await press(app, 'funnel.view');
    expect(app.frame()).toContain('[last 90 days]');
    const since = Date.now() - 90 * 86_400_000;
    const recent = ws.opportunities.filter((o) => Date.parse(o.createdAt) >= since - 86_400_000 && Date.parse(o.createdAt) <= Date.now()).length;
    expect(Math.abs(chartTotal() - recent)).toBeLessThanOrEqual(1);
    expect(chartTotal()).toBeLessThan(ws.opportunities.length);
    app.unmount();
  });
});
