// Screen 7's owner and period (o, p), RFM's quintiles and F (v, f), the pyramid's movers (v,
// Enter opens one) and a churn-warning customer marked lost (x, a reason, on disk before "done"):
// the frame shows the services' figures under the filter in force, in both languages, at 80x24
// and 60 columns.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { workspaceRfm } from '../../src/services/analytics-rfm.js';
import { workspacePyramid } from '../../src/services/analytics-pyramid.js';
import { workspaceChurn } from '../../src/services/analytics-churn.js';
import { workspaceKpi } from '../../src/services/analytics-kpi.js';
import { workspaceStats } from '../../src/services/analytics-stats.js';
import { createWorkspace, openStore } from '../../src/storage/store.js';
import { parsePeriod } from '../../src/tui/screens/analytics/filter.js';
import { displayWidth } from '../../src/text/width.js';
import type { Workspace } from '../../src/domain/workspace.js';

type App = Awaited<ReturnType<typeof renderApp>>;

function rowOf(frame: string, start: string): string {
  const line = frame.split('\n').find((l) => l.startsWith(start));
  if (!line) throw new Error(`no line for ${start}\n${frame}`);
  return line;
}
/** The frame's words in one line: a head line wrapped in a narrow terminal reads whole again. */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');
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
/** The owner picked in the picker o opens, by typing the login (the item carries it). */
async function pickOwner(app: App, login: string) {
  await press(app, 'analytics.owner');
  await app.type(login);
  await press(app, 'picker.pick');
}
async function typePeriod(app: App, text: string) {
  await press(app, 'analytics.period');
  await app.press(KEY.ctrlU);
  await app.type(text);
  await press(app, 'analytics.periodKeep');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hotel-s7-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('screen 7 period typed (p)', () => {
  it('reads FROM..TO, months, a year and open ends; refuses a bad date and from after to', () => {
    expect(parsePeriod('2026-01..2026-06')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-01-01 2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026/3/1 至 2026/3/5')).toEqual({ from: '2026-03-01', to: '2026-03-05' });
    expect(parsePeriod('..2026-03-31')).toEqual({ to: '2026-03-31' });
    expect(parsePeriod('')).toEqual({});
    for (const bad of ['2026-02-30', '2026-13', '2026-03-31..2026-01-01', 'soon', '2026-01-01..2026-02-01..2026-03-01']) expect(parsePeriod(bad), bad).toBeUndefined();
  });
});

describe('<App /> analytics, owner and period', () => {
  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`o and p narrow RFM to one owner's customers and a period; the head line says so (${lang}, ${cols}x24)`, async () => {
      const ws = loadDemoWorkspace();
      const owner = ws.employees.find((e) => e.login === 'wangqiang')!;
      const r = workspaceRfm(new Repo(ws), { ownerId: owner.id, from: '2026-01-01', to: '2026-06-30' });
      const all = workspaceRfm(new Repo(ws));
      expect(r.customers).not.toBe(all.customers);
      const app = await openAnalytics({ ws, lang, cols });
      await pickOwner(app, 'wangqiang');
      await typePeriod(app, '2026-01..2026-06');
      const f = app.frame();
      expect(flat(f)).toContain(lang === 'en' ? 'owner 王强; period 2026-01-01..2026-06-30' : '负责人 王强; 期间 2026-01-01..2026-06-30');
      expect(flat(f)).toContain(lang === 'en' ? `with orders ${r.customers}` : `有订单 ${r.customers}`);
      for (const s of r.segments) expect(countIn(rowOf(f, s.code), s.code + ' '), s.code).toBe(s.customers);
      expect(f).toContain(lang === 'en' ? `as of ${r.asOfText}` : `截至 ${r.asOfText}`);
      fits(app, cols, 24);
      // o again, "every owner": the owner's filter is gone, the period stays
      await press(app, 'analytics.owner', 'picker.pageUp', 'picker.pick');
      const back = workspaceRfm(new Repo(ws), { from: '2026-01-01', to: '2026-06-30' });
      expect(app.frame()).not.toContain('王强');
      expect(flat(app.frame())).toContain(lang === 'en' ? `with orders ${back.customers}` : `有订单 ${back.customers}`);
      app.unmount();
    });
  }

  it('a bad period is refused and the figures stay; an empty one clears the period', async () => {
    const ws = loadDemoWorkspace();
    const all = workspaceRfm(new Repo(ws));
    const app = await openAnalytics({ ws, lang: 'en' });
    await typePeriod(app, '2026-03-31..2026-01-01');
    expect(app.frame()).toContain('The period starts after it ends: 2026-03-31 is later than 2026-01-01');
    await press(app, 'analytics.periodCancel');
    await typePeriod(app, '2026-13..2026-02');
    expect(app.frame()).toContain('"2026-13..2026-02" is not a period: FROM..TO (YYYY-MM-DD), YYYY-MM or YYYY');
    await press(app, 'analytics.periodCancel');
    expect(app.frame()).toContain(`with orders ${all.customers}`);
    await typePeriod(app, '2026-03');
    expect(app.frame()).toContain('period 2026-03-01..2026-03-31');
    // p again offers the period set, selected: what is typed replaces it
    await press(app, 'analytics.period');
    await app.type('2026-04');
    await press(app, 'analytics.periodKeep');
    expect(app.frame()).toContain('period 2026-04-01..2026-04-30');
    await typePeriod(app, '');
    expect(app.frame()).not.toContain('period 2026');
    expect(app.frame()).toContain(`with orders ${all.customers}`);
    app.unmount();
  });

  it('an employee who sees only their own customers is offered only themself as owner', async () => {
    const app = await openAnalytics({ lang: 'zh-CN', user: 'wangqiang' });
    await press(app, 'analytics.owner');
    const f = app.frame();
    expect(f).toContain('王强');
    for (const other of ['张丽', '陈静', '赵敏', '孙丽']) expect(f).not.toContain(other);
    await press(app, 'picker.cancel');
    app.unmount();
  });

  it('the statistics tab counts the owner\'s customers created in the period, the line chart says the filter', async () => {
    const ws = loadDemoWorkspace();
    const owner = ws.employees.find((e) => e.login === 'zhangli')!;
    const s = workspaceStats(new Repo(ws), { entity: 'customers', by: ['source'] }, { ownerId: owner.id, from: '2026-01-01', to: '2026-12-31' });
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    await press(app, 'analytics.prevTab', 'analytics.prevTab');
    await pickOwner(app, 'zhangli');
    await typePeriod(app, '2026');
    expect(app.frame()).toContain('[统计]');
    expect(app.frame()).toContain(`按客户来源统计客户: 共 ${s.total.count} 位`);
    // the revenue per month, drawn under a title that names the owner and the period
    for (let i = 0; i < 7; i++) await press(app, 'analytics.chart');
    for (let i = 0; i < 100 && app.frame().includes('正在绘制图表'); i++) await new Promise((r) => setTimeout(r, 20));
    const f = app.frame();
    expect(f).toContain('每月收入');
    expect(f.split('\n').filter((l) => l.includes('负责人 张丽; 期间 2026-01-01..2026-12-31')).length).toBe(2);
    fits(app, 80, 24);
    app.unmount();
  });

  it('at 80 columns in Chinese the whole period message shows', async () => {
    const app = await openAnalytics({ ws: loadDemoWorkspace(), lang: 'zh-CN', cols: 80 });
    await typePeriod(app, '2026-13..2026-02');
    expect(app.frame()).toContain('"2026-13..2026-02" 不是期间: 请写 起..止 (YYYY-MM-DD)、YYYY-MM 或 YYYY');
    await press(app, 'analytics.periodCancel');
    await typePeriod(app, '2026-03..2026-01');
    expect(app.frame()).toContain('期间的开始晚于结束: 2026-03-01 在 2026-01-31 之后');
    app.unmount();
  });

  it('KPI shows the period typed against the one before, with the owner\'s figures', async () => {
    const ws = loadDemoWorkspace();
    const owner = ws.employees.find((e) => e.login === 'zhangli')!;
    const k = workspaceKpi(new Repo(ws), { ownerId: owner.id, from: '2026-04-01', to: '2026-06-30' });
    const app = await openAnalytics({ ws, lang: 'en' });
    await press(app, 'analytics.prevTab', 'analytics.prevTab', 'analytics.prevTab');
    expect(app.frame()).toContain('[KPI]');
    await pickOwner(app, 'zhangli');
    await typePeriod(app, '2026-04..2026-06');
    const f = app.frame();
    expect(f).toContain(`2026-04-01..2026-06-30 against ${k.previousPeriod.from}..${k.previousPeriod.to}`);
    const newCustomers = k.rows.find((r) => r.code === 'newCustomers')!;
    expect(rowOf(f, 'New customers')).toMatch(new RegExp(`\\s${newCustomers.value}\\s+${newCustomers.previous}\\s`));
    app.unmount();
  });

  it('KAISM and lifetime value take the owner but say the period is not theirs', async () => {
    const app = await openAnalytics({ lang: 'en' });
    await typePeriod(app, '2026-03');
    await press(app, 'analytics.nextTab');
    expect(app.frame()).toContain('[KAISM]');
    expect(app.frame()).toContain('period 2026-03-01..2026-03-31 (not used here)');
    app.unmount();
  });
});

