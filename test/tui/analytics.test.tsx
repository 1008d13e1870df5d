// Screen 7, analytics: the segment tables show the services' figures at 80x24 and 60 columns,
// tabs switch, Enter lists a segment's customers and opens one, t makes the follow-up tasks and
// s writes the segment to the customers (both asked first, and said once on disk), the as-of
// date changes the figures, ? starts with the model's definition, and plain mode draws ASCII only.
import { describe, expect, it } from 'vitest';
import { eastAsianWidthType } from 'get-east-asian-width';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { memoryStore } from '../../src/storage/store.js';
import { Repo } from '../../src/services/repo.js';
import { workspaceRfm, rfmCustomers } from '../../src/services/analytics-rfm.js';
import { workspacePyramid, layerCustomers } from '../../src/services/analytics-pyramid.js';
import { workspaceValue } from '../../src/services/analytics-value.js';
import { displayWidth } from '../../src/text/width.js';
import type { Workspace } from '../../src/domain/workspace.js';

type App = Awaited<ReturnType<typeof renderApp>>;

/** The table line of a segment: the line that starts with its code (RFM) or its name. */
function rowOf(frame: string, start: string): string {
  const line = frame.split('\n').find((l) => l.startsWith(start));
  if (!line) throw new Error(`no line for ${start}\n${frame}`);
  return line;
}
/** The customers column: the first number after the name (which may be cut with ~). */
const countIn = (line: string, after: string) => Number(/^\D*?(\d+)\s/.exec(line.slice(line.indexOf(after) + after.length))![1]);

async function openAnalytics(opts: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp(opts);
  await press(app, 'screen.analytics');
  return app;
}

const fits = (app: App, cols: number, rows: number) => {
  const lines = app.lines();
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(cols);
};

describe('<App /> analytics, RFM', () => {
  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`shows the eight segments with the service's counts (${lang}, ${cols}x24)`, async () => {
      const ws = loadDemoWorkspace();
      const r = workspaceRfm(new Repo(ws));
      const app = await openAnalytics({ ws, lang, cols });
      const f = app.frame();
      expect(f).toContain('[RFM]');
      expect(f).toContain(lang === 'en' ? `as of ${r.asOfText}` : `截至 ${r.asOfText}`);
      for (const s of r.segments) expect(countIn(rowOf(f, s.code), s.code + ' '), s.code).toBe(s.customers);
      // what the user reads: the best segment by name, and the customers with orders
      expect(rowOf(f, '111')).toContain(lang === 'en' ? 'Important v' : '重要价值客户');
      expect(f).toContain(lang === 'en' ? `with orders ${r.customers}` : `有订单 ${r.customers}`);
      expect(r.segments.reduce((a, s) => a + s.customers, 0)).toBe(r.customers);
      fits(app, cols, 24);
      app.unmount();
    });
  }

  it('switches tabs with ] and [ : the pyramid shows its layers as the service counts them', async () => {
    const ws = loadDemoWorkspace();
    const p = workspacePyramid(new Repo(ws));
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    await press(app, 'analytics.nextTab');
    expect(app.frame()).toContain('[KAISM]');
    const v = workspaceValue(new Repo(ws));
    expect(countIn(rowOf(app.frame(), '关键客户'), '关键客户')).toBe(v.quadrants.key);
    await press(app, 'analytics.prevTab', 'analytics.prevTab');
    const f = app.frame();
    expect(f).toContain('[金字塔]');
    for (const [code, name] of [['vip', 'VIP客户'], ['key', '主要客户'], ['ordinary', '普通客户'], ['small', '小客户']] as const) {
      expect(countIn(rowOf(f, name), name), code).toBe(p.layers.find((l) => l.code === code)!.customers);
    }
    expect(f).toContain(`二八定律: 前 20% 的客户 (${p.pareto.customers} 位)`);
    app.unmount();
  });

  it('Enter lists the segment\'s customers, Enter again opens one, Esc goes back each time', async () => {
    const ws = loadDemoWorkspace();
    const r = workspaceRfm(new Repo(ws));
    const ids = rfmCustomers(r.rows, '110');
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    // 110 is the fifth segment
    await press(app, 'analytics.down', 'analytics.down', 'analytics.down', 'analytics.down');
    expect(app.frame()).toContain(`110 一般价值客户: ${ids.length} 位客户`);
    await press(app, 'analytics.open');
    let f = app.frame();
    expect(f).toContain(`RFM · 110 一般价值客户: ${ids.length} 位客户`);
    expect(f).toContain(`客户 [分群] ${ids.length} / ${ws.customers.length}`);
    expect(f).toContain(ids[0]);
    await press(app, 'list.down');
    await press(app, 'list.open');
    f = app.frame();
    const second = ws.customers.find((c) => c.id === ids[1])!;
    expect(f).toContain(second.name);
    expect(f).not.toContain('[分群]');
    await press(app, 'detail.back');
    expect(app.frame()).toContain('[分群]');
    await press(app, 'list.clearFilter');
    expect(app.frame()).toContain('[RFM]');
    expect(app.frame()).toContain(`110 一般价值客户: ${ids.length} 位客户`);
    app.unmount();
  });
});

