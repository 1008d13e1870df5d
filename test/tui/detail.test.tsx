// A record's detail: related records are rows a user selects and acts on, its keys are the
// detail's own, and a customer's stage changes are kept and shown with who made them.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { makeT, valueLabelT } from '../../src/i18n/index.js';
import { displayWidth } from '../../src/text/width.js';

/** A demo customer with contacts and anniversaries, opened in its detail. */
async function openCustomerWithAnniversaries(lang: 'en' | 'zh-CN' = 'en', user?: string) {
  const ws = loadDemoWorkspace();
  const app = await renderApp({ ws, lang, user });
  const c = ws.customers.find((x) => ws.anniversaries.some((a) => a.customerId === x.id) && ws.contacts.some((p) => p.customerId === x.id))!;
  await press(app, 'list.filter');
  await app.type(c.id);
  await press(app, 'filter.keep', 'list.open');
  const anniversaries = ws.anniversaries.filter((a) => a.customerId === c.id);
  return { app, customer: c, anniversary: anniversaries[0], count: anniversaries.length };
}

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('> '));

describe('a record detail with rows to act on', () => {
  it('selects an anniversary of a customer, edits it in the normal form and the workspace holds the new value', async () => {
    const { app, anniversary, customer } = await openCustomerWithAnniversaries();
    // contacts first, then anniversaries
    await press(app, 'detail.nextSection', 'detail.nextSection');
    expect(selectedLine(app.frame())).toContain(anniversary.id);
    await press(app, 'record.edit');
    expect(app.frame()).toContain(`Anniversaries ${anniversary.id}`);
    // the anniversary form of the customers screen: kind, date, contact, remind days, notes
    await press(app, 'form.next', 'form.next', 'form.next');
    await app.press(KEY.ctrlU);
    await app.type('12');
    await press(app, 'form.save');
    expect(app.store.data.anniversaries.find((a) => a.id === anniversary.id)!.remindDays).toBe(12);
    // back on the customer's detail, on the same row
    expect(app.frame()).toContain(`Customers ${customer.id}`);
    expect(selectedLine(app.frame())).toContain(anniversary.id);
    app.unmount();
  });

  it('deletes the selected anniversary after y; the customer stays and so does its detail', async () => {
    const { app, anniversary, customer, count } = await openCustomerWithAnniversaries();
    await press(app, 'detail.nextSection', 'detail.nextSection', 'record.delete');
    expect(app.frame()).toContain(anniversary.id);
    await press(app, 'confirm.yes');
    expect(app.store.data.anniversaries.some((a) => a.id === anniversary.id)).toBe(false);
    expect(app.store.data.anniversaries.filter((a) => a.customerId === customer.id)).toHaveLength(count - 1);
    expect(app.store.data.customers.some((c) => c.id === customer.id)).toBe(true);
    expect(app.frame()).toContain(`Customers ${customer.id}`);
    expect(app.frame()).toContain(`Anniversaries (${count - 1})`);
    app.unmount();
  });

  it('Enter on a contact row opens that contact; Esc comes back to the customer', async () => {
    const { app, customer } = await openCustomerWithAnniversaries();
    const contact = app.ws.contacts.find((p) => p.customerId === customer.id)!;
    await press(app, 'detail.nextSection', 'detail.open');
    expect(app.frame()).toContain(`Contacts ${contact.id}`);
    await press(app, 'detail.back');
    expect(app.frame()).toContain(`Customers ${customer.id}`);
    app.unmount();
  });

  it("the detail's footer shows the detail's keys, not the list's", async () => {
    const { app } = await openCustomerWithAnniversaries();
    const footer = app.lines().at(-1)!;
    expect(footer).toContain('Esc back');
    expect(footer).toContain('Tab lists');
    expect(footer).not.toContain('/ filter');
    expect(footer).not.toContain('n new');
    // once a row is selected, Enter opens it
    await press(app, 'detail.nextSection');
    expect(app.lines().at(-1)).toContain('Enter open');
    app.unmount();
  });

  it('help opened from a detail starts with the keys of the detail', async () => {
    const { app } = await openCustomerWithAnniversaries();
    await press(app, 'app.help');
    const lines = app.lines();
    const here = lines.findIndex((l) => l.includes('Here, now'));
    const list = lines.findIndex((l) => l.includes('Lists'));
    expect(here).toBeGreaterThan(-1);
    expect(lines.slice(here, here + 12).join('\n')).toContain('to the next list below the record');
    if (list > -1) expect(list).toBeGreaterThan(here);
    app.unmount();
  });
});

describe('the lifecycle history', () => {
  it('a stage change through customers.stage adds an entry with time and the acting employee, shown on the detail', async () => {
    const employee = loadDemoWorkspace().employees.find((e) => e.login !== 'admin')!;
    const { app, customer } = await openCustomerWithAnniversaries('zh-CN', employee.login);
    expect(customer.stageHistory ?? []).toHaveLength(0);
    const from = customer.stage;
    await press(app, 'customers.stage', 'picker.pick');
    const saved = app.store.data.customers.find((c) => c.id === customer.id)!;
    expect(saved.stage).not.toBe(from);
    expect(saved.stageHistory).toHaveLength(1);
    expect(saved.stageHistory[0]).toMatchObject({ from, to: saved.stage, by: employee.login });
    expect(Number.isNaN(Date.parse(saved.stageHistory[0].at))).toBe(false);
    // the history is one of the last lists of the detail (points and tiers follow it):
    // Shift+Tab from the record goes back through them to it
    await press(app, 'detail.back', 'list.open', 'detail.prevSection');
    for (let i = 0; i < 6 && !(selectedLine(app.frame()) ?? '').includes(' → '); i++) await press(app, 'detail.prevSection');
    const f = app.frame();
    expect(f).toContain('阶段变更记录 (1)');
    // labels in the interface language and the employee's name, not the login
    const t = makeT('zh-CN');
    const label = (code: string) => valueLabelT(t, app.store.data.valueLists, 'stage', code);
    expect(selectedLine(f)).toContain(`${label(from)} → ${label(saved.stage)}`);
    expect(selectedLine(f)).toContain(employee.name);
    app.unmount();
  });
});

describe('the detail at narrow widths', () => {
  it("every line of a customer's detail with a long name and its rows selected fits 60 columns", async () => {
    const ws = loadDemoWorkspace();
    const c = ws.customers.find((x) => ws.anniversaries.some((a) => a.customerId === x.id))!;
    c.name = '杭州西湖国际会议中心有限公司北京分公司驻上海办事处';
    const app = await renderApp({ ws, lang: 'zh-CN', cols: 60, rows: 20 });
    await press(app, 'list.filter');
    await app.type(c.id);
    await press(app, 'filter.keep', 'list.open');
    const check = () => {
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(60);
      expect(app.lines().length).toBeLessThanOrEqual(19);
    };
    check();
    await press(app, 'detail.nextSection', 'detail.nextSection');
    check();
    await press(app, 'detail.prevSection', 'detail.prevSection');
    check();
    app.unmount();
  });
});
