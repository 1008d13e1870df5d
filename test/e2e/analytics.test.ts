// Screen 7 in a real terminal (tmux, the built app): the RFM tab opens with the segments the
// report counts, the tabs switch, the revenue line chart is drawn once its module is loaded
// (plain mode: ASCII), and nothing wraps, in Chinese and in English.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { tmpDir } from '../helpers/tmp.js';
import { runBin } from '../helpers/cli.js';
import { displayWidth } from '../../src/text/width.js';

afterAll(() => TmuxSession.killServer());

const fitsIn = (screen: string, cols: number, rows: number) => {
  const lines = screen.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(displayWidth(l.trimEnd()), l).toBeLessThanOrEqual(cols);
};

describe('screen 7 in a real terminal', () => {
  for (const [lang, cols, best, tab, revenue] of [
    ['zh-CN', 80, '重要价值客户', '[金字塔]', '每月收入'],
    ['en', 60, 'Important v', '[Pyramid]', 'Revenue per month'],
  ] as const) {
    it(`${lang} at ${cols}x24: RFM as report rfm counts it, the pyramid, the revenue line`, async () => {
      const file = path.join(tmpDir(), 'workspace.json');
      expect(runBin(['--data', file, 'init', '--demo']).code).toBe(0);
      const report = JSON.parse(runBin(['--data', file, 'report', 'rfm', '--json']).stdout) as { segments: { code: string; customers: number }[] };
      const s = TmuxSession.start(`analytics-${lang}`, ['--data', file, '--lang', lang, '--ascii'], { cols, rows: 24 });
      await s.waitFor(lang === 'en' ? 'Customers 200 of 200' : '客户 200 / 200');
      s.keys('7');
      const rfm = await s.waitFor('[RFM]');
      const row = rfm.split('\n').find((l) => l.startsWith('111'))!;
      expect(row).toContain(best);
      const count = (code: string) => Number(/^\d{3}\D*?(\d+)\s/.exec(rfm.split('\n').find((l) => l.startsWith(code))!)![1]);
      for (const seg of report.segments) expect(count(seg.code), seg.code).toBe(seg.customers);
      fitsIn(rfm, cols, 24);
      s.keys('[');
      fitsIn(await s.waitFor(tab), cols, 24);
      s.keys('[');
      await s.waitFor(lang === 'en' ? '[Stats]' : '[统计]');
      for (let i = 0; i < 7; i++) s.keys('v');
      const chart = await s.waitFor((x) => x.includes(revenue) && /\+-|-'|'-/.test(x));
      fitsIn(chart, cols, 24);
      expect(chart).not.toMatch(/[┤╭╮╯╰─│]/);
      s.keys('q');
      await s.waitFor('EXIT=0');
      s.kill();
    }, 40_000);
  }
});
