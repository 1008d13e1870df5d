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
});
