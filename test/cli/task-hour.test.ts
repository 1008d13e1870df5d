// A task's hour and priority through the subcommands: given in either language, listed by
// `tasks due` in the desk's order, and a bad hour refused with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

describe('tasks with an hour and a priority', { timeout: 90_000 }, () => {
  it('add takes --dueTime and --priority (高); 25:00 is refused (exit 1) and nothing is written', () => {
    const file = path.join(tmpDir(), 'ws.json');
    const data = ['--data', file];
    expect(runBin(['init', ...data]).code).toBe(0);
    const add = (...a: string[]) => runBin(['add', 'tasks', '--subject', a[0], '--type', 'communication', '--due', '2026-05-01', ...a.slice(1), '--json', ...data]);
    expect(add('下午回电').code).toBe(0);
    const r = add('确认婚宴菜单', '--dueTime', '09:30', '--priority', '高');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dueTime: '09:30', priority: 'high' });
    const before = fs.readFileSync(file);
    const bad = runBin(['add', 'tasks', '--subject', 'x', '--type', 'communication', '--dueTime', '25:00', '--lang', 'en', ...data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a time of day');
    expect(fs.readFileSync(file)).toEqual(before);
    const due = JSON.parse(runBin(['tasks', 'due', '--user', 'admin', '--today', '2026-05-01', '--json', ...data]).stdout) as { subject: string }[];
    expect(due.map((t) => t.subject)).toEqual(['确认婚宴菜单', '下午回电']);
  });
});
