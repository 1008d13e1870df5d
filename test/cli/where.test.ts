// --where takes fields and values as a person writes them (labels, Chinese field names, any
// date form) and comparisons; what it cannot understand is a usage error naming what is allowed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import fs from 'node:fs';
import type { Workspace } from '../../src/domain/workspace.js';

// the workspace as init --demo made it (the demo's dates moved to today)
let ws: Workspace;
type Rec = Record<string, unknown>;
const ids = (f: (c: Rec) => boolean) => ws.customers.filter((c) => f(c as Rec)).map((c) => c.id);

describe('list --where', () => {
  const file = path.join(tmpDir(), 'w.json');
  expect(runBin(['init', '--demo', '--data', file]).code).toBe(0);
  ws = JSON.parse(fs.readFileSync(file, 'utf8')) as Workspace;
  const list = (...where: string[]) => {
    const r = runBin(['list', 'customers', '--data', file, '--json', ...where.flatMap((w) => ['--where', w])]);
    return { ...r, ids: r.code === 0 ? (JSON.parse(r.stdout) as Rec[]).map((x) => x.id) : [] };
  };

  it('accepts value labels and Chinese field labels like flags do', () => {
    const online = ids((c) => c.source === 'online');
    expect(online.length).toBeGreaterThan(3);
    expect(list('客户来源=网络')).toMatchObject({ code: 0, ids: online });
    expect(list('source=OTA / online').ids).toEqual(online);
    expect(list('stage=忠诚').ids).toEqual(ids((c) => c.stage === 'loyal'));
    expect(list('客户阶段=现实客户(忠诚)', '区域=国外').ids).toEqual(ids((c) => c.stage === 'loyal' && c.region === 'foreign'));
    expect(list('stage!=loyal').ids).toEqual(ids((c) => c.stage !== 'loyal'));
  });

  it('export takes the same conditions', () => {
    const r = runBin(['export', 'customers', '--data', file, '--format', 'json', '--where', '客户来源=网络', '--where', 'birthday>=1980/1/1']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Rec[]).map((x) => x.id)).toEqual(ids((c) => c.source === 'online' && typeof c.birthday === 'string' && c.birthday >= '1980-01-01'));
  });

  it('refuses a value the field does not have with exit 2 and the allowed values', () => {
    const r = runBin(['list', 'customers', '--data', file, '--lang', 'zh-CN', '--where', 'stage=不存在的阶段']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('忠诚客户');
    expect(r.stderr).toContain('潜在客户');
  });

  it('compares amounts and dates, in every date form a flag accepts', () => {
    expect(list('quantValue>30000').ids).toEqual(ids((c) => (c.quantValue as number) > 3000000));
    expect(list('定量<=¥5,000').ids).toEqual(ids((c) => c.quantValue !== undefined && (c.quantValue as number) <= 500000));
    const after = ids((c) => typeof c.birthday === 'string' && c.birthday >= '1990-01-01');
    expect(after.length).toBeGreaterThan(3);
    for (const d of ['1990-01-01', '1990/1/1', '1990.1.1', '1990年1月1日', '19900101']) expect(list(`birthday>=${d}`).ids).toEqual(after);
    const one = ws.customers.find((c) => typeof c.birthday === 'string')!;
    const [y, m, d] = String(one.birthday).split('-').map(Number);
    expect(list(`生日=${y}/${m}/${d}`).ids).toEqual(ids((c) => c.birthday === one.birthday));
    expect(list(`birthday<${one.birthday}`).ids).toEqual(ids((c) => typeof c.birthday === 'string' && c.birthday < String(one.birthday)));
  });

  it('a date that is no date, a comparison on a list field or an unknown field is a usage error', () => {
    for (const w of ['birthday>=1990-13-01', 'stage>loyal', 'nosuchfield=1', 'stage']) {
      const r = runBin(['list', 'customers', '--data', file, '--where', w]);
      expect(r.code, w).toBe(2);
      expect(r.stderr, w).not.toMatch(/at .*\.js/);
    }
  });
});
