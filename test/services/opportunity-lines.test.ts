// An opportunity's products (issue 19): lines from the catalogue as an order has them, its
// amount their sum in integer fen; without lines the amount stays typed.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { copyLines } from '../../src/domain/line-items.js';

function setup() {
  const { repo } = freshRepo();
  const c = repo.create('customers', { name: '杭州云栖科技有限公司', kind: 'corporate' });
  const room = repo.create('products', { name: '豪华大床房', price: 68800 });
  const hall = repo.create('products', { name: '宴会厅半天', price: 1200000 });
  if (!c.ok || !room.ok || !hall.ok) throw new Error('setup');
  return { repo, customerId: c.value.id, room: room.value.id, hall: hall.value.id };
}

describe('an opportunity with product lines', () => {
  it('has the amount of its lines: list price filled in, quantity, discount, rounded to the fen once per line', () => {
    const { repo, customerId, room, hall } = setup();
    const r = repo.create('opportunities', {
      name: '云栖年会', customerId, stage: 'proposal', amount: 1,
      items: [
        { productId: room, qty: 30, discountPct: 15 }, // 30 × 688.00 × 85% = 17,544.00
        { productId: hall, qty: 1 }, // 12,000.00
        { description: '茶歇', qty: 3, unitPrice: 3333, discountPct: 5 }, // 99.99 × 95% = 94.9905 → 94.99
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.amount).toBe(1754400 + 1200000 + 9499);
    const items = r.value.items as { unitPrice: number; description: string }[];
    expect(items[0]).toMatchObject({ unitPrice: 68800, description: '豪华大床房' });
  });

  it('keeps a typed amount when it has no lines, and works the amount out again when a line changes', () => {
    const { repo, customerId, room } = setup();
    const typed = repo.create('opportunities', { name: '旧机会', customerId, stage: 'needs', amount: 500000 });
    if (!typed.ok) throw new Error('typed');
    expect(typed.value.amount).toBe(500000);
    const withLines = repo.update('opportunities', typed.value.id, { items: [{ productId: room, qty: 2 }] });
    if (!withLines.ok) throw new Error('lines');
    expect(withLines.value.amount).toBe(137600);
    // an amount typed beside lines does not win over them
    const again = repo.update('opportunities', typed.value.id, { amount: 99, items: [{ productId: room, qty: 3 }] });
    expect(again.ok && again.value.amount).toBe(206400);
    // the lines cleared: the amount is typed again, kept as it was until someone changes it
    const cleared = repo.update('opportunities', typed.value.id, { items: [] });
    expect(cleared.ok && cleared.value.amount).toBe(206400);
    const retyped = repo.update('opportunities', typed.value.id, { amount: 300000 });
    expect(retyped.ok && retyped.value.amount).toBe(300000);
  });

  it('refuses a line with no price and no product to take one from, and saves nothing', () => {
    const { repo, customerId } = setup();
    const before = repo.all('opportunities').length;
    const r = repo.create('opportunities', { name: '无价', customerId, stage: 'needs', items: [{ description: '会议室', qty: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'items', code: 'linePrice' });
    expect(repo.all('opportunities').length).toBe(before);
  });

  it("copies product, quantity, price and discount onto an order, whose total is then the opportunity's amount", () => {
    const { repo, customerId, room, hall } = setup();
    const o = repo.create('opportunities', { name: '云栖年会', customerId, stage: 'won', items: [{ productId: room, qty: 30, discountPct: 15 }, { productId: hall, qty: 1 }] });
    if (!o.ok) throw new Error('opp');
    const order = repo.create('orders', { customerId, type: 'mice', date: '2026-10-01', opportunityId: o.value.id, items: copyLines(o.value.items) });
    if (!order.ok) throw new Error(JSON.stringify(order.errors));
    expect(order.value.total).toBe(o.value.amount);
    expect((order.value.items as unknown[]).map((l) => JSON.stringify(l))).toEqual((o.value.items as unknown[]).map((l) => JSON.stringify(l)));
  });
});
