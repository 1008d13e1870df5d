// Syllabus chapter 7 (客户沟通管理), its lab part: contacts and anniversaries of a customer,
// done with keys only in zh-CN, as a student would.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { demoForToday } from '../../src/services/demo-today.js';
import { todayIn } from '../../src/domain/care.js';
import { addDays } from '../../src/domain/demo-shift.js';

describe('chapter 7 lab: contacts and anniversaries with keys only', () => {
  it('adds a contact to a customer, adds an anniversary with remind days, and edits the contact', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    const ws = app.ws;
    const cust = ws.customers.find((c) => c.kind === 'corporate')!;
    const phone = '13900007777';
    expect(ws.contacts.some((p) => p.phone === phone)).toBe(false);

    // find the customer and open it
    await press(app, 'list.filter');
    await app.type(cust.id);
    await press(app, 'filter.keep', 'list.open');
    expect(app.frame()).toContain(String(cust.name).slice(0, 4));

    // a new contact: 姓名, 性别 (typed: 女), 职务, 手机, then 决策角色 (typed: 决策)
    await press(app, 'customers.addContact');
    await app.type('林晓雯');
    await press(app, 'form.next');
    await app.type('女');
    await press(app, 'picker.pick', 'form.next');
    await app.type('行政经理');
    await press(app, 'form.next');
    await app.type(phone);
    await press(app, 'form.next', 'form.next', 'form.next', 'form.next');
    await app.type('决策');
    await press(app, 'picker.pick', 'form.save');
    const contact = ws.contacts.at(-1)!;
    expect(contact).toMatchObject({ name: '林晓雯', customerId: cust.id, gender: 'female', title: '行政经理', phone, decisionRole: 'decider' });
    expect(app.frame()).toContain(contact.id); // 已创建 P…

    // an anniversary of that contact: 类型 (typed: 生日), 日期, 联系人 (typed: her name), 提前提醒天数 3
    await press(app, 'customers.addAnniversary');
    await app.type('生日');
    await press(app, 'picker.pick', 'form.next');
    await app.type('1990/5/20');
    await press(app, 'form.next');
    await app.type('林晓雯');
    expect(app.frame()).toContain(contact.id);
    await press(app, 'picker.pick', 'form.next');
    await app.type('3');
    await press(app, 'form.save');
    const ann = ws.anniversaries.at(-1)!;
    expect(ann).toMatchObject({ customerId: cust.id, contactId: contact.id, kind: 'birthday', date: '1990-05-20', remindDays: 3 });
    expect(app.frame()).toContain(ann.id);

    // edit the contact from the contacts screen: her mobile changes (the typed number replaces the old one)
    await press(app, 'screen.contacts', 'list.filter');
    await app.type('林晓雯');
    await press(app, 'filter.keep', 'record.edit');
    await press(app, 'form.next', 'form.next', 'form.next', 'form.next');
    await app.type('13900008888');
    await press(app, 'form.save');
    expect(ws.contacts.find((p) => p.id === contact.id)).toMatchObject({ phone: '13900008888', title: '行政经理' });
    app.unmount();
  });

  it('the desk part: follow-up visits for a filtered list, once; a task handed on; the care task of a coming birthday on the desk', async () => {
    const ws = demoForToday(loadDemoWorkspace(), new Date());
    const today = todayIn(new Date(), ws.settings.timeZone);
    const app = await renderApp({ ws, lang: 'zh-CN', user: 'zhangli' });
    // 回访 for every repeat guest in 杭州 the list shows: subject kept, due in 3 days, by WeChat, each owner's
    await press(app, 'list.filter');
    await app.type('stage:重复购买 杭州');
    await press(app, 'filter.keep');
    const listed = app.lines().filter((l) => /C\d{4}/.test(l)).map((l) => /C\d{4}/.exec(l)![0]);
    expect(listed.length).toBeGreaterThan(0);
    await press(app, 'customers.followUp');
    expect(app.frame()).toContain(`为列表中的 ${listed.length} 位客户创建回访任务`);
    await press(app, 'form.next');
    await app.type(addDays(today, 3));
    await press(app, 'form.next');
    await app.type('微信');
    await press(app, 'picker.pick', 'form.save');
    expect(app.frame()).toContain(`创建 ${listed.length} 个回访任务，截止 ${addDays(today, 3)}？(y/N)`);
    await press(app, 'confirm.yes');
    const made = ws.tasks.filter((t) => t.type === 'followup' && t.due === addDays(today, 3) && t.subject === '回访');
    expect(made.map((t) => t.customerId).sort()).toEqual([...listed].sort());
    for (const t of made) expect(t).toMatchObject({ channel: 'wechat', status: 'open', ownerId: ws.customers.find((c) => c.id === t.customerId)!.ownerId });
    expect(app.frame()).toContain(`已创建 ${listed.length} 个回访任务；跳过 0 位客户`);
    // the same again: every one is open already, nothing is made
    await press(app, 'customers.followUp', 'form.next');
    await app.type(addDays(today, 3));
    await press(app, 'form.next');
    await app.type('微信');
    await press(app, 'picker.pick', 'form.save');
    expect(app.frame()).toContain('都已有这项待办回访');
    expect(ws.tasks.filter((t) => t.type === 'followup' && t.due === addDays(today, 3))).toHaveLength(made.length);

    // on the desk: the first follow-up handed to 王强 (o, typed name)
    await press(app, 'screen.tasks', 'list.filter');
    await app.type(made[0].id);
    await press(app, 'filter.keep', 'tasks.reassign');
    await app.type('王强');
    await press(app, 'picker.pick');
    expect(ws.tasks.find((t) => t.id === made[0].id)!.ownerId).toBe(ws.employees.find((e) => e.login === 'wangqiang')!.id);

    // the desk holds care tasks of birthdays coming (made by the rules, each once)
    await press(app, 'list.clearFilter', 'list.filter');
    await app.type('生日');
    await press(app, 'filter.keep');
    expect(app.lines().some((l) => /T\d{4}\s+\d{4}-\d{2}-\d{2}\s+\S+\s+生日 · /.test(l))).toBe(true);
    app.unmount();
  });
});
