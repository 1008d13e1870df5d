// tickets advance / reopen, and update refusing a skipped step, on the built CLI.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function hotel() {
  const file = path.join(tmpDir(), 'workspace.json');
  const data = ['--data', file];
  expect(runBin(['init', ...data]).code).toBe(0);
  expect(runBin(['add', 'employees', '--login', 'liuyang', '--name', '刘洋', '--role-id', 'R0001', ...data]).code).toBe(0);
  expect(runBin(['add', 'customers', '--name', '王芳', '--phone', '13800000001', ...data]).code).toBe(0);
  const add = runBin(['add', 'tickets', '--subject', '空调不制冷', '--customer-id', 'C0001', '--type', '投诉', '--severity', 'high', '--raised-on', '2026-11-20', ...data]);
  expect(add.stdout + add.stderr).toContain('W0001');
  expect(add.code).toBe(0);
  return data;
}

const ticket = (data: string[]) => (JSON.parse(runBin(['list', 'tickets', '--json', ...data]).stdout) as Record<string, unknown>[])[0]!;

describe('tickets advance', () => {
  it('takes a complaint through every step to closed, each step with its note and the acting employee', () => {
    const data = hotel();
    expect(ticket(data)).toMatchObject({ status: 'received', raisedOn: '2026-11-20', type: 'complaint' });
    const notes = ['已致歉', '工程部检查', '更换压缩机', '回访满意', '归档'];
    const shown = notes.map((note) => runBin(['tickets', 'advance', 'W0001', '--note', note, '--user', 'liuyang', ...data]));
    expect(shown.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(shown.map((r) => r.stdout.trim())).toEqual([
      'W0001 is now Acknowledged', 'W0001 is now Investigating', 'W0001 is now Resolved', 'W0001 is now Followed up', 'W0001 is now Closed',
    ]);
    const t = ticket(data);
    expect(t.status).toBe('closed');
    expect((t.steps as { status: string; note: string; by: string }[]).map((s) => `${s.status} ${s.by} ${s.note}`)).toEqual([
      'received admin ', 'acknowledged liuyang 已致歉', 'investigating liuyang 工程部检查', 'resolved liuyang 更换压缩机', 'followedup liuyang 回访满意', 'closed liuyang 归档',
    ]);
    // closed: no next step; nothing written
    const done = runBin(['tickets', 'advance', 'W0001', '--lang', 'zh-CN', ...data]);
    expect(done.code).toBe(1);
    expect(done.stderr).toContain('已关闭');
    const re = runBin(['tickets', 'reopen', 'W0001', '--note', '客人再次投诉', '--lang', 'zh-CN', ...data]);
    expect(re.code).toBe(0);
    expect(re.stdout).toContain('调查中');
    expect(ticket(data).status).toBe('investigating');
  });

  it('update refuses a skipped step with exit 1, naming the allowed next step, and writes nothing', () => {
    const data = hotel();
    const r = runBin(['update', 'tickets', 'W0001', '--status', 'resolved', ...data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('allowed: Acknowledged');
    expect(ticket(data).status).toBe('received');
    const skip = runBin(['tickets', 'advance', 'W0001', '--to', 'closed', ...data]);
    expect(skip.code).toBe(1);
    expect(ticket(data).status).toBe('received');
    // a step by update is logged like any other, with its note
    expect(runBin(['update', 'tickets', 'W0001', '--status', 'acknowledged', '--step-note', '电话致歉', ...data]).code).toBe(0);
    expect((ticket(data).steps as { note: string }[]).at(-1)!.note).toBe('电话致歉');
  });

  it('refuses a new ticket at another status and says what is missing as a usage error', () => {
    const data = hotel();
    const r = runBin(['add', 'tickets', '--subject', 'x', '--customer-id', 'C0001', '--type', 'praise', '--status', 'closed', ...data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('received');
    expect(runBin(['tickets', 'advance', ...data]).code).toBe(2);
    expect(runBin(['tickets', 'reopen', 'W0001', '--to', 'closed', ...data]).code).toBe(2);
    expect(runBin(['tickets', 'advance', 'W0099', ...data]).code).toBe(1);
  });
});
