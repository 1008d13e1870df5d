// An import checks its rows with what is the same for every row worked out once (Repo.creator),
// finds a customer named by its code alone on a short path, remembers the value-list codes it
// has found current, and keeps nothing of a dry run's records. Each shortcut must still apply
// every rule the general path applies, to every row.
import { describe, expect, it } from 'vitest';
import { freshRepo, FIXED_NOW } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import { Repo } from '../../src/services/repo.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const HEADER = ['客户编号', '下单日期', '购买数量', '订单金额'];

function orders(repo: Repo, lines: string[][], opts: { set?: [string, string][]; dryRun?: boolean; createMissing?: boolean } = {}) {
  const mapping = { ...emptyMapping(), createMissing: opts.createMissing ?? true, set: new Map(opts.set ?? [['paymentStatus', 'paid']]) };
  return importTable(repo, 'orders', table(lines), { mapping, dryRun: opts.dryRun });
}

/** an employee of a role made by the administrator, and the Repo acting as them */
function employee(perms: Record<string, { actions: string[]; scope: string }>) {
  const { ws, repo: admin } = freshRepo();
  const role = admin.create('roles', { name: '前台', permissions: perms });
  if (!role.ok) throw new Error('role');
  const me = admin.create('employees', { name: '刘洋', login: 'liuyang', roleId: role.value.id });
  const other = admin.create('employees', { name: '陈静', login: 'chenjing', roleId: role.value.id });
  if (!me.ok || !other.ok) throw new Error('employee');
  admin.drainChanges();
  return { repo: new Repo(ws, { clock: () => FIXED_NOW, actor: 'liuyang' }), me: me.value.id, other: other.value.id };
}

describe('checking the rows of an import', () => {
  it('refuses a value retired between two imports into the same workspace, on every row', () => {
    const { repo } = freshRepo();
    const first = orders(repo, [HEADER, ['00001', '1997/1/1', '1', '10'], ['00002', '1997/1/2', '1', '10']], { set: [['paymentStatus', 'partial']] });
    expect(first.errors).toEqual([]);
    expect(repo.editValues('paymentStatus', { op: 'retire', code: 'partial' }).ok).toBe(true);
    const second = orders(repo, [HEADER, ['00001', '1997/1/3', '1', '10'], ['00003', '1997/1/4', '1', '10']], { set: [['paymentStatus', 'partial']] });
    expect(second.errors.map((e) => [e.line, e.field, e.code])).toEqual([[2, 'paymentStatus', 'retiredValue'], [3, 'paymentStatus', 'retiredValue']]);
    expect(repo.all('orders').map((o) => o.paymentStatus)).toEqual(['partial', 'partial']);
    expect(repo.all('customers').map((c) => c.id)).toEqual(['00001', '00002']);
  });

  it("refuses, row by row, orders an employee's scope does not reach, and makes theirs their own", () => {
    const { repo, me, other } = employee({
      orders: { actions: ['view', 'create', 'import'], scope: 'own' },
      customers: { actions: ['view', 'create', 'import'], scope: 'all' },
      employees: { actions: ['view'], scope: 'all' },
    });
    const refused = orders(repo, [[...HEADER, '负责人'], ['00001', '1997/1/1', '1', '10', other], ['00002', '1997/1/2', '1', '10', ''], ['00003', '1997/1/3', '1', '10', other]]);
    expect(refused.errors.map((e) => [e.line, e.code, e.params?.scope])).toEqual([[2, 'permissionScope', 'own'], [4, 'permissionScope', 'own']]);
    expect(repo.all('orders')).toEqual([]);
    const mine = orders(repo, [[...HEADER, '负责人'], ['00001', '1997/1/1', '1', '10', me], ['00002', '1997/1/2', '1', '10', '']]);
    expect(mine.errors).toEqual([]);
    expect(repo.all('orders').map((o) => o.ownerId)).toEqual([me, me]);
    expect(repo.all('customers').map((c) => c.ownerId)).toEqual([me, me]);
  });

  it('finds a customer by its code in any case, and one code makes one customer whether or not a row also gives a mobile', () => {
    const { repo } = freshRepo();
    expect(repo.create('customers', { name: '王芳' }, { id: 'AB1' }).ok).toBe(true);
    const report = orders(repo, [
      [...HEADER, '手机'],
      ['ab1', '1997/1/1', '1', '10', ''],
      ['cd2', '1997/1/2', '1', '10', ''],
      // the same new code with a mobile: the general path finds the customer the short one planned
      ['CD2', '1997/1/3', '1', '10', '13800138000'],
      ['Cd2', '1997/1/4', '1', '10', ''],
      ['c d', '1997/1/5', '1', '10', ''],
    ]);
    expect(report.errors.map((e) => [e.line, e.field, e.code, e.value])).toEqual([[6, 'customerId', 'invalid', 'c d']]);
    const ok = orders(repo, [[...HEADER, '手机'], ['ab1', '1997/1/1', '1', '10', ''], ['cd2', '1997/1/2', '1', '10', ''], ['CD2', '1997/1/3', '1', '10', '13800138000'], ['Cd2', '1997/1/4', '1', '10', '']]);
    expect(ok.errors).toEqual([]);
    expect(ok.createdRefs).toEqual({ customers: 1 });
    expect(repo.all('orders').map((o) => o.customerId)).toEqual(['AB1', 'CD2', 'CD2', 'CD2']);
    expect(repo.all('customers').map((c) => [c.id, c.name])).toEqual([['AB1', '王芳'], ['CD2', 'CD2']]);
  });

  it('refuses an unknown code on every row without --create-missing, and a code already taken by an order file row is not created twice', () => {
    const { repo } = freshRepo();
    const report = orders(repo, [HEADER, ['x1', '1997/1/1', '1', '10'], ['X1', '1997/1/2', '1', '10']], { createMissing: false });
    expect(report.errors.map((e) => [e.line, e.code, e.value])).toEqual([[2, 'unknownRef', 'X1'], [3, 'unknownRef', 'X1']]);
    expect(repo.all('customers')).toEqual([]);
  });

  it('counts in a dry run what the import then does, and writes nothing', () => {
    const lines = [HEADER, ...Array.from({ length: 30 }, (_, i) => [String((i % 7) + 1).padStart(5, '0'), `1997/1/${(i % 28) + 1}`, String((i % 3) + 1), `${10 + i}.01`])];
    const { repo } = freshRepo();
    const dry = orders(repo, lines, { dryRun: true });
    expect([repo.all('orders').length, repo.all('customers').length]).toEqual([0, 0]);
    const real = orders(repo, lines);
    expect(real.applied).toBe(true);
    expect([dry.created, dry.createdRefs, dry.roundingLines, dry.updated]).toEqual([real.created, real.createdRefs, real.roundingLines, 0]);
    expect([real.created, real.createdRefs]).toEqual([30, { customers: 7 }]);
    expect([repo.all('orders').length, repo.all('customers').length]).toEqual([30, 7]);
  });

  it('still counts the good rows of a refused file', () => {
    const { repo } = freshRepo();
    const report = orders(repo, [HEADER, ['00001', '1997/1/1', '1', '10'], ['00002', '1997/2/30', '1', '10'], ['00003', '1997/1/3', '1', '10'], ['00003', '1997/1/4', '1', '10']]);
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'date']]);
    expect([report.created, report.applied]).toEqual([3, false]);
    expect(repo.all('orders')).toEqual([]);
  });
});
