import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { tmpDir } from '../helpers/tmp.js';
import { runBin } from '../helpers/cli.js';
import { displayWidth } from '../../src/text/width.js';

afterAll(() => TmuxSession.killServer());

describe('a student in a real terminal (tmux, 80x24, zh-CN)', () => {
  it('adds a customer with a Chinese name, finds it with /, quits, starts again and it is there', async () => {
    const file = path.join(tmpDir(), 'hotel-crm', 'workspace.json');
    const args = ['--data', file, '--demo', '--lang', 'zh-CN'];
    const s1 = TmuxSession.start('first', args);
    await s1.waitFor('客户 200 / 200');
    s1.keys('n');
    await s1.waitFor('新建客户');
    s1.type('欧阳娜娜');
    const typed = await s1.waitFor('欧阳娜娜');
    // the real cursor sits right after the text typed, where an input method shows its window
    const nameRow = typed.split('\n').findIndex((l) => l.includes('欧阳娜娜'));
    const cur = s1.cursor();
    expect(cur).toMatchObject({ visible: true, y: nameRow });
    const line = typed.split('\n')[nameRow];
    expect(cur.x).toBe(displayWidth(line.slice(0, line.indexOf('欧阳娜娜') + 4)));
    s1.keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    s1.type('139 1234 5678');
    s1.keys('C-s');
    await s1.waitFor('已创建 C0201');
    s1.keys('q');
    const after = await s1.waitFor('EXIT=0');
    expect(after).not.toContain('客户名称'); // the alternate screen was left: the shell is clean
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    s1.kill();

    const s2 = TmuxSession.start('second', args);
    await s2.waitFor('客户 201 / 201');
    s2.keys('/');
    s2.type('oyn');
    const found = await s2.waitFor('欧阳娜娜');
    expect(found).toContain('客户 1 / 201');
    expect(found).toContain('13912345678');
    // every line fits the 80 columns: nothing wrapped onto a second line
    expect(found.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
    s2.keys('Escape');
    await s2.waitFor('客户 201 / 201');
    s2.keys('q');
    await s2.waitFor('EXIT=0');
    s2.kill();
  }, 40_000);

  it('a dropped SSH session (SIGHUP) keeps what was typed and frees the workspace at once', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = TmuxSession.start('dropped', ['--data', file, '--demo', '--lang', 'en']);
    await s.waitFor('Customers 200 of 200');
    s.keys('n');
    await s.waitFor('New Customers');
    s.type('Zhou Hangup');
    s.keys('C-s');
    await s.waitFor('Created C0201');
    s.kill(); // tmux closes the pane's terminal: the app gets SIGHUP, as when SSH drops
    const end = Date.now() + 5000;
    while (fs.existsSync(`${file}.lock`) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    const list = runBin(['list', 'customers', '--data', file, '--where', 'name=Zhou Hangup', '--json']);
    expect(JSON.parse(list.stdout).map((c: { id: string }) => c.id)).toEqual(['C0201']);
  }, 30_000);

  it('a second copy on the same workspace opens read-only and says who holds it', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const args = ['--data', file, '--demo', '--lang', 'en'];
    const a = TmuxSession.start('holder', args);
    await a.waitFor('Customers 200 of 200');
    const b = TmuxSession.start('reader', args);
    const screen = await b.waitFor('READ-ONLY');
    expect(screen).toMatch(/READ-ONLY: \S+ \(pid \d+\)/);
    b.keys('n');
    await b.waitFor('read-only; nothing was changed');
    b.keys('q');
    await b.waitFor('EXIT=0');
    a.keys('q');
    await a.waitFor('EXIT=0');
    a.kill();
    b.kill();
  }, 40_000);
});
