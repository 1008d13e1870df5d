// lab list / start / status / check on the built CLI: where a lab's workspace lives and with
// what modes, the score as tasks get done through other subcommands (--lab ID), and a broken
// lab file named problem by problem with exit 1 (a missing argument: exit 2).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function home() {
  const dir = tmpDir();
  return { dir, env: { XDG_DATA_HOME: dir } };
}

describe('lab list, start, status', () => {
  it('lists the shipped labs with chapter, tasks and points in the language asked for', () => {
    const { env } = home();
    const r = runBin(['lab', 'list', '--lang', 'zh-CN'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ch04-customers\s+4\s+4\s+100\s+客户开发：新建客户与三一客/);
    const json = JSON.parse(runBin(['lab', 'list', '--json'], env).stdout) as { id: string; chapter: number; tags: string[]; points: number }[];
    expect(json.map((l) => l.chapter)).toEqual([...json.map((l) => l.chapter)].sort((a, b) => a - b));
    expect(json.find((l) => l.id === 'd-urgent-delivery')).toMatchObject({ tags: ['urgent'], points: 100 });
  });

  it('start makes labs/ID/workspace.json (folder 0700, file 0600) beside the user workspace; refuses to start it twice', () => {
    const { dir, env } = home();
    const r = runBin(['lab', 'start', 'ch04-customers', '--lang', 'en'], env);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'hotel-crm', 'labs', 'ch04-customers', 'workspace.json');
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('hotel-crm --lab ch04-customers');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = runBin(['lab', 'start', 'ch04-customers', '--lang', 'en'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('started already');
    expect(runBin(['lab', 'start', 'ch04-customers', '--force'], env).code).toBe(0);
    expect(runBin(['lab', 'start', 'no-such-lab', '--lang', 'en'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('No lab "no-such-lab"') });
  }, 90_000);

  it('status shows each task with its tick and reason, and the score rises as --lab work is done', () => {
    const { env } = home();
    expect(runBin(['lab', 'start', 'ch04-customers'], env).code).toBe(0);
    const before = runBin(['lab', 'status', 'ch04-customers', '--lang', 'en'], env);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('[ ] 0/30');
    expect(before.stdout).toContain('Customers with Name = 林晓峰: 0 (need at least 1)');
    expect(before.stdout).toContain('Score 0/100');
    const add = runBin(['--lab', 'ch04-customers', 'add', 'customers', '--name', '林晓峰', '--kind', 'individual', '--gender', '男', '--phone', '13812345678', '--city', '杭州', '--source', '老客户介绍'], env);
    expect(add.code).toBe(0);
    // with no id: the lab of the workspace --lab opens
    const after = runBin(['--lab', 'ch04-customers', 'lab', 'status', '--lang', 'zh-CN'], env);
    expect(after.stdout).toContain('[x] 30/30');
    expect(after.stdout).toContain('得分 30/100（完成 1/4 项任务）');
    const json = JSON.parse(runBin(['lab', 'status', 'ch04-customers', '--json'], env).stdout) as { earned: number; tasks: { taskId: string; passed: boolean }[] };
    expect(json.earned).toBe(30);
    expect(json.tasks.map((t) => t.passed)).toEqual([true, false, false, false]);
  }, 90_000);

  it('status of a workspace that is no lab is refused; --lab of a lab not started says how to start it', () => {
    const { dir, env } = home();
    const own = path.join(dir, 'own.json');
    expect(runBin(['init', '--data', own], env).code).toBe(0);
    expect(runBin(['lab', 'status', '--data', own, '--lang', 'en'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('not a lab') });
    expect(runBin(['--lab', 'ch02-organisation', 'list', 'customers', '--lang', 'en'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('hotel-crm lab start ch02-organisation') });
    expect(runBin(['--lab', '../../etc', 'list', 'customers', '--lang', 'en'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Not a lab id') });
  });
});

describe('lab check', () => {
  const write = (text: string) => {
    const f = path.join(tmpDir(), 'lab.json');
    fs.writeFileSync(f, text);
    return f;
  };
  const good = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/labs/ch09-service.json'), 'utf8')) as Record<string, unknown> & { tasks: Record<string, unknown>[] };

  it('a shipped lab is valid: exit 0 with its tasks and points', () => {
    const r = runBin(['lab', 'check', write(JSON.stringify(good)), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a valid lab, ch09-service, 3 tasks, 100 points');
  });

  it('bad JSON: exit 1, says it is not JSON', () => {
    const r = runBin(['lab', 'check', write('{"id": "x",'), '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是有效的 JSON');
  });

  it('points missing and an unknown key: each named by its path, in the user language', () => {
    const lab = structuredClone(good);
    delete lab.tasks[0].points;
    (lab.tasks[1] as Record<string, unknown>).point = 5;
    const r = runBin(['lab', 'check', write(JSON.stringify(lab)), '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('发现 2 个问题');
    expect(r.stderr).toContain('tasks[0].points: 缺少（必填）');
    expect(r.stderr).toContain('tasks[1]: 未知的键：point');
  });

  it('an unknown entity, an unknown field, a value not in its list: what is wrong and what there is', () => {
    const lab = structuredClone(good);
    (lab.tasks[0] as { check: unknown }).check = { entity: 'guests', where: [] };
    const r1 = runBin(['lab', 'check', write(JSON.stringify(lab)), '--lang', 'en']);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/tasks\[0\]\.check\.entity: must be one of: customers, contacts/);
    (lab.tasks[0] as { check: unknown }).check = { entity: 'tickets', where: [{ field: 'subjcet', contains: '空调' }, { field: 'status', eq: 'done' }] };
    const r2 = runBin(['lab', 'check', write(JSON.stringify(lab)), '--lang', 'en']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('tasks[0].check.where[0].field: tickets has no field "subjcet". Fields: id, subject');
    expect(r2.stderr).toContain('tasks[0].check.where[1].eq: "done" is not a value of status. Values: received 已接收');
  });

  it('no file named: a usage error, exit 2; a file that is not there: exit 1', () => {
    expect(runBin(['lab', 'check']).code).toBe(2);
    expect(runBin(['lab', 'check', path.join(tmpDir(), 'none.json'), '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Could not use') });
  });
});

// several processes each, on a machine a class shares: a generous limit (no test here measures time)
describe('lab submit', () => {
  it('writes LAB.LOGIN.json (0640) to the folder with the workspace and its log; a hand-edited workspace is flagged', async () => {
    const { verifySubmission } = await import('../../src/services/lab-log.js');
    const { findLab, labStartWorkspace } = await import('../../src/services/labs.js');
    const { loadDemoWorkspace } = await import('../../src/demo.js');
    const os = await import('node:os');
    const restart = (lab: string, at: Date) => labStartWorkspace(findLab(lab)!, loadDemoWorkspace, at);
    const { dir, env } = home();
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox, { mode: 0o770 });
    expect(runBin(['lab', 'start', 'ch04-customers'], env).code).toBe(0);
    expect(runBin(['--lab', 'ch04-customers', 'add', 'customers', '--name', '林晓峰', '--kind', 'individual', '--gender', '男', '--phone', '13812345678', '--city', '杭州', '--source', '老客户介绍'], env).code).toBe(0);
    expect(runBin(['--lab', 'ch04-customers', 'update', 'customers', 'C0003', '--stage', '目标客户'], env).code).toBe(0);
    const r = runBin(['lab', 'submit', 'ch04-customers', '--to', inbox, '--lang', 'en'], env);
    expect(r.code).toBe(0);
    const file = path.join(inbox, `ch04-customers.${os.userInfo().username}.json`);
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('Score now 50/100; 2 saves recorded.');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(verifySubmission(JSON.parse(fs.readFileSync(file, 'utf8')), restart)).toEqual({ ok: true, events: 3, student: expect.objectContaining({ login: expect.any(String), unixUser: expect.any(String) }) });

    // the student edits the workspace file by hand, then submits again
    const wsFile = path.join(dir, 'hotel-crm', 'labs', 'ch04-customers', 'workspace.json');
    const raw = JSON.parse(fs.readFileSync(wsFile, 'utf8')) as { customers: { name: string; stage: string }[] };
    raw.customers.find((c) => c.name === '邱建')!.stage = 'loyal';
    fs.writeFileSync(wsFile, JSON.stringify(raw));
    expect(runBin(['lab', 'submit', 'ch04-customers', '--to', inbox], env).code).toBe(0);
    expect(verifySubmission(JSON.parse(fs.readFileSync(file, 'utf8')), restart)).toEqual({ ok: false, code: 'content' });
  }, 90_000);

  it('no folder given: exit 2; a folder that is not there: exit 1 and nothing written', () => {
    const { dir, env } = home();
    expect(runBin(['lab', 'start', 'ch02-organisation'], env).code).toBe(0);
    expect(runBin(['lab', 'submit', 'ch02-organisation'], env).code).toBe(2);
    const r = runBin(['lab', 'submit', 'ch02-organisation', '--to', path.join(dir, 'nowhere'), '--lang', 'en'], env);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('No folder') });
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });
});
