// Lab ch02-organisation solved with keys alone (zh-CN, in process), in settings (9): a
// department under another, a role, an employee in both, and a leaver set inactive (not
// deleted); each part scores its task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch02-organisation')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}

describe('lab ch02-organisation with keys only', { timeout: 180_000 }, () => {
  it('a department, a role, an employee and a leaver: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: settings opens on 部门: 客户关系部 under 宾客关系与质量部
    await press(app, 'screen.settings', 'record.new');
    await app.type('客户关系部');
    await press(app, 'form.next');
    await choose(app, '宾客关系与质量部');
    await press(app, 'form.save');
    expect(score()).toBe(25);

    // 2: 角色 (two sections on): 客户关系专员, no rights yet
    await press(app, 'settings.next', 'settings.next', 'record.new');
    await app.type('客户关系专员');
    await press(app, 'form.save');
    expect(score()).toBe(45);

    // 3: 员工: 登录名, 姓名, 角色, 部门, 电话
    await press(app, 'settings.prev', 'record.new');
    await app.type('lixue');
    await press(app, 'form.next');
    await app.type('李雪');
    await press(app, 'form.next');
    await choose(app, '客户关系专员');
    await press(app, 'form.next');
    await choose(app, '客户关系部');
    await press(app, 'form.next');
    await app.type('13900001234');
    await press(app, 'form.save');
    expect(ws.employees.find((e) => e.login === 'lixue')).toMatchObject({ name: '李雪', phone: '13900001234', active: true });
    expect(score()).toBe(80);

    // 4: 黄磊 left: 在职 (the seventh field) unticked with Space, the record kept
    await press(app, 'list.filter');
    await app.type('huanglei');
    await press(app, 'filter.keep', 'record.edit');
    for (let i = 0; i < 6; i++) await press(app, 'form.next');
    await press(app, 'form.choose', 'form.save');
    expect(ws.employees.find((e) => e.login === 'huanglei')!.active).toBe(false);
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
