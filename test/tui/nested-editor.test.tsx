// The one nested-record editor, driven by a json field's zod schema: an order's line items
// (rows), a survey's scores (named numbers), opened from a record's detail and from a form.
// Orders and surveys have no screen yet: a record screen over them is made here.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { RecordScreen, type ScreenConfig } from '../../src/tui/screens/records/RecordScreen.js';
import { RECORD_SECTIONS, type ScreenDef, type ScreenProps } from '../../src/tui/screens.js';
import type { EntityName } from '../../src/domain/entities.js';

function screenOf(entity: EntityName, columns: string[]): ScreenDef {
  const config: ScreenConfig = {
    entity,
    columns: () => columns.map((key) => ({ key, title: key, width: key === 'id' ? 5 : 12 })),
    searchFields: ['id'],
    sortFields: ['id'],
  };
  return { name: entity, key: '1', title: 'screen.customers', component: (p: ScreenProps) => createElement(RecordScreen, { ...p, config }), bindings: [], shared: RECORD_SECTIONS };
}

function withOrder() {
  const ws = loadDemoWorkspace();
  // the order of the test alone on the list (the demo's own orders left out)
  ws.orders = [];
  const repo = new Repo(ws);
  const customerId = ws.customers[0].id;
  const res = repo.create('orders', {
    customerId, type: 'room', date: '2026-10-01', paymentStatus: 'unpaid', total: 100000,
    items: [{ description: 'Room night', qty: 2, unitPrice: 50000 }],
  });
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return { ws, id: res.value.id };
}

