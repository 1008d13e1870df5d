// Forms and pickers as a student meets them: pre-filled fields, choices, references, the same
// mobile twice, a long paste.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { PASTE } from '../../src/tui/keys.js';
import { editableFields } from '../../src/domain/entities.js';
import { pinyinKey } from '../../src/text/pinyin.js';

const END = '\u001b[F';

describe('a pre-filled field', () => {
  it('is replaced by the first key typed after Tab (提前提醒天数 7, typing 3 saves 3)', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'screen.contacts', 'list.open', 'contacts.addAnniversary');
    await press(app, 'form.next');
    await app.type('1985-06-01');
    await press(app, 'form.next');
    expect(app.frame()).toMatch(/提前提醒天数\s+7/);
    await app.type('3');
    await press(app, 'form.save');
    expect(app.ws.anniversaries.at(-1)).toMatchObject({ date: '1985-06-01', remindDays: 3 });
    app.unmount();
  });

  it('keeps its text and edits it when the cursor moves first (End, then 0: 70)', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'screen.contacts', 'list.open', 'contacts.addAnniversary');
    await press(app, 'form.next');
    await app.type('1990-01-02');
    await press(app, 'form.next');
    await app.press(END);
    await app.type('0');
    await press(app, 'form.save');
    expect(app.ws.anniversaries.at(-1)).toMatchObject({ date: '1990-01-02', remindDays: 70 });
    app.unmount();
  });
});

describe('typing on a choice or a reference', () => {
  it('opens the picker filtered by the text: 女 on 性别 picks female', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    const before = app.ws.contacts.length;
    await press(app, 'screen.contacts', 'record.new');
    await app.type('钱女士');
    await press(app, 'form.next');
    await app.type('C0002');
    expect(app.frame()).toContain('C0002');
    await press(app, 'picker.pick');
    await press(app, 'form.next');
    await app.type('女');
    expect(app.frame()).toContain('> 女');
    expect(app.frame()).not.toContain('Female');
    await press(app, 'picker.pick', 'form.save');
    expect(app.ws.contacts).toHaveLength(before + 1);
    expect(app.ws.contacts.at(-1)).toMatchObject({ name: '钱女士', customerId: 'C0002', gender: 'female' });
    app.unmount();
  });

  it('matches a customer by pinyin, shows its city or phone, and says when nothing matches', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    // a customer whose full pinyin no other customer's name holds
    const full = (n: string) => pinyinKey(n).split('\u0001')[1] ?? '';
    const target = app.ws.customers.find((c) => full(String(c.name)) && app.ws.customers.filter((o) => full(String(o.name)).includes(full(String(c.name)))).length === 1)!;
    await press(app, 'screen.contacts', 'record.new');
    await app.type('孙经理');
    await press(app, 'form.next');
    await app.type('zzqqxx');
    expect(app.frame()).toContain('没有与「zzqqxx」匹配的选项');
    await press(app, 'picker.cancel');
    await app.type(full(String(target.name)));
    await new Promise((r) => setTimeout(r, 100)); // the pinyin tables load on first use
    await app.type('');
    const row = app.lines().find((l) => l.includes(target.id))!;
    expect(row).toContain(String(target.city ?? target.phone));
    await press(app, 'picker.pick', 'form.save');
    expect(app.ws.contacts.at(-1)).toMatchObject({ name: '孙经理', customerId: target.id });
    app.unmount();
  });
});

describe('a reference picker', () => {
  it('tells apart customers of the same name by their city or phone', async () => {
    const app = await renderApp({ lang: 'zh-CN', cols: 100 });
    const byName = new Map<string, typeof app.ws.customers>();
    for (const c of app.ws.customers) byName.set(String(c.name), [...(byName.get(String(c.name)) ?? []), c]);
    const twins = [...byName.values()].find((cs) => cs.length > 1)!;
    await press(app, 'screen.contacts', 'record.new');
    await app.type('吴经理');
    await press(app, 'form.next');
    await app.type(String(twins[0].name));
    for (const c of twins) {
      const row = app.lines().find((l) => l.includes(`${c.id} `))!;
      expect(row).toContain(String(c.city ?? c.phone));
    }
    app.unmount();
  });
});

describe("an anniversary's contact", () => {
  it("is chosen among the customer's own contacts only", async () => {
    const app = await renderApp({ lang: 'en', rows: 40 });
    const ws = app.ws;
    // the first customer in the list with a contact
    const cust = ws.customers.find((c) => ws.contacts.some((p) => p.customerId === c.id))!;
    const own = ws.contacts.filter((p) => p.customerId === cust.id).map((p) => p.id);
    await press(app, 'list.filter');
    await app.type(cust.id);
    await press(app, 'filter.keep', 'list.open', 'customers.addAnniversary');
    expect(app.frame()).toContain('New Anniversaries');
    await press(app, 'form.next', 'form.next', 'form.choose');
    const offered = [...app.frame().matchAll(/\bP\d{4,}\b/g)].map((m) => m[0]);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((id) => own.includes(id))).toBe(true);
    app.unmount();
  });
});

describe('a form with the mobile of an existing customer', () => {
  const phoneAt = editableFields('customers').findIndex((f) => f.name === 'phone');
  async function typeDuplicate() {
    const app = await renderApp({ lang: 'zh-CN' });
    const existing = app.ws.customers.find((c) => c.phone)!;
    await press(app, 'record.new');
    await app.type('重复客户');
    for (let i = 0; i < phoneAt; i++) await press(app, 'form.next');
    await app.type(String(existing.phone));
    await press(app, 'form.save');
    return { app, existing, count: app.ws.customers.length };
  }

  it('warns naming the existing customer and saves nothing; "open" shows that customer', async () => {
    const { app, existing, count } = await typeDuplicate();
    expect(app.frame()).toContain(existing.id);
    expect(app.frame()).toContain(String(existing.name));
    expect(app.ws.customers).toHaveLength(count);
    await press(app, 'form.openExisting');
    expect(app.ws.customers).toHaveLength(count);
    expect(app.frame()).not.toContain('重复客户');
    expect(app.frame()).toContain(String(existing.phone));
    expect(app.frame()).toContain(`${existing.id}`);
    app.unmount();
  });

  it('goes back to the form and saves nothing, or saves a second one when asked to', async () => {
    const { app, existing, count } = await typeDuplicate();
    await press(app, 'form.backToForm');
    expect(app.frame()).toContain('重复客户');
    expect(app.ws.customers).toHaveLength(count);
    await press(app, 'form.save', 'form.saveAnyway');
    expect(app.ws.customers).toHaveLength(count + 1);
    expect(app.ws.customers.at(-1)).toMatchObject({ name: '重复客户', phone: existing.phone });
    app.unmount();
  });
});

describe('a 3000-character paste', () => {
  it('lands in the field whole, and the keys after it edit it', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'screen.contacts', 'record.new');
    await app.type('周粘贴');
    // Shift+Tab from the first field goes round to the last: 备注 (notes)
    await press(app, 'form.prev');
    const long = '北京市朝阳区建国路'.repeat(334).slice(0, 3000);
    await app.type(`${PASTE}${long}`);
    await app.press(KEY.backspace, KEY.backspace);
    await app.type('甲');
    await press(app, 'form.next', 'form.next');
    await app.type('C0002');
    await press(app, 'picker.pick', 'form.save');
    expect(app.ws.contacts.at(-1)).toMatchObject({ name: '周粘贴', notes: `${long.slice(0, 2998)}甲` });
    app.unmount();
  });
});