describe('<App /> analytics, segment actions', () => {
  it('t makes a follow-up task for each customer of the segment, after y, and says so once saved', async () => {
    const ws = loadDemoWorkspace();
    const ids = rfmCustomers(workspaceRfm(new Repo(ws)).rows, '111');
    const before = ws.tasks.length;
    const app = await openAnalytics({ ws, lang: 'en' });
    await press(app, 'analytics.tasks');
    expect(app.frame()).toContain(`A follow-up task for each of the ${ids.length} customers of 111 Important value? (y/N)`);
    // any other key: nothing is made
    await app.press('x');
    expect(ws.tasks.length).toBe(before);
    await press(app, 'analytics.tasks', 'analytics.yes');
    const made = ws.tasks.slice(before);
    expect(made.map((t) => t.customerId).sort()).toEqual([...ids].sort());
    expect(made.every((t) => t.type === 'followup' && t.status === 'open' && t.subject === 'Follow-up: 111 Important value')).toBe(true);
    expect(app.frame()).toContain(`Created ${ids.length} follow-up tasks for 111 Important value (0 had one open)`);
    // again: every customer has it open, nothing more is made
    await press(app, 'analytics.tasks', 'analytics.yes');
    expect(ws.tasks.length).toBe(before + ids.length);
    app.unmount();
  });

  it('s writes the layer to its customers\' field, after y; lists can filter by it then', async () => {
    const ws = loadDemoWorkspace();
    const vip = layerCustomers(workspacePyramid(new Repo(ws)).rows, 'vip');
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    await press(app, 'analytics.prevTab');
    await press(app, 'analytics.write');
    expect(app.frame()).toContain(`把 "VIP客户" 写入这 ${vip.length} 位客户? (y/N)`);
    await press(app, 'analytics.yes');
    expect(ws.customers.filter((c) => c.pyramidLayer === 'vip').map((c) => c.id).sort()).toEqual([...vip].sort());
    expect(app.frame()).toContain(`已把 "VIP客户" 写入 ${vip.length} 位客户`);
    app.unmount();
  });

  it('"done" waits for the disk: with the save held, the screen says "Saving..."', async () => {
    const ws = loadDemoWorkspace();
    const store = memoryStore(ws);
    const held: (() => void)[] = [];
    store.commit = () => new Promise<void>((done) => held.push(done));
    const app = await openAnalytics({ ws, store, lang: 'en' });
    await press(app, 'analytics.write', 'analytics.yes');
    expect(app.frame()).toContain('Saving...');
    expect(app.frame()).not.toContain('written to');
    held[0]();
    await app.press();
    await new Promise((r) => setTimeout(r, 30));
    expect(app.frame()).toContain('"111 Important value" written to');
    app.unmount();
  });

  it('an employee who may not edit customers is not offered s, and is told why when pressing it', async () => {
    const ws = loadDemoWorkspace();
    const login = viewer(ws);
    const app = await openAnalytics({ ws, lang: 'en', user: login, cols: 120 });
    const footer = app.lines().at(-1)!;
    expect(footer).toContain('customers');
    expect(footer).not.toMatch(/\bs write\b/);
    await press(app, 'analytics.write');
    expect(app.frame()).toContain('has no permission to edit Customers');
    expect(ws.customers.some((c) => c.rfmSegment)).toBe(false);
    app.unmount();
  });
});