describe('the nested-record editor', () => {
  it("adds, edits and removes an order's line items from its detail; the saved record holds them", async () => {
    const { ws, id } = withOrder();
    const app = await renderApp({ ws, lang: 'en', screens: [screenOf('orders', ['id', 'customerId', 'date'])] });
    await press(app, 'list.open');
    expect(app.frame()).toContain('Line items (1)');
    // the first list below the order is its line items; Enter opens the editor
    await press(app, 'detail.nextSection', 'detail.open');
    expect(app.frame()).toContain(`Orders ${id} - Line items`);
    expect(app.frame()).toContain('Room night');

    // a new row: product (none), description, quantity, unit price
    await press(app, 'nested.add', 'nestedRow.next');
    await app.type('Breakfast');
    await press(app, 'nestedRow.next');
    await app.type('abc');
    await press(app, 'nestedRow.accept');
    // a quantity that is not a number is refused beside the field; nothing is taken
    expect(app.frame()).toContain('is not a number');
    await app.press(KEY.ctrlU);
    await app.type('3');
    await press(app, 'nestedRow.next');
    await app.type('58.50');
    await press(app, 'nestedRow.accept');
    expect(app.frame()).toContain('Breakfast');
    // nothing is saved before Ctrl+S on the list
    expect(app.store.data.orders.find((o) => o.id === id)!.items).toHaveLength(1);
    await press(app, 'nested.save');
    expect(app.store.data.orders.find((o) => o.id === id)!.items).toEqual([
      { description: 'Room night', qty: 2, unitPrice: 50000 },
      { description: 'Breakfast', qty: 3, unitPrice: 5850 },
    ]);
    // back on the detail, which shows the two rows
    expect(app.frame()).toContain('Line items (2)');

    // edit the first row's description, remove the second
    await press(app, 'detail.open');
    await press(app, 'nested.up', 'nested.edit', 'nestedRow.next');
    // the description reached is selected, as in the record form: typing replaces it
    await app.type('Room night, river view');
    await press(app, 'nestedRow.accept', 'nested.down', 'nested.delete', 'nested.save');
    expect(app.store.data.orders.find((o) => o.id === id)!.items).toEqual([{ description: 'Room night, river view', qty: 2, unitPrice: 50000 }]);
    expect(app.frame()).toContain('Line items (1)');
    app.unmount();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`Ctrl+O on a line's product picks it from the catalogue; products off sale are not offered (${lang}, 60 columns)`, async () => {
      const { ws, id } = withOrder();
      const app = await renderApp({ ws, lang, cols: 60, rows: 24, screens: [screenOf('orders', ['id', 'customerId', 'date'])] });
      await press(app, 'list.open', 'detail.nextSection', 'detail.open', 'nested.add');
      // the first part of a new line is its product: chosen from a list, found by a word of its name
      await press(app, 'nestedRow.choose');
      // the whole catalogue on sale fits: 家庭周末套餐 (G0011) is off sale, so a new line does not offer it
      expect(app.frame()).toContain('G0001');
      expect(app.frame()).toContain('G0014');
      // with its price, as the catalogue has it
      expect(app.frame()).toMatch(/G0001 .* ¥588\.00/);
      expect(app.frame()).not.toContain('G0011');
      // found by a word of its name, in the screen's language
      await app.type(lang === 'en' ? 'Suite' : '套房');
      expect(app.frame()).toContain('G0003');
      expect(app.frame()).not.toContain('G0001');
      await press(app, 'picker.down');
      const shown = app.frame();
      await press(app, 'picker.pick');
      expect(shown).toContain('G0014');
      // the part holds the product's code, and typing goes on from there
      const code = /G00(03|14)/.exec(app.frame())![0];
      // a part that is typed is not chosen from a list: Ctrl+O there says so and changes nothing
      await press(app, 'nestedRow.next', 'nestedRow.choose');
      expect(app.frame()).toContain(lang === 'en' ? 'this part is typed, not chosen from a list' : '此项需要输入，不从列表中选择');
      await press(app, 'nestedRow.next');
      await app.type('1');
      await press(app, 'nestedRow.next');
      await app.type('100');
      await press(app, 'nestedRow.accept', 'nested.save');
      const items = app.store.data.orders.find((o) => o.id === id)!.items!;
      expect(items).toHaveLength(2);
      expect(items[1]).toMatchObject({ productId: code, qty: 1, unitPrice: 10000 });
      app.unmount();
    });
  }

  it('Esc on a changed list asks first; y discards the rows changed', async () => {
    const { ws, id } = withOrder();
    const app = await renderApp({ ws, lang: 'en', screens: [screenOf('orders', ['id', 'customerId', 'date'])] });
    await press(app, 'list.open', 'detail.nextSection', 'detail.open', 'nested.delete', 'nested.cancel');
    expect(app.frame()).toContain('Discard');
    await press(app, 'nested.discard');
    expect(app.store.data.orders.find((o) => o.id === id)!.items).toHaveLength(1);
    expect(app.frame()).toContain('Line items (1)');
    app.unmount();
  });

  it("edits a survey's scores as named numbers", async () => {
    const ws = loadDemoWorkspace();
    ws.surveys = []; // the survey made here is the list's only one
    const repo = new Repo(ws);
    const res = repo.create('surveys', { customerId: ws.customers[0].id, date: '2026-10-02', scale: 10, scores: { quality: 8 } });
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    const app = await renderApp({ ws, lang: 'en', screens: [screenOf('surveys', ['id', 'customerId', 'date'])] });
    await press(app, 'list.open');
    expect(app.frame()).toContain('Scores (1)');
    await press(app, 'detail.nextSection', 'detail.open', 'nested.add');
    // an indicator by its label, read as its code
    await app.type('Perceived value');
    await press(app, 'nestedRow.next');
    await app.type('11');
    await press(app, 'nestedRow.accept');
    // the schema says 0..10
    expect(app.frame()).toContain('is too large');
    await app.press(KEY.ctrlU);
    await app.type('9');
    await press(app, 'nestedRow.accept', 'nested.save');
    expect(app.store.data.surveys.find((s) => s.id === res.value.id)!.scores).toEqual({ quality: 8, value: 9 });
    app.unmount();
  });

  it("a role's permission matrix is shown, not edited", async () => {
    const ws = loadDemoWorkspace();
    const role = ws.roles[0];
    role.permissions = { customers: { actions: ['view', 'edit'], scope: 'own' } };
    const app = await renderApp({ ws, lang: 'en', screens: [screenOf('roles', ['id', 'name'])] });
    await press(app, 'list.open');
    expect(app.frame()).toContain('Permissions (1)');
    await press(app, 'detail.nextSection', 'detail.open');
    expect(app.frame()).toContain('read-only');
    expect(app.frame()).toContain('customers');
    await press(app, 'nested.delete');
    expect(app.store.data.roles[0].permissions).toEqual({ customers: { actions: ['view', 'edit'], scope: 'own' } });
    app.unmount();
  });

  it("a new order's form opens the editor on its line items and saves them with the order", async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'en', screens: [screenOf('orders', ['id', 'customerId', 'date'])] });
    await press(app, 'record.new');
    // customer, type, date, status, contract, opportunity, payment, total, owner, notes, then
    // the line items; typing on the customer opens its options, filtered by what was typed
    await app.type(ws.customers[0].id);
    await press(app, 'picker.pick', 'form.next', 'form.next');
    await app.type('2026-10-03');
    await press(app, 'form.next', 'form.next', 'form.next', 'form.next', 'form.next');
    // the total is worked out from the lines: typing on it changes nothing
    await app.type('20');
    expect(app.frame()).toContain('0.00  (computed)');
    await press(app, 'form.next', 'form.next', 'form.next');
    expect(app.frame()).toContain('0 rows');
    await press(app, 'form.enter', 'nested.add', 'nestedRow.next');
    await app.type('Tea');
    await press(app, 'nestedRow.next');
    await app.type('1');
    await press(app, 'nestedRow.next');
    await app.type('20');
    await press(app, 'nestedRow.accept', 'nested.save');
    expect(app.frame()).toContain('1 rows');
    expect(app.frame()).toContain('20.00  (computed)');
    await press(app, 'form.save');
    const order = app.store.data.orders.at(-1)!;
    expect(order).toMatchObject({ customerId: ws.customers[0].id, total: 2000, items: [{ description: 'Tea', qty: 1, unitPrice: 2000 }] });
    app.unmount();
  });
});
