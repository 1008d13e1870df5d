// Permissions in the app: the list shows what the acting employee's scope allows, a refused
// delete names the missing permission and changes nothing, and switching user changes the list.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

const rowIds = (lines: string[]) => lines.map((l) => /^[> ] (C\d{4})/.exec(l)?.[1]).filter(Boolean) as string[];

describe('permissions in the app', () => {
  it("a sales representative sees only their own customers, not another department's, and cannot delete", async () => {
    const ws = loadDemoWorkspace();
    const me = ws.employees.find((e) => e.login === 'wangqiang')!.id;
    const mine = ws.customers.filter((c) => c.ownerId === me);
    const frontOffice = ws.customers.filter((c) => ws.employees.find((e) => e.id === c.ownerId)?.departmentId === 'B0002');
    const app = await renderApp({ ws, lang: 'en', user: 'wangqiang', cols: 140 });
    expect(app.frame()).toContain(`${mine.length} of ${mine.length}`);
    const shown = rowIds(app.lines());
    expect(shown.length).toBeGreaterThan(3);
    for (const id of shown) expect(mine.map((c) => c.id)).toContain(id);
    for (const c of frontOffice) expect(app.frame()).not.toContain(c.id);
    // the status bar names who acts
    expect(app.frame()).toContain('User: wangqiang (Sales representative)');

    const before = JSON.stringify(ws.customers);
    await press(app, 'record.delete');
    expect(app.frame()).toContain('not allowed: your role (Sales representative) has no permission to delete Customers');
    expect(app.frame()).not.toContain('(y/N)');
    expect(JSON.stringify(ws.customers)).toBe(before);
    expect(app.store.saves).toBe(0);
    app.unmount();
  });

  it('the administrator sees every customer and can delete one', async () => {
    const ws = loadDemoWorkspace();
    // one without orders (a customer whose orders name it is not deleted)
    ws.orders = ws.orders.filter((o) => o.customerId !== 'C0001');
    ws.contracts = ws.contracts.filter((k) => k.customerId !== 'C0001');
    const app = await renderApp({ ws, lang: 'en' });
    expect(app.frame()).toContain("200 of 200");
    expect(app.frame()).toContain('User: admin (Administrator)');
    const first = rowIds(app.lines())[0];
    await press(app, 'record.delete', 'confirm.yes');
    expect(ws.customers.some((c) => c.id === first)).toBe(false);
    app.unmount();
  });

  it('switching user from the palette changes what the list shows', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'en' });
    expect(app.frame()).toContain("200 of 200");
    await press(app, 'app.palette');
    await app.type('switch user');
    await press(app, 'picker.pick');
    expect(app.frame()).toContain('Act as which employee?');
    await app.type('liuyang');
    await press(app, 'picker.pick');
    const frontIds = new Set(ws.employees.filter((e) => e.departmentId === 'B0002').map((e) => e.id));
    const theirs = ws.customers.filter((c) => frontIds.has(String(c.ownerId)));
    expect(app.frame()).toContain(`${theirs.length} of ${theirs.length}`);
    expect(app.frame()).toContain('Now acting as liuyang');
    for (const id of rowIds(app.lines())) expect(theirs.map((c) => c.id)).toContain(id);
    app.unmount();
  });
});
