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

describe('screen 7 filters and mark lost in a real terminal', () => {
  for (const [lang, cols] of [['en', 60], ['zh-CN', 80]] as const) {
    it(`${lang} at ${cols}x24: o and p give report rfm --owner --from --to's counts; x marks a churn customer lost, on disk`, async () => {
      const file = path.join(tmpDir(), 'workspace.json');
      expect(runBin(['--data', file, 'init', '--demo']).code).toBe(0);
      const report = JSON.parse(runBin(['--data', file, 'report', 'rfm', '--json', '--owner', 'zhangli', '--from', '2026-01-01', '--to', '2026-06-30']).stdout) as { segments: { code: string; customers: number }[] };
      const churn = JSON.parse(runBin(['--data', file, 'report', 'churn', '--json']).stdout) as { alreadyLost: number; rows: { customerId: string }[] };
      const s = TmuxSession.start(`analytics-filter-${lang}`, ['--data', file, '--lang', lang, '--ascii'], { cols, rows: 24 });
      await s.waitFor(lang === 'en' ? 'Customers 200 of 200' : '客户 200 / 200');
      s.keys('7');
      await s.waitFor('[RFM]');
      s.keys('o');
      await s.waitFor(lang === 'en' ? 'Every owner' : '全部负责人');
      s.type('zhangli');
      await s.waitFor((x) => x.includes('(zhangli)') && !x.includes('(wangqiang)'));
      s.keys('Enter');
      await s.waitFor(lang === 'en' ? 'owner 张丽' : '负责人 张丽');
      s.keys('p');
      await s.waitFor(lang === 'en' ? 'Period (' : '期间 (');
      s.type('2026-01..2026-06');
      await s.waitFor('2026-01..2026-06');
      s.keys('Enter');
      const rfm = await s.waitFor(lang === 'en' ? 'period 2026-01-01..2026-06-30' : '期间 2026-01-01..2026-06-30');
      const count = (code: string) => Number(/^\d{3}\D*?(\d+)\s/.exec(rfm.split('\n').find((l) => l.startsWith(code))!)![1]);
      for (const seg of report.segments) expect(count(seg.code), seg.code).toBe(seg.customers);
      fitsIn(rfm, cols, 24);
      // every owner again, then the churn tab's customers: x on the first, reason "price"
      s.keys('o');
      await s.waitFor(lang === 'en' ? 'Every owner' : '全部负责人');
      s.keys('PageUp');
      await s.waitFor((x) => /> .*(Every owner|全部负责人)/.test(x));
      s.keys('Enter');
      await s.waitFor((x) => !x.includes('张丽') && x.includes('[RFM]'));
      for (const t of lang === 'en' ? ['[KAISM]', '[Lifetime value]', '[Churn]'] : ['[KAISM]', '[终身价值]', '[流失预警]']) {
        s.keys(']');
        await s.waitFor(t);
      }
      s.keys('v');
      await s.waitFor((x) => x.split('\n').some((l) => l.startsWith(churn.rows[0].customerId)));
      // j and x in one burst (a quick typist on a slow link): x is for the row j reached
      const id = churn.rows[1].customerId;
      s.keys('j', 'x');
      await s.waitFor(lang === 'en' ? `Why is ${id}` : `${id} `);
      s.keys('Enter');
      const done = await s.waitFor(lang === 'en' ? 'marked lost: Price' : '已标记为流失: 价格因素');
      fitsIn(done, cols, 24);
      s.keys('q');
      await s.waitFor('EXIT=0');
      s.kill();
      const after = JSON.parse(runBin(['--data', file, 'report', 'churn', '--json']).stdout) as { alreadyLost: number; rows: { customerId: string }[] };
      expect(after.alreadyLost).toBe(churn.alreadyLost + 1);
      expect(after.rows.map((r) => r.customerId)).not.toContain(id);
    }, 60_000);
  }
});
