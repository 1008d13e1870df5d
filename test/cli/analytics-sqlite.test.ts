// RFM and the pyramid checked against an independent computation: 10k customers and 50k orders
// generated as CSV, imported with the built CLI, reported with `report rfm|pyramid --write
// --json`; the same CSV files loaded into sqlite3, the segments and layers computed in SQL.
// Counts and fen sums per segment and layer must be equal, and so must every customer's
// segment and layer (150 customers tie at the top across the VIP cut: the code decides,
// 'C10000' before 'C9851' in code order, in both).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

const SQLITE = '/usr/bin/sqlite3';
const N = 10_000;
const M = 50_000;
const TIED = 150;

function generate(dir: string) {
  let seed = 2026;
  // mulberry32: small, deterministic, well spread
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const id = (i: number) => `C${String(i).padStart(4, '0')}`;
  const c = ['id,name,phone'];
  for (let i = 1; i <= N; i++) c.push(`${id(i)},客户${i},1${3_800_000_000 + i}`);
  const o = ['customerId,date,total,status,paymentStatus'];
  // customers 9551..9850 buy nothing (or only what is cancelled); 9851..10000 buy once, the same
  for (let k = 0; k < M - TIED; k++) {
    const i = 1 + Math.floor(rnd() * (N - 2 * TIED - TIED));
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 900) * 86_400_000).toISOString().slice(0, 10);
    const x = rnd();
    // zero-amount orders, whole hundreds (ties in the sums), and fen
    const total = x < 0.05 ? '0' : x < 0.5 ? String((1 + Math.floor(rnd() * 20)) * 100) : (rnd() * 5000).toFixed(2);
    const y = rnd();
    const status = y < 0.05 ? 'cancelled' : y < 0.5 ? 'completed' : 'confirmed';
    o.push(`${id(i)},${day},${total},${status},${rnd() < 0.03 ? 'refunded' : 'paid'}`);
  }
  o.push(`${id(N - 2 * TIED)},2025-01-01,1000,cancelled,paid`);
  for (let i = N - TIED + 1; i <= N; i++) o.push(`${id(i)},2025-06-01,99999,completed,paid`);
  fs.writeFileSync(path.join(dir, 'c.csv'), c.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'o.csv'), o.join('\n') + '\n');
}

// the course's definitions, in SQL: purchases are orders neither cancelled nor refunded; as of
// the day after the last one; strict comparisons with the means on integers (x·n vs sum)
const SQL = `
.mode csv
.import c.csv c
.import o.csv o_raw
CREATE TABLE o AS SELECT customerId AS cid, date, CAST(round(CAST(total AS REAL) * 100) AS INTEGER) AS fen, status, paymentStatus AS pay FROM o_raw;
CREATE TABLE p AS SELECT cid, date, fen FROM o WHERE status <> 'cancelled' AND pay <> 'refunded' AND cid IN (SELECT id FROM c);
CREATE TABLE m AS SELECT cid, CAST(julianday((SELECT date(max(date), '+1 day') FROM p)) - julianday(max(date)) AS INTEGER) AS r, count(*) AS f, sum(fen) AS mon FROM p GROUP BY cid;
CREATE TABLE seg AS SELECT cid, CASE WHEN m.r * s.n < s.sr THEN '1' ELSE '0' END || CASE WHEN m.f * s.n > s.sf THEN '1' ELSE '0' END || CASE WHEN m.mon * s.n > s.sm THEN '1' ELSE '0' END AS code, mon
  FROM m, (SELECT count(*) AS n, sum(r) AS sr, sum(f) AS sf, sum(mon) AS sm FROM m) AS s;
CREATE TABLE lay AS WITH n AS (SELECT count(*) AS n FROM m),
  v AS (SELECT min((n * 100 + 9999) / 10000, n) AS v, n FROM n),
  k AS (SELECT v, min((n * 400 + 9999) / 10000, n - v) AS k, n FROM v),
  cut AS (SELECT v, k, min((n * 1500 + 9999) / 10000, n - v - k) AS o FROM k),
  ranked AS (SELECT cid, mon, ROW_NUMBER() OVER (ORDER BY mon DESC, cid ASC) AS rk FROM m)
  SELECT cid, CASE WHEN rk <= v THEN 'vip' WHEN rk <= v + k THEN 'key' WHEN rk <= v + k + o THEN 'ordinary' ELSE 'small' END AS layer, mon FROM ranked, cut;
.mode list
.separator ,
SELECT 'seg', code, count(*), sum(mon) FROM seg GROUP BY code;
SELECT 'lay', layer, count(*), sum(mon) FROM lay GROUP BY layer;
SELECT 'cust', c.id, coalesce(seg.code, ''), coalesce(lay.layer, '') FROM c LEFT JOIN seg ON seg.cid = c.id LEFT JOIN lay ON lay.cid = c.id;
`;

