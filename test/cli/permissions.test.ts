// Permissions through the built CLI: one subcommand per action, as the employee named by
// --user; a refusal is exit 1, names the missing permission and leaves every file as it was.
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

/** every file of the workspace (snapshot, journal) as bytes */
function files(file: string): Record<string, string> {
  const dir = path.dirname(file);
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => !f.endsWith('.lock')).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

const as = (file: string, user: string, ...args: string[]) => runBin([...args, '--data', file, '--user', user]);
const json = (r: { code: number; stdout: string }) => {
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
};

describe('permissions through the subcommands', { timeout: 90_000 }, () => {
  it('a sales representative lists, adds and edits their own customers, and is refused the rest', () => {
    const file = demo();
    const all = json(runBin(['list', 'customers', '--data', file, '--json']));
    const employees = json(runBin(['list', 'employees', '--data', file, '--json']));
    const me = employees.find((e) => e.login === 'wangqiang')!.id;
    const mine = all.filter((c) => c.ownerId === me);
    const other = all.find((c) => c.ownerId !== me)!;

    // view: only their own
    const listed = json(as(file, 'wangqiang', 'list', 'customers', '--json'));
    expect(listed.map((c) => c.id)).toEqual(mine.map((c) => c.id));
    // export: the same records
    expect(json(as(file, 'wangqiang', 'export', 'customers', '--format', 'json')).map((c) => c.id)).toEqual(mine.map((c) => c.id));
    // create: theirs by default
    const added = as(file, 'wangqiang', 'add', 'customers', '--name', '新客人', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).ownerId).toBe(me);
    // edit: their own yes, a colleague's no
    expect(as(file, 'wangqiang', 'update', 'customers', String(mine[0].id), '--city', '杭州').code).toBe(0);
    let before = files(file);
    const upd = as(file, 'wangqiang', 'update', 'customers', String(other.id), '--city', '杭州');
    expect(upd.code).toBe(1);
    expect(upd.stderr).toContain('may edit Customers of their own records only');
    expect(files(file)).toEqual(before);
    // delete: not granted at all
    before = files(file);
    const del = as(file, 'wangqiang', 'delete', 'customers', String(mine[0].id));
    expect(del.code).toBe(1);
    expect(del.stderr).toContain('has no permission to delete Customers');
    expect(files(file)).toEqual(before);
    // import: not granted; in Chinese too
    const csv = path.join(tmpDir(), 'in.csv');
    fs.writeFileSync(csv, '客户名称,手机\n赵先生,13700000000\n');
    const imp = as(file, 'wangqiang', 'import', 'customers', csv, '--lang', 'zh-CN');
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain('没有客户的“导入”权限');
    expect(files(file)).toEqual(before);
    // the sales manager may import; the rows become hers
    expect(as(file, 'zhangli', 'import', 'customers', csv).code).toBe(0);
  });

  it('a front-office agent may not export', () => {
    const file = demo();
    const r = as(file, 'liuyang', 'export', 'customers');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no permission to export Customers');
  });

  it('a role added with add roles --name starts with nothing; --grant and --revoke change it', () => {
    const file = demo();
    const role = runBin(['add', 'roles', '--data', file, '--name', '实习生', '--json']);
    expect(role.code).toBe(0);
    const r = JSON.parse(role.stdout);
    expect(r.permissions).toEqual({});
    expect(runBin(['add', 'employees', '--data', file, '--login', 'intern', '--name', '实习生小王', '--roleId', r.id, '--departmentId', 'B0001']).code).toBe(0);

    expect(json(as(file, 'intern', 'list', 'customers', '--json'))).toEqual([]);
    const before = files(file);
    for (const args of [['add', 'customers', '--name', 'x'], ['update', 'customers', 'C0001', '--city', 'x'], ['delete', 'customers', 'C0001'], ['export', 'customers']]) {
      const res = as(file, 'intern', ...args);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr).toContain('not allowed');
    }
    expect(files(file)).toEqual(before);

    expect(runBin(['update', 'roles', r.id, '--data', file, '--grant', 'customers:view,edit:department']).code).toBe(0);
    const granted = json(runBin(['list', 'roles', '--data', file, '--json'])).find((x) => x.id === r.id)!;
    expect(granted.permissions).toEqual({ customers: { actions: ['view', 'edit'], scope: 'department' } });
    const seen = json(as(file, 'intern', 'list', 'customers', '--json'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(200);

    expect(runBin(['update', 'roles', r.id, '--data', file, '--revoke', 'customers:view,edit']).code).toBe(0);
    expect(json(as(file, 'intern', 'list', 'customers', '--json'))).toEqual([]);

    const bad = runBin(['update', 'roles', r.id, '--data', file, '--grant', 'customers:fly:all']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('customers:view,edit:department');
  });

  it('an unknown --user is refused with the logins there are', () => {
    const file = demo();
    const r = as(file, 'nobody', 'list', 'customers');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wangqiang');
  });
});
