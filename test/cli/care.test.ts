// tasks generate-care as a cron job runs it, and tasks due as an employee reads it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function hotel() {
  const file = path.join(tmpDir(), 'workspace.json');
  const data = ['--data', file];
  expect(runBin(['init', ...data]).code).toBe(0);
  expect(runBin(['add', 'customers', '--name', '王芳', '--phone', '13800000001', '--owner-id', 'admin', ...data]).code).toBe(0);
  expect(runBin(['add', 'anniversaries', '--customer-id', 'C0001', '--kind', 'birthday', '--date', '1990-05-08', '--remind-days', '7', ...data]).code).toBe(0);
  expect(runBin(['add', 'anniversaries', '--customer-id', 'C0001', '--kind', 'wedding', '--date', '2015-09-30', '--remind-days', '14', ...data]).code).toBe(0);
  return data;
}

const listTasks = (data: string[]) => JSON.parse(runBin(['list', 'tasks', '--json', ...data]).stdout) as Record<string, unknown>[];

describe('tasks generate-care', { timeout: 90_000 }, () => {
  it('makes the care task of a birthday within its lead once, however often cron runs it', () => {
    const data = hotel();
    const first = runBin(['tasks', 'generate-care', '--today', '2026-05-03', '--lang', 'zh-CN', ...data]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已为 2026-05-03 生成 1 个关怀任务');
    expect(first.stdout).toContain('生日 · 王芳');
    const tasks = listTasks(data);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ type: 'care', status: 'open', customerId: 'C0001', due: '2026-05-08' });
    const again = runBin(['tasks', 'generate-care', '--today', '2026-05-06', ...data]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 care task(s)');
    expect(listTasks(data)).toHaveLength(1);
  });

  it('a bad --today is a usage error and writes nothing', () => {
    const data = hotel();
    const r = runBin(['tasks', 'generate-care', '--today', 'someday', ...data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('someday');
    expect(listTasks(data)).toHaveLength(0);
  });

  it('due lists the open tasks of an employee, overdue first, as JSON for scripts', () => {
    const data = hotel();
    runBin(['tasks', 'generate-care', '--today', '2026-09-20', ...data]);
    const later = runBin(['tasks', 'due', '--for', 'admin', '--today', '2026-10-02', '--json', ...data]);
    expect(later.code).toBe(0);
    const rows = JSON.parse(later.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => [r.due, r.overdue])).toEqual([['2026-09-30', true]]);
    const before = runBin(['tasks', 'due', '--for', 'admin', '--today', '2026-09-20', ...data]);
    expect(before.stdout).toContain('0 open task(s)');
    const week = runBin(['tasks', 'due', '--for', 'admin', '--today', '2026-09-20', '--days', '10', ...data]);
    expect(week.stdout).toMatch(/T0001 {2}2026-09-30 {2}结婚纪念日 · 王芳/);
  });
});
