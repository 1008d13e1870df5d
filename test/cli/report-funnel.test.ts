// report funnel: the sales funnel for scripts (one JSON object, yuan) and for people (a chart).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// one workspace for every test: they only read it
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
  };
  ok(['init']);
  ok(['add', 'employees', '--login', 'chenmin', '--name', '陈敏', '--role-id', 'R0001']);
  ok(['add', 'customers', '--name', '钱塘商务有限公司', '--kind', 'corporate']);
  const opp = (stage: string, amount: string, owner: string, extra: string[] = []) =>
    ok(['add', 'opportunities', '--name', `${stage} ${amount}`, '--customer-id', 'C0001', '--stage', stage, '--amount', amount, '--owner-id', owner, ...extra]);
  opp('prospecting', '1000', 'admin'); // default 10%
  opp('prospecting', '2000.50', 'chenmin', ['--probability', '20']);
  opp('proposal', '10000', 'chenmin', ['--probability', '60']);
  opp('won', '30000', 'chenmin');
  opp('lost', '5000', 'admin', ['--lost-stage', 'negotiation', '--lost-reason', 'price']);
  return data;
}

describe('report funnel', () => {
  it('--json: one object with every stage, amounts in yuan, conversion by stage reached, weighted pipeline, win rate', () => {
    const data = hotel();
    const r = runBin(['report', 'funnel', '--json', ...data]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ report: 'funnel', owner: null, from: null, to: null, total: 5 });
    expect(j.stages.map((s: { stage: string; count: number }) => [s.stage, s.count])).toEqual([
      ['prospecting', 2], ['needs', 0], ['proposal', 1], ['negotiation', 0], ['won', 1], ['lost', 1],
    ]);
    expect(j.stages[0].amount).toBe(3000.5);
    // reached: all 5; needs 3 (proposal, won, lost at negotiation); proposal 3; negotiation 2; won 1
    expect(j.stages.map((s: { reached: number | null }) => s.reached)).toEqual([5, 3, 3, 2, 1, null]);
    expect(j.stages.map((s: { conversionPct: number | null }) => s.conversionPct)).toEqual([null, 60, 100, 66.7, 50, null]);
    // 1000 x 10% + 2000.50 x 20% + 10000 x 60% = 100 + 400.10 + 6000
    expect(j.weighted).toBe(6500.1);
    expect(j.open).toEqual({ count: 3, amount: 13000.5 });
    expect(j.won).toEqual({ count: 1, amount: 30000 });
    expect(j.winRatePct).toBe(50);
  });

  it('--owner and a period filter it; the JSON is the same in both languages', () => {
    const data = hotel();
    const mine = runBin(['report', 'funnel', '--json', '--owner', 'chenmin', '--lang', 'zh-CN', ...data]);
    expect(mine.code).toBe(0);
    const j = JSON.parse(mine.stdout);
    expect(j).toMatchObject({ owner: 'chenmin', total: 3, winRatePct: 100 });
    expect(JSON.parse(runBin(['report', 'funnel', '--json', '--owner', 'chenmin', '--lang', 'en', ...data]).stdout)).toEqual(j);
    const old = JSON.parse(runBin(['report', 'funnel', '--json', '--to', '2000-01-01', ...data]).stdout);
    expect(old).toMatchObject({ to: '2000-01-01', total: 0, winRatePct: null, weighted: 0 });
    expect(JSON.parse(runBin(['report', 'funnel', '--json', '--from', '2000/1/1', ...data]).stdout)).toMatchObject({ from: '2000-01-01', total: 5 });
  });

  it('as text: a chart of the stages with ¥ amounts and the conversion, in the language asked', () => {
    const data = hotel();
    const r = runBin(['report', 'funnel', '--lang', 'zh-CN', ...data]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('销售漏斗  全部负责人  全部日期');
    expect(r.stdout).toMatch(/初步接洽\s+2\s+¥3,001\s+#+/);
    expect(r.stdout).toMatch(/商务谈判\s+0\s+¥0\s+67%/);
    expect(r.stdout).toContain('加权金额 ¥6,500');
    expect(r.stdout).toContain('赢率 50%');
    for (const l of r.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(160);
    const en = runBin(['report', 'funnel', '--owner', 'chenmin', ...data]);
    expect(en.stdout).toContain('Sales funnel  陈敏 (chenmin)');
  });

  it('refuses what it cannot do: an unknown owner (exit 1), a bad date, a period backwards, a report not there yet (exit 2)', () => {
    const data = hotel();
    const who = runBin(['report', 'funnel', '--owner', 'nobody', ...data]);
    expect(who.code).toBe(1);
    expect(who.stderr).toContain('nobody');
    expect(who.stdout).toBe('');
    const bad = runBin(['report', 'funnel', '--from', 'someday', ...data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('someday');
    expect(runBin(['report', 'funnel', '--from', '2026-05-02', '--to', '2026-05-01', ...data]).code).toBe(2);
    const none = runBin(['report', 'horoscope', ...data]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('not there yet');
    expect(runBin(['report', ...data]).code).toBe(2);
  });
});