describe('<App /> analytics, RFM quintiles and F', () => {
  for (const [lang, cols] of [['en', 60], ['zh-CN', 80]] as const) {
    it(`v shows each customer's quintile scores, f counts F in distinct days (${lang}, ${cols}x24)`, async () => {
      const ws = loadDemoWorkspace();
      const orders = workspaceRfm(new Repo(ws));
      const days = workspaceRfm(new Repo(ws), { frequency: 'days' });
      const app = await openAnalytics({ ws, lang, cols });
      expect(app.frame()).toContain(lang === 'en' ? 'F counts orders' : 'F 按订单数计');
      await press(app, 'analytics.chart');
      let f = app.frame();
      const q = orders.quintiles;
      expect(flat(f)).toContain(`R ${q.r.join(' ')} | F ${q.f.join(' ')} | M ${q.m.join(' ')}`);
      // the first row: the best total score, its R F M digits as the service scored them
      const first = f.split('\n').find((l) => /^C\d{4}/.test(l))!;
      const id = first.slice(0, 5);
      const i = orders.rows.ids.indexOf(id);
      const score = `${orders.rows.rScore[i]}${orders.rows.fScore[i]}${orders.rows.mScore[i]}`;
      expect(first).toMatch(new RegExp(`\\s${score}(\\s|$)`));
      let best = 0;
      for (let j = 0; j < orders.rows.ids.length; j++) best = Math.max(best, orders.rows.rScore[j] + orders.rows.fScore[j] + orders.rows.mScore[j]);
      expect(orders.rows.rScore[i] + orders.rows.fScore[i] + orders.rows.mScore[i]).toBe(best);
      fits(app, cols, 24);
      await press(app, 'analytics.frequency');
      f = app.frame();
      expect(f).toContain(lang === 'en' ? 'F counts days with a purchase' : 'F 按购买天数计');
      const d = days.quintiles;
      expect(flat(f)).toContain(`R ${d.r.join(' ')} | F ${d.f.join(' ')} | M ${d.m.join(' ')}`);
      // Enter opens the customer of the row
      const top = f.split('\n').find((l) => /^C\d{4}/.test(l))!.slice(0, 5);
      await press(app, 'analytics.open');
      expect(app.frame()).toContain(String(ws.customers.find((c) => c.id === top)!.name));
      app.unmount();
    });
  }

  it('? states the quintile scoring and which F is used', async () => {
    const app = await openAnalytics({ lang: 'en' });
    await press(app, 'analytics.frequency');
    await press(app, 'app.help');
    const f = app.frame();
    expect(f).toContain('About RFM');
    expect(f).toContain('F counts days with a purchase');
    expect(f).toMatch(/Quintiles beside the segments/);
    app.unmount();
  });
});

