// The built CLI on a shared hotel (PostgreSQL in a throwaway cluster): an instructor's set-up
// (server init, add-employee), students' subcommands with --data postgres://…, and a database
// out of reach said as a message naming the server, the database and why: never a stack.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
if (!avail.run) console.warn(`\n!!! ${avail.why}\n`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

const me = os.userInfo().username;
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:/);

describe.skipIf(!avail.run)('the CLI on a shared hotel', { timeout: 90_000 }, () => {
  it('sets up a hotel, binds the creator as administrator, and refuses a second init without --force', async () => {
    const url = await cluster!.newDatabase();
    const init = runBin(['server', 'init', url, '--demo']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('200');
    expect(init.stdout).toContain(`admin works as the server login ${me}`);
    const again = runBin(['server', 'init', url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a hotel');
    expect(again.stderr).toContain(path.basename(new URL(url.replace('postgres://hotel@/', 'http://x/')).pathname));
    const list = runBin(['list', 'customers', '--data', url]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('张');
  });

  it('adds, changes and exports records through --data or HOTEL_CRM_DATA', async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url]).code).toBe(0);
    const add = runBin(['add', 'customers', '--name', '王先生', '--data', url, '--json']);
    expect(add.code).toBe(0);
    const id = JSON.parse(add.stdout).id as string;
    expect(runBin(['update', 'customers', id, '--name', '王大伟'], { HOTEL_CRM_DATA: url }).code).toBe(0);
    const out = path.join(tmpDir(), 'customers.csv');
    const exp = runBin(['export', 'customers', '--out', out, '--data', url]);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('王大伟');
    const doctor = runBin(['doctor', '--data', url]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/1 Customer/);
  });

  it('binds a student\'s server login to an employee with a role', async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url]).code).toBe(0);
    const r = runBin(['server', 'add-employee', 'stu01', '--role', 'R0004', '--unix-user', 'stu01', '--name', '学生一', '--data', url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Added employee E\d+ stu01 .*stu01/);
    // and a database role for that login, which may read and save through the app only
    expect(r.stdout).toContain('Created the database role stu01');
    const list = runBin(['list', 'employees', '--data', url, '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ login: 'stu01', name: '学生一', roleId: 'R0004', unixUser: 'stu01' }));
    // the same server login for a second employee: refused, nothing written
    const twice = runBin(['server', 'add-employee', 'stu02', '--role', 'R0004', '--unix-user', 'stu01', '--data', url]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('stu01');
    const role = runBin(['server', 'add-employee', 'stu03', '--role', 'nosuchrole', '--unix-user', 'stu03', '--data', url]);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('R0001');
    const bad = runBin(['server', 'add-employee', 'stu04', '--role', 'R0004', '--unix-user', 'a b;rm', '--data', url]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(runBin(['list', 'employees', '--data', url, '--json']).stdout).map((e: { login: string }) => e.login)).toEqual(['admin', 'stu01']);
  });

  it.runIf(process.getuid?.() === 0)('acts as the employee bound to the login that runs it, and refuses --user to a non-administrator', async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url, '--demo']).code).toBe(0);
    expect(runBin(['server', 'add-employee', 'zhangli', '--unix-user', 'nobody', '--data', url]).code).toBe(0);
    const asNobody = (args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', uid: 65534, gid: 65534, cwd: '/', env: { PATH: process.env.PATH ?? '', HOME: '/tmp', LANG: 'C' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const added = asNobody(['add', 'customers', '--name', '新客', '--data', url, '--json']);
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout).ownerId).toBe('E0002');
    const other = asNobody(['list', 'customers', '--data', url, '--user', 'admin']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('zhangli may not act as admin');
    noStack(other.stderr);
  });

  it('never shows a password given in the URL: init, server init, JSON and error messages mask it', async () => {
    const secret = 's3cr3tPW';
    const withPw = (u: string) => u.replace(/^postgres:\/\/hotel@/, `postgres://hotel:${secret}@`);
    const a = withPw(await cluster!.newDatabase());
    const init = runBin(['server', 'init', a]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('postgres://hotel:***@/');
    const b = withPw(await cluster!.newDatabase());
    const plain = runBin(['init', '--data', b, '--json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).file).toContain('postgres://hotel:***@/');
    const zh = runBin(['server', 'init', a, '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    const query = `${cluster!.urlFor('no_such_db')}&password=${secret}`;
    const missing = runBin(['list', 'customers', '--data', query]);
    expect(missing.code).toBe(1);
    for (const r of [init, plain, zh, missing]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
      noStack(r.stderr);
    }
  });

  it('says which server and database it cannot reach, and why, in both languages', async () => {
    const missing = cluster!.urlFor('no_such_db');
    const en = runBin(['list', 'customers', '--data', missing]);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('no_such_db');
    expect(en.stderr).toContain(cluster!.dir);
    expect(en.stderr).toContain('no such database');
    noStack(en.stderr);
    const zh = runBin(['list', 'customers', '--data', missing, '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('没有这个数据库');
    const noServer = runBin(['list', 'customers', '--data', 'postgres://hotel@/hotel?host=/nonexistent-folder']);
    expect(noServer.code).toBe(1);
    expect(noServer.stderr).toContain('/nonexistent-folder');
    noStack(noServer.stderr);
    const doctor = runBin(['doctor', '--data', missing]);
    expect(doctor.code).toBe(1);
    expect(doctor.stderr).toContain('no such database');
    const empty = await cluster!.newDatabase();
    const none = runBin(['list', 'customers', '--data', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('server init');
  });
});
