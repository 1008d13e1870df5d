import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { acquireLock } from '../../src/storage/lock.js';

function workspace(demo = false): string {
  const file = path.join(tmpDir(), 'ws.json');
  const r = runBin(['init', '--data', file, ...(demo ? ['--demo'] : [])]);
  expect(r.code).toBe(0);
  return file;
}

describe('hotel-crm subcommands (real process)', () => {
  it('init creates the workspace and refuses to replace it without --force', () => {
    const file = workspace();
    const before = fs.readFileSync(file, 'utf8');
    const again = runBin(['init', '--data', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(runBin(['init', '--data', file, '--force', '--demo']).code).toBe(0);
  });

  it('add prints the new id; list --json gives records with schema field names and codes', () => {
    const file = workspace();
    const add = runBin(['add', 'customers', '--data', file, '--name', '王先生', '--phone', '13800000000', '--source', '网络', '--tag', 'vip']);
    expect(add).toMatchObject({ code: 0, stdout: 'C0001\n' });
    const list = runBin(['list', 'customers', '--data', file, '--json']);
    const rows = JSON.parse(list.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'C0001', name: '王先生', phone: '13800000000', source: 'online', stage: 'potential', kind: 'individual' });
    expect(rows[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses bad fields with exit 1, names each in the chosen language, and writes nothing', () => {
    const file = workspace();
    const before = fs.readFileSync(file);
    const r = runBin(['add', 'customers', '--data', file, '--name', '李', '--phone', '123', '--birthday', '2024-02-30', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('手机');
    expect(r.stderr).toContain('生日');
    expect(r.stderr).toContain('未写入');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('uses exit 2 for usage errors: unknown entity, unknown field, missing argument', () => {
    const file = workspace();
    expect(runBin(['list', 'guests', '--data', file]).code).toBe(2);
    expect(runBin(['add', 'customers', '--data', file, '--nmae', 'x']).code).toBe(2);
    expect(runBin(['update', 'customers', '--data', file]).code).toBe(2);
    expect(runBin(['frobnicate']).code).toBe(2);
    expect(runBin([]).code).toBe(2);
    expect(runBin(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('update refuses a lifecycle move that seed 004 does not allow', () => {
    const file = workspace();
    runBin(['add', 'customers', '--data', file, '--name', 'Anna', '--stage', 'non']);
    const r = runBin(['update', 'customers', 'C0001', '--data', file, '--stage', 'loyal']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Non-customer.*Loyal customer.*Potential/);
    expect(runBin(['update', 'customers', 'C0001', '--data', file, '--stage', '潜在客户']).code).toBe(0);
  });

  it('delete removes a customer with its contacts; an unknown id exits 1', () => {
    const file = workspace();
    runBin(['add', 'customers', '--data', file, '--name', '西湖科技', '--kind', 'corporate']);
    expect(runBin(['add', 'contacts', '--data', file, '--name', '李经理', '--customerId', '西湖科技']).stdout).toBe('P0001\n');
    expect(runBin(['delete', 'customers', 'C0001', '--data', file]).code).toBe(0);
    expect(JSON.parse(runBin(['list', 'contacts', '--data', file, '--json']).stdout)).toEqual([]);
    expect(runBin(['delete', 'customers', 'C0001', '--data', file]).code).toBe(1);
  });

  it('while another process holds the workspace, writes exit 1 naming the holder and reads still work', () => {
    const file = workspace(true);
    const lock = acquireLock(file);
    expect(lock.ok).toBe(true);
    try {
      const before = fs.readFileSync(file);
      const w = runBin(['add', 'customers', '--data', file, '--name', 'X']);
      expect(w.code).toBe(1);
      expect(w.stderr).toContain(`pid ${process.pid}`);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(runBin(['list', 'customers', '--data', file, '--where', 'stage=loyal', '--json']).code).toBe(0);
    } finally {
      if (lock.ok) lock.release();
    }
  });

  it('doctor says a healthy demo is healthy and finds a broken reference', () => {
    const file = workspace(true);
    expect(runBin(['doctor', '--data', file]).code).toBe(0);
    const ws = JSON.parse(fs.readFileSync(file, 'utf8'));
    ws.contacts[0].customerId = 'C9999';
    fs.writeFileSync(file, JSON.stringify(ws), { mode: 0o600 });
    const r = runBin(['doctor', '--data', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0].message).toContain('C9999');
  });

  it('a corrupt workspace gets a clear message and exit 1, and stays untouched', () => {
    const file = path.join(tmpDir(), 'ws.json');
    fs.writeFileSync(file, '{"format":"hotel-crm-workspace",');
    const r = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid JSON');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"format":"hotel-crm-workspace",');
  });

  it('the workspace defaults to $HOTEL_CRM_DATA, then $XDG_DATA_HOME/hotel-crm/workspace.json', () => {
    const dir = tmpDir();
    expect(runBin(['init'], { XDG_DATA_HOME: dir }).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'hotel-crm')).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(path.join(dir, 'hotel-crm', 'workspace.json'))).toBe(true);
    const env = path.join(dir, 'env.json');
    expect(runBin(['init'], { HOTEL_CRM_DATA: env }).code).toBe(0);
    expect(fs.existsSync(env)).toBe(true);
  });
});
