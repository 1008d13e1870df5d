// report rfm | pyramid | stats through the built CLI: the figures (JSON), the scope of the
// acting employee, the CSV, usage errors, and what --write and --tasks leave on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// As of 2026-06-12 (the day after the last purchase):
//   C0001 (zhang's) 2 orders, 1000 + 500 yuan, last 06-10: R 2, F 2, M 1500
//   C0002 (admin's) 1 order 200 yuan on 01-01: R 162, F 1, M 200
//   C0003 (zhang's) no orders; C0004 a refunded order only: no purchase
//   C0005 (admin's) 1 zero-amount order on 06-11: R 1, F 1, M 0
// means R 55, F 4/3, M 566.67 → C0001 111, C0002 000, C0005 100
function makeHotel(): string[] {
  const dir = tmpDir();
  const file = path.join(dir, 'workspace.json');
  const data = ['--data', file];
  const ok = (args: string[]) => {
    const r = runBin([...args, ...data]);
    expect(r.code, r.stderr).toBe(0);
  };
  ok(['init']);
  ok(['add', 'employees', '--login', 'zhang', '--name', '张丽', '--role-id', 'R0003']); // sales rep: own records
  ok(['add', 'employees', '--login', 'kefu', '--name', '客服', '--role-id', 'R0005']); // views all, edits none
  fs.writeFileSync(path.join(dir, 'c.csv'), 'name,phone,ownerId\n王一,13800000001,zhang\n李二,13800000002,admin\n张三,13800000003,zhang\n赵四,13800000004,admin\n钱五,13800000005,admin\n');
  ok(['import', 'customers', path.join(dir, 'c.csv')]);
  fs.writeFileSync(path.join(dir, 'o.csv'), [
    'customerId,date,total,status,paymentStatus,ownerId',
    'C0001,2026-06-01,1000,completed,paid,zhang',
    'C0001,2026-06-10,500,confirmed,paid,zhang',
    'C0002,2026-01-01,200,completed,paid,admin',
    'C0004,2026-06-05,300,completed,refunded,admin',
    'C0005,2026-06-11,0,completed,paid,admin',
    'C0005,2026-06-11,900,cancelled,unpaid,admin',
  ].join('\n'));
  ok(['import', 'orders', path.join(dir, 'o.csv')]);
  return data;
}

