// The import's apply phase gathers what its orders do to their customers and applies it in
// place (issue 23's speed). Whatever it does for speed, the workspace after an imported order
// history must be what the same orders saved one by one make (ledgers, stage histories,
// points, tiers), and what main's import made before that work (the fixture beside this file,
// written by main's code at 3b9bf9a): same records, same changes in the batch.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freshRepo } from '../helpers/workspace.js';
import { importTable } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import type { Repo } from '../../src/services/repo.js';
import type { EntityRecord } from '../../src/domain/workspace.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/import-apply-main.json', import.meta.url));

/** a hotel with tiers, a customer who already has points and a stage, one from before ledgers
 *  (a balance only), and a loyal one */
function hotel(): Repo {
  const { repo } = freshRepo();
  for (const [name, minPoints] of [['银卡', 0], ['金卡', 1000], ['白金卡', 5000]] as const) repo.create('tiers', { name, minPoints });
  const made = [
    repo.create('customers', { name: '任艳桂', stage: 'first', points: 800 }),
    repo.create('customers', { name: '郝秀英', stage: 'loyal' }),
    repo.create('customers', { name: '龚志强' }),
    repo.create('customers', { name: '潘丽', stage: 'target', phone: '13800138000' }),
  ];
  if (!made.every((r) => r.ok)) throw new Error('hotel');
  // a customer from before ledgers: a balance and nothing else
  const old = repo.ws.customers.find((c) => c.name === '龚志强')!;
  old.points = 1200;
  repo.drainBatch();
  return repo;
}

/** an order history: several orders per customer, known and new (N…) customers, some cancelled
 *  or refunded, in a fixed pseudo-random order */
function history(): { line: number; cells: string[] }[] {
  const rows = [{ line: 1, cells: ['客户编号', '下单日期', '订单金额', '付款状态', '订单状态'] }];
  const customers = ['C0001', 'C0002', 'C0003', 'C0004', ...Array.from({ length: 12 }, (_, i) => `N${String(i + 1).padStart(4, '0')}`)];
  let seed = 23;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  for (let i = 0; i < 90; i++) {
    const c = customers[next(customers.length)];
    const yuan = `${100 + next(3000)}.${String(next(100)).padStart(2, '0')}`;
    const k = next(12);
    const pay = k === 0 ? 'refunded' : 'paid';
    const status = k === 1 ? 'cancelled' : 'completed';
    rows.push({ line: i + 2, cells: [c, `2026/${1 + next(9)}/${1 + next(28)}`, yuan, pay, status] });
  }
  // the first order of a known customer cancelled, then one that counts
  rows.push({ line: 92, cells: ['C0003', '2026/9/1', '50', 'paid', 'cancelled'] }, { line: 93, cells: ['C0003', '2026/9/2', '60', 'paid', 'completed'] });
  return rows;
}

function imported(): { repo: Repo; puts: string[] } {
  const repo = hotel();
  const r = importTable(repo, 'orders', history(), { mapping: { ...emptyMapping(), createMissing: true } });
  expect(r.errors).toEqual([]);
  expect(r.applied).toBe(true);
  const puts = repo.drainBatch().changes.map((ch) => (ch.op === 'put' ? `${ch.e}:${ch.r.id}:${JSON.stringify(ch.r)}` : ch.op));
  return { repo, puts };
}

const plain = (recs: readonly EntityRecord[]) => JSON.parse(JSON.stringify(recs)) as EntityRecord[];

describe('the import applies its orders as saving them one by one does', () => {
  it('gives every customer the ledger, points, stage and history the orders saved one by one give', () => {
    const { repo } = imported();
    // the same orders, saved one at a time through create (each with its own effects)
    const one = hotel();
    for (const c of repo.ws.customers.filter((x) => x.id.startsWith('N'))) {
      expect(one.create('customers', { name: c.name, createdAt: c.createdAt }, { id: c.id }).ok).toBe(true);
    }
    for (const o of repo.ws.orders) {
      const { id, createdAt, updatedAt, ...values } = o;
      const r = one.create('orders', { ...values, createdAt }, { id, anyStage: true, via: 'import' });
      expect(r.ok).toBe(true);
    }
    expect(plain(repo.ws.orders)).toEqual(plain(one.ws.orders));
    const a = plain(repo.ws.customers);
    const b = plain(one.ws.customers);
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    for (let i = 0; i < a.length; i++) {
      // the one difference by design: gathered, the tier is worked out once from all the points
      // the import brought (one move), where one by one it may move with each order
      const { tierHistory: ta, ...ra } = a[i];
      const { tierHistory: tb, ...rb } = b[i];
      expect(ra).toEqual(rb);
      const last = (h: unknown) => (Array.isArray(h) && h.length ? (h.at(-1) as { to?: string }).to : undefined);
      expect(last(ta)).toEqual(last(tb));
    }
    // the cases the history is there for happened
    const cs = new Map(a.map((c) => [c.id, c]));
    expect(cs.get('C0001')!.stage).toBe('repeat');
    expect(cs.get('C0002')!.stage).toBe('loyal');
    expect((cs.get('C0003')!.pointsLedger as { reason?: string }[])[0].reason).toBe('opening');
    expect(repo.ws.orders.some((o) => o.status === 'cancelled') && repo.ws.orders.some((o) => o.paymentStatus === 'refunded')).toBe(true);
    expect(a.filter((c) => c.tierId).length).toBeGreaterThan(10);
  });

  it('leaves the workspace and the batch exactly as main\'s import did', () => {
    const { repo, puts } = imported();
    const now = { customers: plain(repo.ws.customers), orders: plain(repo.ws.orders), counters: repo.ws.counters, puts };
    if (process.env.WRITE_IMPORT_FIXTURE) writeFileSync(FIXTURE, JSON.stringify(now, null, 1) + '\n');
    const main = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    expect(now.customers).toEqual(main.customers);
    expect(now.orders).toEqual(main.orders);
    expect(now.counters).toEqual(main.counters);
    expect(now.puts).toEqual(main.puts);
  });

  it('a customer its own rules refuse at the end keeps the ledger it had, though the orders wrote to it in place', () => {
    // a first order of nothing moves the stage and earns no points: the second order's line is
    // the first that writes to the ledger
    const repo = hotel();
    const rec = repo.ws.customers.find((c) => c.id === 'C0001')!;
    rec.stage = 'potential';
    const ledger = JSON.stringify(rec.pointsLedger);
    // a hostile edit of the file: a name longer than the schema allows
    rec.name = 'x'.repeat(5000);
    const r = importTable(repo, 'orders', [history()[0], { line: 2, cells: ['C0001', '2026/9/1', '0', 'paid', 'completed'] }, { line: 3, cells: ['C0001', '2026/9/2', '200', 'paid', 'completed'] }]);
    expect(r.applied).toBe(true);
    const c = repo.get('customers', 'C0001')!;
    expect(JSON.stringify(c.pointsLedger)).toBe(ledger);
    expect(c.points).toBe(800);
    expect(c.stage).toBe('potential');
    expect(repo.all('orders')).toHaveLength(2);
  });
});
