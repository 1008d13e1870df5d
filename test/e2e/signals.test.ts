// A signal (SSH dropping, a `kill`, a shutdown) runs the app's own exit path: what was saved
// stays, the lock is freed, and the terminal leaves the alternate screen.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

afterAll(() => TmuxSession.killServer());

/** the pid of the app inside a pane: the node child of the pane's shell */
function appPid(s: TmuxSession): number {
  const shell = TmuxSession.tmux('display', '-p', '-t', s.name, '#{pane_pid}').trim();
  const out = execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim();
  return Number(out.split('\n')[0]);
}

describe('signals', () => {
  it.each([
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)('%s: keeps the change, frees the lock, restores the screen and exits %i', async (signal, code) => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = TmuxSession.start(`sig-${signal}`, ['--data', file, '--demo', '--lang', 'en']);
    try {
      await s.waitFor('Customers 200 of 200');
      s.keys('n');
      await s.waitFor('New Customers');
      s.type(`Signal ${signal}`);
      s.keys('C-s');
      await s.waitFor('Created C0201');
      expect(TmuxSession.tmux('display', '-p', '-t', s.name, '#{alternate_on}').trim()).toBe('1');
      process.kill(appPid(s), signal);
      const screen = await s.waitFor(/EXIT=\d+/);
      expect(screen).toContain(`EXIT=${code}`);
      expect(TmuxSession.tmux('display', '-p', '-t', s.name, '#{alternate_on}').trim()).toBe('0');
      expect(fs.existsSync(`${file}.lock`)).toBe(false);
      const list = runBin(['list', 'customers', '--data', file, '--where', `name=Signal ${signal}`, '--json']);
      expect(JSON.parse(list.stdout).map((c: { id: string }) => c.id)).toEqual(['C0201']);
    } finally {
      s.kill();
    }
  }, 40_000);
});
