import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { changePoints } from '../../src/services/loyalty.js';
import { convertLead } from '../../src/services/leads.js';
import type { PointsEntry, TierChange } from '../../src/domain/loyalty.js';

const order = (customerId: string, extra: Record<string, unknown> = {}) => ({ customerId, type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 68850, ...extra });

function hotel() {
  const { repo, ws } = freshRepo();
  for (const [name, minPoints] of [['银卡', 0], ['金卡', 1000], ['白金卡', 5000], ['钻石卡', 20000]] as const) repo.create('tiers', { name, minPoints });
  const c = repo.create('customers', { name: '任艳桂' });
  if (!c.ok) throw new Error('customer');
  return { repo, ws, id: c.value.id };
}
const ledger = (repo: ReturnType<typeof hotel>['repo'], id: string) => repo.get('customers', id)!.pointsLedger as PointsEntry[];

describe('points on orders, in the same batch as the order', () => {
  it('a paid room order of 688.50 yuan earns 688 points, a refund takes them back, and the tier follows', () => {
    const { repo, id } = hotel();
    repo.drainBatch();
    const o = repo.create('orders', order(id));
    if (!o.ok) throw new Error(JSON.stringify(o.errors));
    let c = repo.get('customers', id)!;
    expect(c.points).toBe(688);
    expect(c.stage).toBe('first'); // the lifecycle effect still runs
    expect(ledger(repo, id)).toEqual([{ at: '2026-10-01T08:00:00.000Z', by: 'admin', delta: 688, kind: 'earn', orderId: o.value.id, reason: `orders:${o.value.id}` }]);
    expect(c.tierId).toBe('M0001');
    expect(repo.drainBatch().changes.some((ch) => ch.op === 'put' && ch.e === 'customers')).toBe(true);
    // a second order lifts them to gold (1000 points)
    const o2 = repo.create('orders', order(id, { type: 'fnb', total: 40000 }));
    if (!o2.ok) throw new Error('order 2');
    c = repo.get('customers', id)!;
    expect(c.points).toBe(1088);
    expect(c.tierId).toBe('M0002');
    // refunded: the 400 go back, and the customer goes back to silver, recorded
    repo.update('orders', o2.value.id, { paymentStatus: 'refunded' });
    c = repo.get('customers', id)!;
    expect(c.points).toBe(688);
    expect(c.tierId).toBe('M0001');
    expect((c.tierHistory as TierChange[]).map((h) => `${h.from ?? ''}>${h.to ?? ''}:${h.points}:${h.reason ?? ''}`)).toEqual([
      `>M0001:688:orders:${o.value.id}`,
      `M0001>M0002:1088:orders:${o2.value.id}`,
      `M0002>M0001:688:orders:${o2.value.id}`,
    ]);
    // editing the order's notes changes nothing; a meeting order earns half a point a yuan
    repo.update('orders', o.value.id, { notes: '加床' });
    expect(ledger(repo, id)).toHaveLength(3);
    repo.create('orders', order(id, { type: 'mice', total: 100000 }));
    expect(repo.get('customers', id)!.points).toBe(688 + 500);
  });

  it('a customer from before ledgers keeps its balance as an opening line', () => {
    const { repo, id } = hotel();
    repo.ws.customers.find((c) => c.id === id)!.points = 3000;
    repo.create('orders', order(id));
    expect(ledger(repo, id).map((e) => `${e.kind}:${e.delta}:${e.reason}`)).toEqual(['adjust:3000:opening', `earn:688:orders:D0001`]);
    expect(repo.get('customers', id)!.points).toBe(3688);
  });

  it('editing the balance in a form is a manual adjustment; the ledger itself cannot be rewritten', () => {
    const { repo, id } = hotel();
    repo.create('orders', order(id));
    repo.update('customers', id, { points: 700 });
    expect(ledger(repo, id).map((e) => `${e.kind}:${e.delta}`)).toEqual(['earn:688', 'adjust:12']);
    repo.update('customers', id, { pointsLedger: [] });
    expect(ledger(repo, id)).toHaveLength(2);
    expect(repo.get('customers', id)!.points).toBe(700);
  });
});

