// Lab ch05-customer-info solved with keys alone (zh-CN, in process), as a student does it: a
// guest's new phone and e-mail, every 宁波 customer tagged 宁波本地 with their old tags kept, and a
// WeChat id removed on request with a note. Partial work scores the tasks done; all of it, full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch05-customer-info')!;
const END = '\u001b[F';
type App = Awaited<ReturnType<typeof renderApp>>;

/** the customer form's n-th field (0: 客户名称 … 10: 微信, 29: 标签, 30: 备注) */
async function toField(app: App, n: number) {
  for (let i = 0; i < Math.floor(n / 8); i++) await press(app, 'form.pageDown');
  for (let i = 0; i < n % 8; i++) await press(app, 'form.next');
}
async function edit(app: App, name: string) {
  await press(app, 'list.clearFilter', 'list.filter');
  await app.type(name);
  await press(app, 'filter.keep', 'record.edit');
}

describe('lab ch05-customer-info with keys only', { timeout: 180_000 }, () => {
  it('a phone and e-mail changed scores that task; every 宁波 customer tagged and a WeChat id removed gives full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: 丁欣's new mobile (field 7) and e-mail (field 9): typing replaces the field reached
    await edit(app, '丁欣');
    await toField(app, 7);
    await app.type('13598765432');
    await press(app, 'form.next', 'form.next');
    await app.type('dingxin@example.com');
    await press(app, 'form.save');
    expect(ws.customers.find((c) => c.name === '丁欣')).toMatchObject({ phone: '13598765432', email: 'dingxin@example.com' });
    expect(score()).toBe(30);
    expect(app.frame()).toContain('30/100 分');

    // 2 and 3: the list filtered to 宁波, each one's tags (field 29) kept (End) and 宁波本地 added
    await press(app, 'list.clearFilter', 'list.filter');
    await app.type('city:宁波');
    await press(app, 'filter.keep', 'list.first');
    const ningbo = ws.customers.filter((c) => c.city === '宁波').map((c) => c.id);
    expect(ningbo.length).toBeGreaterThan(7);
    for (let i = 0; i < ningbo.length; i++) {
      await press(app, 'record.edit');
      await toField(app, 29);
      await app.press(END);
      await app.type('，宁波本地');
      await press(app, 'form.save', 'list.down');
    }
    for (const id of ningbo) expect(ws.customers.find((c) => c.id === id)!.tags).toContain('宁波本地');
    expect(ws.customers.find((c) => c.name === '宁波锦程食品有限公司')!.tags).toEqual(['协议单位', '宁波本地']);
    expect(score()).toBe(80);

    // 4: 柯文博's WeChat (field 10) emptied, the reason in the notes (field 30)
    await edit(app, '柯文博');
    await toField(app, 10);
    await app.press(KEY.backspace);
    await toField(app, 20);
    await app.type('应客户要求删除微信');
    await press(app, 'form.save');
    expect(ws.customers.find((c) => c.name === '柯文博')!.wechat).toBeUndefined();
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
