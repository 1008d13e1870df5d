// Export writes times on the hotel's clock: CSV as "2026-11-25 20:18:33" in the workspace's
// zone (Excel reads it as a date and time), JSON as ISO with the zone's offset; import takes
// both back to the same instant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { parseCsv } from '../../src/text/csv.js';

const SH = { TZ: 'Asia/Shanghai' };
const NY = { TZ: 'America/New_York' };

function workspace(env: Record<string, string>): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file], env).code).toBe(0);
  return { dir, file };
}

/** A customer made at a known instant (an import keeps a record's own times). */
function seed(dir: string, file: string, env: Record<string, string>) {
  const json = path.join(dir, 'seed.json');
  fs.writeFileSync(json, JSON.stringify([
    { name: '曾小明', phone: '13800000001', createdAt: '2026-11-25T12:18:33.000Z', updatedAt: '2026-11-25T12:18:33.482Z' },
    { name: '王五', phone: '13800000002', kind: 'individual', createdAt: '2026-07-01T00:00:00.000Z', updatedAt: '2026-07-01T00:00:00.000Z' },
  ]));
  const r = runBin(['import', 'customers', json, '--data', file], env);
  expect(r.code, r.stderr).toBe(0);
}
/** export --format json to standard output */
const exported = (file: string, env: Record<string, string>, entity = 'customers') =>
  JSON.parse(runBin(['export', entity, '--data', file, '--format', 'json'], env).stdout) as Record<string, string>[];
const stored = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { settings: { timeZone?: string }; customers: Record<string, string>[] };

describe('times in exports', () => {
  it('init records the machine\'s zone as the workspace\'s', () => {
    const { file } = workspace(SH);
    expect(stored(file).settings.timeZone).toBe('Asia/Shanghai');
  });

  it('CSV writes the workspace zone\'s wall clock to the second, whatever the machine running the export', () => {
    const { dir, file } = workspace(SH);
    seed(dir, file, SH);
    const out = path.join(dir, 'c.csv');
    expect(runBin(['export', 'customers', '--data', file, '--out', out, '--lang', 'zh-CN'], NY).code).toBe(0);
    const rows = parseCsv(fs.readFileSync(out, 'utf8').replace(/^\ufeff/, '')).map((r) => r.cells);
    const head = rows[0];
    const at = (r: string[], label: string) => r[head.indexOf(label)];
    expect(at(rows[1], '创建时间')).toBe('2026-11-25 20:18:33');
    expect(at(rows[1], '更新时间')).toBe('2026-11-25 20:18:33');
    expect(at(rows[2], '创建时间')).toBe('2026-07-01 08:00:00');
    // every time column is the wall clock (a nested record, the stage history, is JSON data and keeps ISO times)
    const nested = head.indexOf('阶段变更记录');
    const cells = rows.flatMap((r) => r.filter((_, i) => i !== nested));
    expect(cells.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('JSON export writes ISO with the zone\'s offset, milliseconds only when there are some', () => {
    const { dir, file } = workspace(SH);
    seed(dir, file, SH);
    const out = path.join(dir, 'c.json');
    expect(runBin(['export', 'customers', '--data', file, '--out', out], NY).code).toBe(0);
    const recs = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, string>[];
    expect(recs[0].createdAt).toBe('2026-11-25T20:18:33+08:00');
    expect(recs[0].updatedAt).toBe('2026-11-25T20:18:33.482+08:00');
    expect(exported(file, NY)[1].createdAt).toBe('2026-07-01T08:00:00+08:00');
    // list --json shows what is stored
    expect(JSON.parse(runBin(['list', 'customers', '--data', file, '--json'], NY).stdout)[0].createdAt).toBe('2026-11-25T12:18:33.000Z');
  });

  it('a workspace without a zone (made by an earlier version) uses the machine\'s', () => {
    const { dir, file } = workspace(SH);
    seed(dir, file, SH);
    const ws = stored(file);
    delete ws.settings.timeZone;
    fs.writeFileSync(file, JSON.stringify(ws), { mode: 0o600 });
    expect(exported(file, NY)[0].createdAt).toBe('2026-11-25T07:18:33-05:00');
    expect(exported(file, NY)[1].createdAt).toBe('2026-06-30T20:00:00-04:00'); // summer time
  });

  it('export then import gives back the same instants, CSV and JSON, and changes nothing', () => {
    const { dir, file } = workspace(SH);
    seed(dir, file, SH);
    for (const format of ['csv', 'json']) {
      const out = path.join(dir, `c.${format}`);
      expect(runBin(['export', 'customers', '--data', file, '--out', out, '--format', format], NY).code).toBe(0);
      // into the same workspace: nothing changes
      const before = fs.readFileSync(file);
      const r = runBin(['import', 'customers', out, '--data', file, '--on-duplicate', 'update', '--json'], NY);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ created: 0, updated: 0 });
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      // into an empty one: the same instants (a CSV to the second)
      const other = workspace(SH);
      const r2 = runBin(['import', 'customers', out, '--data', other.file], NY);
      expect(r2.code, r2.stderr).toBe(0);
      const got = stored(other.file).customers.map((c) => [c.createdAt, c.updatedAt]);
      expect(got).toEqual([
        ['2026-11-25T12:18:33.000Z', format === 'csv' ? '2026-11-25T12:18:33.000Z' : '2026-11-25T12:18:33.482Z'],
        ['2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
      ]);
    }
  }, 60_000); // many real processes: a budget for a loaded machine, not a timing

  it('a time with milliseconds (a ticket resolved in the app) survives a CSV round trip unchanged', () => {
    const { dir, file } = workspace(SH);
    seed(dir, file, SH);
    const add = runBin(['add', 'tickets', '--data', file, '--subject', '空调噪音', '--customerId', '曾小明'], NY);
    expect(add.code, add.stderr).toBe(0);
    // resolved through its steps: the service stamps the time, milliseconds and all
    for (let i = 0; i < 3; i++) expect(runBin(['tickets', 'advance', add.stdout.trim(), '--data', file], NY).code).toBe(0);
    const ticket = () => exported(file, NY, 'tickets')[0];
    const resolvedAt = ticket().resolvedAt as string;
    expect(resolvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    const out = path.join(dir, 't.csv');
    expect(runBin(['export', 'tickets', '--data', file, '--out', out], NY).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain(`,${resolvedAt.slice(0, 10)} ${resolvedAt.slice(11, 19)},`);
    const r = runBin(['import', 'tickets', out, '--data', file, '--on-duplicate', 'update', '--json'], NY);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 0, updated: 0 });
    expect(ticket().resolvedAt).toBe(resolvedAt);
  });

  it('import reads a time a spreadsheet saved without seconds, or in Chinese, as the zone\'s clock', () => {
    const { dir, file } = workspace(SH);
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, '客户名称,手机,创建时间\n甲,13800000011,2026/11/25 20:18\n乙,13800000012,2026年11月25日 08:05:09\n');
    expect(runBin(['import', 'customers', csv, '--data', file], NY).code).toBe(0);
    expect(stored(file).customers.map((c) => c.createdAt)).toEqual(['2026-11-25T12:18:00.000Z', '2026-11-25T00:05:09.000Z']);
  });
});
