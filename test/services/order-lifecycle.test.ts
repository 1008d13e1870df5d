import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable } from '../../src/services/import.js';

const order = (customerId: string, extra: Record<string, unknown> = {}) => ({ customerId, type: 'room', date: '2026-09-01', total: 68800, ...extra });

describe('orders move their customer through the lifecycle (seed 004)', () => {
  it('a first order makes a potential customer a first-time buyer, a second a repeat buyer, with the order as the reason', () => {
    const { repo } = freshRepo();
    const c = repo.create('customers', { name: '任艳桂' });
    if (!c.ok) throw new Error('customer');
    expect(c.value.stage).toBe('potential');
    const o1 = repo.create('orders', order(c.value.id));
    expect(o1.ok).toBe(true);
    expect(repo.get('customers', c.value.id)?.stage).toBe('first');
    const o2 = repo.create('orders', order(c.value.id));
    const cust = repo.get('customers', c.value.id)!;
    expect(cust.stage).toBe('repeat');
    const history = cust.stageHistory as { from?: string; to: string; reason?: string }[];
    expect(history.map((h) => `${h.from ?? ''}>${h.to}:${h.reason ?? ''}`)).toEqual([
      '>potential:',
      `potential>first:orders:${o1.ok && o1.value.id}`,
      `first>repeat:orders:${o2.ok && o2.value.id}`,
    ]);
    // the customer's change goes out in the same batch as the order that caused it
    const batch = repo.drainBatch();
    expect(batch.changes.filter((ch) => ch.op === 'put' && ch.e === 'customers').length).toBeGreaterThanOrEqual(3);
  });

  it('a refunded order is not a purchase, editing an old order moves nothing, and a loyal customer stays loyal', () => {
    const { repo } = freshRepo();
    const a = repo.create('customers', { name: '甲', stage: 'target' });
    const b = repo.create('customers', { name: '乙', stage: 'loyal' }, { anyStage: true });
    if (!a.ok || !b.ok) throw new Error('customers');
    repo.create('orders', order(a.value.id, { paymentStatus: 'refunded' }));
    expect(repo.get('customers', a.value.id)?.stage).toBe('target');
    const o = repo.create('orders', order(b.value.id));
    expect(repo.get('customers', b.value.id)?.stage).toBe('loyal');
    if (!o.ok) throw new Error('order');
    repo.update('orders', o.value.id, { notes: '加床' });
    expect(repo.get('customers', b.value.id)?.stage).toBe('loyal');
  });

  it('an imported order history moves its customers too', () => {
    const { repo } = freshRepo();
    const c = repo.create('customers', { name: '丙' });
    if (!c.ok) throw new Error('customer');
    const rows = [
      { line: 1, cells: ['customerId', 'type', 'date', 'total'] },
      { line: 2, cells: [c.value.id, 'room', '2026-01-02', '500'] },
      { line: 3, cells: [c.value.id, 'fnb', '2026-02-02', '120.50'] },
    ];
    const r = importTable(repo, 'orders', rows);
    expect(r.applied).toBe(true);
    expect(repo.get('customers', c.value.id)?.stage).toBe('repeat');
  });

  it('counts only the purchases a customer has now: an order moved to another customer no longer counts, however many orders they have', () => {
    // without and with many other orders (refunded: no purchases) of the customer
    for (const refunded of [0, 40]) {
      const { repo } = freshRepo();
      const lost = repo.create('customers', { name: '丁', stage: 'lost' }, { anyStage: true });
      const other = repo.create('customers', { name: '戊', stage: 'loyal' }, { anyStage: true });
      if (!lost.ok || !other.ok) throw new Error('customers');
      for (let i = 0; i < refunded; i++) expect(repo.create('orders', order(lost.value.id, { paymentStatus: 'refunded' })).ok).toBe(true);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const o = repo.create('orders', order(other.value.id));
        if (!o.ok) throw new Error('order');
        ids.push(o.value.id);
      }
      // each purchase moved to the lost customer and back: the first they have since they left
      // leaves them lost each time; one still counted would make them a repeat buyer
      for (const id of ids) {
        expect(repo.update('orders', id, { customerId: lost.value.id }).ok).toBe(true);
        expect(repo.get('customers', lost.value.id)?.stage).toBe('lost');
        expect(repo.update('orders', id, { customerId: other.value.id }).ok).toBe(true);
      }
      expect(repo.create('orders', order(lost.value.id)).ok).toBe(true);
      expect(repo.get('customers', lost.value.id)?.stage).toBe('lost');
      // and one moved to them counts: the next makes them a repeat buyer
      expect(repo.update('orders', ids[0], { customerId: lost.value.id }).ok).toBe(true);
      expect(repo.get('customers', lost.value.id)?.stage).toBe('repeat');
    }
  });
});
