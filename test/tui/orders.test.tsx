// Screen 5, orders (syllabus ch. 8): a won opportunity becomes its order from the funnel; the
// total is worked out from the lines; the customer becomes a buyer with the order as the reason,
// and the customer's detail shows the order history and the revenue; a cancelled order leaves it.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { fenToGrouped } from '../../src/domain/money.js';
import { displayWidth } from '../../src/text/width.js';

const settle = async (app: Awaited<ReturnType<typeof renderApp>>) => {
  await app.press();
  await new Promise((r) => setTimeout(r, 30));
  await app.press();
};
const wonCount = (frame: string) => Number(/^(?:Won|赢单)\s+(\d+)/m.exec(frame.split('\n').map((l) => l.trim()).join('\n'))?.[1]);

describe('<App /> orders: from a won opportunity to the customer\'s revenue', () => {
  it('moves an opportunity to won on the funnel, creates its order, and the funnel, stage and revenue follow', async () => {
    const ws = loadDemoWorkspace();
    // a deal in negotiation with a customer who has bought nothing yet
    const opp = ws.opportunities.find((o) => o.stage === 'negotiation' && ['potential', 'target'].includes(ws.customers.find((c) => c.id === o.customerId)!.stage))!;
    expect(opp).toBeDefined();
    const customer = ws.customers.find((c) => c.id === opp.customerId)!;
    const app = await renderApp({ lang: 'en', ws });
    await press(app, 'screen.funnel', 'list.filter');
    await app.type(opp.id);
    await press(app, 'filter.keep');
    const won0 = wonCount(app.frame());
    // not won yet: o says what to do first
    await press(app, 'funnel.order');
    expect(app.frame()).toContain('Only a won opportunity becomes an order');
    await press(app, 'funnel.win');
    await settle(app);
    expect(wonCount(app.frame())).toBe(won0 + 1);

    await press(app, 'funnel.order');
    let f = app.frame();
    expect(f).toContain('New Order');
    // the total is worked out from the one line of the deal's amount, not typed
    expect(f).toContain(`${fenToGrouped(opp.amount!)}  (computed)`);
    expect(f).toContain(`${customer.id} ${customer.name}`);
    await press(app, 'form.save');
    await settle(app);
    const order = ws.orders.find((o) => o.opportunityId === opp.id)!;
    expect(order).toMatchObject({ customerId: customer.id, total: opp.amount, status: 'confirmed' });
    expect(order.items).toEqual([{ description: opp.name, qty: 1, unitPrice: opp.amount }]);
    // the first purchase made the customer a first-time buyer, the order named as the reason
    const now = ws.customers.find((c) => c.id === customer.id)!;
    expect(now.stage).toBe('first');
    expect(now.stageHistory.at(-1)).toMatchObject({ from: customer.stage, to: 'first', reason: `orders:${order.id}` });

    // screen 5: the newest order on top, its total with separators
    await press(app, 'screen.orders');
    f = app.frame();
    expect(f).toContain(order.id);
    expect(f).toContain(fenToGrouped(opp.amount!));
    for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(80);

    // the customer's detail: the order history and the revenue
    await press(app, 'screen.customers', 'list.filter');
    await app.type(customer.id);
    await press(app, 'filter.keep', 'list.open');
    f = app.frame();
    // the related lists are below the attributes: page down to them
    for (let i = 0; i < 6 && !/Orders \(1\)/.test(f); i++) {
      await press(app, 'list.pageDown');
      f = app.frame();
    }
    expect(f).toContain(`Orders (1)  revenue ¥${fenToGrouped(opp.amount!)}`);

    // cancelling the order on screen 5: no purchase, no revenue
    await press(app, 'screen.orders', 'list.filter');
    await app.type(order.id);
    await press(app, 'filter.keep', 'orders.cancel');
    expect(app.frame()).toContain('Cancelled');
    await press(app, 'form.save');
    await settle(app);
    expect(ws.orders.find((o) => o.id === order.id)!.status).toBe('cancelled');
    await press(app, 'screen.customers', 'list.filter');
    await app.type(customer.id);
    await press(app, 'filter.keep', 'list.open');
    f = app.frame();
    for (let i = 0; i < 6 && !/Orders \(1\)/.test(f); i++) {
      await press(app, 'list.pageDown');
      f = app.frame();
    }
    expect(f).toContain('Orders (1)  revenue ¥0.00');
  });
});

describe('<App /> orders: the contracts list', () => {
  it('c lists the contracts and Enter opens the chosen one (it used to fall back to the list)', async () => {
    const ws = loadDemoWorkspace();
    const contract = ws.contracts[0];
    expect(contract).toBeDefined();
    const app = await renderApp({ lang: 'en', ws });
    await press(app, 'screen.orders', 'orders.contracts');
    expect(app.frame()).toContain(contract.id);
    await press(app, 'picker.pick');
    const frame = app.frame();
    expect(frame).toContain(String(contract.title));
    // a contract's detail, not the orders list: the list's head is gone
    expect(frame).not.toMatch(/Orders \d+/);
    app.unmount();
  });
});