let made: string[] | undefined;
const hotel = () => (made ??= makeHotel());
const json = (args: string[]) => {
  const r = runBin(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const seg = (j: { segments: { code: string; customers: number; monetary: number }[] }) => Object.fromEntries(j.segments.filter((s) => s.customers).map((s) => [s.code, [s.customers, s.monetary]]));

describe('report rfm', () => {
  it('--json: the eight segments by code with customers and yuan; cancelled, refunded and no orders apart', () => {
    const j = json(['report', 'rfm', '--json', ...hotel()]);
    expect(j).toMatchObject({ report: 'rfm', asOf: '2026-06-12', frequency: 'orders', customers: 3, withoutPurchases: 2 });
    expect(j.segments.map((s: { code: string }) => s.code)).toEqual(['111', '101', '011', '001', '110', '100', '010', '000']);
    expect(seg(j)).toEqual({ '111': [1, 1500], '000': [1, 200], '100': [1, 0] });
    expect(j.totals).toEqual({ recency: 165, frequency: 4, monetary: 1700 });
  });

  it('a "view own" employee gets the figures of their own customers only', () => {
    const j = json(['report', 'rfm', '--json', '--user', 'zhang', ...hotel()]);
    // C0001 and C0003 are zhang's; one buyer alone is at every mean: 000
    expect(j).toMatchObject({ customers: 1, withoutPurchases: 1, asOf: '2026-06-11' });
    expect(seg(j)).toEqual({ '000': [1, 1500] });
  });

  it('--owner and --as-of narrow it; --frequency days says so', () => {
    const j = json(['report', 'rfm', '--json', '--owner', 'admin', '--as-of', '2026-06-30', '--frequency', 'days', ...hotel()]);
    expect(j).toMatchObject({ owner: 'admin', asOf: '2026-06-30', frequency: 'days', customers: 2, withoutPurchases: 1 });
    const text = runBin(['report', 'rfm', '--frequency', 'days', '--lang', 'zh-CN', ...hotel()]);
    expect(text.stdout).toContain('F = 购买天数');
    expect(text.stdout).toContain('重要价值客户');
  });

  it('--csv is for Excel: a BOM, CRLF, codes keep their zeros', () => {
    const r = runBin(['report', 'rfm', '--csv', '--lang', 'zh-CN', ...hotel()]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeff代码,细分,客户数')).toBe(true);
    // ="001" quoted as CSV quotes it: the spreadsheet shows 001, not 1
    expect(r.stdout).toContain('\r\n"=""001""",重要挽留客户,0,');
  });

  it('usage errors are exit 2 with nothing printed on stdout', () => {
    for (const args of [['--json', '--csv'], ['--frequency', 'weeks'], ['--as-of', 'someday'], ['--tasks', '001'], ['--due', '2026-12-01']]) {
      const r = runBin(['report', 'rfm', ...args, ...hotel()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('report pyramid', () => {
  it('--json: layers vip|key|ordinary|small with customers, the 20/80 check', () => {
    const j = json(['report', 'pyramid', '--json', ...hotel()]);
    // 3 buyers: vip ceil(0.03) = 1, key ceil(0.12) = 1, ordinary ceil(0.45) = 1, small 0
    expect(j.layers.map((l: { code: string; customers: number; revenue: number }) => [l.code, l.customers, l.revenue])).toEqual([
      ['vip', 1, 1500], ['key', 1, 200], ['ordinary', 1, 0], ['small', 0, 0],
    ]);
    expect(j.pareto).toEqual({ customers: 1, revenue: 1500, sharePct: 88.2 });
    expect(j.previous).toEqual({ from: null, to: '2025-06-12' });
    expect(j.moved).toEqual({ up: 0, down: 0, entered: 3, left: 0 });
  });
  it('--shares must be three percentages within 100', () => {
    expect(runBin(['report', 'pyramid', '--shares', '50,60,1', ...hotel()]).code).toBe(2);
    const j = json(['report', 'pyramid', '--json', '--shares', '40,40,10', ...hotel()]);
    expect(j.layers.map((l: { customers: number }) => l.customers)).toEqual([2, 1, 0, 0]);
  });
});

describe('report stats', () => {
  it('counts and sums any entity by a field, labels in the user\'s language', () => {
    const j = json(['report', 'stats', '--json', '--entity', 'orders', '--by', 'status', '--sum', 'total', '--lang', 'zh-CN', ...hotel()]);
    expect(j.rows).toEqual([
      { keys: { status: 'confirmed' }, labels: { status: '已确认' }, count: 1, sum: 500 },
      { keys: { status: 'completed' }, labels: { status: '已完成' }, count: 4, sum: 1500 },
      { keys: { status: 'cancelled' }, labels: { status: '已取消' }, count: 1, sum: 900 },
    ]);
    expect(j.total).toEqual({ count: 6, sum: 2900 });
    const m = json(['report', 'stats', '--json', '--entity', 'orders', '--by', 'month', '--from', '2026-06-01', ...hotel()]);
    expect(m.rows.map((r: { keys: { month: string }; count: number }) => [r.keys.month, r.count])).toEqual([['2026-06', 5]]);
  });
  it('an unknown field is exit 2 listing the fields', () => {
    const r = runBin(['report', 'stats', '--by', 'colour', ...hotel()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('colour');
    expect(r.stderr).toContain('source');
    expect(runBin(['report', 'stats', '--by', 'source', '--sum', 'name', ...hotel()]).code).toBe(2);
    expect(runBin(['report', 'stats', '--entity', 'planets', '--by', 'x', ...hotel()]).code).toBe(2);
  });
  it('a "view own" employee counts their own records only', () => {
    const j = json(['report', 'stats', '--json', '--by', 'ownerId', '--user', 'zhang', ...hotel()]);
    expect(j.total.count).toBe(2);
  });
});

describe('--write and --tasks', () => {
  it('--write puts each customer\'s segment and layer on the record; a second run changes nothing', () => {
    const data = makeHotel();
    const w = runBin(['report', 'rfm', '--write', ...data]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain('3 set, 0 cleared');
    const list = json(['list', 'customers', '--where', 'rfmSegment=111', '--json', ...data]);
    expect(list.map((c: { id: string }) => c.id)).toEqual(['C0001']);
    expect(runBin(['report', 'pyramid', '--write', ...data]).code).toBe(0);
    const all = json(['list', 'customers', '--json', ...data]);
    expect(all.map((c: { id: string; rfmSegment?: string; pyramidLayer?: string }) => [c.id, c.rfmSegment ?? null, c.pyramidLayer ?? null])).toEqual([
      ['C0001', '111', 'vip'], ['C0002', '000', 'key'], ['C0003', null, null], ['C0004', null, null], ['C0005', '100', 'ordinary'],
    ]);
    const again = runBin(['report', 'rfm', '--write', '--json', ...data]);
    expect(JSON.parse(again.stdout).written).toEqual({ written: 0, cleared: 0, unchanged: 5 });
  });

  it('--write by an employee who may not edit customers is refused and leaves the file as it was', () => {
    const data = makeHotel();
    const before = fs.readFileSync(data[1]);
    const r = runBin(['report', 'rfm', '--write', '--user', 'kefu', ...data]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(data[1])).toEqual(before);
    expect(fs.existsSync(`${data[1]}.journal`) ? fs.readFileSync(`${data[1]}.journal`, 'utf8') : '').not.toContain('rfmSegment');
  });

  it('--tasks makes one follow-up per customer of the segment; a second run skips them', () => {
    const data = makeHotel();
    const r = runBin(['report', 'rfm', '--tasks', '一般挽留客户', '--due', '2026-07-01', ...data]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = json(['list', 'tasks', '--json', ...data]);
    expect(tasks.map((t: { customerId: string; due: string; subject: string; type: string }) => [t.customerId, t.due, t.type, t.subject])).toEqual([['C0002', '2026-07-01', 'followup', 'Follow-up: General win-back']]);
    const again = json(['report', 'pyramid', '--tasks', 'vip', '--due', '2026-07-02', '--json', ...data]);
    expect(again.tasks.created).toHaveLength(1);
    const third = json(['report', 'rfm', '--tasks', '000', '--due', '2026-08-01', '--json', ...data]);
    expect(third.tasks).toEqual({ created: [], skipped: ['C0002'] });
  });
});
