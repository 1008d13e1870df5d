// Benchmark (not a test): start-up, keypress-to-frame, peak memory, idle CPU and save time of
// the built app in a pseudo-terminal, on the demo workspace and on 100 000 customers, against
// a bundled Ink hello world measured in the same run. Usage: npm run bench [-- --runs N] [--only demo]
// (--only demo: the hello world and the demo workspace only, a run of seconds while iterating)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleOptions } from './esbuild-options.mjs';
import { generateWorkspace } from './demo-generator.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'demo') throw new Error(`--only takes "demo", not ${only}`);
const full = only === undefined;
const out = path.resolve('bench-out');
fs.mkdirSync(out, { recursive: true });
const bin = path.resolve('dist/hotel-crm.js');
if (!fs.existsSync(bin)) throw new Error('run npm run build first');

await build(bundleOptions({ hello: 'scripts/bench-hello.tsx' }, out));
const demo = path.join(out, 'demo.json');
const big = path.join(out, 'big.json');
fs.rmSync(demo, { force: true });
execFileSync(process.execPath, [bin, 'init', '--demo', '--data', demo]);
if (full && !fs.existsSync(big)) {
  const t = Date.now();
  fs.writeFileSync(big, JSON.stringify(generateWorkspace({ customers: 100_000, related: false })), { mode: 0o600 });
  console.error(`generated 100k workspace in ${Date.now() - t} ms (${(fs.statSync(big).size / 1e6).toFixed(1)} MB)`);
}

interface Probe { first_frame_ms: number; key_ms: number[]; idle_ticks?: number; save_ms?: number; peak_rss_mib: number }
function probe(args: string[], cmd: string[]): Probe {
  const res = execFileSync('python3', [path.resolve('scripts/pty_probe.py'), ...args, '--', ...cmd], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  return JSON.parse(res) as Probe;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] : NaN;
};
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

const moves = JSON.stringify([...Array(30)].map(() => 'j'));
const typing = JSON.stringify(['/', 'w', 'a', 'n', 'g', '\u007f', '\u007f', '\u007f', '\u007f', 'x']);
const app = (data: string) => [process.execPath, bin, '--data', data, '--lang', 'en'];

