// Syllabus chapter 7 (客户沟通管理), its lab part: contacts and anniversaries of a customer,
// done with keys only in zh-CN, as a student would.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';

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
});
