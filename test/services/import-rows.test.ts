// The row loop of an import, made faster (a customer code seen before is found without building
// its keys; a row's quantity is kept apart from the order's values; a checked order is kept
// without its plan; quantities are read once per distinct text) must still apply every rule to
// every row: what the workspace holds afterwards, record for record, and every problem of every
// row. The expected workspace below is what main (3b9bf9a, before the change) produced from the
// same generated file at the same clock.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshRepo, FIXED_NOW } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import { Repo } from '../../src/services/repo.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const HEADER = ['客户编号', '下单日期', '购买数量', '订单金额'];

/** an order history: 240 lines of 60 customers, amounts that do and do not divide, dates that repeat */
function history(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < 240; i++) {
    const code = String(((i * 37) % 60) + 1).padStart(5, '0');
    const qty = (i % 5) + 1;
    const fen = 100 + ((i * 7919) % 50_000);
    rows.push([code, `${1997 + (i % 3)}/${(i % 12) + 1}/${(i % 28) + 1}`, String(qty), `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`]);
  }
  return rows;
}

function orders(rows: string[][], opts: { createMissing?: boolean; set?: [string, string][]; repo?: Repo } = {}) {
  const repo = opts.repo ?? freshRepo().repo;
  const mapping = { ...emptyMapping(), createMissing: opts.createMissing ?? true, set: new Map(opts.set ?? [['paymentStatus', 'paid']]) };
  const report = importTable(repo, 'orders', table([HEADER, ...rows]), { mapping });
  return { report, repo };
}

const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

describe('the row loop of an order history import', () => {
  it('leaves the workspace as main did, record for record: customers, orders, lines, stages, points, tiers', () => {
    const { report, repo } = orders(history());
    expect(report.errors).toEqual([]);
    expect([report.created, report.createdRefs.customers, report.roundingLines]).toEqual([240, 60, 140]);
    const customers = repo.all('customers');
    const all = repo.all('orders');
    // readable first: a customer's stage history and points come from its orders, in file order
    expect(all[0]).toMatchObject({ id: 'D0001', customerId: '00001', date: '1997-01-01', total: 100, paymentStatus: 'paid', items: [{ description: '订单金额 Amount', qty: 1, unitPrice: 100 }] });
    expect(all[1].items).toEqual([{ description: '订单金额 Amount', qty: 2, unitPrice: 4009 }, { description: '尾差 Rounding', qty: 1, unitPrice: 1 }]);
    expect(customers.map((c) => c.id).slice(0, 3)).toEqual(['00001', '00038', '00015']);
    expect(customers[0]).toMatchObject({ stage: 'repeat', points: 511 });
    expect((customers[0].stageHistory as { reason?: string }[]).map((h) => h.reason)).toEqual([undefined, 'orders:D0001', 'orders:D0061']);
    expect((customers[0].pointsLedger as { delta: number }[]).map((p) => p.delta)).toEqual([1, 252, 3, 255]);
    expect(digest(customers)).toBe('cab23e19580d55f2');
    expect(digest(all)).toBe('0a3f8036fb224630');
    expect(repo.ws.counters).toEqual(EXPECTED_COUNTERS);
  });

  it('reports every problem of every row, codes seen before or not, and writes nothing', () => {
    const { report, repo } = orders(
      [
        ['00001', '1997/1/1', '2', '10.00'],
        // a bad quantity, a bad date and a bad amount on one row: all three said
        ['00001', '1997/2/30', '0', '1.2.3'],
        // a quantity without an amount
        ['00002', '1997/1/2', '3', ''],
        // the code of row 1 again, with a quantity too large
        ['00001', '1997/1/3', '2000000', '5'],
        // a code that is no code, twice: refused on each row, not remembered
        ['0 0 1', '1997/1/4', '1', '5'],
        ['0 0 1', '1997/1/4', '1', '5'],
      ],
    );
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'date', 'date'], [3, 'total', 'number'], [3, 'quantity', 'min'],
      [4, 'quantity', 'quantityWithoutAmount'],
      [5, 'quantity', 'max'],
      [6, 'customerId', 'invalid'],
      [7, 'customerId', 'invalid'],
    ]);
    expect(report.applied).toBe(false);
    expect(repo.all('orders')).toEqual([]);
    expect(repo.all('customers')).toEqual([]);
  });

  it('refuses an unknown customer on every row that names it when customers are not created, after a known one', () => {
    const { repo } = freshRepo();
    expect(repo.create('customers', { name: '王芳' }, { id: '00001' }).ok).toBe(true);
    const { report } = orders([['00001', '1997/1/1', '1', '10'], ['00009', '1997/1/1', '1', '10'], ['00001', '1997/1/2', '1', '10'], ['00009', '1997/1/3', '1', '10']], { createMissing: false, repo });
    expect(report.errors.map((e) => [e.line, e.field, e.code, e.value])).toEqual([[3, 'customerId', 'unknownRef', '00009'], [5, 'customerId', 'unknownRef', '00009']]);
    expect(repo.all('orders')).toEqual([]);
  });

  it('refuses a retired payment status on every row, not only the first', () => {
    const { repo } = freshRepo();
    expect(repo.editValues('paymentStatus', { op: 'retire', code: 'partial' }).ok).toBe(true);
    const { report } = orders(history().slice(0, 5), { repo, set: [['paymentStatus', 'partial']] });
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([2, 3, 4, 5, 6].map((l) => [l, 'paymentStatus', 'retiredValue']));
    expect(repo.all('orders')).toEqual([]);
  });

  it('refuses the new customers of an employee who may import orders but not customers, row by row', () => {
    const { ws, repo: admin } = freshRepo();
    const role = admin.create('roles', { name: '前台', permissions: { orders: { actions: ['view', 'create', 'import'], scope: 'all' }, customers: { actions: ['view', 'create'], scope: 'all' } } });
    expect(role.ok).toBe(true);
    expect(admin.create('employees', { name: '刘洋', login: 'liuyang', roleId: role.ok ? role.value.id : '' }).ok).toBe(true);
    admin.drainChanges();
    const repo = new Repo(ws, { clock: () => FIXED_NOW, actor: 'liuyang' });
    const { report } = orders(history().slice(0, 3), { repo });
    expect(report.errors.map((e) => [e.line, e.field, e.code, e.params?.entity, e.params?.action])).toEqual([2, 3, 4].map((l) => [l, 'customerId', 'permission', 'customers', 'import']));
    expect(repo.all('orders')).toEqual([]);
    expect(repo.all('customers')).toEqual([]);
  });
});

const EXPECTED_COUNTERS = { roles: 5, employees: 1, orders: 240 };
