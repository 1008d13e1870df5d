import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function workspace(demo = false): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file, ...(demo ? ['--demo'] : [])]).code).toBe(0);
  return { dir, file };
}
const list = (file: string, entity = 'customers') => JSON.parse(runBin(['list', entity, '--data', file, '--json']).stdout) as Record<string, unknown>[];

const SHEET = [
  '客户信息表,,,,,',
  '客户名称,手机,客户来源,生日,备注,客户阶段',
  '王先生,138 0000 0001,网络,2024/3/5,"两行',
  '备注",潜在客户',
  '',
  'Li Na,13900000002,Walk-in,1990年5月6日,"他说 ""好""",target',
  '赵六,13900000003,referral,1988-12-01,=HYPERLINK("http://x"),loyal',
].join('\r\n') + '\r\n';

describe('hotel-crm import (real process, real files)', () => {
  it('takes a GBK CSV from Excel with a title row, CRLF, quoted line breaks, Chinese headers and mixed dates', () => {
    const { dir, file } = workspace();
    const csv = path.join(dir, 'gbk.csv');
    fs.writeFileSync(csv, iconv.encode(SHEET, 'gbk'));
    const r = runBin(['import', 'customers', csv, '--data', file, '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GBK');
    expect(r.stdout).toContain('表头在第 2 行');
    const rows = list(file);
    expect(rows.map((c) => [c.name, c.phone, c.source, c.birthday, c.stage])).toEqual([
      ['王先生', '13800000001', 'online', '2024-03-05', 'potential'],
      ['Li Na', '13900000002', 'walkin', '1990-05-06', 'target'],
      ['赵六', '13900000003', 'referral', '1988-12-01', 'loyal'],
    ]);
    expect(rows[0].notes).toBe('两行\n备注');
    expect(rows[1].notes).toBe('他说 "好"');
  });

  it('takes UTF-8 with a BOM, and JSON as list --json prints it', () => {
    const { dir, file } = workspace();
    const csv = path.join(dir, 'bom.csv');
    fs.writeFileSync(csv, '\ufeffName,Mobile\nAnna,13800000009\n');
    expect(runBin(['import', 'customers', csv, '--data', file]).code).toBe(0);
    const json = path.join(dir, 'c.json');
    fs.writeFileSync(json, JSON.stringify([{ name: '周', phone: '13700000000', tags: ['vip', '常客'] }]));
    expect(runBin(['import', 'customers', json, '--data', file]).code).toBe(0);
    expect(list(file).map((c) => [c.name, c.tags])).toEqual([['Anna', []], ['周', ['vip', '常客']]]);
  });

  it('refuses a file with 1 bad row out of 10 000, names the row, column, value and reason, and writes nothing', () => {
    const { dir, file } = workspace();
    const lines = ['客户名称,手机,生日'];
    for (let i = 0; i < 10_000; i++) lines.push(`客户${i},1${String(3800000000 + i)},2000-01-01`);
    lines[7778] = '客户坏,1380000,2000-01-01';
    const csv = path.join(dir, 'big.csv');
    fs.writeFileSync(csv, lines.join('\n'));
    const before = fs.readFileSync(file);
    const r = runBin(['import', 'customers', csv, '--data', file, '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 7779 行，列「手机」，值「1380000」：不是电话号码');
    expect(r.stderr).toContain('未写入');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const j = runBin(['import', 'customers', csv, '--data', file, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).errors).toEqual([
      expect.objectContaining({ line: 7779, column: '手机', field: 'phone', value: '1380000', code: 'phone' }),
    ]);
  });

  it('reports duplicates in the file and against the workspace, and follows --on-duplicate', () => {
    const { dir, file } = workspace();
    runBin(['add', 'customers', '--data', file, '--name', '老王', '--phone', '13800000001']);
    const csv = path.join(dir, 'dup.csv');
    fs.writeFileSync(csv, '客户名称,手机,城市\n王先生,13800000001,杭州\n新客,13800000002,上海\n新客二,13800000002,北京\n');
    const r = runBin(['import', 'customers', csv, '--data', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2: already in the workspace as C0001');
    expect(r.stderr).toContain('line 4: duplicate of line 3');
    expect(list(file)).toHaveLength(1);
    expect(runBin(['import', 'customers', csv, '--data', file, '--on-duplicate', 'skip']).code).toBe(0);
    expect(list(file).map((c) => [c.name, c.city])).toEqual([['老王', undefined], ['新客', '上海']]);
    expect(runBin(['import', 'customers', csv, '--data', file, '--on-duplicate', 'update']).code).toBe(0);
    expect(list(file).map((c) => [c.name, c.city])).toEqual([['王先生', '杭州'], ['新客二', '北京']]);
  });

  it('--dry-run reports the guess and the mapping but writes nothing; --map names a column', () => {
    const { dir, file } = workspace();
    const csv = path.join(dir, 'odd.csv');
    fs.writeFileSync(csv, '姓名,联系方式,奇怪的列\n张三,13800000005,x\n');
    const before = fs.readFileSync(file);
    const r = runBin(['import', 'customers', csv, '--data', file, '--dry-run', '--map', '联系方式=phone', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('联系方式->phone');
    expect(r.stdout).toContain('奇怪的列->(ignored)');
    expect(r.stdout).toContain('Dry run');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('imports contacts whose customer is named, taking a merged customer cell from the row above', () => {
    const { dir, file } = workspace();
    runBin(['add', 'customers', '--data', file, '--name', '西湖科技', '--kind', 'corporate']);
    const csv = path.join(dir, 'contacts.csv');
    fs.writeFileSync(csv, '客户名称,联系人,手机\n西湖科技,李经理,13800000011\n,王助理,13800000012\n');
    const r = runBin(['import', 'contacts', csv, '--data', file, '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('合并单元格');
    expect(list(file, 'contacts').map((c) => [c.name, c.customerId])).toEqual([['李经理', 'C0001'], ['王助理', 'C0001']]);
  });
});

describe('hotel-crm export', () => {
  it('writes UTF-8 with a BOM by default and neutralises formulas; GBK on request', () => {
    const { dir, file } = workspace();
    runBin(['add', 'customers', '--data', file, '--name', '=1+1', '--notes', '@SUM(A1)', '--phone', '+44 20 7946 0958']);
    const out = path.join(dir, 'out.csv');
    expect(runBin(['export', 'customers', '--data', file, '--out', out]).code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain("'=1+1");
    expect(text).toContain("'@SUM(A1)");
    expect(text).not.toMatch(/(^|,)[=@]/m);
    expect(text).toContain(",'+44 20 7946 0958,"); // shown as text by Excel, taken back as it was by import
    const gbk = path.join(dir, 'gbk.csv');
    expect(runBin(['export', 'customers', '--data', file, '--out', gbk, '--encoding', 'gbk', '--lang', 'zh-CN']).code).toBe(0);
    expect(iconv.decode(fs.readFileSync(gbk), 'gbk')).toContain('客户名称');
  });

  it('export then import of the demo hotel changes nothing, for CSV and JSON', () => {
    const { dir, file } = workspace(true);
    for (const entity of ['customers', 'contacts', 'anniversaries', 'products', 'employees']) {
      for (const format of ['csv', 'json']) {
        const out = path.join(dir, `${entity}.${format}`);
        expect(runBin(['export', entity, '--data', file, '--out', out, '--format', format]).code).toBe(0);
        const before = fs.readFileSync(file);
        const r = runBin(['import', entity, out, '--data', file, '--on-duplicate', 'update', '--json']);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ created: 0, updated: 0 });
        expect(fs.readFileSync(file).equals(before)).toBe(true);
      }
    }
    // and into an empty workspace it recreates the same records
    const empty = path.join(dir, 'empty.json');
    runBin(['init', '--data', empty]);
    fs.copyFileSync(file, empty);
    const fresh = JSON.parse(fs.readFileSync(empty, 'utf8'));
    fresh.customers = [];
    fresh.contacts = [];
    fresh.anniversaries = [];
    fs.writeFileSync(empty, JSON.stringify(fresh));
    expect(runBin(['import', 'customers', path.join(dir, 'customers.csv'), '--data', empty]).code).toBe(0);
    expect(list(empty)).toEqual(list(file));
  }, 90_000); // 22 real processes: a budget for a loaded machine, not a timing

  it('stores a control sequence in a name but never draws it', () => {
    const { dir, file } = workspace();
    const csv = path.join(dir, 'esc.csv');
    fs.writeFileSync(csv, 'name,phone\n"Evil\u001b[2J\u001b]0;pwned\u0007Name",13800000077\n');
    expect(runBin(['import', 'customers', csv, '--data', file]).code).toBe(0);
    const table = runBin(['list', 'customers', '--data', file]).stdout;
    expect(table).toContain('EvilName');
    expect(table).not.toContain('\u001b');
  });
});
