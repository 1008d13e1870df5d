// A disk that fills up (issue 15): an injected ENOSPC after N bytes (test/helpers/enospc-preload.cjs),
// for the CLI and for the app's own import. The error is reported, nothing half applied is
// visible to readers, and once there is space again the next edit works and doctor passes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { TmuxSession } from '../helpers/tmux.js';
import { cli, strayFiles, writeCsv, type Customer } from '../helpers/fault.js';

afterAll(() => TmuxSession.killServer());

const PRELOAD = path.resolve(__dirname, '../helpers/enospc-preload.cjs');

/** a workspace of 200 customers and a disk whose free space the test sets */
function setup() {
  const dir = tmpDir();
  const file = path.join(dir, 'workspace.json');
  const space = path.join(dir, 'free-bytes');
  expect(cli(['init', '--data', file]).code).toBe(0);
  const base = path.join(dir, 'base.csv');
  writeCsv(base, Array.from({ length: 200 }, (_, i) => ({ name: `基础客户${i}`, phone: `137${String(i).padStart(8, '0')}` })));
  expect(cli(['import', 'customers', base, '--data', file]).code).toBe(0);
  const diskEnv = { NODE_OPTIONS: `--require ${PRELOAD}`, HOTEL_CRM_FAULT_SPACE_FILE: space };
  const setFree = (bytes: number) => fs.writeFileSync(space, String(bytes));
  const customers = (): Customer[] => {
    const r = cli(['list', 'customers', '--json', '--data', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Customer[];
  };
  return { dir, file, diskEnv, setFree, customers };
}

const STACK = /\n\s+at .+:\d+/;

describe('a full disk, through the CLI', () => {
  it('an add on a full disk is refused with a message, prints no id, and leaves nothing behind', () => {
    const w = setup();
    w.setFree(0); // the lock file is exempt (enospc-preload.cjs): the writer gets that far
    const r = cli(['add', 'customers', '--name', '王满盘', '--phone', '13912345678', '--data', w.file], w.diskEnv);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/C\d{4}/); // no id: nothing was saved
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trim()).not.toBe('');
    expect(w.customers().some((c) => c.name === '王满盘')).toBe(false);
    expect(w.customers()).toHaveLength(200);
    expect(strayFiles(w.file)).toEqual([]);

    // space returns: the next edit works and doctor passes
    w.setFree(1e9);
    const again = cli(['add', 'customers', '--name', '王满盘', '--phone', '13912345678', '--data', w.file], w.diskEnv);
    expect(again.code).toBe(0);
    const id = again.stdout.trim();
    expect(w.customers().find((c) => c.name === '王满盘')?.id).toBe(id);
    expect(cli(['doctor', '--data', w.file]).code).toBe(0);
  });

  it('an import of 60 rows on a full disk applies none of them; after space returns it applies all', () => {
    const w = setup();
    const csv = path.join(w.dir, 'sixty.csv');
    writeCsv(csv, Array.from({ length: 60 }, (_, i) => ({ name: `新生${i}号`, phone: `138${String(i).padStart(8, '0')}` })));
    w.setFree(0);
    const r = cli(['import', 'customers', csv, '--data', w.file], w.diskEnv);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/60 rows/); // no summary: nothing was saved
    expect(r.stderr).not.toMatch(STACK);
    expect(w.customers().filter((c) => c.name.startsWith('新生'))).toHaveLength(0);
    expect(strayFiles(w.file)).toEqual([]);

    w.setFree(1e9);
    const again = cli(['import', 'customers', csv, '--data', w.file], w.diskEnv);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/60 rows: 60 new/);
    expect(w.customers().filter((c) => c.name.startsWith('新生'))).toHaveLength(60);
    expect(cli(['doctor', '--data', w.file]).code).toBe(0);
  });
});

