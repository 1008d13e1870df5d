// Benchmark (not a test): the care reports (churn, value, kpi) on a generated hotel, their
// computation in process and the whole command (loading the workspace included), beside
// sqlite3 computing the same order figures from the same orders in the same run.
//   tsx scripts/bench-care.ts [--customers 100000] [--orders 1000000] [--repeat 3] [--bin dist/hotel-crm.js] [--compute-only]
// Medians of --repeat runs (the machine is shared); CPU time beside the wall clock.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyWorkspace, type Workspace } from '../src/domain/workspace.js';
import { Repo } from '../src/services/repo.js';
import { workspaceChurn } from '../src/services/analytics-churn.js';
import { workspaceValue } from '../src/services/analytics-value.js';
import { workspaceKpi } from '../src/services/analytics-kpi.js';
import { dayNum, dayStr } from '../src/domain/analytics/period.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('--customers', '100000'));
const M = Number(arg('--orders', '1000000'));
const REPEAT = Number(arg('--repeat', '3'));
const bin = path.resolve(arg('--bin', 'dist/hotel-crm.js'));
const AS_OF = '2026-06-30';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-care-'));

/** a small deterministic generator (mulberry32) */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(n: number, m: number): Workspace {
  const r = rng(42);
  const now = '2026-06-30T08:00:00.000Z';
  const ws = emptyWorkspace(now, 'Asia/Shanghai');
  const stages = ['first', 'repeat', 'loyal', 'lost'];
  const levels = ['ordinary', 'close', 'strategic', undefined];
  const types = ['room', 'room', 'room', 'fnb', 'spa', 'mice', 'other'];
  const id = (p: string, i: number) => `${p}${String(i + 1).padStart(4, '0')}`;
  for (let i = 0; i < n; i++) {
    const created = dayStr(dayNum('2024-07-01') + Math.floor(r() * 730));
    ws.customers.push({ id: id('C', i), name: `客户${i}`, kind: 'individual', stage: stages[Math.floor(r() * 4)], relationLevel: levels[Math.floor(r() * 4)], ownerId: 'E0001', tags: [], stageHistory: [], createdAt: `${created}T02:00:00.000Z`, updatedAt: now } as never);
  }
  const start = dayNum('2024-07-01');
  for (let i = 0; i < m; i++) {
    // customers buy unevenly: a power law puts many orders on few customers
    const c = Math.min(n - 1, Math.floor(n * r() ** 2));
    const total = Math.round(r() * 200000);
    const cancelled = r() < 0.03;
    ws.orders.push({ id: id('D', i), customerId: id('C', c), type: types[Math.floor(r() * types.length)], date: dayStr(start + Math.floor(r() * 730)), status: cancelled ? 'cancelled' : 'completed', paymentStatus: 'paid', total, items: [{ description: '订单金额 Amount', qty: 1, unitPrice: total }], ownerId: 'E0001', createdAt: now, updatedAt: now } as never);
  }
  const statuses = ['received', 'investigating', 'resolved', 'closed'];
  for (let i = 0; i < Math.floor(n / 10); i++) {
    const raised = dayStr(start + Math.floor(r() * 730));
    const st = statuses[Math.floor(r() * 4)];
    const resolved = st === 'resolved' || st === 'closed';
    ws.tickets.push({ id: id('W', i), subject: '投诉', customerId: id('C', Math.floor(r() * n)), type: 'complaint', raisedOn: raised, status: st, recoveryCost: Math.round(r() * 20000), createdAt: `${raised}T03:00:00.000Z`, ...(resolved ? { resolvedAt: `${raised}T09:00:00.000Z` } : {}), steps: [], measures: [], updatedAt: now } as never);
  }
  for (let i = 0; i < Math.floor(n / 5); i++) {
    const d = dayStr(start + Math.floor(r() * 730));
    ws.surveys.push({ id: id('V', i), customerId: id('C', Math.floor(r() * n)), date: d, scale: 5, scores: { overall: 1 + Math.floor(r() * 5), quality: 1 + Math.floor(r() * 5) }, createdAt: now, updatedAt: now } as never);
  }
  ws.counters = { ...ws.counters, customers: n, orders: m, tickets: Math.floor(n / 10), surveys: Math.floor(n / 5) };
  return ws;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** median CPU milliseconds of the function (one warm-up run first): on a shared server the
 *  wall clock measures the neighbours too */
function timeIt(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return median(times);
}

function timed(cmd: string, args: string[], input?: string): { secs: number; cpu: number; rss: number; status: number | null; out: string } {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 30 });
  const el = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const secs = el ? Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]) : NaN;
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { secs, cpu, rss, status: r.status, out: r.stdout };
}

