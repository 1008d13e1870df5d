import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { splitKeys, keyStdin, ESC_HOLD_MS } from '../../src/tui/stdin-filter.js';
import { PassThrough } from 'node:stream';
import { generateWorkspace } from '../../scripts/demo-generator.js';

describe('<App /> contacts screen', () => {
  it('lists contacts across customers with the customer name, and filters them', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'screen.contacts');
    const c = app.ws.contacts[5];
    const customer = app.ws.customers.find((x) => x.id === c.customerId)!;
    await press(app, 'list.filter');
    await app.type(c.name);
    const row = app.lines().find((l) => l.includes(c.id))!;
    expect(row).toContain(customer.name.slice(0, 6));
    app.unmount();
  });

  it('adds a contact with its customer picked from what was typed, saying when no customer matches', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'screen.contacts', 'record.new');
    await app.type('赵经理');
    await press(app, 'form.next');
    await app.type('没有这家公司');
    expect(app.frame()).toContain('没有与「没有这家公司」匹配的选项');
    const before = app.ws.contacts.length;
    await press(app, 'picker.pick', 'form.save');
    expect(app.ws.contacts).toHaveLength(before);
    await press(app, 'picker.cancel');
    await app.type('C0002');
    await press(app, 'picker.pick', 'form.save');
    expect(app.ws.contacts).toHaveLength(before + 1);
    expect(app.ws.contacts.at(-1)).toMatchObject({ name: '赵经理', customerId: 'C0002' });
    app.unmount();
  });

  it('adds an anniversary to a contact from its detail', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'screen.contacts', 'list.open', 'contacts.addAnniversary');
    expect(app.frame()).toContain('New Anniversaries');
    await press(app, 'form.next');
    await app.type('1985/6/1');
    await press(app, 'form.save');
    const a = app.ws.anniversaries.at(-1)!;
    expect(a).toMatchObject({ date: '1985-06-01', contactId: app.ws.contacts[0].id, customerId: app.ws.contacts[0].customerId, kind: 'birthday' });
    app.unmount();
  });
});

describe('the key stream Ink reads', () => {
  it('splits control keys and escape sequences but keeps typed text together', () => {
    expect(splitKeys('\r\r')).toEqual(['\r', '\r']);
    expect(splitKeys('\u0015wq')).toEqual(['\u0015', 'wq']);
    expect(splitKeys('\u001b[A\u001b[Bj')).toEqual(['\u001b[A', '\u001b[B', 'j']);
    expect(splitKeys('王先生')).toEqual(['王先生']);
    // one key pressed again before the first was read: each press is a key of its own
    expect(splitKeys('[[')).toEqual(['[', '[']);
    expect(splitKeys('jjj\r')).toEqual(['j', 'j', 'j', '\r']);
    expect(splitKeys('jd')).toEqual(['jd']);
  });

  it('joins an arrow key that arrived in two reads instead of reporting Escape', async () => {
    const src = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    Object.assign(src, { isTTY: true, setRawMode: () => src, ref: () => src, unref: () => src });
    const keys = keyStdin(src);
    const got: string[] = [];
    keys.on('readable', () => {
      let k;
      while ((k = keys.read()) !== null) got.push(String(k));
    });
    (keys as unknown as { setRawMode: (m: boolean) => void }).setRawMode(true);
    src.write('\u001b');
    await new Promise((r) => setTimeout(r, 5));
    src.write('[B');
    await new Promise((r) => setTimeout(r, 5));
    src.write('\u001b');
    await new Promise((r) => setTimeout(r, ESC_HOLD_MS + 20));
    expect(got).toEqual(['\u001b[B', '\u001b']);
  });
});

describe('<App /> with 100 000 customers', () => {
  it('draws only the visible rows and keeps the selection visible at the end', async () => {
    const ws = generateWorkspace({ customers: 100_000, related: false });
    const app = await renderApp({ ws, lang: 'en' });
    expect(app.frame()).toContain('100000 of 100000');
    await press(app, 'list.last');
    const lines = app.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.find((l) => l.startsWith('>'))).toContain('C100000');
    await press(app, 'list.filter');
    await app.type('C0999');
    expect(app.frame()).toMatch(/\d+ of 100000/);
    app.unmount();
  }, 60_000);
});