describe('a full disk, in the app (tmux)', () => {
  it("the app's import of 60 rows on a full disk: error on screen, readers see all or none, the next edit after space returns is kept", async () => {
    const w = setup();
    const csv = path.join(w.dir, 'sixty.csv');
    writeCsv(csv, Array.from({ length: 60 }, (_, i) => ({ name: `新生${i}号`, phone: `138${String(i).padStart(8, '0')}` })));
    w.setFree(1e9);
    const s = TmuxSession.start('fulldisk', ['--data', w.file, '--lang', 'en'], { cols: 100, rows: 30, env: w.diskEnv });
    try {
      await s.waitFor('Customers 200 of 200', 15000);
      w.setFree(5000); // the journal gets about a third of the batch
      s.keys(':');
      await s.waitFor('Command palette');
      s.type('Import');
      await s.waitFor('Import customers from a file');
      s.keys('Enter');
      await s.waitFor('File to import');
      s.keys('C-u');
      s.type(csv);
      s.keys('Enter');
      await s.waitFor(/Enter import/);
      s.keys('Enter');
      const failed = await s.waitFor(/Could not save|no space|ENOSPC|磁盘/i);
      expect(failed).not.toMatch(STACK);

      // a reader meanwhile: all 60 or none, never a part
      const seen = w.customers().filter((c) => c.name.startsWith('新生')).length;
      expect([0, 60]).toContain(seen);

      // space returns; the next edit is saved and the workspace stays healthy
      w.setFree(1e9);
      s.keys('n');
      await s.waitFor('New Customers');
      s.type('满盘之后');
      s.keys('C-s');
      const created = await s.waitFor(/Created (C\d{4})/);
      const id = /Created (C\d{4})/.exec(created)![1];
      const end = Date.now() + 5000;
      let kept: Customer | undefined;
      let reader = '';
      while (Date.now() < end && !kept) {
        // a reader sees the acknowledged record while the app still runs
        const r = cli(['list', 'customers', '--json', '--data', w.file]);
        reader = `exit ${r.code}: ${r.stderr}`;
        if (r.code === 0) kept = (JSON.parse(r.stdout) as Customer[]).find((c) => c.name === '满盘之后');
        if (!kept) await new Promise((res) => setTimeout(res, 100));
      }
      expect(kept?.id, `the reader after the full disk: ${reader}`).toBe(id);
      const doctorWhileOpen = cli(['doctor', '--data', w.file]);
      expect(doctorWhileOpen.stdout + doctorWhileOpen.stderr).not.toMatch(/journal/i);
      expect(doctorWhileOpen.code).toBe(0);

      s.keys('q');
      await s.waitFor('EXIT=', 10000);
    } finally {
      s.kill();
    }
    expect(cli(['doctor', '--data', w.file]).code).toBe(0);
    const after = w.customers();
    expect(after.find((c) => c.name === '满盘之后')).toBeTruthy();
    expect([0, 60]).toContain(after.filter((c) => c.name.startsWith('新生')).length);
    expect(strayFiles(w.file)).toEqual([]);
  }, 60_000);

  it('a large import whose snapshot a worker thread writes: a full disk midway applies nothing and says so', () => {
    const w = setup();
    const csv = path.join(w.dir, 'big.csv');
    // some MB of snapshot: written beside a worker thread (parallel-snapshot.ts)
    writeCsv(csv, Array.from({ length: 12_000 }, (_, i) => ({ name: `大批新生${i}号`, phone: `136${String(i).padStart(8, '0')}` })));
    w.setFree(1_500_000);
    const r = cli(['import', 'customers', csv, '--data', w.file], w.diskEnv);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/12000 rows/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(/ENOSPC|space|空间/);
    expect(r.stderr).not.toMatch(/\.\./); // one full stop, not the reason's and the message's
    expect(w.customers()).toHaveLength(200);
    expect(strayFiles(w.file)).toEqual([]);

    w.setFree(1e9);
    const again = cli(['import', 'customers', csv, '--data', w.file], w.diskEnv);
    expect(again.code).toBe(0);
    expect(w.customers()).toHaveLength(12_200);
    expect(cli(['doctor', '--data', w.file]).code).toBe(0);
  });
});
