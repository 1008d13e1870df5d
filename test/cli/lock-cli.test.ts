// The writer's lock as a user of the CLI meets it: concurrent adds, --wait, a damaged or
// hostile lock, a shared folder, a symlinked workspace.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/storage/lock.js';
import { BIN, runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { deadPid, idleProcess, plantLock, runBinAsync } from '../helpers/lock.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});
const livePid = () => {
  const c = idleProcess();
  children.push(c);
  return c.pid!;
};

function workspace(dir = tmpDir()): string {
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file, '--lang', 'en']).code).toBe(0);
  return file;
}
const names = (file: string) =>
  (JSON.parse(runBin(['list', 'customers', '--data', file, '--json']).stdout) as { id: string; name: string }[]).map((c) => `${c.id} ${c.name}`);

describe('the lock, from the command line', () => {
  it('two adds racing for a stale lock end with two customers or one refusal, never one lost', async () => {
    const ghost = deadPid();
    for (let round = 0; round < 4; round++) {
      const file = workspace();
      plantLock(file, { pid: ghost });
      const runs = await Promise.all(['甲', '乙'].map((n) => runBinAsync(BIN, ['add', 'customers', '--data', file, '--name', n, '--lang', 'en'])));
      const saved = runs.filter((r) => r.code === 0);
      for (const r of runs) if (r.code !== 0) expect(r.stderr).toContain('in use by');
      const ids = saved.map((r) => r.stdout.trim());
      expect(new Set(ids).size).toBe(ids.length);
      expect(names(file)).toHaveLength(saved.length);
      expect(saved.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it('--wait waits for the holder to let go; without it a writer exits 1 at once', async () => {
    const file = workspace();
    plantLock(file, { pid: livePid(), user: 'anna' });
    const before = fs.readFileSync(file);
    const refused = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('in use by anna');
    expect(runBin(['add', 'customers', '--data', file, '--name', 'X', '--wait', '0.3', '--lang', 'en']).code).toBe(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // the holder lets go 0.5 s after the waiting writer first found the lock held
    let watcher: fs.FSWatcher | undefined;
    const tried = new Promise<void>((res) => {
      watcher = fs.watch(path.dirname(file), (_e, name) => String(name).startsWith('ws.json.lock.new-') && res());
    });
    const waiting = runBinAsync(BIN, ['add', 'customers', '--data', file, '--name', '等锁的人', '--wait', '5']);
    await Promise.race([tried, waiting]);
    watcher?.close();
    await new Promise((res) => setTimeout(res, 500));
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    fs.rmSync(lockPathFor(file));
    const r = await waiting;
    expect(r.code).toBe(0);
    expect(names(file)).toEqual([`${r.stdout.trim()} 等锁的人`]);
  });

  it.each([['-1'], ['soon']])('--wait %s is a usage error (exit 2) and nothing is written', (v) => {
    const file = workspace();
    const before = fs.readFileSync(file);
    const r = runBin(['add', 'customers', '--data', file, '--name', 'X', '--wait', v, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Bad --wait "${v}"`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a damaged lock is named as such, in both languages, and reads still work', () => {
    const file = workspace();
    fs.writeFileSync(lockPathFor(file), '{"ho');
    // kept fresh however slow the machine: a damaged lock older than 2 s is taken over
    const soon = new Date(Date.now() + 60_000);
    fs.utimesSync(lockPathFor(file), soon, soon);
    const en = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`The lock file ${lockPathFor(file)} is damaged`);
    expect(en.stderr).not.toContain('pid 0');
    const zh = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain(`锁文件 ${lockPathFor(file)} 已损坏`);
    expect(runBin(['list', 'customers', '--data', file, '--json']).code).toBe(0);
    expect(names(file)).toEqual([]);
  });

  it('escape codes planted in the lock never reach the terminal', () => {
    const file = workspace();
    const pid = livePid();
    plantLock(file, { pid, user: '\u001b]0;pwned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007mallory' });
    const r = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`in use by mallory (pid ${pid}`);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('refuses a workspace in a folder others can write to, for writes and reads, and names the fix', () => {
    const dir = path.join(tmpDir(), 'class');
    const file = workspace(fs.mkdirSync(dir, { recursive: true }) ?? dir);
    fs.chmodSync(dir, 0o777);
    // the workspace, and the mark of its checked snapshot that init wrote (nothing else)
    const before = fs.readdirSync(dir).sort();
    expect(before.filter((f) => f !== '.ws.json.checked')).toEqual(['ws.json']);
    for (const args of [['add', 'customers', '--name', 'X'], ['list', 'customers'], ['init', '--force']]) {
      const r = runBin([...args, '--data', file, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Run \`chmod 700 ${dir}\``);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(runBin(['init', '--data', path.join(dir, 'new.json')]).code).toBe(1);
    fs.chmodSync(dir, 0o700);
    expect(runBin(['add', 'customers', '--data', file, '--name', 'X']).code).toBe(0);
  });

  it('writes a symlinked workspace through its link, which stays a link', () => {
    const dir = tmpDir();
    const file = workspace();
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(file, link);
    const r = runBin(['add', 'customers', '--data', link, '--name', '王先生']);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(names(file)).toEqual([`${r.stdout.trim()} 王先生`]);
  });
});
