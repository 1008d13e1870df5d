// A team lab on a shared hotel (PostgreSQL in a throwaway cluster), through the built CLI: the
// administrator starts the lab on the hotel, two students (employees; the administrator acts as
// each with --user, as an instructor's script would) each do part of it, and `grade --data`
// credits each task to the one who did it, in text, JSON and CSV, in both languages. A student
// may not start a lab on the hotel; a JSON workspace has no shared history to grade.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
if (!avail.run) console.warn(`\n!!! ${avail.why}\n`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

const LAB = 'ch04-customers';
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:/);

describe.skipIf(!avail.run)('a team lab on a shared hotel', { timeout: 180_000 }, () => {
  it('starts the lab for the team, and grades each task to the student who did it', async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url, '--demo']).code).toBe(0);
    for (const [login, role] of [['stu01', 'R0001'], ['stu02', 'R0001'], ['stu03', 'R0004']]) {
      const r = runBin(['server', 'add-employee', login, '--role', role, '--unix-user', login, '--data', url]);
      expect(r.stderr).toBe('');
    }
    // a student may not start a lab on the hotel: refused, nothing changed
    const refused = runBin(['lab', 'start', LAB, '--team', '--data', url, '--user', 'stu03']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Only an administrator');
    noStack(refused.stderr);
    expect(runBin(['lab', 'start', LAB, '--team', '--data', url, '--user', 'stu03', '--lang', 'zh-CN']).stderr).toContain('只有酒店的管理员');
    expect(runBin(['grade', '--data', url]).stderr).toContain('No lab runs on this hotel');

    const start = runBin(['lab', 'start', LAB, '--team', '--data', url]);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(start.stdout).toContain(`Team lab ${LAB} started`);
    expect(start.stdout).toContain('stu01');
    // the hotel says which lab runs; a second start needs --force
    expect(runBin(['lab', 'start', LAB, '--team', '--data', url]).stderr).toContain(`runs lab ${LAB}`);
    const status = runBin(['lab', 'status', '--data', url, '--json']);
    expect(JSON.parse(status.stdout).earned).toBe(0);

    // stu01 creates the new customer (task "new"); stu02 adds the contact (task "contact")
    const add = runBin(['add', 'customers', '--name', '林晓峰', '--kind', 'individual', '--gender', 'male', '--phone', '13812345678', '--city', '杭州', '--source', 'referral', '--data', url, '--user', 'stu01']);
    expect(add.stderr).toBe('');
    const contact = runBin(['add', 'contacts', '--name', '周敏', '--customerId', '宁波锦程食品有限公司', '--title', '行政经理', '--decisionRole', 'decider', '--phone', '13967890123', '--data', url, '--user', 'stu02']);
    expect(contact.stderr).toBe('');

    const json = runBin(['grade', '--data', url, '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const g = JSON.parse(json.stdout);
    expect(g.lab).toBe(LAB);
    expect(g.started).toBe(true);
    expect(g.startedBy).toBe('admin');
    const task = (id: string) => g.tasks.find((x: { id: string }) => x.id === id);
    expect([task('new').passed, task('new').by]).toEqual([true, 'stu01']);
    expect([task('contact').passed, task('contact').by]).toEqual([true, 'stu02']);
    expect([task('target').passed, task('target').by]).toEqual([false, null]);
    expect(g.earned).toBe(task('new').points + task('contact').points);
    const emp = (login: string) => g.employees.find((e: { login: string }) => e.login === login);
    expect(emp('stu01')).toMatchObject({ points: task('new').points, saves: 1, tasks: [expect.objectContaining({ taskId: 'new' })] });
    expect(emp('stu02')).toMatchObject({ points: task('contact').points, saves: 1, tasks: [expect.objectContaining({ taskId: 'contact' })] });
    expect(emp('admin')).toBeUndefined();

    const csv = path.join(tmpDir(), 'team.csv');
    const text = runBin(['grade', '--data', url, '--lab', LAB, '--csv', csv]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Team score ${g.earned}/${g.total} (2 of ${g.tasks.length} tasks done)`);
    expect(text.stdout).toMatch(/stu01\s+30\s+1\s+new \(/);
    expect(text.stdout).toContain('Gradebook written to');
    const rows = fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(rows[0]).toBe('Employee,Points,Tasks credited,Saves,First save,Last save');
    expect(rows.find((r) => r.startsWith('stu02,'))).toMatch(/^stu02,20,contact /);
    const zh = runBin(['grade', '--data', url, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('团队得分');
    expect(zh.stdout).toContain('计入的任务');

    // an unknown lab is a usage error; a JSON workspace has no shared history
    expect(runBin(['grade', '--data', url, '--lab', 'no-such-lab']).code).toBe(2);
    const file = path.join(tmpDir(), 'ws.json');
    expect(runBin(['init', '--data', file]).code).toBe(0);
    const json1 = runBin(['grade', '--data', file]);
    expect(json1.code).toBe(1);
    expect(json1.stderr).toContain('not a shared hotel');
    noStack(json1.stderr);
  });
});
