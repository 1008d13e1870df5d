import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable, tableFromJson } from '../../src/services/import.js';
import { exportTable } from '../../src/services/export.js';
import { recordsToYuan } from '../../src/domain/money-fields.js';
import { makeT } from '../../src/i18n/index.js';
import { parseCsv, stringifyCsv } from '../../src/text/csv.js';

function withOrder() {
  const { repo } = freshRepo();
  const c = repo.create('customers', { name: '王先生' });
  if (!c.ok) throw new Error('customer');
  const o = repo.create('orders', {
    customerId: c.value.id, type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 123450,
    items: [{ description: '早餐', qty: 2, unitPrice: 12800 }, { description: '折扣', qty: 1, unitPrice: -1029 }],
    stay: { roomType: '大床房', checkIn: '2026-09-01', checkOut: '2026-09-03', rooms: 1, rate: 58829 },
  });
  if (!o.ok) throw new Error(JSON.stringify(o.errors));
  return repo;
}

describe('money through export and import', () => {
  it('a JSON export (yuan) imports back to the same fen, nested amounts included', () => {
    const repo = withOrder();
    const json = JSON.parse(JSON.stringify(recordsToYuan('orders', repo.all('orders'))));
    // the total is the lines plus the stay (2 × 128 − 10.29 + 2 nights × 588.29), whatever was given
    expect(json[0]).toMatchObject({ total: 1422.29, items: [{ unitPrice: 128 }, { unitPrice: -10.29 }], stay: { rate: 588.29 } });
    const { repo: other } = freshRepo();
    other.create('customers', { name: '王先生' });
    const r = importTable(other, 'orders', tableFromJson(json)!);
    expect(r.errors).toEqual([]);
    expect(other.all('orders')).toEqual(repo.all('orders'));
  });

  it('a CSV export shows yuan with two decimals and imports back to the same fen', () => {
    const repo = withOrder();
    const t = makeT('en');
    const table = exportTable(repo, 'orders', t);
    const header = table[0];
    expect(table[1][header.indexOf('Total')]).toBe('1422.29');
    expect(JSON.parse(table[1][header.indexOf('Line items')])[1].unitPrice).toBe(-10.29);
    const { repo: other } = freshRepo();
    other.create('customers', { name: '王先生' });
    const r = importTable(other, 'orders', parseCsv(stringifyCsv(table)));
    expect(r.errors).toEqual([]);
    expect(other.all('orders')).toEqual(repo.all('orders'));
  });

  it('refuses a file amount with a third decimal, nested or not, naming the row', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '王先生' });
    const rows = [
      { customerId: '王先生', type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 12.345 },
      { customerId: '王先生', type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 1, items: [{ description: 'x', qty: 1, unitPrice: 0.1 + 0.2 }] },
    ];
    const r = importTable(repo, 'orders', tableFromJson(rows)!);
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([[1, 'total', 'money'], [2, 'items', 'money']]);
    expect(repo.all('orders')).toEqual([]);
  });
});
