// Syllabus chapter 2 and the value lists, by keys only, at 80x24: a department, an employee in
// it and a role with one permission (customers: view own); acting as them shows only their
// customers and refuses a delete naming the permission. A retired source is not offered for a
// new customer, and an old customer still shows it in both languages.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { editableFields } from '../../src/domain/entities.js';

describe('settings lab (syllabus chapter 2) by keys', () => {
  it('a role with customers: view own sees only its own customers and may not delete one', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 24 });
    await press(app, 'screen.settings');
    // a department under sales & marketing
    await press(app, 'record.new');
    await app.type('散客销售组');
    await press(app, 'form.next');
    await app.type('B0001');
    await press(app, 'picker.pick', 'form.save');
    const dept = ws.departments.find((d) => d.name === '散客销售组')!;
    // a role holding one permission, chosen in the matrix: customers, view, own records
    await press(app, 'settings.next', 'settings.next', 'record.new');
    await app.type('只看本人');
    await press(app, 'form.save', 'roles.permissions', 'matrix.toggle', 'matrix.save');
    const role = ws.roles.find((r) => r.name === '只看本人')!;
    expect(role.permissions).toEqual({ customers: { actions: ['view'], scope: 'own' } });
    // an employee in the new department holding it
    await press(app, 'settings.prev', 'record.new');
    await app.type('xiaoli');
    await press(app, 'form.next');
    await app.type('小李');
    await press(app, 'form.next');
    await app.type(role.id);
    await press(app, 'picker.pick', 'form.next');
    await app.type(dept.id);
    await press(app, 'picker.pick', 'form.save');
    const me = ws.employees.find((e) => e.login === 'xiaoli')!;
    expect(me).toMatchObject({ roleId: role.id, departmentId: dept.id });
    // the administrator hands them the first customer of the list (its owner field)
    await press(app, 'screen.customers', 'record.edit');
    const ownerAt = editableFields('customers').findIndex((f) => f.name === 'ownerId');
    for (let i = 0; i < ownerAt; i++) await press(app, 'form.next');
    await app.type(me.id);
    await press(app, 'picker.pick', 'form.save');
    const mine = ws.customers.filter((c) => c.ownerId === me.id);
    expect(mine).toHaveLength(1);
    // acting as them: only that customer, and no delete offered
    await press(app, 'app.palette');
    await app.type('switch user');
    await press(app, 'picker.pick');
    await app.type('xiaoli');
    await press(app, 'picker.pick', 'screen.customers');
    expect(app.frame()).toContain('User: xiaoli');
    expect(app.frame()).toContain(mine[0].id);
    expect(app.frame()).toContain('1 of 1');
    const footer = app.lines().at(-1)!;
    expect(footer).not.toMatch(/\bd delete\b/);
    expect(footer).not.toMatch(/\bn new\b/);
    // pressing it anyway names the permission and changes nothing
    await press(app, 'record.delete');
    expect(app.frame()).toContain('has no permission to delete Customers');
    expect(ws.customers.some((c) => c.id === mine[0].id)).toBe(true);
    // the palette does not offer it either
    await press(app, 'app.palette');
    await app.type('delete');
    expect(app.frame()).not.toContain('delete the record');
    app.unmount();
  });
});

describe('value lists by keys', () => {
  it('a retired source is not offered for a new customer; an old customer still shows it in both languages', async () => {
    const ws = loadDemoWorkspace();
    const old = ws.customers.find((c) => c.source === 'fair')!;
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 24 });
    // settings → value lists (two sections back from the first), source is shown first
    await press(app, 'screen.settings', 'settings.prev', 'settings.prev');
    expect(app.frame()).toContain('Source (source)');
    const at = ws.valueLists.source.findIndex((v) => v.code === 'fair');
    for (let i = 0; i < at; i++) await press(app, 'values.down');
    await press(app, 'values.retire');
    expect(app.frame()).toContain('Trade fair retired');
    expect(ws.valueLists.source[at]).toMatchObject({ code: 'fair', retired: true });
    // a new customer: the source picker offers the others, not the retired one
    await press(app, 'screen.customers', 'record.new');
    await app.type('测试客户');
    const sourceAt = editableFields('customers').findIndex((f) => f.name === 'source');
    for (let i = 0; i < sourceAt; i++) await press(app, 'form.next');
    await press(app, 'form.choose');
    expect(app.frame()).toContain('Advertising');
    expect(app.frame()).not.toContain('Trade fair');
    app.unmount();
    // the old customer still reads it, in English and in Chinese
    for (const [lang, label] of [['en', 'Trade fair'], ['zh-CN', '展会']] as const) {
      const view = await renderApp({ ws, lang, cols: 80, rows: 24 });
      await press(view, 'list.filter');
      await view.type(old.phone ? String(old.phone) : old.name);
      await press(view, 'filter.keep', 'list.open');
      expect(view.frame()).toContain(old.id);
      expect(view.frame()).toContain(label);
      view.unmount();
    }
  });
});
