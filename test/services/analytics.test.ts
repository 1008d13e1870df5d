// The analytics services over the demo hotel: what an employee's scope lets them see, the
// previous period of the pyramid, and writing codes to customers all or nothing.
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { workspaceRfm } from '../../src/services/analytics-rfm.js';
import { previousWindow, workspacePyramid } from '../../src/services/analytics-pyramid.js';
import { workspaceSeries } from '../../src/services/analytics-stats.js';
import { writeCustomerCodes } from '../../src/services/analytics-write.js';
import { AnalyticsRefused } from '../../src/services/analytics-base.js';
import { customerTotals } from '../../src/domain/analytics/purchases.js';
import { rfmAnalysis } from '../../src/domain/analytics/rfm.js';
import { dayOf, dayText } from '../../src/domain/analytics/days.js';

const NOW = new Date('2026-10-01T08:00:00.000Z');
const demo = () => loadDemoWorkspace();

describe('analytics within the acting employee\'s scope', () => {
  it('a sales representative\'s RFM is that of their own customers and the orders they see', () => {
    const ws = demo();
    const rep = ws.employees.find((e) => ws.roles.find((r) => r.id === e.roleId)?.name.includes('Sales representative'))!;
    const repo = new Repo(ws, { actor: String(rep.login), clock: () => NOW });
    const mine = ws.customers.filter((c) => c.ownerId === rep.id).map((c) => c.id);
    const theirOrders = ws.orders.filter((o) => o.ownerId === rep.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(ws.customers.length);
    const r = workspaceRfm(repo);
    // computed here from the raw workspace, narrowed by hand
    const t = customerTotals(mine, theirOrders as never);
    const want = rfmAnalysis(t, { asOf: t.lastDay + 1 });
    expect(r.customers + r.withoutPurchases).toBe(mine.length);
    expect(r.segments).toEqual(want.segments);
    const admin = workspaceRfm(new Repo(ws, { actor: 'admin', clock: () => NOW }));
    expect(admin.customers + admin.withoutPurchases).toBe(ws.customers.length);
  });

  it('an employee who may not view orders is refused, not shown zeros', () => {
    const ws = demo();
    const role = ws.roles.find((r) => r.name.includes('Sales representative'))!;
    delete (role.permissions as Record<string, unknown>).orders;
    const rep = ws.employees.find((e) => e.roleId === role.id)!;
    const repo = new Repo(ws, { actor: String(rep.login) });
    expect(() => workspaceRfm(repo)).toThrow(AnalyticsRefused);
    expect(() => workspaceSeries(repo)).toThrow(AnalyticsRefused);
  });
});

describe('pyramid periods', () => {
  it('compares a period with the one of the same length just before it', () => {
    const w = previousWindow({}, { from: dayOf('2026-04-01'), to: dayOf('2026-06-30') }, dayOf('2026-07-01'));
    expect([dayText(w.from!), dayText(w.to!)]).toEqual(['2025-12-31', '2026-03-31']);
    const y = previousWindow({}, {}, dayOf('2024-02-29'));
    expect(y.from).toBeUndefined();
    expect(dayText(y.to!)).toBe('2023-02-28');
  });
  it('reports the previous period it compared with', () => {
    const repo = new Repo(demo());
    const p = workspacePyramid(repo, { from: '2026-01-01', to: '2026-06-30' });
    // 181 days (January to June) before 2026-01-01
    expect(p.previous).toEqual({ from: '2025-07-04', to: '2025-12-31' });
    expect(p.layers.reduce((a, l) => a + l.customers, 0)).toBe(p.customers);
  });
});

describe('writing codes to customers', () => {
  it('is all or nothing: an employee who may not edit customers changes none', () => {
    const ws = demo();
    const agent = ws.employees.find((e) => ws.roles.find((r) => r.id === e.roleId)?.name.includes('Service'))!;
    const repo = new Repo(ws, { actor: String(agent.login) });
    const r = workspaceRfm(repo);
    const run = writeCustomerCodes(repo, 'rfmSegment', r.rows.ids, () => '111');
    expect(run.refused.length).toBeGreaterThan(0);
    expect(run.written).toBe(0);
    expect(repo.drainChanges()).toEqual([]);
    expect(ws.customers.some((c) => c.rfmSegment)).toBe(false);
  });
  it('writes, clears the stale, and leaves alone what is already so', () => {
    const ws = demo();
    ws.customers[0].rfmSegment = '000';
    const repo = new Repo(ws);
    const codes = ws.customers.map((_, i) => (i === 0 ? undefined : i === 1 ? '111' : undefined));
    const run = writeCustomerCodes(repo, 'rfmSegment', ws.customers.map((c) => c.id), (i) => codes[i]);
    expect(run).toMatchObject({ written: 1, cleared: 1, refused: [] });
    expect(repo.get('customers', ws.customers[1].id)!.rfmSegment).toBe('111');
    expect(repo.get('customers', ws.customers[0].id)!.rfmSegment).toBeUndefined();
  });
});
