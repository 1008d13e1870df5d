// An import parses each distinct date or list value once and reuses it on the rows that repeat
// it (an order history of 100k lines has a few hundred dates). What a row says must not depend
// on the rows before it: the same text reads the same everywhere, a refused one is refused on
// every row that has it, and the date order still decides how 7/1/2015 reads.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';
import { emptyMapping, type DateOrder } from '../../src/domain/import-mapping.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

function orders(rows: string[][], dateOrder?: DateOrder) {
  const { repo } = freshRepo();
  const mapping = { ...emptyMapping(), createMissing: true, dateOrder };
  const report = importTable(repo, 'orders', table([['客户编号', '下单日期', '订单类型', '订单金额'], ...rows]), { mapping });
  return { report, repo };
}

describe('an import that repeats dates and list values', () => {
  it('reads 1997/1/1 and a type label the same on every row that repeats them', () => {
    const { report, repo } = orders([
      ['00001', '1997/1/1', 'Room', '10'],
      ['00002', '1997/12/31', 'room', '20'],
      ['00001', '1997/1/1', 'Room', '30'],
      ['00003', '1997-1-1', '客房', '40'],
    ]);
    expect(report.errors).toEqual([]);
    expect(repo.all('orders').map((o) => [o.customerId, o.date, o.type, o.total])).toEqual([
      ['00001', '1997-01-01', 'room', 1000],
      ['00002', '1997-12-31', 'room', 2000],
      ['00001', '1997-01-01', 'room', 3000],
      ['00003', '1997-01-01', 'room', 4000],
    ]);
  });

  it('refuses an ambiguous 7/1/2015 on each row that has it, after rows that read well', () => {
    const { report, repo } = orders([
      ['00001', '8/13/2015', 'room', '10'],
      ['00002', '7/1/2015', 'room', '20'],
      ['00001', '8/13/2015', 'room', '30'],
      ['00003', '7/1/2015', 'room', '40'],
      ['00003', '1997/2/30', 'room', '50'],
      ['00003', '1997/2/30', 'room', '60'],
    ]);
    expect(report.errors.map((e) => [e.line, e.code, e.value])).toEqual([
      [3, 'dateAmbiguous', '7/1/2015'], [5, 'dateAmbiguous', '7/1/2015'], [6, 'date', '1997/2/30'], [7, 'date', '1997/2/30'],
    ]);
    expect(report.applied).toBe(false);
    expect(repo.all('orders')).toEqual([]);
  });

  it('reads 7/1/2015 as July 1 on every row with --date-order mdy, and as 7 January with dmy', () => {
    const rows = [['00001', '7/1/2015', 'room', '10'], ['00002', '7/1/2015', 'room', '20'], ['00001', '13/1/2015', 'room', '30']];
    const mdy = orders(rows, 'mdy');
    // 13/1/2015 is no month-first date: refused, the others read
    expect(mdy.report.errors.map((e) => [e.line, e.code])).toEqual([[4, 'date']]);
    const dmy = orders(rows, 'dmy');
    expect(dmy.report.errors).toEqual([]);
    expect(dmy.repo.all('orders').map((o) => o.date)).toEqual(['2015-01-07', '2015-01-07', '2015-01-13']);
    const again = orders(rows.slice(0, 2), 'mdy');
    expect(again.repo.all('orders').map((o) => o.date)).toEqual(['2015-07-01', '2015-07-01']);
  });
});
