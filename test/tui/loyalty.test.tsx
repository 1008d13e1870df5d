// Issue 19 part B with keys: a lead converted on screen 4 (L, v) shows up on the funnel (F) as
// an opportunity at the first stage; points redeemed on a customer (p) lower the balance shown.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import type { PointsEntry } from '../../src/domain/loyalty.js';

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('<App /> leads and points', () => {
  it('converts a lead from the leads view of screen 4, and the funnel shows its opportunity', async () => {
    const app = await renderApp({ lang: 'en' });
    const lead = app.ws.leads.find((l) => l.status === 'new')!;
    const opps = app.ws.opportunities.length;
    await press(app, 'screen.funnel', 'funnel.leads');
    expect(app.frame()).toContain(`${lead.id}  ${String(lead.name).slice(0, 4)}`);
    await press(app, 'list.filter');
    await app.type(lead.id);
    await press(app, 'filter.keep', 'leads.convert');
    expect(app.frame()).toContain(`Convert ${lead.id}: which customer?`);
    await press(app, 'picker.pick'); // the first choice: a new potential customer from the lead
    await settle();
    await app.press();
    const opp = app.ws.opportunities.at(-1)!;
    expect(app.ws.opportunities).toHaveLength(opps + 1);
    expect(app.frame()).toContain(`${lead.id} converted: opportunity ${opp.id}`);
    expect(app.ws.leads.find((l) => l.id === lead.id)).toMatchObject({ status: 'converted', opportunityId: opp.id });
    expect(app.ws.customers.find((c) => c.id === opp.customerId)?.stage).toBe('potential');
    // converting twice is refused before anything is asked
    await press(app, 'leads.convert');
    expect(app.frame()).toContain('already converted');
    expect(app.ws.opportunities).toHaveLength(opps + 1);
    // back to the funnel: the new opportunity is there, at the first stage with its probability
    await press(app, 'list.clearFilter', 'leads.funnel', 'list.filter');
    await app.type(opp.id);
    await press(app, 'filter.keep');
    const row = app.lines().find((l) => l.includes(`${opp.id}  `))!;
    expect(row).toContain('Prospecting');
    expect(row).toMatch(/\b10\b/);
    app.unmount();
  });

  it('redeems points for a reward from the customer screen and the balance follows', async () => {
    const app = await renderApp({ lang: 'en' });
    const c = app.ws.customers.find((x) => Number(x.points ?? 0) >= 600 && Number(x.points) < 800)
      ?? app.ws.customers.find((x) => Number(x.points ?? 0) >= 500)!;
    const before = Number(c.points);
    await press(app, 'screen.customers', 'list.filter');
    await app.type(c.id);
    await press(app, 'filter.keep', 'customers.redeem');
    expect(app.frame()).toContain(`(balance ${before})`);
    expect(app.frame()).toContain('Breakfast voucher');
    await press(app, 'picker.pick');
    await settle();
    await app.press();
    const now = app.ws.customers.find((x) => x.id === c.id)!;
    expect(now.points).toBe(before - 500);
    expect((now.pointsLedger as PointsEntry[]).at(-1)).toMatchObject({ delta: -500, kind: 'redeem', reason: 'Breakfast voucher' });
    expect(app.frame()).toContain(`${c.id}: 500 points redeemed, balance ${before - 500}`);
    // the detail shows the balance and the ledger line
    await press(app, 'list.open');
    const f = app.frame();
    expect(f).toContain(String(before - 500));
    app.unmount();
  });

  it('the ledger and the tier changes name their reasons in words: an order, the opening balance', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    const c = app.ws.customers.find((x) => (x.pointsLedger as PointsEntry[] | undefined)?.some((e) => e.reason === 'opening') && (x.pointsLedger as PointsEntry[]).some((e) => e.orderId))!;
    const order = (c.pointsLedger as PointsEntry[]).find((e) => e.orderId)!.orderId!;
    await press(app, 'screen.customers', 'list.filter');
    await app.type(c.id);
    await press(app, 'filter.keep', 'list.open');
    for (let i = 0; i < 12 && !app.frame().includes('积分明细'); i++) await press(app, 'detail.nextSection');
    for (let i = 0; i < 8 && !app.frame().includes('订单 D'); i++) await press(app, 'detail.down');
    const f = app.frame();
    expect(f).toContain('积分明细');
    expect(f).toContain(`订单 ${order}`);
    expect(f).toContain('期初余额');
    expect(f).not.toContain(`orders:${order}`);
    expect(f).not.toMatch(/\bopening\b/);
    app.unmount();
  });
});
