// Screen 9, settings: the lab of syllabus chapter 2 with keys only: a department, a role with a
// chosen permission, an employee holding it, then acting as that employee.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

describe('settings (screen 9)', () => {
  it('creates a department, a role with a permission from the matrix and an employee, then acts as them', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'en', cols: 100, rows: 30 });
    await press(app, 'screen.settings');
    expect(app.frame()).toContain('销售与市场部 Sales & marketing');
    // a department under sales & marketing
    await press(app, 'record.new');
    await app.type('团队销售组');
    await press(app, 'form.next');
    await app.type('B0001');
    await press(app, 'picker.pick', 'form.save');
    const dept = ws.departments.find((d) => d.name === '团队销售组')!;
    expect(dept.parentId).toBe('B0001');
    // a role: no permissions at first; then customers view, department scope, from the matrix
    await press(app, 'settings.next', 'settings.next');
    expect(app.frame()).toContain('销售经理 Sales manager');
    await press(app, 'record.new');
    await app.type('实习生');
    await press(app, 'form.save');
    const role = ws.roles.find((r) => r.name === '实习生')!;
    expect(role.permissions).toEqual({});
    await press(app, 'roles.permissions');
    expect(app.frame()).toContain('Permissions of 实习生');
    await press(app, 'matrix.toggle', 'matrix.scope', 'matrix.save');
    expect(ws.roles.find((r) => r.id === role.id)!.permissions).toEqual({ customers: { actions: ['view'], scope: 'department' } });
    // an employee holding it, in the new department
    await press(app, 'settings.prev');
    expect(app.frame()).toContain('wangqiang');
    await press(app, 'record.new');
    await app.type('intern');
    await press(app, 'form.next');
    await app.type('实习生小王');
    await press(app, 'form.next');
    await app.type(role.id);
    await press(app, 'picker.pick', 'form.next');
    await app.type(dept.id);
    await press(app, 'picker.pick', 'form.save');
    expect(ws.employees.find((e) => e.login === 'intern')).toMatchObject({ roleId: role.id, departmentId: dept.id });
    // acting as them: nobody in the new department owns a customer yet
    await press(app, 'app.palette');
    await app.type('switch user');
    await press(app, 'picker.pick');
    await app.type('intern');
    await press(app, 'picker.pick', 'screen.customers');
    expect(app.frame()).toContain('User: intern (实习生)');
    expect(app.frame()).toContain('0 of 0');
    // the workspace is not empty, only this employee's view of it
    expect(app.frame()).not.toContain('This workspace is empty');
    app.unmount();
  });

  it('a sales representative cannot give a role more than she has', async () => {
    const ws = loadDemoWorkspace();
    ws.roles.find((r) => r.id === 'R0003')!.permissions.roles = { actions: ['view', 'edit'], scope: 'all' };
    const app = await renderApp({ ws, lang: 'en', cols: 120, user: 'wangqiang' });
    await press(app, 'screen.settings', 'settings.next', 'settings.next');
    await press(app, 'list.last', 'roles.permissions');
    // row 1 is customers … move to delete on customers and allow it
    await press(app, 'matrix.right', 'matrix.right', 'matrix.right', 'matrix.toggle', 'matrix.save');
    expect(app.frame()).toContain('not allowed: you cannot hand out a permission you do not have');
    app.unmount();
  });
});
