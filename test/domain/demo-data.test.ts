import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../scripts/demo-generator.js';
import { demoFile, loadDemoWorkspace } from '../../src/demo.js';

describe('the demo hotel', () => {
  it('is what the deterministic generator makes (data/ is up to date: npm run gen-demo)', () => {
    const made = JSON.stringify(generateWorkspace({ customers: 200, related: true }));
    expect(fs.readFileSync(demoFile(), 'utf8')).toBe(made);
  });

  it('has guests, companies and travel agencies with Chinese and English names, contacts and anniversaries', () => {
    const ws = loadDemoWorkspace();
    expect(ws.customers).toHaveLength(200);
    const kinds = new Set(ws.customers.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['individual', 'corporate', 'agency']));
    expect(ws.customers.some((c) => /^[\u4e00-\u9fff]+$/.test(c.name))).toBe(true);
    expect(ws.customers.some((c) => /^[A-Za-z .]+$/.test(c.name))).toBe(true);
    expect(ws.contacts.length).toBeGreaterThan(50);
    expect(ws.anniversaries.some((a) => a.contactId)).toBe(true);
    expect(ws.anniversaries.some((a) => !a.contactId)).toBe(true);
  });

  it('has opportunities in every stage of the funnel, with amounts and owners, and lost ones with a reason', () => {
    const ws = loadDemoWorkspace();
    const stages = new Set(ws.opportunities.map((o) => o.stage));
    expect(stages).toEqual(new Set(ws.valueLists.oppStage.map((v) => v.code)));
    expect(ws.opportunities.every((o) => (o.amount ?? 0) > 0 && o.ownerId)).toBe(true);
    expect(new Set(ws.opportunities.map((o) => o.ownerId)).size).toBeGreaterThan(1);
    expect(ws.opportunities.filter((o) => o.stage === 'lost').every((o) => o.lostReason && o.lostStage && o.closedOn)).toBe(true);
    const count = (s: string) => ws.opportunities.filter((o) => o.stage === s).length;
    // a funnel: wider at the top
    expect(count('prospecting')).toBeGreaterThan(count('negotiation'));
  });

  it('has 18 months of orders with lines and stays, contracts, and stages that agree with the orders', () => {
    const ws = loadDemoWorkspace();
    const months = new Set(ws.orders.map((o) => o.date.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(18);
    expect(ws.orders.length).toBeGreaterThan(200);
    expect(ws.orders.every((o) => o.items.length > 0 || o.stay)).toBe(true);
    expect(new Set(ws.orders.filter((o) => o.stay).map((o) => o.stay!.status))).toEqual(new Set(['booked', 'inhouse', 'checkedout', 'cancelled', 'noshow']));
    expect(ws.orders.some((o) => o.status === 'cancelled')).toBe(true);
    expect(ws.orders.filter((o) => o.opportunityId).length).toBe(ws.opportunities.filter((o) => o.stage === 'won').length);
    expect(new Set(ws.contracts.map((k) => k.type))).toEqual(new Set(['rate', 'group', 'banquet']));
    expect(ws.orders.some((o) => o.contractId)).toBe(true);
    const purchases = new Map<string, number>();
    for (const o of ws.orders) if (o.status !== 'cancelled' && o.paymentStatus !== 'refunded') purchases.set(o.customerId, (purchases.get(o.customerId) ?? 0) + 1);
    for (const c of ws.customers) {
      const n = purchases.get(c.id) ?? 0;
      if (['non', 'potential', 'target'].includes(c.stage)) expect(n, c.id).toBe(0);
      if (c.stage === 'first') expect(n, c.id).toBe(1);
      if (c.stage === 'repeat' || c.stage === 'loyal') expect(n, c.id).toBeGreaterThanOrEqual(2);
      if (c.stage === 'lost') expect(n, c.id).toBeGreaterThanOrEqual(1);
    }
    // the lifecycle effect ran in the generator: some buyers were moved by their orders
    expect(ws.customers.some((c) => c.stageHistory.some((h) => h.reason?.startsWith('orders:')))).toBe(true);
  });
});
