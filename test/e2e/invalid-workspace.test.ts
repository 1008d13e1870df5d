// A workspace with an invalid record opens read-only with a banner that says what is wrong;
// the app never dies with a stack trace, and nothing is written over the file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

afterAll(() => TmuxSession.killServer());

describe('an invalid record', () => {
  it('shows the banner, keeps running (filter included), refuses changes and leaves the file as it was', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    expect(runBin(['init', '--demo', '--data', file]).code).toBe(0);
    const ws = JSON.parse(fs.readFileSync(file, 'utf8'));
    ws.customers[0].name = 12345;
    fs.writeFileSync(file, JSON.stringify(ws));
    const before = fs.readFileSync(file, 'utf8');
    const s = TmuxSession.start('invalid', ['--data', file, '--lang', 'en']);
    try {
      await s.waitFor('has invalid data');
      s.keys('/', 'a');
      await s.waitFor(/Customers \d+ of 200/);
      s.keys('Enter');
      await new Promise((r) => setTimeout(r, 300));
      s.keys('n');
      await s.waitFor('has invalid data');
      expect(s.screen()).not.toContain('New Customers');
      s.keys('q');
      const end = await s.waitFor(/EXIT=\d+/);
      expect(end).toContain('EXIT=0');
      expect(end).not.toMatch(/at \S+ \(/); // no stack frame
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    } finally {
      s.kill();
    }
  }, 40_000);
});
