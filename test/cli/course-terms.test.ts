// Seed 004's words on the command line: flags and imports take them (and the former labels),
// and tables show them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function workspace(): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file]).code).toBe(0);
  return { dir, file };
}
const list = (file: string) => JSON.parse(runBin(['list', 'customers', '--data', file, '--json']).stdout) as Record<string, unknown>[];

describe('course terms on the command line', () => {
  it('add takes 忠诚客户, 理性客户 and 本区域客户; list shows them', () => {
    const { file } = workspace();
    const r = runBin(['add', 'customers', '--data', file, '--name', '曾小明', '--stage', '忠诚客户', '--consumptionType', '理性客户', '--region', '外区域客户', '--valueTier', '关键客户']);
    expect(r).toMatchObject({ code: 0, stdout: 'C0001\n' });
    expect(list(file)[0]).toMatchObject({ stage: 'loyal', consumptionType: 'rational', region: 'outside', valueTier: 'key' });
    const table = runBin(['list', 'customers', '--data', file, '--lang', 'zh-CN']).stdout;
    expect(table).toContain('忠诚客户');
    expect(table).not.toContain('现实客户(忠诚)');
  });

  it('import takes the course terms and the labels of earlier exports alike', () => {
    const { dir, file } = workspace();
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, [
      '客户名称,客户阶段,消费特征,区域,客户价值',
      '甲,初次购买客户,理性客户,本区域客户,普通客户',
      '乙,现实客户(重复购买),理性型,本地,小客户',
      '丙,忠诚客户,灯塔型,国外,关键客户',
    ].join('\n'));
    const r = runBin(['import', 'customers', csv, '--data', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(list(file).map((c) => [c.stage, c.consumptionType, c.region, c.valueTier])).toEqual([
      ['first', 'rational', 'local', 'ordinary'],
      ['repeat', 'rational', 'local', 'small'],
      ['loyal', 'lighthouse', 'foreign', 'key'],
    ]);
  });
});
