// Syllabus chapter 8 (销售过程管理), its lab part done with keys only in zh-CN, as a student
// would: a lead becomes a customer and an opportunity, which moves through the funnel's stages
// to won; the won deal becomes an order, and the customer gets a rate contract (合同 and 订单
// are different things, the chapter's question).
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';

const settle = async (app: Awaited<ReturnType<typeof renderApp>>) => {
  await app.press();
  await new Promise((r) => setTimeout(r, 30));
  await app.press();
};

describe('chapter 8 lab: lead, funnel, order and contract with keys only', () => {
  it('converts a lead, moves its opportunity to negotiation and wins it, makes its order and a contract', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    const ws = app.ws;
    const lead = ws.leads.find((l) => l.status === 'qualified' || l.status === 'new')!;

    // the leads view of screen 4: convert the lead into a new potential customer
    await press(app, 'screen.funnel', 'funnel.leads', 'list.filter');
    await app.type(lead.id);
    await press(app, 'filter.keep', 'leads.convert', 'picker.pick');
    await settle(app);
    const opp = ws.opportunities.at(-1)!;
    expect(opp).toMatchObject({ leadId: lead.id, stage: 'prospecting', probability: 10 });
    const customerId = String(opp.customerId);
    expect(ws.customers.find((c) => c.id === customerId)?.stage).toBe('potential');

    // the funnel: three stages forward to 商务谈判, each with its probability, then won
    await press(app, 'list.clearFilter', 'leads.funnel', 'list.filter');
    await app.type(opp.id);
    await press(app, 'filter.keep', 'funnel.forward', 'funnel.forward', 'funnel.forward');
    await settle(app);
    expect(ws.opportunities.find((o) => o.id === opp.id)).toMatchObject({ stage: 'negotiation', probability: 75 });
    expect(app.lines().find((l) => l.includes(`${opp.id}  `))).toContain('商务谈判');
    await press(app, 'funnel.win');
    await settle(app);
    expect(ws.opportunities.find((o) => o.id === opp.id)!.stage).toBe('won');

    // the won deal becomes its order: the form is filled from the deal, Ctrl+S saves it
    await press(app, 'funnel.order');
    expect(app.frame()).toContain('新建订单');
    await press(app, 'form.save');
    await settle(app);
    const order = ws.orders.find((o) => o.opportunityId === opp.id)!;
    expect(order).toMatchObject({ customerId, status: 'confirmed' });
    expect(ws.customers.find((c) => c.id === customerId)?.stage).toBe('first');

    // screen 5: the new order is on top; C makes a contract for its customer
    await press(app, 'screen.orders');
    expect(app.lines().find((l) => l.startsWith('>'))).toContain(order.id);
    const contracts = ws.contracts.length;
    await press(app, 'orders.newContract');
    expect(app.frame()).toContain('新建合同');
    await app.type('2027 年度协议价');
    await press(app, 'form.save');
    await settle(app);
    expect(ws.contracts).toHaveLength(contracts + 1);
    expect(ws.contracts.at(-1)).toMatchObject({ title: '2027 年度协议价', customerId });
    // c lists the contracts: the new one is found by typing its customer's name, and opens
    const contract = ws.contracts.at(-1)!;
    await press(app, 'orders.contracts');
    await app.type(String(ws.customers.find((c) => c.id === customerId)!.name));
    expect(app.frame()).toContain(`${contract.id}  2027 年度协议价`);
    await press(app, 'picker.pick');
    expect(app.frame()).toContain(`合同 ${contract.id}`);
    app.unmount();
  });
});
