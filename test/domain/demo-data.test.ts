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
});
