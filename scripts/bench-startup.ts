// Benchmark (not a test): the fixed cost of a CLI command, two builds in alternating pairs (the
// machine is shared: pairs cancel its drift). Usage:
//   tsx scripts/bench-startup.ts --a OTHER/dist/hotel-crm.js [--b dist/hotel-crm.js] [--runs 15] [--keep-ca]
// Cases: `--version`; a one-row GBK order import with --create-missing on a fresh workspace;
// `list customers` on the demo workspace. Medians of wall and CPU (user+sys, /usr/bin/time) and
// the median of the pairs' ratios b/a. Build each side into its own folder (a worktree of the
// other commit, `npm run build` there); a dist/ outside a "type": "module" package is read with
// Node's module-syntax detection, a second compile of every chunk.
// NODE_EXTRA_CA_CERTS (set on some machines, not on the course's server) makes every node
// process parse that CA bundle at start (~60 ms here): unset for both sides unless --keep-ca.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';

const arg = (name: string, def?: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const a = path.resolve(arg('--a') ?? '');
const b = path.resolve(arg('--b', 'dist/hotel-crm.js')!);
const runs = Number(arg('--runs', '15'));
for (const bin of [a, b]) if (!fs.existsSync(bin)) throw new Error(`${bin} missing (--a names the other build's dist/hotel-crm.js)`);
const env = { ...process.env };
if (!process.argv.includes('--keep-ca')) delete env.NODE_EXTRA_CA_CERTS;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
const csv = path.join(dir, 'one.csv');
fs.writeFileSync(csv, iconv.encode('客户编号,下单日期,购买数量,订单金额\r\n00001,1997/1/1,1,10.00\r\n', 'gbk'));

/** one run of the built CLI: wall and CPU seconds, and what it printed (compared across builds) */
function timed(bin: string, args: string[]): { wall: number; cpu: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '@@%e %U %S', process.execPath, bin, ...args], { encoding: 'utf8', env });
  const m = /@@([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing from /usr/bin/time: ${r.stderr.slice(-300)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), out: `${r.status} ${r.stdout}${r.stderr.slice(0, m.index)}` };
}
const quiet = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, stdio: 'ignore' });

const CASES: Record<string, (bin: string, side: string) => { wall: number; cpu: number; out: string }> = {
  version: (bin) => timed(bin, ['--version']),
  'import one row': (bin, side) => {
    const ws = path.join(dir, `import-${side}.json`);
    for (const f of [ws, path.join(dir, `.import-${side}.json.checked`)]) fs.rmSync(f, { force: true });
    quiet(bin, ['init', '--data', ws]);
    return timed(bin, ['import', 'orders', csv, '--data', ws, '--create-missing', '--set', 'paymentStatus=paid']);
  },
  'list customers (demo)': (bin, side) => {
    const ws = path.join(dir, `demo-${side}.json`);
    if (!fs.existsSync(ws)) quiet(bin, ['init', '--demo', '--data', ws]);
    return timed(bin, ['list', 'customers', '--data', ws]);
  },
};

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
console.log(`a: ${a}\nb: ${b}\n${runs} pairs each${env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS kept)' : ''}`);
for (const [name, run] of Object.entries(CASES)) {
  const A: ReturnType<typeof run>[] = [];
  const B: ReturnType<typeof run>[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      B.push(run(b, 'b'));
      A.push(run(a, 'a'));
    } else {
      A.push(run(a, 'a'));
      B.push(run(b, 'b'));
    }
  }
  const ratio = (k: 'wall' | 'cpu') => median(A.map((x, i) => B[i][k] / Math.max(x[k], 0.001))).toFixed(3);
  const same = new Set([...A, ...B].map((x) => x.out.replace(/\/[\w./-]*bench-startup-\w+\/\S*/g, 'FILE'))).size === 1;
  console.log(
    `${name.padEnd(22)} a: ${ms(median(A.map((x) => x.wall)))} wall, ${ms(median(A.map((x) => x.cpu)))} CPU | ` +
      `b: ${ms(median(B.map((x) => x.wall)))} wall, ${ms(median(B.map((x) => x.cpu)))} CPU | b/a wall ${ratio('wall')} CPU ${ratio('cpu')}${same ? '' : ' | OUTPUTS DIFFER'}`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