const hello: Probe[] = [];
const small: Probe[] = [];
const large: Probe[] = [];
for (let i = 0; i < runs; i++) {
  hello.push(probe(['--marker', 'Hello'], [process.execPath, path.join(out, 'hello.js')]));
  small.push(probe(['--marker', 'j/k move', '--keys', moves], app(demo)));
  if (full) large.push(probe(['--marker', 'j/k move', '--keys', moves], app(big)));
}
// filters are typed after a person has looked at the list for 2 s (and at once, the worst case)
const smallFilter = probe(['--marker', 'j/k move', '--keys', typing, '--gap', '0.05', '--pause', '2'], app(demo));
// the rest only in a full run
const rest = full ? measureRest() : undefined;
function measureRest() {
  const largeFilter = probe(['--marker', 'j/k move', '--keys', typing, '--gap', '0.05', '--pause', '2'], app(big));
  const largeFilterAtOnce = probe(['--marker', 'j/k move', '--keys', typing, '--gap', '0.05'], app(big));
  // V8 shrinks its heap a few seconds after start (seen in the hello world too): idle is measured after
  const idle = probe(['--marker', 'j/k move', '--idle', '10', '--settle', '15'], app(demo));
  const helloIdle = probe(['--marker', 'Hello', '--idle', '10', '--settle', '15'], [process.execPath, path.join(out, 'hello.js')]);
  // an edit a person makes after looking at the screen (3 s: the record check after start is done)
  const saveSmall = probe(['--marker', 'j/k move', '--pause', '3', '--save-keys', JSON.stringify(['t', '\r']), '--save-file', `${demo}.journal`], app(demo));
  const saveLarge = probe(['--marker', 'j/k move', '--pause', '3', '--save-keys', JSON.stringify(['t', '\r']), '--save-file', `${big}.journal`], app(big));

  // import: a 100 000-row class spreadsheet as an instructor has it (Chinese headers, labels, slashed dates)
  const ws100 = JSON.parse(fs.readFileSync(big, 'utf8')) as { customers: Record<string, string>[] };
  const SOURCE: Record<string, string> = { online: '网络', phone: '电话', walkin: '到店', referral: '老客户介绍', agency: '旅行社', corporate: '协议单位', fair: '展会', ads: '广告', other: '其他' };
  const cell = (s: unknown) => (s === undefined ? '' : /[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const sheet = path.join(out, 'class.csv');
  fs.writeFileSync(
    sheet,
    ['客户名称,手机,座机,公司,城市,客户来源,生日,客户阶段']
      .concat(ws100.customers.map((c) => [c.name, c.phone, c.tel, c.company, c.city, SOURCE[c.source], c.birthday?.replace(/-0?/g, '/'), c.stage].map(cell).join(',')))
      .join('\r\n') + '\r\n',
  );
  const importRuns: number[] = [];
  const sqliteRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = path.join(out, 'import.json');
    fs.rmSync(target, { force: true });
    execFileSync(process.execPath, [bin, 'init', '--data', target]);
    let t = performance.now();
    execFileSync(process.execPath, [bin, 'import', 'customers', sheet, '--data', target, '--on-duplicate', 'skip'], { stdio: 'ignore' });
    importRuns.push(performance.now() - t);
    const db = path.join(out, 'import.db');
    fs.rmSync(db, { force: true });
    t = performance.now();
    try {
      execFileSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${sheet} c`], { stdio: 'ignore' });
      sqliteRuns.push(performance.now() - t);
    } catch {
      /* sqlite3 is not installed: apt-get install sqlite3 to compare */
    }
  }
  return { largeFilter, largeFilterAtOnce, idle, helloIdle, saveSmall, saveLarge, importRuns, sqliteRuns };
}

const hf = median(hello.map((p) => p.first_frame_ms));
const helloRss = median(hello.map((p) => p.peak_rss_mib));
const demoRss = median(small.map((p) => p.peak_rss_mib));
const rows: [string, string][] = [
  ['runs', String(runs)],
  ['Ink hello world (bundled): first frame ms (median)', f(hf)],
  ['Ink hello world: peak RSS MiB (median)', f(helloRss)],
  ['demo (200 customers): first frame ms (median)', f(median(small.map((p) => p.first_frame_ms)))],
  ['demo: first frame / hello world', f(median(small.map((p) => p.first_frame_ms)) / hf)],
  ['demo: list move key-to-frame ms median / p95', `${f(median(small.flatMap((p) => p.key_ms)))} / ${f(p95(small.flatMap((p) => p.key_ms)))}`],
  ['demo: filter keystroke key-to-frame ms median / p95', `${f(median(smallFilter.key_ms))} / ${f(p95(smallFilter.key_ms))}`],
  ['demo: peak RSS MiB (median)', f(demoRss)],
  ['demo: peak RSS / hello world', (demoRss / helloRss).toFixed(2)],
  ['demo: peak RSS while filtering MiB', f(smallFilter.peak_rss_mib)],
];
if (rest) {
  const { largeFilter, largeFilterAtOnce, idle, helloIdle, saveSmall, saveLarge, importRuns, sqliteRuns } = rest;
  rows.push(
    ['demo: CPU ticks in 10 s idle (after 15 s) / hello world', `${idle.idle_ticks} / ${helloIdle.idle_ticks}`],
    ['demo: save after one edit (journal append) ms', f(saveSmall.save_ms ?? NaN)],
    ['100k customers: first frame ms (median)', f(median(large.map((p) => p.first_frame_ms)))],
    ['100k: list move key-to-frame ms median / p95', `${f(median(large.flatMap((p) => p.key_ms)))} / ${f(p95(large.flatMap((p) => p.key_ms)))}`],
    ['100k: filter keystroke key-to-frame ms median / p95', `${f(median(largeFilter.key_ms))} / ${f(p95(largeFilter.key_ms))}`],
    ['100k: filter typed right after start ms median / max', `${f(median(largeFilterAtOnce.key_ms))} / ${f(Math.max(...largeFilterAtOnce.key_ms))}`],
    ['100k: peak RSS MiB (median)', f(median(large.map((p) => p.peak_rss_mib)))],
    ['100k: save after one edit (journal append) ms', f(saveLarge.save_ms ?? NaN)],
    ['import 100 000-row CSV (whole command: read, check, write) ms (median)', f(median(importRuns))],
    ['import rows/s', f(100_000 / (median(importRuns) / 1000))],
    ['sqlite3 .import of the same file ms (median)', f(median(sqliteRuns))],
    ['import / sqlite3', f(median(importRuns) / median(sqliteRuns))],
  );
}
const w = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