describe('<App /> analytics, pyramid movers', () => {
  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`v lists who moved between layers since the previous period; Enter opens one, Esc comes back (${lang}, ${cols}x24)`, async () => {
      const ws = loadDemoWorkspace();
      const p = workspacePyramid(new Repo(ws));
      const movers = p.movers!;
      expect(movers.length).toBeGreaterThan(1);
      const app = await openAnalytics({ ws, lang, cols });
      await press(app, 'analytics.prevTab', 'analytics.chart');
      let f = app.frame();
      expect(f).toContain(lang === 'en' ? `Since ${p.previous!.to}: ${p.moved!.up} up, ${p.moved!.down} down` : `与 ${p.previous!.to} 相比: 上升 ${p.moved!.up}  下降 ${p.moved!.down}`);
      const rows = f.split('\n').filter((l) => /^C\d{4}\s.*\s[v^]\s/.test(l));
      expect(rows.map((l) => l.slice(0, 5))).toEqual(movers.slice(0, rows.length).map((m) => m.id));
      const up = movers.findIndex((m) => ['vip', 'key', 'ordinary', 'small'].indexOf(m.to) < ['vip', 'key', 'ordinary', 'small'].indexOf(m.from));
      if (up >= 0 && up < rows.length) expect(rows[up]).toContain(' ^ ');
      fits(app, cols, 24);
      await press(app, 'analytics.down');
      await press(app, 'analytics.open');
      f = app.frame();
      const second = ws.customers.find((c) => c.id === movers[1].id)!;
      expect(f).toContain(second.name);
      expect(f).toContain(movers[1].id);
      await press(app, 'detail.back');
      expect(app.frame()).toContain(`${movers.length} / ${ws.customers.length}`.replace(' / ', lang === 'en' ? ' of ' : ' / '));
      await press(app, 'list.clearFilter');
      expect(app.frame()).toContain(lang === 'en' ? '[Pyramid]' : '[金字塔]');
      app.unmount();
    });
  }

  it('with a period the movers compare with the period of the same length just before', async () => {
    const ws = loadDemoWorkspace();
    const p = workspacePyramid(new Repo(ws), { from: '2026-04-01', to: '2026-06-30' });
    const app = await openAnalytics({ ws, lang: 'en' });
    await press(app, 'analytics.prevTab');
    await typePeriod(app, '2026-04..2026-06');
    await press(app, 'analytics.chart');
    expect(app.frame()).toContain(`Since ${p.previous!.from}..${p.previous!.to}: ${p.moved!.up} up, ${p.moved!.down} down`);
    app.unmount();
  });
});

