import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { displayWidth } from '../../src/text/width.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { eastAsianWidthType } from 'get-east-asian-width';

const colOf = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));

describe('<App /> customers screen', () => {
  it('lists the demo customers with Chinese text aligned by display width', async () => {
    const app = await renderApp();
    const lines = app.lines();
    const header = lines.find((l) => l.includes('客户名称') && l.includes('手机'))!;
    const phoneCol = colOf(header, '手机');
    const rows = lines.filter((l) => /C\d{4}/.test(l) && /1\d{10}/.test(l));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(colOf(r, r.match(/1\d{10}/)![0])).toBe(phoneCol);
    expect(lines.length).toBeLessThanOrEqual(23);
    app.unmount();
  });

  it('moves the selection with j/k, also when keys arrive together', async () => {
    const app = await renderApp();
    await app.press('j');
    await app.type('jj');
    expect(app.lines().find((l) => l.startsWith('>'))).toContain('C0004');
    await press(app, 'list.up', 'list.last');
    expect(app.lines().find((l) => l.startsWith('>'))).toContain('C0200');
    app.unmount();
  });

  it('filters as you type by name, pinyin initials or phone, and Esc clears the filter', async () => {
    const app = await renderApp();
    const target = app.ws.customers.find((c) => /^[\u4e00-\u9fff]{2,3}$/.test(c.name))!;
    await press(app, 'list.filter');
    await app.type(target.name);
    expect(app.frame()).toContain(target.id);
    expect(app.lines().filter((l) => /^[> ] C\d{4}/.test(l)).length).toBeLessThan(10);
    await app.press(KEY.ctrlU);
    await app.type(String(target.phone).slice(-6));
    expect(app.frame()).toContain(target.id);
    await app.press(KEY.ctrlU, 'q', 'q', 'q', 'z', 'z');
    expect(app.frame()).toContain('没有与');
    expect(app.quitted()).toBe(false);
    await press(app, 'filter.clear');
    expect(app.frame()).toContain('200 / 200');
    app.unmount();
  });

  it('creating a customer shows a validation message beside the field, saves nothing, then saves when fixed', async () => {
    const app = await renderApp();
    await press(app, 'record.new');
    expect(app.frame()).toContain('新建客户');
    await app.type('王先生');
    // name → kind → stage → gender → company → title → birthday → phone
    await press(app, 'form.next', 'form.next', 'form.next', 'form.next', 'form.next', 'form.next', 'form.next');
    await app.type('12345');
    await press(app, 'form.save');
    expect(app.frame()).toContain('不是电话号码');
    expect(app.frame()).toContain('未保存');
    expect(app.ws.customers).toHaveLength(200);
    expect(app.store.saves).toBe(0);
    await app.press(KEY.ctrlU);
    await app.type('13800000000');
    await press(app, 'form.save');
    expect(app.frame()).toContain('已创建 C0201');
    const c = app.ws.customers.find((x) => x.id === 'C0201')!;
    expect(c).toMatchObject({ name: '王先生', phone: '13800000000', stage: 'potential' });
    expect(app.store.saves).toBeGreaterThan(0);
    expect(app.lines().find((l) => l.startsWith('>'))).toContain('王先生');
    app.unmount();
  });

  it('a filter typed before a change sees the change (no stale results)', async () => {
    const app = await renderApp({ lang: 'en' });
    await app.press('/');
    await app.type('zzq');
    expect(app.frame()).toContain('Nothing matches');
    await app.press(KEY.esc, 'n');
    await app.type('Zzq Test');
    await app.press(KEY.ctrlS, '/');
    await app.type('zzq');
    expect(app.frame()).toContain('1 of 201');
    expect(app.frame()).toContain('Zzq Test');
    app.unmount();
  });

  it('deletes the selected customer after y, and keeps it after any other key', async () => {
    // a customer with orders is not deleted (the orders name it): the first one has none here
    const ws = loadDemoWorkspace();
    ws.orders = ws.orders.filter((o) => o.customerId !== ws.customers[0].id);
    ws.contracts = ws.contracts.filter((k) => k.customerId !== ws.customers[0].id);
    const app = await renderApp({ ws });
    const first = app.ws.customers[0];
    await press(app, 'record.delete');
    expect(app.frame()).toContain(`删除客户`);
    await press(app, 'confirm.no');
    expect(app.ws.customers[0].id).toBe(first.id);
    await press(app, 'record.delete', 'confirm.yes');
    expect(app.ws.customers.find((c) => c.id === first.id)).toBeUndefined();
    expect(app.ws.contacts.some((c) => c.customerId === first.id)).toBe(false);
    expect(app.frame()).toContain(`已删除 ${first.id}`);
    app.unmount();
  });

  it('offers only the lifecycle moves seed 004 allows, and applies the one picked', async () => {
    const ws = emptyWorkspace('2026-10-01T00:00:00.000Z');
    const app0 = await renderApp({ ws });
    await press(app0, 'record.new');
    await app0.type('李女士');
    await press(app0, 'form.save', 'customers.stage');
    const f = app0.frame();
    expect(f).toContain('目标客户');
    expect(f).toContain('初次购买客户');
    expect(f).toContain('非客户');
    expect(f).not.toContain('忠诚');
    await press(app0, 'picker.down', 'picker.pick');
    expect(app0.ws.customers[0].stage).toBe('first');
    app0.unmount();
  });

  it('opens the detail with contacts and anniversaries, and adds a contact from there', async () => {
    const app = await renderApp({ lang: 'en' });
    const corp = app.ws.customers.find((c) => c.kind === 'corporate')!;
    await press(app, 'list.filter');
    await app.type(corp.id);
    await press(app, 'filter.keep', 'list.open');
    expect(app.frame()).toContain(`Customers ${corp.id}`);
    expect(app.frame()).toMatch(/Contacts \(\d+\)/);
    const before = app.ws.contacts.length;
    await press(app, 'customers.addContact');
    await app.type('Anna Li');
    await press(app, 'form.save');
    expect(app.ws.contacts).toHaveLength(before + 1);
    expect(app.ws.contacts.at(-1)).toMatchObject({ name: 'Anna Li', customerId: corp.id });
    await press(app, 'detail.pageDown');
    expect(app.frame()).toContain('Anna Li');
    app.unmount();
  });

  it('in a read-only session says so and refuses to open a form', async () => {
    const app = await renderApp({ lang: 'en', readOnly: { host: 'h', pid: 4242, user: 'stu01', since: '2026-10-01T08:00:00Z' } });
    expect(app.frame()).toContain('READ-ONLY: stu01 (pid 4242)');
    await press(app, 'record.new');
    expect(app.frame()).not.toContain('New Customers');
    expect(app.frame()).toContain('read-only');
    app.unmount();
  });

  it('an empty workspace offers the demo hotel on D', async () => {
    const app = await renderApp({ ws: emptyWorkspace('2026-10-01T00:00:00.000Z'), lang: 'en' });
    expect(app.frame()).toContain('Press D to load the demo hotel');
    await press(app, 'app.demo');
    expect(app.store.data.customers).toHaveLength(200);
    expect(app.frame()).toContain('200 of 200');
    app.unmount();
  });

  it('switches screens with 2 and Tab, opens help on ? and quits on q', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'screen.contacts');
    expect(app.frame()).toMatch(/Contacts \d+ of \d+/);
    await press(app, 'app.nextScreen');
    expect(app.frame()).toMatch(/Tasks \d+ of \d+/);
    // Tab past the last screen comes back to the first
    for (let i = 3; i < app.screenCount(); i++) await press(app, 'app.nextScreen');
    await press(app, 'app.nextScreen');
    expect(app.frame()).toMatch(/Customers 200 of 200/);
    await press(app, 'app.help');
    expect(app.frame()).toContain('Keys - Customers');
    await press(app, 'help.close', 'app.quit');
    expect(app.quitted()).toBe(true);
    app.unmount();
  });

  it('draws no ambiguous-width character (they break columns in CJK terminals)', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const app = await renderApp({ lang });
      const frames = [app.frame()];
      await app.press(KEY.enter);
      frames.push(app.frame());
      await app.press(KEY.esc, 'n');
      frames.push(app.frame());
      await app.press(KEY.esc, '?');
      frames.push(app.frame());
      for (const f of frames) {
        const bad = [...f].filter((ch) => eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous');
        expect(bad).toEqual([]);
      }
      app.unmount();
    }
  });
});

describe('<App /> customer form', () => {
  it('offers in the stage field only the current stage and the allowed moves', async () => {
    const app = await renderApp({ lang: 'en' });
    const lost = app.ws.customers.find((c) => c.stage === 'lost')!;
    await press(app, 'list.filter');
    await app.type(lost.id);
    await press(app, 'filter.keep', 'list.open', 'record.edit', 'form.next', 'form.next', 'form.enter');
    const f = app.frame();
    for (const ok of ['Lost', 'Repeat customer', 'Loyal customer', 'Non-customer']) expect(f).toContain(ok);
    expect(f).not.toContain('Potential');
    expect(f).not.toContain('First-time customer');
    app.unmount();
  });
});
