import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function workspace(): string {
  const file = path.join(tmpDir(), 'ws.json');
  expect(runBin(['init', '--data', file, '--demo']).code).toBe(0);
  return file;
}
const orderOf = (file: string, id: string) => (JSON.parse(runBin(['list', 'orders', '--data', file, '--json', '--where', `id=${id}`]).stdout) as Record<string, unknown>[])[0]!;

describe('orders and contracts by subcommands (real process)', () => {
  it('add orders takes line items as part=value flags and a stay; the total is worked out, in yuan', () => {
    const file = workspace();
    const add = runBin(['add', 'orders', '--data', file, '--customerId', 'C0001', '--date', '2026-10-01',
      '--item', 'product=G0003,qty=2,discount=10', '--item', 'description=接机,qty=1,unitPrice=1,200.50',
      '--stay', 'roomType=大床房,checkIn=2026-09-30,checkOut=2026-10-02,rate=588,adults=2,status=已预订']);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const o = orderOf(file, add.stdout.trim());
    // 2 × 1688 × 90% + 1200.50 + 2 nights × 588 (across the month end)
    expect(o.total).toBe(3038.4 + 1200.5 + 1176);
    expect(o.items).toEqual([
      { productId: 'G0003', description: '行政套房 Executive Suite', qty: 2, unitPrice: 1688, discountPct: 10 },
      { description: '接机', qty: 1, unitPrice: 1200.5 },
    ]);
    expect(o.stay).toMatchObject({ roomType: 'king', status: 'booked', rooms: 1, rate: 588 });
  });

  it('add orders takes --items as JSON (yuan); --total alone gives one line; update cancels', () => {
    const file = workspace();
    const a = runBin(['add', 'orders', '--data', file, '--customerId', 'C0001', '--date', '2026-10-01', '--items', '[{"productId":"G0004","qty":3,"discountPct":10}]']);
    expect(a.code).toBe(0);
    expect(orderOf(file, a.stdout.trim()).total).toBe(345.6);
    const b = runBin(['add', 'orders', '--data', file, '--customerId', 'C0001', '--date', '2026-10-01', '--total', '1234.5']);
    expect(b.code).toBe(0);
    expect(orderOf(file, b.stdout.trim())).toMatchObject({ total: 1234.5, items: [{ qty: 1, unitPrice: 1234.5 }] });
    expect(runBin(['update', 'orders', b.stdout.trim(), '--data', file, '--status', '已取消']).code).toBe(0);
    expect(orderOf(file, b.stdout.trim()).status).toBe('cancelled');
  });

  it('refuses a line with an unknown part or bad JSON, writing nothing', () => {
    const file = workspace();
    const before = fs.readFileSync(file, 'utf8');
    const bad = runBin(['add', 'orders', '--data', file, '--customerId', 'C0001', '--date', '2026-10-01', '--item', 'colour=red']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"colour"');
    const json = runBin(['add', 'orders', '--data', file, '--customerId', 'C0001', '--date', '2026-10-01', '--items', '[{']);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('JSON');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('add/list contracts: a rate agreement with its term, value, signed date and terms', () => {
    const file = workspace();
    const k = runBin(['add', 'contracts', '--data', file, '--title', '测试协议', '--customerId', 'C0002', '--type', '协议价合同', '--status', 'active',
      '--start', '2026-01-01', '--end', '2026-12-31', '--value', '50000', '--signedOn', '2025-12-20', '--terms', '含单早；月结 30 天']);
    expect(k.code).toBe(0);
    const list = runBin(['list', 'contracts', '--data', file, '--where', `id=${k.stdout.trim()}`]);
    expect(list.stdout).toContain('测试协议');
    expect(list.stdout).toContain('50000.00');
  });
});
