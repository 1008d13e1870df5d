// A row whose customer is found by code or mobile but named otherwise (李娜 with 张伟's mobile)
// is filed under the customer found, as the key says, and the report says so: an instructor
// sees which rows to look at instead of finding 李娜's complaint under 张伟 later.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';
import { emptyMapping } from '../../src/domain/import-mapping.js';
import { otherNamesText } from '../../src/presentation/import-report.js';
import { makeT } from '../../src/i18n/index.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const FILE = table([
  ['客户姓名', '手机', '主题'],
  ['张伟', '13800000001', '空调噪音'],
  // 张伟's mobile under another name
  ['李娜', '13800000001', '房间干净'],
  // a new customer, created from this row
  ['王芳', '13900000002', '前台热情'],
  // the one just created, under another name: said too, dry run or not
  ['王小芳', '13900000002', '早餐少'],
  // the same name in another case and with spaces: the same name
  ['Zhang Wei ', '13700000003', 'x'],
  ['zhang wei', '13700000003', 'y'],
]);

describe('a row whose customer is found under another name', () => {
  for (const dryRun of [true, false]) {
    it(`is filed under the customer found and reported (dry run: ${dryRun})`, () => {
      const { repo } = freshRepo();
      const stored = repo.create('customers', { name: '张伟', phone: '13800000001' });
      if (!stored.ok) throw new Error('setup');
      const r = importTable(repo, 'tickets', FILE, { dryRun, mapping: { ...emptyMapping(), createMissing: true } });
      expect(r.errors).toEqual([]);
      expect(r.otherNames.map((o) => [o.line, o.column, o.value, o.name])).toEqual([
        [3, '客户姓名', '李娜', '张伟'],
        [5, '客户姓名', '王小芳', '王芳'],
      ]);
      expect(r.otherNames[0].id).toBe(stored.value.id);
      if (!dryRun) {
        const tickets = repo.all('tickets');
        expect(tickets.find((x) => x.subject === '房间干净')?.customerId).toBe(stored.value.id);
        expect(repo.all('customers').map((c) => c.name)).toEqual(['张伟', '王芳', 'Zhang Wei']);
      }
      expect(otherNamesText(makeT('zh-CN'), r.otherNames)).toEqual([`2 行的客户名称与按编号或手机找到的不同，归到找到的客户：第 3 行 李娜 -> ${stored.value.id} 张伟; 第 5 行 王小芳 -> ${r.otherNames[1].id} 王芳`]);
    });
  }
});
