// leads convert, points redeem / adjust and stages on the built CLI: what is printed, what the
// file holds, and the exit codes of interface.md (1 refused and nothing written, 2 usage).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function hotel() {
  const file = path.join(tmpDir(), 'workspace.json');
  const data = ['--data', file];
  expect(runBin(['init', ...data]).code).toBe(0);
  for (const [name, min] of [['银卡', '0'], ['金卡', '1000']]) expect(runBin(['add', 'tiers', '--name', name, '--min-points', min, ...data]).code).toBe(0);
  expect(runBin(['add', 'customers', '--name', '王芳', '--phone', '13800000001', ...data]).code).toBe(0);
  expect(runBin(['add', 'leads', '--name', '华为年会', '--company', '华为技术有限公司', '--status', 'qualified', ...data]).code).toBe(0);
  return { data, file };
}
const list = (data: string[], entity: string) => JSON.parse(runBin(['list', entity, '--json', ...data]).stdout) as Record<string, unknown>[];
const bytes = (file: string) => fs.readdirSync(path.dirname(file)).sort().map((f) => `${f}:${fs.statSync(path.join(path.dirname(file), f)).size}`).join(' ');

describe('leads convert', { timeout: 90_000 }, () => {
  it('makes a potential customer and an opportunity at 10 %, marks the lead, and refuses a second time with exit 1', () => {
    const { data, file } = hotel();
    const r = runBin(['leads', 'convert', 'L0001', ...data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('L0001 converted: opportunity O0001 for customer C0002 华为技术有限公司');
    expect(list(data, 'customers')[1]).toMatchObject({ id: 'C0002', stage: 'potential', kind: 'corporate' });
    expect(list(data, 'opportunities')[0]).toMatchObject({ id: 'O0001', stage: 'prospecting', probability: 10, leadId: 'L0001', customerId: 'C0002' });
    expect(list(data, 'leads')[0]).toMatchObject({ status: 'converted', customerId: 'C0002', opportunityId: 'O0001' });
    const before = bytes(file);
    const again = runBin(['leads', 'convert', 'L0001', '--lang', 'zh-CN', ...data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('L0001 已转化（销售机会 O0001）');
    expect(bytes(file)).toBe(before);
  });

  it('links a named customer; usage errors exit 2 and write nothing', () => {
    const { data, file } = hotel();
    const before = bytes(file);
    expect(runBin(['leads', 'convert', 'L0001', '--customer', 'C0001', '--new', ...data]).code).toBe(2);
    expect(runBin(['leads', 'convert', ...data]).code).toBe(2);
    expect(runBin(['leads', 'promote', 'L0001', ...data]).code).toBe(2);
    expect(bytes(file)).toBe(before);
    expect(runBin(['leads', 'convert', 'L0009', ...data]).code).toBe(1);
    const r = runBin(['leads', 'convert', 'L0001', '--customer', '王芳', '--json', ...data]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ newCustomer: false, customer: { id: 'C0001' }, opportunity: { customerId: 'C0001' } });
  });
});

describe('points', { timeout: 90_000 }, () => {
  it('an order earns points, redeem takes them (never beyond the balance), adjust corrects, each line in the ledger', () => {
    const { data, file } = hotel();
    expect(runBin(['add', 'orders', '--customer-id', 'C0001', '--type', 'room', '--date', '2026-09-01', '--payment-status', 'paid', '--total', '1288.50', ...data]).code).toBe(0);
    expect(list(data, 'customers')[0]).toMatchObject({ points: 1288, tierId: 'M0002' });
    const before = bytes(file);
    const over = runBin(['points', 'redeem', 'C0001', '--points', '1289', '--reason', '房晚', ...data]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1289 points is more than the balance of 1288');
    expect(bytes(file)).toBe(before);
    const ok = runBin(['points', 'redeem', '王芳', '--points', '500', '--reason', '早餐券', ...data]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('C0001 王芳: 500 points redeemed; balance 788, tier 金卡');
    // redeeming kept the tier (1288 earned); a correction of -300 leaves 988 earned: silver
    const adj = runBin(['points', 'adjust', 'C0001', '--points', '-300', '--reason', '更正', '--json', ...data]);
    expect(JSON.parse(adj.stdout)).toEqual({ customer: 'C0001', delta: -300, points: 488, tierId: 'M0001' });
    const c = list(data, 'customers')[0]!;
    expect((c.pointsLedger as { kind: string; delta: number; reason: string }[]).map((e) => `${e.kind} ${e.delta} ${e.reason}`)).toEqual(['earn 1288 orders:D0001', 'redeem -500 早餐券', 'adjust -300 更正']);
    expect((c.tierHistory as { from?: string; to?: string }[]).map((h) => `${h.from ?? ''}>${h.to}`)).toEqual(['>M0002', 'M0002>M0001']);
  });

  it('bad flags are usage errors (exit 2): no points, a negative redemption, no reason', () => {
    const { data, file } = hotel();
    const before = bytes(file);
    for (const args of [
      ['points', 'redeem', 'C0001', '--reason', 'x'],
      ['points', 'redeem', 'C0001', '--points', '-5', '--reason', 'x'],
      ['points', 'redeem', 'C0001', '--points', '1.5', '--reason', 'x'],
      ['points', 'adjust', 'C0001', '--points', '0', '--reason', 'x'],
      ['points', 'redeem', 'C0001', '--points', '5'],
      ['points', 'redeem', '--points', '5', '--reason', 'x'],
    ]) expect(runBin([...args, ...data]).code, args.join(' ')).toBe(2);
    expect(bytes(file)).toBe(before);
    expect(runBin(['points', 'redeem', 'C0042', '--points', '5', '--reason', 'x', ...data]).code).toBe(1);
  });
});

describe('stages', { timeout: 90_000 }, () => {
  it('lists the stages with their default probability', () => {
    const { data } = hotel();
    const r = runBin(['stages', '--json', ...data]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { code: string; probability: number }[]).map((s) => `${s.code}:${s.probability}`)).toEqual(['prospecting:10', 'needs:25', 'proposal:50', 'negotiation:75', 'won:100', 'lost:0']);
  });

});

describe('points recheck', { timeout: 90_000 }, () => {
  it('reviews every tier (none moves on the day the points were earned) and takes no customer', () => {
    const { data, file } = hotel();
    const r = runBin(['points', 'recheck', '--json', ...data]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ moved: [], refused: [] });
    expect(runBin(['points', 'recheck', '--lang', 'zh-CN', ...data]).stdout).toContain('0 位客户的会员等级已调整');
    const before = bytes(file);
    const bad = runBin(['points', 'recheck', 'C0001', ...data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('reviews every customer');
    expect(bytes(file)).toBe(before);
  });
});