// sqlite3 on the same orders: per customer the last and first purchase day, distinct purchase
// days and the gross profit by the default margins (what churn and value need from the orders)
const SQL_CHURN = `SELECT count(*) FROM (SELECT customerId, max(day) AS last, min(day) AS first, count(DISTINCT day) AS n FROM orders WHERE status <> 'cancelled' AND day <= julianday('${AS_OF}') GROUP BY customerId)
  WHERE julianday('${AS_OF}') - last > 180 OR (n > 1 AND (julianday('${AS_OF}') - last) * (n - 1) > 2 * (last - first));`;
const SQL_VALUE = `SELECT count(*), sum(gp) FROM (SELECT customerId, sum(total * CASE type WHEN 'room' THEN 70 WHEN 'fnb' THEN 35 WHEN 'spa' THEN 50 WHEN 'mice' THEN 40 ELSE 30 END) AS gp, count(*) AS n FROM orders WHERE status <> 'cancelled' GROUP BY customerId);`;
const SQL_KPI = `SELECT count(*), sum(n >= 2) FROM (SELECT customerId, count(*) AS n FROM orders WHERE status <> 'cancelled' AND day BETWEEN julianday('2026-06-01') AND julianday('2026-06-30') GROUP BY customerId);`;

function sqlite(ws: Workspace): Record<string, number> {
  const csv = path.join(dir, 'orders.csv');
  fs.writeFileSync(csv, (ws.orders as unknown as Record<string, unknown>[]).map((o) => `${o.customerId},${o.type},${o.date},${o.status},${o.total}`).join('\n') + '\n');
  const db = path.join(dir, 'orders.db');
  fs.rmSync(db, { force: true });
  const load = `CREATE TABLE raw(customerId TEXT, type TEXT, date TEXT, status TEXT, total INTEGER);\n.mode csv\n.import ${csv} raw\nCREATE TABLE orders AS SELECT customerId, type, julianday(date) AS day, status, total FROM raw;\nDROP TABLE raw;\n`;
  spawnSync('sqlite3', [db], { input: load, encoding: 'utf8' });
  const out: Record<string, number> = {};
  for (const [k, q] of Object.entries({ churn: SQL_CHURN, value: SQL_VALUE, kpi: SQL_KPI })) {
    const t: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const r = spawnSync('sqlite3', [db], { input: `.timer on\n${q}\n`, encoding: 'utf8' });
      const m = /Run Time: real [\d.]+ user ([\d.]+) sys ([\d.]+)/.exec(r.stdout);
      t.push((Number(m?.[1]) + Number(m?.[2])) * 1000);
    }
    out[k] = median(t);
  }
  return out;
}

function main() {
  if (!fs.existsSync(bin)) throw new Error(`${bin} missing: run npm run build first`);
  let t0 = performance.now();
  const ws = generate(N, M);
  console.log(`generated ${N} customers, ${M} orders, ${ws.tickets.length} complaints, ${ws.surveys.length} surveys in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const repo = new Repo(ws);
  const inProc = {
    churn: timeIt(() => workspaceChurn(repo, { asOf: AS_OF })),
    value: timeIt(() => workspaceValue(repo)),
    kpi: timeIt(() => workspaceKpi(repo, { from: '2026-06-01', to: '2026-06-30' })),
  };
  const sql = sqlite(ws);
  if (process.argv.includes('--compute-only')) {
    for (const k of ['churn', 'value', 'kpi'] as const) console.log(`${k.padEnd(6)} compute ${inProc[k].toFixed(0)} ms cpu | sqlite3 query ${sql[k].toFixed(0)} ms cpu | ratio ${(inProc[k] / sql[k]).toFixed(2)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const file = path.join(dir, 'workspace.json');
  t0 = performance.now();
  fs.writeFileSync(file, JSON.stringify(ws), { mode: 0o600 });
  console.log(`workspace file ${(fs.statSync(file).size / 1e6).toFixed(0)} MB written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cmds: Record<string, string[]> = {
    churn: ['report', 'churn', '--json', '--as-of', AS_OF],
    value: ['report', 'value', '--json'],
    kpi: ['report', 'kpi', '--json', '--from', '2026-06-01', '--to', '2026-06-30'],
  };
  for (const k of Object.keys(cmds) as (keyof typeof cmds)[]) {
    const runs = Array.from({ length: REPEAT }, () => timed(process.execPath, [bin, ...cmds[k], '--data', file]));
    const bad = runs.find((x) => x.status !== 0);
    const whole = median(runs.map((x) => x.secs));
    const cpu = median(runs.map((x) => x.cpu));
    const rss = Math.max(...runs.map((x) => x.rss));
    const c = inProc[k as keyof typeof inProc];
    const s = sql[k];
    console.log(`${k.padEnd(6)} compute ${c.toFixed(0)} ms cpu | sqlite3 query ${s.toFixed(0)} ms cpu | ratio ${(c / s).toFixed(2)} | whole command ${whole.toFixed(2)} s (cpu ${cpu.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MiB)${bad ? ` EXIT ${bad.status}` : ''}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('bench-care.ts')) main();
