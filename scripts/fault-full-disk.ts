// A real full disk (issue 15): the workspace on a small tmpfs that a filler file fills up.
// CLI adds and imports, then the app's own import of 60 rows; the error must be reported,
// readers must never see part of a change, and once space returns the next edit is kept and
// doctor passes. Needs root (mount), tmux and `npm run build`. Without mount rights use the
// injected ENOSPC of test/fault/full-disk.test.ts.
//   npx tsx scripts/fault-full-disk.ts [--size 512k]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAULT_BIN, Tmux, cli, sleep, strayFiles, writeCsv, type Customer } from '../test/helpers/fault.js';

const size = process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : '512k';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hotel-crm-disk-'));
const mnt = path.join(root, 'disk');
fs.mkdirSync(mnt);
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', mnt], { stdio: 'pipe' });
} catch (e) {
  console.error(`cannot mount a tmpfs here (${(e as Error).message.split('\n')[0]}); run test/fault/full-disk.test.ts instead (injected ENOSPC)`);
  fs.rmSync(root, { recursive: true, force: true });
  process.exit(2);
}

const file = path.join(mnt, 'workspace.json');
const filler = path.join(mnt, 'filler');
const results: { what: string; ok: boolean; detail: string }[] = [];
const check = (what: string, ok: boolean, detail = '') => {
  results.push({ what, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}${detail ? `  (${detail})` : ''}`);
};
const oneLine = (s: string) => s.trim().split('\n').slice(0, 2).join(' | ').slice(0, 200);
const STACK = /\n\s+at .+:\d+/;
const freeBytes = () => {
  const st = fs.statfsSync(mnt);
  return st.bavail * st.bsize;
};
/** fills the disk to leave about this many bytes */
const fillTo = (leave: number) => {
  fs.rmSync(filler, { force: true });
  const n = Math.max(0, freeBytes() - leave);
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 120);
  let written = 0;
  try {
    while (written < n) written += fs.writeSync(fd, chunk, 0, Math.min(chunk.length, n - written));
  } catch {
    /* full */
  }
  fs.closeSync(fd);
};
const spaceReturns = () => fs.rmSync(filler, { force: true });
const customers = (): Customer[] | string => {
  const r = cli(['list', 'customers', '--json', '--data', file]);
  return r.code === 0 ? (JSON.parse(r.stdout) as Customer[]) : `exit ${r.code}: ${oneLine(r.stderr)}`;
};
const countNamed = (prefix: string) => {
  const c = customers();
  return typeof c === 'string' ? c : c.filter((x) => x.name.startsWith(prefix)).length;
};

const tmux = new Tmux(`hotel-crm-disk-${process.pid}`);
try {
  cli(['init', '--data', file]);
  const base = path.join(root, 'base.csv');
  writeCsv(base, Array.from({ length: 100 }, (_, i) => ({ name: `基础客户${i}`, phone: `137${String(i).padStart(8, '0')}` })));
  const b = cli(['import', 'customers', base, '--data', file]);
  if (b.code !== 0) throw new Error(`base import: ${b.stderr}`);
  console.log(`tmpfs ${size} at ${mnt}; workspace ${fs.statSync(file).size} bytes`);

  // 1. CLI add on a full disk
  fillTo(8192); // room for the lock file (a page), not for a new snapshot
  const add = cli(['add', 'customers', '--name', '王满盘', '--phone', '13912345678', '--data', file]);
  check('CLI add on a full disk: exit 1', add.code === 1, `exit ${add.code}`);
  check('CLI add on a full disk: no id printed', !/C\d{4}/.test(add.stdout), add.stdout.trim());
  check('CLI add on a full disk: a message, no stack trace', add.stderr.trim() !== '' && !STACK.test(add.stderr), oneLine(add.stderr));
  check('CLI add on a full disk: readers do not see it', countNamed('王满盘') === 0, String(countNamed('王满盘')));
  check('CLI add on a full disk: no temp file left', strayFiles(file).length === 0, strayFiles(file).join(', '));

  // 2. CLI import of 60 rows on a full disk
  const sixty = path.join(root, 'sixty.csv');
  writeCsv(sixty, Array.from({ length: 60 }, (_, i) => ({ name: `新生${i}号`, phone: `138${String(i).padStart(8, '0')}` })));
  const imp = cli(['import', 'customers', sixty, '--data', file]);
  check('CLI import on a full disk: exit 1, no summary', imp.code === 1 && !/60 rows/.test(imp.stdout), `exit ${imp.code}`);
  check('CLI import on a full disk: a message, no stack trace', imp.stderr.trim() !== '' && !STACK.test(imp.stderr), oneLine(imp.stderr));
  check('CLI import on a full disk: none of the rows visible', countNamed('新生') === 0, String(countNamed('新生')));
  spaceReturns();
  const add2 = cli(['add', 'customers', '--name', '王满盘', '--phone', '13912345678', '--data', file]);
  check('CLI: after space returns the next add works', add2.code === 0 && countNamed('王满盘') === 1, `exit ${add2.code} ${oneLine(add2.stderr)}`);
  const doc1 = cli(['doctor', '--data', file]);
  check('CLI: doctor passes after space returns', doc1.code === 0, oneLine(doc1.stdout + doc1.stderr));

  // 3. the app's import of 60 rows on a full disk (the journal)
  const s = 'app';
  tmux.run('new-session', '-d', '-s', s, '-x', '100', '-y', '30', `env -u CI LANG=C.UTF-8 ${JSON.stringify(process.execPath)} ${JSON.stringify(FAULT_BIN)} --data ${JSON.stringify(file)} --lang en; echo EXIT=$?; sleep 60`);
  const opened = await tmux.waitFor(s, /Customers \d+ of \d+/, 15000, 20);
  if (!opened.match) throw new Error(`the app did not open: ${opened.screen}`);
  fillTo(6000); // a page or so for the journal: part of the batch
  tmux.run('send-keys', '-t', s, ':');
  await tmux.waitFor(s, /Command palette/, 5000);
  tmux.run('send-keys', '-t', s, '-l', 'Import');
  await tmux.waitFor(s, /Import customers from a file/, 5000);
  tmux.run('send-keys', '-t', s, 'Enter');
  await tmux.waitFor(s, /File to import/, 5000);
  tmux.run('send-keys', '-t', s, 'C-u');
  tmux.run('send-keys', '-t', s, '-l', sixty);
  tmux.run('send-keys', '-t', s, 'Enter');
  await tmux.waitFor(s, /Enter import/, 5000);
  tmux.run('send-keys', '-t', s, 'Enter');
  const failed = await tmux.waitFor(s, /Could not save|no space|ENOSPC/i, 8000);
  check('app import on a full disk: the error is on screen', !!failed.match, failed.screen.trim().split('\n').slice(-3).join(' | '));
  const seen = countNamed('新生');
  check('app import on a full disk: a reader sees all 60 rows or none', seen === 0 || seen === 60, `reader saw ${seen}`);
  spaceReturns();
  tmux.run('send-keys', '-t', s, 'n');
  await tmux.waitFor(s, /New Customers/, 5000);
  tmux.run('send-keys', '-t', s, '-l', '满盘之后');
  tmux.run('send-keys', '-t', s, 'C-s');
  const created = await tmux.waitFor(s, /Created (C\d{4})/, 5000);
  check('app: after space returns the next edit is acknowledged', !!created.match);
  await sleep(500);
  const kept = countNamed('满盘之后');
  check('app: a reader sees that edit while the app runs', kept === 1, String(kept));
  const doc2 = cli(['doctor', '--data', file]);
  check('app: doctor passes while the app runs', doc2.code === 0, oneLine(doc2.stdout + doc2.stderr));
  tmux.run('send-keys', '-t', s, 'q');
  await tmux.waitFor(s, /EXIT=/, 10000);
  const doc3 = cli(['doctor', '--data', file]);
  check('app: doctor passes after quit', doc3.code === 0, oneLine(doc3.stdout + doc3.stderr));
  const after = countNamed('满盘之后');
  check('app: the edit is kept after quit', after === 1, String(after));
  const rows = countNamed('新生');
  check('app: after quit the 60 rows are all there or none', rows === 0 || rows === 60, String(rows));
  check('no temp file left', strayFiles(file).length === 0, strayFiles(file).join(', '));
} finally {
  tmux.tryRun('kill-server');
  try {
    execFileSync('umount', [mnt]);
  } catch {
    /* busy: left for the next boot */
  }
  fs.rmSync(root, { recursive: true, force: true });
}
const failedChecks = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failedChecks} of ${results.length} checks passed`);
process.exitCode = failedChecks ? 1 : 0;