/** An employee whose role views customers and orders but may not edit customers. */
function viewer(ws: Workspace): string {
  const role = {
    id: 'R0099', name: 'Analyst', isAdmin: false,
    permissions: { customers: { actions: ['view'], scope: 'all' }, orders: { actions: ['view'], scope: 'all' }, tasks: { actions: ['view', 'create'], scope: 'all' } },
  };
  (ws.roles as unknown[]).push(role);
  const emp = { ...ws.employees.find((e) => e.login !== ws.settings.adminLogin)!, id: 'E0099', login: 'analyst', name: '分析员', roleId: 'R0099' };
  (ws.employees as unknown[]).push(emp);
  return 'analyst';
}

describe('<App /> analytics, as-of, definitions and drawing', () => {
  it('a changes the as-of date: the figures are those of that day; a bad date is refused', async () => {
    const ws = loadDemoWorkspace();
    const asOf = '2026-03-31';
    const r = workspaceRfm(new Repo(ws), { asOf });
    const app = await openAnalytics({ ws, lang: 'en' });
    await press(app, 'analytics.asOf');
    await app.press(KEY.ctrlU);
    await app.type('2026-02-30');
    await press(app, 'analytics.asOfKeep');
    expect(app.frame()).toContain('"2026-02-30" is not a date');
    await app.press(KEY.ctrlU);
    await app.type(asOf);
    await press(app, 'analytics.asOfKeep');
    const f = app.frame();
    expect(f).toContain(`as of ${asOf}`);
    for (const s of r.segments) expect(countIn(rowOf(f, s.code), s.code + ' '), s.code).toBe(s.customers);
    app.unmount();
  });

  it('? starts with the definition of the model shown', async () => {
    const app = await openAnalytics({ lang: 'zh-CN' });
    await press(app, 'app.help');
    const f = app.frame();
    expect(f).toContain('RFM 模型说明');
    expect(f).toContain('R = 客户最近一次购买到截至日的天数');
    app.unmount();
  });

  it('plain mode draws every tab and the line chart with ASCII (no ambiguous-width glyph); normal mode uses asciichart\'s', async () => {
    // the app's own glyphs and words; a name from the records (Müller) is the records' business
    const data = new Set(loadDemoWorkspace().customers.map((c) => c.name).join(''));
    const ambiguous = (s: string) => [...s].filter((c) => eastAsianWidthType(c.codePointAt(0)!) === 'ambiguous' && !data.has(c));
    for (const ascii of [true, false]) {
      const app = await openAnalytics({ lang: 'zh-CN', ascii });
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        seen.push(app.frame());
        await press(app, 'analytics.nextTab');
      }
      await press(app, 'analytics.prevTab', 'analytics.prevTab');
      expect(app.frame()).toContain('[统计]');
      // the stats tab (after KPI): the monthly revenue, drawn once the chart module is in
      await press(app, 'analytics.chart', 'analytics.chart', 'analytics.chart', 'analytics.chart', 'analytics.chart', 'analytics.chart', 'analytics.chart');
      for (let i = 0; i < 100 && app.frame().includes('正在绘制图表'); i++) await new Promise((r) => setTimeout(r, 20));
      const chart = app.frame();
      expect(chart).toContain('每月收入');
      seen.push(chart);
      if (ascii) {
        expect(chart).toMatch(/\|/);
        for (const f of seen) expect(ambiguous(f)).toEqual([]);
      } else expect(chart).toMatch(/[┤╭╯]/);
      fits(app, 80, 24);
      app.unmount();
    }
  });
});