describe('RFM and the pyramid against sqlite3', () => {
  it('agree on every segment, layer and customer for 10k customers and 50k orders', (ctx) => {
    if (!fs.existsSync(SQLITE)) ctx.skip();
    const dir = tmpDir();
    generate(dir);
    const data = ['--data', path.join(dir, 'w.json')];
    const ok = (args: string[]) => {
      const r = runBin([...args, ...data]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    ok(['init']);
    ok(['import', 'customers', path.join(dir, 'c.csv')]);
    ok(['import', 'orders', path.join(dir, 'o.csv')]);
    const rfm = JSON.parse(ok(['report', 'rfm', '--write', '--json']));
    const pyr = JSON.parse(ok(['report', 'pyramid', '--write', '--json']));
    // the records as written (a file: 10k records are more than a pipe's buffer here)
    ok(['export', 'customers', '--format', 'json', '--out', path.join(dir, 'customers.json')]);
    const customers = JSON.parse(fs.readFileSync(path.join(dir, 'customers.json'), 'utf8')) as { id: string; rfmSegment?: string; pyramidLayer?: string }[];

    const q = spawnSync(SQLITE, [':memory:'], { cwd: dir, input: SQL, encoding: 'utf8' });
    expect(q.stderr).toBe('');
    const lines = q.stdout.trim().split('\n').map((l) => l.split(','));
    const sqlSeg = Object.fromEntries(lines.filter((l) => l[0] === 'seg').map((l) => [l[1], [Number(l[2]), Number(l[3])]]));
    const sqlLay = Object.fromEntries(lines.filter((l) => l[0] === 'lay').map((l) => [l[1], [Number(l[2]), Number(l[3])]]));
    const fen = (yuan: number) => Math.round(yuan * 100);

    const ourSeg = Object.fromEntries(rfm.segments.filter((s: { customers: number }) => s.customers > 0).map((s: { code: string; customers: number; monetary: number }) => [s.code, [s.customers, fen(s.monetary)]]));
    expect(ourSeg).toEqual(sqlSeg);
    expect(Object.keys(ourSeg).length).toBeGreaterThanOrEqual(6);
    const ourLay = Object.fromEntries(pyr.layers.filter((l: { customers: number }) => l.customers > 0).map((l: { code: string; customers: number; revenue: number }) => [l.code, [l.customers, fen(l.revenue)]]));
    expect(ourLay).toEqual(sqlLay);
    expect(rfm.customers + rfm.withoutPurchases).toBe(N);
    expect(rfm.withoutPurchases).toBeGreaterThanOrEqual(2 * TIED);

    // every customer, as written to the records, as SQL has them
    const sqlCust = new Map(lines.filter((l) => l[0] === 'cust').map((l) => [l[1], `${l[2]}/${l[3]}`]));
    const ours = new Map(customers.map((c) => [c.id, `${c.rfmSegment ?? ''}/${c.pyramidLayer ?? ''}`]));
    expect(ours.size).toBe(N);
    const differ = [...ours].filter(([id, v]) => sqlCust.get(id) !== v);
    expect(differ.slice(0, 5)).toEqual([]);
    // the tie across the VIP cut: split, and by code order
    expect(ours.get('C10000')).toMatch(/\/vip$/);
    expect(ours.get('C9999')).toMatch(/\/key$/);
  }, 180_000);
});
