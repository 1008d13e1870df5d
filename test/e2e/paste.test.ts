// A paste is text, never keys: `/` then a clipboard holding "上海⏎dy" used to filter, then
// delete a customer. With bracketed paste the newline is a space in the filter, a paste on the
// list (no field has focus) is dropped, and nothing is deleted.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

afterAll(() => TmuxSession.killServer());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('paste (tmux paste-buffer -p)', () => {
  it('puts a pasted newline into the filter as a space and never runs the text after it as commands', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = TmuxSession.start('paste', ['--data', file, '--demo', '--lang', 'zh-CN']);
    try {
      await s.waitFor('客户 200 / 200');
      TmuxSession.tmux('set-buffer', '-b', 'clip', '上海\ndy');
      s.keys('/');
      await s.waitFor('/');
      TmuxSession.tmux('paste-buffer', '-p', '-b', 'clip', '-t', s.name);
      await s.waitFor('/上海 dy');
      s.keys('Enter');
      await sleep(300);
      // on the list no field has focus: the paste is dropped
      TmuxSession.tmux('paste-buffer', '-p', '-b', 'clip', '-t', s.name);
      await sleep(500);
      expect(s.screen()).not.toContain('删除');
      s.keys('q');
      await s.waitFor(/EXIT=\d+/);
      const all = JSON.parse(runBin(['list', 'customers', '--data', file, '--json']).stdout) as unknown[];
      expect(all).toHaveLength(200);
    } finally {
      s.kill();
    }
  }, 40_000);

  it('takes a key pressed twice in one read ([[ on a slow link) as two presses', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = TmuxSession.start('repeat', ['--data', file, '--demo', '--lang', 'zh-CN']);
    const tabs = ['统计', '金字塔', 'RFM', 'KAISM', '终身价值', '流失预警', 'KPI'];
    const active = (t: string) => tabs.indexOf(/\[([^\]]+)\]/.exec(t.split('\n')[1] ?? '')?.[1] ?? '');
    try {
      await s.waitFor('客户 200 / 200');
      s.keys('7');
      await s.waitFor((t) => active(t) >= 0);
      for (let i = 0; i < 3; i++) {
        const before = active(s.screen());
        s.keys(']');
        await s.waitFor((t) => active(t) === before + 1);
      }
      const at = active(s.screen());
      // one write, as a slow link delivers a key repeated before the app could read it
      TmuxSession.tmux('set-buffer', '-b', 'rep', '[[');
      TmuxSession.tmux('paste-buffer', '-b', 'rep', '-t', s.name);
      await s.waitFor((t) => active(t) === at - 2);
      s.keys('q');
      await s.waitFor(/EXIT=\d+/);
    } finally {
      s.kill();
    }
  }, 40_000);
});