describe('redemption', () => {
  it('takes points from the balance, refused beyond it with nothing changed', () => {
    const { repo, id } = hotel();
    repo.create('orders', order(id));
    repo.drainBatch();
    const over = changePoints(repo, id, 689, '兑换房晚');
    expect(over).toMatchObject({ ok: false, errors: [{ code: 'pointsBeyondBalance', params: { balance: 688 } }] });
    expect(repo.drainBatch().changes).toEqual([]);
    const r = changePoints(repo, '任艳桂', 600, '兑换早餐券');
    expect(r.ok).toBe(true);
    const c = repo.get('customers', id)!;
    expect(c.points).toBe(88);
    // redeeming does not cost the tier
    expect(c.tierId).toBe('M0001');
    expect(ledger(repo, id).at(-1)).toMatchObject({ delta: -600, kind: 'redeem', reason: '兑换早餐券', by: 'admin' });
  });
});

describe('opportunity stages carry their probability', () => {
  it('a new opportunity and a stage move take the stage default unless the user gives one', () => {
    const { repo, id } = hotel();
    const o = repo.create('opportunities', { name: '年会', customerId: id, stage: 'proposal' });
    if (!o.ok) throw new Error('opp');
    expect(o.value.probability).toBe(50);
    const given = repo.create('opportunities', { name: '婚宴', customerId: id, stage: 'proposal', probability: 65 });
    expect(given.ok && given.value.probability).toBe(65);
    expect(repo.update('opportunities', o.value.id, { stage: 'negotiation' }).ok && repo.get('opportunities', o.value.id)!.probability).toBe(75);
    repo.update('opportunities', o.value.id, { stage: 'needs', probability: 30 });
    expect(repo.get('opportunities', o.value.id)!.probability).toBe(30);
    // the hotel's own stage list decides
    repo.ws.valueLists.oppStage = repo.ws.valueLists.oppStage.map((v) => (v.code === 'proposal' ? { ...v, probability: 40 } : v));
    const third = repo.create('opportunities', { name: '会议', customerId: id, stage: 'proposal' });
    expect(third.ok && third.value.probability).toBe(40);
  });
});

describe('converting a lead', () => {
  it('makes a potential customer and an opportunity at the first stage with the lead owner, links both ways, and is refused twice', () => {
    const { repo } = hotel();
    const emp = repo.create('employees', { login: 'zhou', name: '周敏', roleId: 'R0001' });
    if (!emp.ok) throw new Error(JSON.stringify(emp.errors));
    const lead = repo.create('leads', { name: '华为年会', company: '华为技术有限公司', status: 'qualified', ownerId: emp.value.id, phone: '13800000000', source: 'fair' });
    if (!lead.ok) throw new Error(JSON.stringify(lead.errors));
    repo.drainBatch();
    const r = convertLead(repo, lead.value.id);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { customer, opportunity } = r.value;
    expect(customer).toMatchObject({ name: '华为技术有限公司', kind: 'corporate', stage: 'potential', source: 'fair', ownerId: emp.value.id });
    expect(opportunity).toMatchObject({ name: '华为年会', stage: 'prospecting', probability: 10, ownerId: emp.value.id, leadId: lead.value.id, customerId: customer.id });
    expect(repo.get('leads', lead.value.id)).toMatchObject({ status: 'converted', customerId: customer.id, opportunityId: opportunity.id });
    const batch = repo.drainBatch();
    expect([...new Set(batch.changes.filter((ch) => ch.op === 'put').map((ch) => ch.e))].sort()).toEqual(['customers', 'leads', 'opportunities']);
    const again = convertLead(repo, lead.value.id);
    expect(again).toMatchObject({ ok: false, errors: [{ code: 'leadConverted' }] });
    expect(repo.drainBatch().changes).toEqual([]);
  });

  it('links an existing customer given by name, and a non-customer becomes potential', () => {
    const { repo } = hotel();
    const c = repo.create('customers', { name: '李雷', stage: 'non' }, { anyStage: true });
    const lead = repo.create('leads', { name: '李雷 商务房', status: 'new' });
    if (!c.ok || !lead.ok) throw new Error('setup');
    const r = convertLead(repo, lead.value.id, { customer: '李雷' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.newCustomer).toBe(false);
    expect(repo.get('customers', c.value.id)!.stage).toBe('potential');
    expect(repo.count('customers')).toBe(2);
  });
});
