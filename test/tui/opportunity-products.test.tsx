// An opportunity's products (issue 19): a line from the catalogue added in its form makes its
// amount; won, `o` makes its order with the same lines and the same total.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { fenToGrouped } from '../../src/domain/money.js';

const settle = async (app: Awaited<ReturnType<typeof renderApp>>) => {
  await app.press();
  await new Promise((r) => setTimeout(r, 30));
  await app.press();
};

for (const lang of ['en', 'zh-CN'] as const) {
  describe(`<App /> an opportunity's products (${lang})`, () => {
    it('a product line added in the form makes the amount; won, o gives an order with the same lines and total', async () => {
      const ws = loadDemoWorkspace();
      const opp = ws.opportunities.find((o) => o.stage === 'negotiation' && !o.items?.length)!;
      const product = ws.products.find((p) => p.status === 'active' && Number(p.price) > 0)!;
      const app = await renderApp({ lang, ws });
      await press(app, 'screen.funnel', 'list.filter');
      await app.type(opp.id);
      await press(app, 'filter.keep', 'record.edit');
      // the products are the form's last field: back round from the first
      await press(app, 'form.prev');
      // an empty products field says it has no lines and how to add one, not a blank
      expect(app.frame()).toContain(lang === 'en' ? '0 rows' : '0 行（Enter 编辑）');
      await press(app, 'form.enter', 'nested.add');
      await app.type(product.id);
      await press(app, 'nestedRow.next', 'nestedRow.next');
      await app.type('3');
      await press(app, 'nestedRow.next', 'nestedRow.next');
      await app.type('10');
      await press(app, 'nestedRow.accept', 'nested.save');
      const amount = Math.round((Number(product.price) * 3 * 90) / 100);
      // the amount is worked out from the line now, not typed
      expect(app.frame()).toContain(`${fenToGrouped(amount)}  (${lang === 'en' ? 'computed' : '自动计算'})`);
      // round to the amount (name, customer, stage, amount)
      await press(app, 'form.next', 'form.next', 'form.next', 'form.next');
      await app.type('99');
      expect(app.frame()).toContain(`${fenToGrouped(amount)}  (${lang === 'en' ? 'computed' : '自动计算'})`);
      await press(app, 'form.save');
      await settle(app);
      const saved = ws.opportunities.find((o) => o.id === opp.id)!;
      expect(saved.amount).toBe(amount);
      expect(saved.items).toEqual([{ productId: product.id, description: product.name, qty: 3, unitPrice: product.price, discountPct: 10 }]);

      // its detail shows the products
      await press(app, 'list.open');
      let f = app.frame();
      expect(f).toContain(lang === 'en' ? 'Products (1)' : '产品明细 (1)');
      await app.press(KEY.esc);

      await press(app, 'funnel.win');
      await settle(app);
      await press(app, 'funnel.order');
      f = app.frame();
      expect(f).toContain(`${fenToGrouped(amount)}  (${lang === 'en' ? 'computed' : '自动计算'})`);
      await press(app, 'form.save');
      await settle(app);
      const order = ws.orders.find((o) => o.opportunityId === opp.id)!;
      expect(order.total).toBe(amount);
      expect(order.items).toEqual([{ productId: product.id, description: product.name, qty: 3, unitPrice: product.price, discountPct: 10 }]);
      app.unmount();
    });
  });
}
