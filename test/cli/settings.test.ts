// The hotel's settings through the built CLI: org show|set and values, exit codes per
// interface.md (0 done, 1 refused and nothing written, 2 usage and nothing done).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function demo(): string {
  const file = path.join(tmpDir(), 'ws.json');
  expect(runBin(['init', '--data', file, '--demo']).code).toBe(0);
  return file;
}
function files(file: string): Record<string, string> {
  const dir = path.dirname(file);
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => !f.endsWith('.lock')).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}
const run = (file: string, ...args: string[]) => runBin([...args, '--data', file, '--lang', 'en']);

describe('org and values subcommands', { timeout: 90_000 }, () => {
  it('org set changes the profile on disk; bad input is exit 2 and a non-administrator exit 1, nothing written', () => {
    const file = demo();
    const set = run(file, 'org', 'set', '--stars', '5', '--name-en', 'West Lake Hotel', '--currency', 'cny');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Hotel profile saved');
    const shown = JSON.parse(run(file, 'org', 'show', '--json').stdout);
    expect(shown).toMatchObject({ name: '西湖雅居酒店', nameEn: 'West Lake Hotel', stars: 5, currency: 'CNY' });
    const before = files(file);
    expect(run(file, 'org', 'set', '--stars', '7').code).toBe(2);
    expect(run(file, 'org', 'set').code).toBe(2);
    const refused = run(file, 'org', 'set', '--stars', '3', '--user', 'zhangli');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only an administrator');
    expect(files(file)).toEqual(before);
    // in Chinese too
    const zh = runBin(['org', 'show', '--data', file, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('星级（0-5）: 5');
  });

  it('values retire takes a source out of new records; the old ones keep it; restore brings it back', () => {
    const file = demo();
    const customers = JSON.parse(run(file, 'list', 'customers', '--json').stdout) as Record<string, unknown>[];
    const old = customers.find((c) => c.source === 'fair')!;
    expect(run(file, 'values', 'retire', 'source', 'fair').code).toBe(0);
    expect(run(file, 'values', 'source').stdout).toMatch(/fair\s+Trade fair\s+展会\s+retired/);
    const refused = run(file, 'add', 'customers', '--name', '李雷', '--source', '展会');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"Trade fair" is retired');
    // the old customer still reads it, and is edited without touching it
    expect(run(file, 'update', 'customers', String(old.id), '--city', '宁波').code).toBe(0);
    const listed = JSON.parse(run(file, 'list', 'customers', '--json', '--where', `id=${String(old.id)}`).stdout) as Record<string, unknown>[];
    expect(listed.map((c) => [c.source, c.city])).toEqual([['fair', '宁波']]);
    expect(run(file, 'values', 'restore', 'source', 'fair').code).toBe(0);
    expect(run(file, 'add', 'customers', '--name', '李雷', '--source', 'fair').code).toBe(0);
  });

  it('values add, rename and move; usage errors are exit 2; an employee of a role without permissions is refused', () => {
    const file = demo();
    expect(run(file, 'values', 'add', 'source', 'wechat', '--en', 'WeChat mini program', '--zh', '微信小程序').code).toBe(0);
    expect(run(file, 'values', 'up', 'source', 'wechat').code).toBe(0);
    expect(run(file, 'values', 'rename', 'source', 'wechat', '--zh', '小程序').code).toBe(0);
    const items = JSON.parse(run(file, 'values', 'source', '--json').stdout) as { code: string; zh: string }[];
    expect(items.at(-2)).toMatchObject({ code: 'wechat', zh: '小程序' });
    expect(run(file, 'add', 'customers', '--name', '李雷', '--source', '小程序').code).toBe(0);
    const before = files(file);
    expect(run(file, 'values', 'add', 'source', 'x').code).toBe(2);
    expect(run(file, 'values', 'fly', 'source', 'x').code).toBe(2);
    expect(run(file, 'values', 'nolist').code).toBe(2);
    expect(run(file, 'values', 'add', 'stage', 'vip', '--en', 'VIP', '--zh', '贵宾').code).toBe(1);
    const role = JSON.parse(run(file, 'add', 'roles', '--name', '访客', '--json').stdout);
    expect(run(file, 'add', 'employees', '--login', 'guest', '--name', '访客', '--roleId', role.id).code).toBe(0);
    const after = files(file);
    const refused = run(file, 'values', 'retire', 'source', 'ads', '--user', 'guest');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only an administrator');
    expect(files(file)).toEqual(after);
    expect(before).not.toEqual(after);
  });

  it('values set gives a stage its probability and an order type its points rate; the funnel and new deals follow', () => {
    const file = demo();
    const reportProbability = () => (JSON.parse(run(file, 'report', 'funnel', '--json').stdout).stages as { stage: string; probability: number }[]).find((x) => x.stage === 'negotiation')!.probability;
    const newDeal = () => JSON.parse(run(file, 'add', 'opportunities', '--customerId', 'C0002', '--name', '协议价', '--amount', '1000', '--stage', 'negotiation', '--json').stdout).probability as number;
    const stage = (code: string) => (JSON.parse(run(file, 'stages', '--json').stdout) as { code: string; probability: number }[]).find((v) => v.code === code)!;
    const p0 = stage('negotiation').probability;
    expect(newDeal()).toBe(p0);
    const set = run(file, 'values', 'set', 'oppStage', 'negotiation', '--probability', String(p0 === 90 ? 10 : 90));
    expect(set.code).toBe(0);
    expect(stage('negotiation').probability).toBe(p0 === 90 ? 10 : 90);
    expect(run(file, 'values', 'oppStage').stdout).toMatch(new RegExp(`negotiation\\s.*\\s${p0 === 90 ? 10 : 90}%`));
    // the funnel shows it, and a deal entering the stage now gets it
    expect(reportProbability()).toBe(p0 === 90 ? 10 : 90);
    expect(newDeal()).toBe(p0 === 90 ? 10 : 90);
    expect(run(file, 'values', 'set', 'orderType', 'room', '--points-per-yuan', '1.5').code).toBe(0);
    expect((JSON.parse(run(file, 'values', 'orderType', '--json').stdout) as { code: string; pointsPerYuan?: number }[]).find((v) => v.code === 'room')!.pointsPerYuan).toBe(1.5);
    // back to the default
    expect(run(file, 'values', 'set', 'oppStage', 'negotiation', '--probability', 'default').code).toBe(0);
    expect(stage('negotiation').probability).toBe(p0);
    // refused (exit 1) and usage errors (exit 2) write nothing
    const before = files(file);
    const high = run(file, 'values', 'set', 'oppStage', 'negotiation', '--probability', '101');
    expect(high.code).toBe(1);
    expect(high.stderr).toContain('from 0 to 100');
    expect(run(file, 'values', 'set', 'oppStage', 'negotiation', '--points-per-yuan', '2').code).toBe(1);
    expect(run(file, 'values', 'add', 'oppStage', 'visit', '--en', 'Visit', '--zh', '拜访', '--probability', '101').code).toBe(1);
    expect(run(file, 'values', 'set', 'oppStage', 'negotiation', '--probability', 'half').code).toBe(2);
    expect(run(file, 'values', 'set', 'oppStage', 'negotiation').code).toBe(2);
    expect(files(file)).toEqual(before);
  });
});
