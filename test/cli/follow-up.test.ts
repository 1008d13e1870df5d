// tasks follow-up: follow-up visits (回访) for every customer a --where finds, and the demo made
// by init --demo with a desk dated today.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function demo() {
  const file = path.join(tmpDir(), 'workspace.json');
  const data = ['--data', file];
  expect(runBin(['init', '--demo', ...data], { TZ: 'Asia/Shanghai' }).code).toBe(0);
  return { data, file };
}
const list = (data: string[], ...where: string[]) =>
  JSON.parse(runBin(['list', 'tasks', '--json', ...where.flatMap((w) => ['--where', w]), ...data]).stdout) as Record<string, unknown>[];
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('init --demo', () => {
  it("dates the demo's desk today: overdue, today's and next week's tasks for several employees", () => {
    const { data } = demo();
    const today = shanghaiToday();
    let busy = 0;
    for (const login of ['zhangli', 'wangqiang', 'chenjing', 'liuyang', 'zhouhua', 'zhaomin']) {
      const due = JSON.parse(runBin(['tasks', 'due', '--for', login, '--days', '7', '--json', ...data]).stdout) as { due: string; overdue: boolean }[];
      if (due.some((x) => x.overdue) && due.some((x) => x.due === today) && due.some((x) => x.due > today)) busy++;
    }
    expect(busy).toBeGreaterThanOrEqual(2);
    // the care tasks of the coming birthdays are there already: a cron run today makes none
    const care = runBin(['tasks', 'generate-care', ...data]);
    expect(care.code).toBe(0);
    expect(care.stdout).toContain('0 care task(s)');
  });
});

describe('tasks follow-up', () => {
  it('makes one follow-up per customer found, owned by each customer’s owner; a second run skips them all', () => {
    const { data } = demo();
    const customers = JSON.parse(runBin(['list', 'customers', '--json', '--where', 'stage=first', '--where', 'city=杭州', ...data]).stdout) as { id: string; ownerId: string }[];
    expect(customers.length).toBeGreaterThan(1);
    const r = runBin(['tasks', 'follow-up', '--where', 'stage=first', '--where', 'city=杭州', '--due', '2030/1/15', '--channel', '电话', '--lang', 'zh-CN', ...data]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已创建 ${customers.length} 个回访任务；跳过 0 位客户`);
    const made = list(data, 'type=followup', 'due=2030-01-15');
    expect(made).toHaveLength(customers.length);
    for (const c of customers) expect(made.find((t) => t.customerId === c.id)).toMatchObject({ subject: '回访', channel: 'phone', status: 'open', ownerId: c.ownerId });
    expect(r.stdout).toContain(String(made[0].id));

    const again = runBin(['tasks', 'follow-up', '--where', 'stage=first', '--where', 'city=杭州', '--due', '2030-01-15', '--subject', '回访', '--json', ...data]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ created: [], skipped: customers.map((c) => c.id) });
    expect(list(data, 'type=followup', 'due=2030-01-15')).toHaveLength(customers.length);
  });

  it('one owner for all with --owner; usage errors (exit 2) and refusals (exit 1) write nothing', () => {
    const { data, file } = demo();
    const before = fs.readFileSync(file, 'utf8');
    for (const args of [['--due', '2030-01-15'], ['--where', 'stage=first'], ['--where', 'stage=first', '--due', '2030-13-01'], ['--where', 'stage=first', '--due', '2030-01-15', '--owner', 'nobody'], ['--where', 'colour=red', '--due', '2030-01-15'], ['--where', 'stage=first', '--due', '2030-01-15', '--channel', 'pigeon']]) {
      const r = runBin(['tasks', 'follow-up', ...args, ...data]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    // a sales representative may not hand tasks to the manager: every one refused, none made
    const refused = runBin(['tasks', 'follow-up', '--where', 'stage=first', '--due', '2030-01-15', '--owner', 'zhangli', '--user', 'wangqiang', ...data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No follow-up task was made');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(list(data, 'type=followup', 'due=2030-01-15')).toHaveLength(0);

    const one = runBin(['tasks', 'follow-up', '--where', 'stage=loyal', '--due', '2030-01-15', '--owner', 'chenjing', '--subject', '忠诚客户答谢回访', ...data]);
    expect(one.code).toBe(0);
    const made = list(data, 'subject=忠诚客户答谢回访');
    expect(made.length).toBeGreaterThan(1);
    expect(new Set(made.map((t) => t.ownerId))).toEqual(new Set(['E0004']));
  });
});
