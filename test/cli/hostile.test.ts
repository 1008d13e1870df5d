// Hostile input and failing disks against the built CLI (issue 15): every case gets a message
// in the user's language and the contract's exit code, never a stack trace, and a refusal
// leaves the workspace file exactly as it was.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBin, type Run } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { loadDemoWorkspace } from '../../src/demo.js';

const ESC = '\u001b';
const STACK = /\n\s+at .+:\d+:\d+/;

function workspace(demo = false): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file, ...(demo ? ['--demo'] : [])]).code).toBe(0);
  return { dir, file };
}

/** Runs the CLI with a file-size limit (KiB, as bash counts): a write past it fails with EFBIG, as a full disk
 *  fails with ENOSPC. Works as root, unlike chmod. */
function runWithSmallDisk(args: string[], kib = 8): Run {
  const r = spawnSync('bash', ['-c', `ulimit -f ${kib}; exec "$@"`, 'bash', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('nothing is reported done before it is on disk', () => {
  it('add, update, delete and import print nothing on stdout and exit 1 when the save fails', () => {
    const { dir, file } = workspace(true);
    // a 65 KB journal (300 imported customers) that a 100 KiB limit cannot fold into the 200 KB
    // snapshot: every later save appends past 8 KiB and fails
    const many = path.join(dir, 'many.csv');
    fs.writeFileSync(many, `name,phone\n${Array.from({ length: 300 }, (_, i) => `Guest${i},139${String(i).padStart(8, '0')}`).join('\n')}\n`);
    const setup = runWithSmallDisk(['import', 'customers', many, '--data', file], 100);
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    const journal = `${file}.journal`;
    expect(fs.statSync(journal).size).toBeGreaterThan(8 * 1024);
    const before = fs.readFileSync(file);
    const journalBefore = fs.readFileSync(journal);
    const demo = loadDemoWorkspace();
    const csv = path.join(dir, 'in.csv');
    fs.writeFileSync(csv, 'name,phone\nZed,13911112222\n');
    for (const args of [
      ['add', 'customers', '--name', 'Zed'],
      ['update', 'customers', 'C0001', '--name', 'Zed'],
      // a customer no order or contract names (one they name is refused before any save)
      ['delete', 'customers', demo.customers.find((c) => !demo.orders.some((o) => o.customerId === c.id) && !demo.contracts.some((k) => k.customerId === c.id))!.id],
      ['import', 'customers', csv],
    ]) {
      const r = runWithSmallDisk([...args, '--data', file, '--lang', 'zh-CN']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr).toContain('无法保存工作区');
      expect(r.stderr).not.toMatch(STACK);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readFileSync(journal).equals(journalBefore)).toBe(true);
    }
  });
});

describe('exit 2 means nothing was done', () => {
  it('a bad --lang on add is a usage error and adds nothing', () => {
    const { file } = workspace();
    const before = fs.readFileSync(file);
    const r = runBin(['add', 'customers', '--data', file, '--name', 'X', '--lang', 'xx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('flags named like Object members are unknown options, not a crash', () => {
    const { file } = workspace();
    const before = fs.readFileSync(file);
    for (const flag of ['--constructor', '--toString', '--hasOwnProperty', '--__proto__', '--valueOf=1']) {
      const r = runBin(['add', 'customers', '--data', file, '--name', 'Y', flag, '1']);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain('Unknown option');
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('--data given twice is a usage error', () => {
    const { file } = workspace();
    const r = runBin(['list', 'customers', '--data', file, '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a single-valued field flag given twice is a usage error and adds nothing', () => {
    const { file } = workspace();
    const before = fs.readFileSync(file);
    const r = runBin(['add', 'customers', '--data', file, '--name', 'A', '--name', 'B']);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('file-system trouble is a message, not a stack trace', () => {
  it('init --force onto a directory exits 1 with a message in the user language', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'ws'));
    const r = runBin(['init', '--force', '--data', path.join(dir, 'ws'), '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件夹');
    expect(r.stderr).not.toMatch(STACK);
    expect(fs.statSync(path.join(dir, 'ws')).isDirectory()).toBe(true);
  });

  it('a directory where the journal should be exits 1 with a message', () => {
    const { file } = workspace();
    fs.mkdirSync(`${file}.journal`);
    const r = runBin(['list', 'customers', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/folder|journal/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('list | head (a closed pipe) ends quietly', () => {
    const { file } = workspace(true);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list customers --json --data "${file}" | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });
});

describe('strings from files and flags reach the terminal without control sequences', () => {
  const OSC52 = `${ESC}]52;c;aGk=\u0007`;
  const TITLE = `${ESC}]0;x\u0007`;

  it('the import report (header mapping, bad values) holds no ESC byte', () => {
    const { dir, file } = workspace();
    const before = fs.readFileSync(file);
    const csv = path.join(dir, 'evil.csv');
    fs.writeFileSync(csv, `name,phone,note${OSC52}\nAnna,${TITLE}123,x\n`);
    for (const lang of ['en', 'zh-CN']) {
      const r = runBin(['import', 'customers', csv, '--data', file, '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('note'); // the column is still named, without its escape
      expect(r.stderr + r.stdout).not.toContain(ESC);
      expect(r.stderr + r.stdout).not.toContain('\u0007');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const json = runBin(['import', 'customers', csv, '--data', file, '--json']);
    expect(json.stdout).not.toContain(ESC);
    expect(JSON.parse(json.stdout).errors.length).toBeGreaterThan(0);
  });

  it('list table cells and refusal messages hold no ESC byte; list --json keeps the data escaped', () => {
    const { file } = workspace();
    expect(runBin(['add', 'customers', '--data', file, '--name', `Evil${TITLE}`, '--notes', `a${OSC52}`]).code).toBe(0);
    const table = runBin(['list', 'customers', '--data', file]);
    expect(table.stdout).toContain('Evil');
    expect(table.stdout).not.toContain(ESC);
    const json = runBin(['list', 'customers', '--data', file, '--json']);
    expect(json.stdout).not.toContain(ESC);
    expect(JSON.parse(json.stdout)[0].name).toBe(`Evil${TITLE}`);
    const bad = runBin(['add', 'customers', '--data', file, '--name', 'B', '--birthday', `${OSC52}1`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toContain(ESC);
  });
});

describe('JSON import is linear in distinct keys', () => {
  it('a file whose 20 000 records each carry a key of their own imports every record', () => {
    const { dir, file } = workspace();
    const json = path.join(dir, 'keys.json');
    const n = 20_000;
    fs.writeFileSync(json, JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `N${i}`, phone: `1${3900000000 + i}`, [`k${i}`]: i }))));
    const r = runBin(['import', 'customers', json, '--data', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${n} rows: ${n} new`);
    expect(r.stdout).toContain(`${n - 20} more ignored columns`);
    expect(r.stdout.length).toBeLessThan(3000);
    const out = path.join(dir, 'all.json');
    expect(runBin(['export', 'customers', '--data', file, '--out', out]).code).toBe(0);
    const rows = JSON.parse(fs.readFileSync(out, 'utf8')) as { name: string }[];
    expect(rows).toHaveLength(n);
    expect(rows[n - 1].name).toBe(`N${n - 1}`);
  }, 120_000);
});

describe('export --out --mode', () => {
  it('writes 0600 by default, the asked mode with --mode, and refuses a bad mode with exit 2', () => {
    const { dir, file } = workspace(true);
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    const c = path.join(dir, 'c.csv');
    expect(runBin(['export', 'customers', '--data', file, '--out', a]).code).toBe(0);
    expect(fs.statSync(a).mode & 0o777).toBe(0o600);
    expect(runBin(['export', 'customers', '--data', file, '--out', b, '--mode', '644']).code).toBe(0);
    expect(fs.statSync(b).mode & 0o777).toBe(0o644);
    for (const mode of ['9x', '888', '1644', '044', 'rw-r--r--']) {
      const r = runBin(['export', 'customers', '--data', file, '--out', c, '--mode', mode]);
      expect(r.code, mode).toBe(2);
      expect(fs.existsSync(c)).toBe(false);
    }
  });
});
