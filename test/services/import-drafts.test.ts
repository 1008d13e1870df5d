// An import's rows are checked on drafts the Repo makes for the check alone: an order's lines
// and total are filled into that draft in place, a line naming no product keeps its array, and a
// new order is kept without a Plan unless a later row may name it again. Each shortcut must keep
// the general path's answers: a record someone else holds is never changed by checking it, a
// product's line still takes its price, and a repeated code still merges its rows.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('the drafts an import checks its rows on', () => {
  it('checking a record someone else holds (doctor, a stored order) leaves it as it was', () => {
    const { repo } = freshRepo();
    const c = repo.create('customers', { name: '王芳' });
    if (!c.ok) throw new Error('customer');
    const given = { id: 'D9', customerId: c.value.id, date: '2026-01-02', type: 'room', paymentStatus: 'paid', total: 1000, createdAt: 'x', updatedAt: 'x' };
    const before = JSON.stringify(given);
    const res = repo.validate('orders', given, undefined, { anyStage: true });
    expect(res.ok && res.value.items).toEqual([{ description: '订单金额 Amount', qty: 1, unitPrice: 1000 }]);
    expect(JSON.stringify(given)).toBe(before);
  });

  it('a line naming a product takes its price and name beside a line naming none, in an import and in add', () => {
    const { repo } = freshRepo();
    const p = repo.create('products', { name: '豪华大床房', price: 58800, status: 'active' });
    const c = repo.create('customers', { name: '李娜' });
    if (!p.ok || !c.ok) throw new Error('setup');
    const items = [{ productId: p.value.id, qty: 2 }, { description: '加床', qty: 1, unitPrice: 10000 }];
    const added = repo.create('orders', { customerId: c.value.id, date: '2026-01-02', items });
    expect(added.ok && [added.value.total, added.value.items]).toEqual([127600, [{ productId: p.value.id, qty: 2, unitPrice: 58800, description: '豪华大床房' }, { description: '加床', qty: 1, unitPrice: 10000 }]]);
    const mapping = { ...emptyMapping(), set: new Map([['paymentStatus', 'paid']]) };
    const rep = importTable(repo, 'orders', table([['客户编号', '下单日期', 'items'], [c.value.id, '2026-01-03', JSON.stringify([{ productId: p.value.id, qty: 1 }])]]), { mapping });
    expect(rep.errors).toEqual([]);
    expect(repo.all('orders').map((o) => o.total)).toEqual([127600, 58800]);
    expect(repo.all('orders')[1].items).toEqual([{ productId: p.value.id, qty: 1, unitPrice: 58800, description: '豪华大床房' }]);
  });

  it('a code repeated further down merges into the first row with --on-duplicate update, and is refused without it', () => {
    const rows = [['id', '客户编号', '下单日期', '订单金额', '备注'], ['D100', '00001', '1997/1/1', '10', '先'], ['D101', '00002', '1997/1/2', '20', ''], ['D100', '00001', '1997/1/1', '30', '后']];
    const mapping = { ...emptyMapping(), createMissing: true, set: new Map([['paymentStatus', 'paid']]) };
    const a = freshRepo().repo;
    const merged = importTable(a, 'orders', table(rows), { mapping, onDuplicate: 'update' });
    expect(merged.errors).toEqual([]);
    expect(a.all('orders').map((o) => [o.id, o.total, o.notes])).toEqual([['D100', 3000, '后'], ['D101', 2000, undefined]]);
    const b = freshRepo().repo;
    const refused = importTable(b, 'orders', table(rows), { mapping });
    expect(refused.errors.map((e) => [e.line, e.code])).toEqual([[4, 'duplicateInFile']]);
    expect(b.all('orders')).toEqual([]);
  });
});