describe('<App /> analytics, lifetime value', () => {
  it('Enter on a customer\'s row opens them; Esc lists all of them, Esc again the tab', async () => {
    const ws = loadDemoWorkspace();
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    await press(app, 'analytics.nextTab', 'analytics.nextTab');
    expect(app.frame()).toContain('[终身价值]');
    await press(app, 'analytics.down');
    const id = app.lines().at(-3)!.slice(0, 5);
    expect(id).toMatch(/^C\d{4}$/);
    await press(app, 'analytics.open');
    expect(app.frame()).toContain(`客户 ${id}`);
    expect(app.frame()).toContain(String(ws.customers.find((c) => c.id === id)!.name));
    await press(app, 'detail.back');
    expect(app.frame()).toContain('[分群]');
    await press(app, 'list.clearFilter');
    expect(app.frame()).toContain('[终身价值]');
    app.unmount();
  });
});

/** A demo workspace on disk and a writing store over it. */
async function onDisk(name: string): Promise<{ file: string; store: Awaited<ReturnType<typeof openStore>>; ws: Workspace }> {
  const file = path.join(tmp, `${name}.json`);
  createWorkspace(file, loadDemoWorkspace());
  const store = await openStore(file, { write: true });
  return { file, store, ws: store.data };
}

describe('<App /> analytics, churn: mark lost and win-back', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`x on a churn-warning customer asks a reason, saves the lost stage with it, and the list drops them (${lang})`, async () => {
      const { file, store, ws } = await onDisk(`lose-${lang}`);
      const before = workspaceChurn(new Repo(ws));
      const id = before.rows[0].customerId;
      const name = String(ws.customers.find((c) => c.id === id)!.name);
      const app = await openAnalytics({ ws, store: store as never, lang });
      await press(app, 'analytics.nextTab', 'analytics.nextTab', 'analytics.nextTab');
      expect(app.frame()).toContain(lang === 'en' ? '[Churn]' : '[流失预警]');
      // on the reasons' view there is no one customer to mark
      await press(app, 'analytics.lose');
      expect(app.frame()).toContain(lang === 'en' ? 'Choose one customer first' : '请先选一位客户');
      await press(app, 'analytics.chart');
      expect(app.lines().find((l) => /^C\d{4}\s/.test(l))!.startsWith(id)).toBe(true);
      await press(app, 'analytics.lose');
      expect(app.frame()).toContain(lang === 'en' ? `Why is ${id}` : `${id}`);
      expect(app.frame()).toContain(lang === 'en' ? 'Unsteady quality of rooms or service' : '产品或服务质量不稳定');
      await app.type('quality');
      await press(app, 'picker.pick');
      for (let i = 0; i < 100 && !app.frame().includes(id + ' '); i++) await new Promise((r) => setTimeout(r, 20));
      expect(app.frame()).toContain(lang === 'en' ? `${id} ${name} marked lost: Unsteady quality` : `${id} ${name} 已标记为流失: 产品或服务质量不稳定`);
      // the list updates: the customer is no longer among those at risk
      const tableRows = app.lines().filter((l) => /^C\d{4}\s.*\s(\d{4}-\d\d-\d\d|-)\s+(\d+|-)\s/.test(l));
      expect(tableRows.length).toBeGreaterThan(0);
      expect(tableRows.some((l) => l.startsWith(id))).toBe(false);
      app.unmount();
      // and it is in the file
      const again = await openStore(file, {});
      const c = again.data.customers.find((x) => x.id === id)!;
      expect(c.stage).toBe('lost');
      expect((c.stageHistory as { to: string; reason?: string; by?: string }[]).at(-1)).toMatchObject({ to: 'lost', reason: 'churnReason:quality', by: 'admin' });
      await store.close();
    });
  }

  it('"marked lost" waits for the disk: with the save held, the screen says "Saving..."', async () => {
    const { store, ws } = await onDisk('held');
    const held: (() => void)[] = [];
    const commit = store.commit.bind(store);
    store.commit = (b) => new Promise<void>((done) => held.push(() => void commit(b).then(() => done())));
    const id = workspaceChurn(new Repo(ws)).rows[0].customerId;
    const app = await openAnalytics({ ws, store: store as never, lang: 'en' });
    await press(app, 'analytics.nextTab', 'analytics.nextTab', 'analytics.nextTab', 'analytics.chart', 'analytics.lose', 'picker.pick');
    expect(app.frame()).toContain('Saving...');
    expect(app.frame()).not.toContain('marked lost');
    held[0]();
    for (let i = 0; i < 100 && !app.frame().includes('marked lost'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.frame()).toContain(`${id} `);
    expect(app.frame()).toContain('marked lost: Price');
    app.unmount();
    await store.close();
  });

  it('an employee who may not edit customers is not offered x, and pressing it changes nothing', async () => {
    const ws = loadDemoWorkspace();
    const stages = ws.customers.map((c) => c.stage);
    const app = await openAnalytics({ ws, lang: 'en', user: 'sunli', cols: 120 });
    await press(app, 'analytics.nextTab', 'analytics.nextTab', 'analytics.nextTab', 'analytics.chart');
    expect(app.lines().at(-1)).not.toMatch(/\bx lost\b/);
    await press(app, 'analytics.lose');
    expect(app.frame()).toContain('has no permission to edit Customers');
    expect(ws.customers.map((c) => c.stage)).toEqual(stages);
    app.unmount();
  });

  it('t on one customer at risk makes one win-back task for them, after y', async () => {
    const ws = loadDemoWorkspace();
    const row = workspaceChurn(new Repo(ws)).rows[0];
    const before = ws.tasks.length;
    const app = await openAnalytics({ ws, lang: 'zh-CN' });
    await press(app, 'analytics.nextTab', 'analytics.nextTab', 'analytics.nextTab', 'analytics.chart');
    expect(app.lines().at(-1)).toContain('x 流失');
    await press(app, 'analytics.tasks', 'analytics.yes');
    const made = ws.tasks.slice(before);
    expect(made.map((t) => t.customerId)).toEqual([row.customerId]);
    expect(String(made[0].careKey)).toBe(`winback:${row.customerId}@${row.lastPurchase ?? 'none'}`);
    app.unmount();
  });
});
