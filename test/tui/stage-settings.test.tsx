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
