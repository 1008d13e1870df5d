// Benchmark (not a test): every report kind of scripts/bench-report-kinds.ts on generated
// workspaces, beside sqlite3 computing the same figures on the same data in the same run.
//   node --max-old-space-size=12000 --import tsx scripts/bench-reports.ts [--sizes 25000x70000,100000x1000000] [--runs 5] [--cli-runs 3]
//                                    [--bin dist/hotel-crm.js] [--keep DIR] [--no-breakdown] [--only KIND,KIND]
// For each size: the workspace file (written directly, as an import would leave it) and a
// sqlite3 database of the same customers and orders. Then, per kind:
// - computation: the service over an open Repo, in this process, median of --runs;
// - sqlite3: the kind's SQL on the database (already loaded, indexes none), median of --runs;
// - whole command: the built CLI `report KIND --json`, load included, median of --cli-runs
//   (which find the checked mark of the run before them), and apart its first run, which checks
//   every record (a file written by another program or edited by hand),
//   wall clock and CPU (the machine is shared: CPU says what the command itself costs).
// Also where the whole command's time goes: reading + JSON.parse, and the zod check of records.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyWorkspace } from '../src/domain/workspace.js';
import { Repo } from '../src/services/repo.js';
import { openStore } from '../src/storage/store.js';
import { parseWorkspaceText } from '../src/storage/store.js';
import { BENCH_KINDS } from './bench-report-kinds.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const sizes = arg('--sizes', '25000x70000,100000x1000000').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const runs = Number(arg('--runs', '5'));
// --only churn,value: the kinds whose name starts with one of these
const only = arg('--only', '').split(',').filter(Boolean);
const cliRuns = Number(arg('--cli-runs', '3'));
const bin = path.resolve(arg('--bin', 'dist/hotel-crm.js'));
if (!fs.existsSync(bin)) throw new Error(`${bin} missing: run npm run build first`);
const dir = arg('--keep', '') || fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reports-'));
fs.mkdirSync(dir, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** mulberry32: the same data on every run */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ['online', 'phone', 'walkin', 'referral', 'agency', 'corporate', 'fair', 'ad'];
const STATUS = ['confirmed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'cancelled'];

/** The workspace file and the CSV files for sqlite3, written as they are made (1M orders are
 *  ~400 MB of JSON: never one string). */
function generate(nc: number, no: number, base: string) {
  const rnd = prng(nc * 31 + no);
  const day0 = Date.UTC(2023, 0, 1);
  const dayText = (d: number) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
  const ws = emptyWorkspace('2026-01-01T00:00:00.000Z') as unknown as Record<string, unknown>;
  ws.customers = [];
  ws.orders = [];
  const head = JSON.stringify(ws);
  const wsFile = `${base}.json`;
  const fd = fs.openSync(wsFile, 'w');
  // everything but the two big lists, then the lists written in chunks
  fs.writeSync(fd, head.slice(0, head.lastIndexOf('}')).replace(/,"customers":\[\]/, '').replace(/,"orders":\[\]/, ''));
  const cCsv = fs.openSync(`${base}-customers.csv`, 'w');
  const oCsv = fs.openSync(`${base}-orders.csv`, 'w');
  fs.writeSync(cCsv, 'id,source,ownerId,created\n');
  fs.writeSync(oCsv, 'id,cid,date,fen,status,pay\n');
  let buf: string[] = [];
  let csv: string[] = [];
  const flush = (f: number, c: number) => {
    if (buf.length) fs.writeSync(f, buf.join(','));
    if (csv.length) fs.writeSync(c, csv.join(''));
  };
  fs.writeSync(fd, ',"customers":[');
  for (let i = 1; i <= nc; i++) {
    const id = `C${String(i).padStart(4, '0')}`;
    const created = `${dayText(Math.floor(rnd() * 1000))}T02:00:00.000Z`;
    const source = SOURCES[Math.floor(rnd() * SOURCES.length)];
    buf.push(JSON.stringify({ id, name: `客户${i}`, kind: 'individual', stage: 'first', phone: `1${3_800_000_000 + i}`, source, ownerId: 'E0001', tags: [], stageHistory: [], createdAt: created, updatedAt: created }));
    csv.push(`${id},${source},E0001,${created}\n`);
    if (buf.length >= 5000) {
      fs.writeSync(fd, (i > buf.length ? ',' : '') + buf.join(','));
      fs.writeSync(cCsv, csv.join(''));
      buf = [];
      csv = [];
    }
  }
  if (buf.length) fs.writeSync(fd, (nc > buf.length ? ',' : '') + buf.join(','));
  if (csv.length) fs.writeSync(cCsv, csv.join(''));
  buf = [];
  csv = [];
  fs.writeSync(fd, '],"orders":[');
  // a tenth of the customers never buy; the others' orders skew to the first ones (repeat guests)
  const buyers = Math.max(1, Math.floor(nc * 0.9));
  let written = 0;
  for (let k = 1; k <= no; k++) {
    const id = `D${String(k).padStart(4, '0')}`;
    const c = 1 + Math.floor(buyers * rnd() ** 1.5);
    const date = dayText(Math.floor(rnd() * 1000));
    const fen = rnd() < 0.03 ? 0 : (1 + Math.floor(rnd() * 2000)) * 100 + Math.floor(rnd() * 100);
    const status = STATUS[Math.floor(rnd() * STATUS.length)];
    const pay = rnd() < 0.02 ? 'refunded' : 'paid';
    const at = `${date}T03:00:00.000Z`;
    buf.push(JSON.stringify({ id, customerId: `C${String(c).padStart(4, '0')}`, type: 'room', date, status, paymentStatus: pay, total: fen, items: [{ description: '订单金额 Amount', qty: 1, unitPrice: fen }], ownerId: 'E0001', createdAt: at, updatedAt: at }));
    csv.push(`${id},C${String(c).padStart(4, '0')},${date},${fen},${status},${pay}\n`);
    if (buf.length >= 5000) {
      fs.writeSync(fd, (written ? ',' : '') + buf.join(','));
      fs.writeSync(oCsv, csv.join(''));
      written += buf.length;
      buf = [];
      csv = [];
    }
  }
  if (buf.length) fs.writeSync(fd, (written ? ',' : '') + buf.join(','));
  if (csv.length) fs.writeSync(oCsv, csv.join(''));
  fs.writeSync(fd, `],"counters":${JSON.stringify({ ...(ws.counters as object), customers: nc, orders: no })}}`);
  fs.closeSync(fd);
  fs.closeSync(cCsv);
  fs.closeSync(oCsv);
  void flush;
  return wsFile;
}

function sqliteLoad(base: string): string {
  const db = `${base}.db`;
  fs.rmSync(db, { force: true });
  const sql = `.mode csv\n.import ${base}-customers.csv customers\n.import ${base}-orders.csv orders_raw\nCREATE TABLE orders AS SELECT id, cid, date, CAST(fen AS INTEGER) AS fen, status, pay FROM orders_raw;\nDROP TABLE orders_raw;\n`;
  const t = performance.now();
  const r = spawnSync('sqlite3', [db], { input: sql, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  console.log(`  sqlite3 load (CSV import, once): ${ms(performance.now() - t)}`);
  return db;
}

/** the query's wall and CPU time (sqlite3's .timer: real, user, sys per statement, summed) */
function sqliteTime(db: string, sql: string): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('sqlite3', [db], { input: `.timer on\n${sql}\n`, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    let wall = 0;
    let cpu = 0;
    for (const m of r.stdout.matchAll(/Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/g)) {
      wall += Number(m[1]);
      cpu += Number(m[2]) + Number(m[3]);
    }
    walls.push(wall * 1000);
    cpus.push(cpu * 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** The whole command: its first run on a file no run has marked as checked (every record is
 *  checked, as after a hand edit or another program's write: src/storage/checked-mark.ts),
 *  apart; then the median of --cli-runs, which find the mark the first one left. */
function cliTime(file: string, args: string[]): { wall: number; cpu: number; ok: boolean; firstCpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  let ok = true;
  fs.rmSync(path.join(path.dirname(file), `.${path.basename(file)}.checked`), { force: true });
  let firstCpu = NaN;
  for (let i = -1; i < cliRuns; i++) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'report', ...args, '--json', '--data', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    ok &&= r.status === 0;
    const el = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    walls.push(el ? (Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3])) * 1000 : NaN);
    const cpu = (Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0)) * 1000;
    if (r.status !== 0) console.log(r.stderr.split('\n').slice(0, 4).join('\n'));
    if (i < 0) {
      firstCpu = cpu;
      walls.pop();
      continue;
    }
    cpus.push(cpu);
  }
  return { wall: median(walls), cpu: median(cpus), ok, firstCpu };
}

for (const [nc, no] of sizes) {
  console.log(`\n== ${nc} customers, ${no} orders ==`);
  const base = path.join(dir, `ws-${nc}-${no}`);
  let t = performance.now();
  const file = fs.existsSync(`${base}.json`) ? `${base}.json` : generate(nc, no, base);
  console.log(`  workspace ${(fs.statSync(file).size / 1e6).toFixed(0)} MB (generated in ${ms(performance.now() - t)})`);
  const db = fs.existsSync(`${base}.db`) ? `${base}.db` : sqliteLoad(base);
  // where loading goes: the file read and JSON.parse, then the zod check of every record
  if (!process.argv.includes('--no-breakdown')) {
    t = performance.now();
    const text = fs.readFileSync(file, 'utf8');
    const tRead = performance.now() - t;
    t = performance.now();
    const raw = JSON.parse(text);
    const tParse = performance.now() - t;
    t = performance.now();
    parseWorkspaceText({ raw }, file);
    const tZod = performance.now() - t;
    console.log(`  load (in this process): read ${ms(tRead)}, JSON.parse ${ms(tParse)}, zod check of every record ${ms(tZod)}`);
  }
  const store = await openStore(file, {});
  const repo = new Repo(store.data);
  // CPU time beside the wall clock: on a shared machine the wall clock measures the neighbours
  console.log('  kind                               compute cpu (wall)   sqlite3 cpu (wall)  ratio | whole command wall / cpu (first read, every record checked: cpu)');
  for (const k of BENCH_KINDS) {
    if (only.length && !only.some((o) => k.name.startsWith(o))) continue;
    k.compute(repo); // warm: the JIT, and the first build of any index
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const s = performance.now();
      k.compute(repo);
      walls.push(performance.now() - s);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
    }
    const ours = { wall: median(walls), cpu: median(cpus) };
    const sql = sqliteTime(db, k.sql);
    const cli = k.cli && cliRuns > 0 ? cliTime(file, k.cli) : undefined;
    const pair = (x: { wall: number; cpu: number }) => `${ms(x.cpu)} (${ms(x.wall)})`;
    console.log(`  ${k.name.padEnd(34).slice(0, 34)} ${pair(ours).padStart(20)} ${pair(sql).padStart(20)} ${(ours.cpu / Math.max(sql.cpu, 0.1)).toFixed(2).padStart(5)}x | ${cli ? `${ms(cli.wall)} / ${ms(cli.cpu)} (first ${ms(cli.firstCpu)})${cli.ok ? '' : ' (FAILED)'}` : '-'}`);
  }
  await store.close?.({ compact: false });
}
if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
