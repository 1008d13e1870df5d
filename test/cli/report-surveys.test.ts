// Satisfaction surveys on the command line: added with a score per indicator (code or label,
// either language), refused off their scale, and summarised by `report surveys` as one JSON
// object for scripts and as text charts for people.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

let made: string[] | undefined;
function hotel() {
  return (made ??= makeHotel());
}

function makeHotel() {
  const file = path.join(tmpDir(), 'workspace.json');
  const data = ['--data', file];
  const ok = (args: string[]) => {
    const r = runBin([...args, ...data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout.trim();
  };
  ok(['init']);
  ok(['add', 'customers', '--name', '王先生', '--kind', 'individual']);
  ok(['add', 'customers', '--name', '李女士', '--kind', 'individual']);
  // C0001: 75, 100, 50, 75 on 1-5 → 75; 77.78, 100, 0 on 1-10 → 59.26
  expect(ok(['add', 'surveys', '--customer-id', 'C0001', '--date', '2026-08-01', '--scores', 'expectation=4', '--scores', '感知质量=5', '--scores', 'Perceived value=3,overall=4'])).toBe('V0001');
  ok(['add', 'surveys', '--customer-id', 'C0001', '--date', '2026-08-20', '--scale', '10', '--scores', 'expectation=8,quality=10,总体满意度=1']);
  // C0002: 50
  ok(['add', 'surveys', '--customer-id', 'C0002', '--date', '2026-07-01', '--scores', 'overall=3']);
  return data;
}

describe('surveys on the command line', () => {
  it('adds a survey with a score per indicator by code or label, on the scale asked (1-5 unless told)', () => {
    const data = hotel();
    const r = runBin(['list', 'surveys', '--json', ...data]);
    const list = JSON.parse(r.stdout);
    expect(list[0]).toMatchObject({ id: 'V0001', scale: 5, scores: { expectation: 4, quality: 5, value: 3, overall: 4 } });
    expect(list[1]).toMatchObject({ scale: 10, scores: { expectation: 8, quality: 10, overall: 1 } });
  });

  it('refuses a score off the scale, an unknown indicator or a malformed item (exit 1, nothing written)', () => {
    const data = hotel();
    const before = fs.readFileSync(data[1]!, 'utf8');
    const off = runBin(['add', 'surveys', '--customer-id', 'C0002', '--date', '2026-09-01', '--scores', 'quality=9', ...data]);
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('9 is not a score from 1 to 5');
    const unknown = runBin(['add', 'surveys', '--customer-id', 'C0002', '--date', '2026-09-01', '--scores', 'breakfast=4', ...data]);
    expect(unknown.code).toBe(1);
    const bad = runBin(['add', 'surveys', '--customer-id', 'C0002', '--date', '2026-09-01', '--scores', 'quality', '--lang', 'zh-CN', ...data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('名称=数值');
    expect(fs.readFileSync(data[1]!, 'utf8')).toBe(before);
  });

  it('report surveys --json: mean index per indicator, distribution, overall index, customers least satisfied first', () => {
    const data = hotel();
    const r = runBin(['report', 'surveys', '--json', ...data]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ report: 'surveys', from: null, to: null, surveys: 3, customers: 2, index: 61.4 }); // (75 + 59.26 + 50) / 3
    expect(j.indicators.map((i: { indicator: string; n: number; mean: number | null }) => [i.indicator, i.n, i.mean])).toEqual([
      ['expectation', 2, 76.4], ['quality', 2, 100], ['value', 1, 50], ['overall', 3, 41.7], ['complaint', 0, null], ['loyalty', 0, null],
    ]);
    expect(j.indicators[3].bands).toEqual([1, 0, 1, 1, 0]);
    expect(j.perCustomer.map((c: { customerId: string; index: number }) => [c.customerId, c.index])).toEqual([['C0002', 50], ['C0001', 67.1]]);
    // the same JSON in Chinese; a period filters it
    expect(runBin(['report', 'surveys', '--json', '--lang', 'zh-CN', ...data]).stdout).toBe(r.stdout);
    const aug = JSON.parse(runBin(['report', 'surveys', '--json', '--from', '2026-08-01', ...data]).stdout);
    expect(aug).toMatchObject({ from: '2026-08-01', surveys: 2, customers: 1 });
  });

  it('report surveys as text charts in both languages; --owner is a usage error', () => {
    const data = hotel();
    const zh = runBin(['report', 'surveys', '--lang', 'zh-CN', ...data]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('共 3 份调查、2 位客户 · 满意度指数 61.4');
    expect(zh.stdout).toMatch(/总体满意度 +3 +41\.7 #+ +1 +0 +1 +1 +0/);
    expect(zh.stdout).toMatch(/C0002 +李女士 +50\.0/);
    const en = runBin(['report', 'surveys', ...data]);
    expect(en.stdout).toMatch(/Perceived quality +2 +100\.0 #+/);
    for (const l of en.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    const owner = runBin(['report', 'surveys', '--owner', 'admin', ...data]);
    expect(owner.code).toBe(2);
  });
});
