// An import gathers what its new orders do to their customers and makes it per customer at the
// end (RULES.orders.effectsOfNew) instead of per order. The oracle is the same import with that
// rule taken away, so every order's effects are made as it is inserted: the customers, the
// orders and the changes in the batch must be the same, in the same order, for every stage a
// customer can be in, orders that earn nothing, and updates of stored orders in between.
import { afterEach, describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import { RULES } from '../../src/domain/entity-rules.js';
import type { Repo } from '../../src/services/repo.js';

const STAGES = ['non', 'potential', 'target', 'first', 'repeat', 'loyal', 'lost'] as const;

function hotel(): Repo {
  const { repo } = freshRepo();
  for (const [name, minPoints] of [['银卡', 0], ['金卡', 1000], ['白金卡', 5000]] as const) repo.create('tiers', { name, minPoints });
  STAGES.forEach((stage, i) => {
    const r = repo.create('customers', { name: `客户${i}`, stage, ...(i % 2 ? { points: 300 * i } : {}) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  });
  // stored orders the file updates: one paid (cancelled by the file), one cancelled (paid again)
  for (const [customerId, status] of [['C0003', 'completed'], ['C0007', 'cancelled']] as const) {
    const r = repo.create('orders', { customerId, type: 'room', date: '2026-01-05', status, paymentStatus: 'paid', total: 50000 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  }
  repo.drainBatch();
  return repo;
}

/** new orders for every customer (known and new), some earning nothing, with the two stored
 *  orders updated in the middle of them */
function file(): { line: number; cells: string[] }[] {
  const rows = [{ line: 1, cells: ['订单编号', '客户编号', '下单日期', '订单金额', '付款状态', '订单状态'] }];
  const customers = [...STAGES.map((_, i) => `C000${i + 1}`), 'N0001', 'N0002', 'N0003'];
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  for (let i = 0; i < 60; i++) {
    const k = next(10);
    const yuan = k === 0 ? '0' : `${10 + next(4000)}.${String(next(100)).padStart(2, '0')}`;
    rows.push({ line: i + 2, cells: ['', customers[next(customers.length)], `2026/${1 + next(9)}/${1 + next(28)}`, yuan, k === 1 ? 'refunded' : 'paid', k === 2 ? 'cancelled' : 'completed'] });
    if (i === 20) rows.push({ line: 100, cells: ['D0001', 'C0003', '2026/1/5', '500', 'paid', 'cancelled'] });
    if (i === 40) rows.push({ line: 101, cells: ['D0002', 'C0007', '2026/1/5', '500', 'paid', 'completed'] });
  }
  // a customer whose last order only moves its stage (it earns nothing), after one that earned
  rows.push({ line: 102, cells: ['', 'N0004', '2026/9/1', '0', 'paid', 'cancelled'] });
  rows.push({ line: 103, cells: ['', 'N0004', '2026/9/2', '120', 'paid', 'completed'] });
  rows.push({ line: 104, cells: ['', 'N0004', '2026/9/3', '0', 'paid', 'completed'] });
  return rows;
}

function run(): { customers: unknown; orders: unknown; changes: string[] } {
  const repo = hotel();
  const r = importTable(repo, 'orders', file(), { onDuplicate: 'update', mapping: { ...emptyMapping(), createMissing: true } });
  expect(r.errors).toEqual([]);
  expect(r.applied).toBe(true);
  const changes = repo.drainBatch().changes.map((ch) => (ch.op === 'put' ? `${ch.e}:${JSON.stringify(ch.r)}` : ch.op));
  return { customers: JSON.parse(JSON.stringify(repo.ws.customers)), orders: JSON.parse(JSON.stringify(repo.ws.orders)), changes };
}

const batch = RULES.orders!.effectsOfNew;
afterEach(() => {
  RULES.orders!.effectsOfNew = batch;
});

describe("an import's new orders change their customers together", () => {
  it('as making each order\'s effects as it is inserted does: same customers, orders and batch', () => {
    expect(batch).toBeDefined();
    const together = run();
    RULES.orders!.effectsOfNew = undefined;
    const inTurn = run();
    expect(together.customers).toEqual(inTurn.customers);
    expect(together.orders).toEqual(inTurn.orders);
    expect(together.changes).toEqual(inTurn.changes);
    // what the file is there for happened
    const cs = new Map((together.customers as { id: string; stage: string; stageHistory: { reason?: string }[]; tierHistory?: { reason?: string }[] }[]).map((c) => [c.id, c]));
    expect(cs.get('C0007')!.stage).toBe('repeat'); // lost, bought again
    expect(cs.get('C0006')!.stage).toBe('loyal');
    expect(cs.get('N0004')!.stageHistory.at(-1)!.reason).toBe(`orders:${(together.orders as { id: string; customerId: string }[]).filter((o) => o.customerId === 'N0004').at(-1)!.id}`);
    expect(cs.get('N0004')!.tierHistory!.at(-1)!.reason).toBe(cs.get('N0004')!.stageHistory.at(-1)!.reason);
    expect((together.orders as { id: string; status: string }[]).find((o) => o.id === 'D0001')!.status).toBe('cancelled');
  });
});
