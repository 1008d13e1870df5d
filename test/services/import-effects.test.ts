// An imported order history does to its customers what the same orders typed in one by one do
// (a ledger line per order, the stage moves with their reasons), with each customer checked
// and saved once at the end of the import rather than once per order.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import type { PointsEntry, TierChange } from '../../src/domain/loyalty.js';

function hotel() {
  const { repo } = freshRepo();
  for (const [name, minPoints] of [['银卡', 0], ['金卡', 1000], ['白金卡', 5000]] as const) repo.create('tiers', { name, minPoints });
  const c = repo.create('customers', { name: '任艳桂' });
  if (!c.ok) throw new Error('customer');
  repo.drainBatch();
  return { repo, id: c.value.id };
}

const history = (id: string) => [
  { line: 1, cells: ['客户编号', '下单日期', '订单金额', '付款状态'] },
  { line: 2, cells: [id, '1997/1/1', '688.50', 'paid'] },
  { line: 3, cells: [id, '1997/2/1', '400', 'paid'] },
  { line: 4, cells: [id, '1997/3/1', '5000', 'paid'] },
  { line: 5, cells: ['N0001', '1997/3/2', '12', 'paid'] },
];

describe('an imported order history and its customers', () => {
  it('earns a ledger line per order and moves the stage per order, the customer saved once', () => {
    const { repo, id } = hotel();
    const r = importTable(repo, 'orders', history(id), { mapping: { ...emptyMapping(), createMissing: true } });
    expect(r.errors).toEqual([]);
    expect(r.created).toBe(4);
    const c = repo.get('customers', id)!;
    const ledger = c.pointsLedger as PointsEntry[];
    expect(ledger.map((e) => `${e.kind}:${e.delta}:${e.orderId}`)).toEqual(['earn:688:D0001', 'earn:400:D0002', 'earn:5000:D0003']);
    expect(c.points).toBe(6088);
    expect((c.stageHistory as { from?: string; to: string; reason?: string }[]).map((h) => `${h.from ?? ''}>${h.to}:${h.reason ?? ''}`)).toEqual([
      '>potential:',
      'potential>first:orders:D0001',
      'first>repeat:orders:D0002',
    ]);
    // the tier is worked out once, from all the points the import brought: one move, to platinum
    expect(c.tierId).toBe('M0003');
    expect((c.tierHistory as TierChange[]).map((h) => `${h.from ?? ''}>${h.to ?? ''}:${h.points}:${h.reason ?? ''}`)).toEqual(['>M0003:6088:orders:D0003']);
    // one put of the customer in the batch, after the orders that caused it; the new customer too
    const puts = repo.drainBatch().changes.flatMap((ch) => (ch.op === 'put' ? [`${ch.e}:${ch.r.id}`] : []));
    expect(puts.filter((p) => p === `customers:${id}`)).toHaveLength(1);
    expect(puts.indexOf(`customers:${id}`)).toBeGreaterThan(puts.indexOf('orders:D0003'));
    expect(repo.get('customers', 'N0001')?.points).toBe(12);
  });

  it('a customer whose record its own rules refuse at the end keeps what it had; the orders are saved', () => {
    const { repo, id } = hotel();
    // a hostile edit of the file: a customer name longer than the schema allows
    const rec = repo.ws.customers.find((c) => c.id === id)!;
    rec.name = 'x'.repeat(5000);
    const r = importTable(repo, 'orders', history(id).slice(0, 3));
    expect(r.applied).toBe(true);
    const c = repo.get('customers', id)!;
    expect(c.pointsLedger).toBeUndefined();
    expect(c.stage).toBe('potential');
    expect(repo.all('orders')).toHaveLength(2);
  });

  it('a customer the import creates and its own rules then refuse stays as created, in the workspace and in the batch', () => {
    const { repo } = hotel();
    // a hostile edit of the file: the first-time buyer stage retired, so no new customer may
    // be moved there (a repeat buyer may)
    repo.ws.valueLists = { ...repo.ws.valueLists, stage: repo.ws.valueLists.stage!.map((v) => (v.code === 'first' ? { ...v, retired: true } : v)) };
    const rows = [
      { line: 1, cells: ['客户编号', '下单日期', '订单金额', '付款状态'] },
      { line: 2, cells: ['N0001', '1997/1/1', '100', 'paid'] },
      { line: 3, cells: ['N0002', '1997/1/2', '200', 'paid'] },
      { line: 4, cells: ['N0002', '1997/1/3', '300', 'paid'] },
    ];
    const r = importTable(repo, 'orders', rows, { mapping: { ...emptyMapping(), createMissing: true } });
    expect(r.applied).toBe(true);
    expect(r.created).toBe(3);
    const one = repo.get('customers', 'N0001')!;
    expect(one.stage).toBe('potential');
    expect(one.pointsLedger).toBeUndefined();
    expect((one.stageHistory as unknown[]).length).toBe(1);
    const two = repo.get('customers', 'N0002')!;
    expect(two.stage).toBe('repeat');
    expect((two.pointsLedger as PointsEntry[]).map((e) => e.delta)).toEqual([200, 300]);
    // the batch: each new customer's put as created, then the checked one's; the refused one
    // only as created, the same as the workspace holds
    const puts = repo.drainBatch().changes.flatMap((ch) => (ch.op === 'put' && ch.e === 'customers' ? [ch.r] : []));
    const of = (id: string) => puts.filter((p) => p.id === id).map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>);
    expect(of('N0001')).toEqual([JSON.parse(JSON.stringify(one))]);
    const [made, checked] = of('N0002');
    expect(of('N0002')).toHaveLength(2);
    expect(made.stage).toBe('potential');
    expect(made.pointsLedger).toBeUndefined();
    expect((made.stageHistory as unknown[]).length).toBe(1);
    expect(checked).toEqual(JSON.parse(JSON.stringify(two)));
  });
});


describe('an import is one change at one time', () => {
  it('stamps every record it creates and every move it makes with the same time, however long it runs', async () => {
    const { Repo } = await import('../../src/services/repo.js');
    const { repo: seed } = hotel();
    // a clock that moves a second each time it is read
    let t = Date.parse('2026-11-26T08:00:00Z');
    const repo = new Repo(seed.ws, { clock: () => new Date((t += 1000)) });
    const id = seed.ws.customers[0].id;
    const r = importTable(repo, 'orders', history(id), { mapping: { ...emptyMapping(), createMissing: true } });
    expect(r.errors).toEqual([]);
    const times = new Set<string>();
    for (const o of repo.ws.orders) times.add(String(o.createdAt)).add(String(o.updatedAt));
    for (const c of repo.ws.customers) {
      for (const h of c.stageHistory as { at: string; reason?: string }[]) if (h.reason) times.add(h.at);
      for (const e of (c.pointsLedger as PointsEntry[] | undefined) ?? []) times.add(e.at);
    }
    times.add(String(repo.get('customers', 'N0001')!.createdAt));
    expect([...times]).toHaveLength(1);
    // and the clock moves on after it
    expect(repo.now()).not.toBe([...times][0]);
  });
});
