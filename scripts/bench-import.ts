// Benchmark (not a test): time and peak memory of `hotel-crm import` on generated files.
//   tsx scripts/bench-import.ts [--rows 1000000] [--json-keys 20000] [--bin dist/hotel-crm.js] [--dry-run]
//                               [--orders 100000] [--order-customers 25000] [--repeat 3]
// --dry-run also measures the CSV import without its save (reading and checking alone).
// --orders: an order history (GBK, 客户编号,下单日期,购买数量,订单金额) imported with
// --create-missing, so it creates its customers, beside sqlite3's .import of the same rows
// (UTF-8: sqlite3 reads no GBK) plus a customers table made from their distinct codes; each
// run --repeat times on a fresh workspace/database, medians printed (the machine is shared).
// --rows 0 --json-keys 0 --orders 100000 runs the order history alone.
// CSV: N customers with unique mobiles. JSON: one record per distinct key (the quadratic case
// of issue 15). Each run is the built CLI under /usr/bin/time -v, on a fresh workspace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const rows = Number(arg('--rows', '1000000'));
const jsonKeys = Number(arg('--json-keys', '20000'));
const bin = path.resolve(arg('--bin', 'dist/hotel-crm.js'));
if (!fs.existsSync(bin)) throw new Error(`${bin} missing: run npm run build first`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));

function run(label: string, file: string, count: number, extra: string[] = [], entity = 'customers'): { secs: number; cpu: number } {
  const ws = path.join(dir, `${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(ws, { force: true });
  spawnSync(process.execPath, [bin, 'init', '--data', ws]);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'import', entity, file, '--data', ws, ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const el = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const secs = el ? Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]) : NaN;
  const size = fs.statSync(file).size / 1e6;
  // CPU time beside the wall clock: on a shared server the wall clock measures the neighbours
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0);
  console.log(`${label}: ${count} rows, ${size.toFixed(1)} MB, exit ${r.status}, ${secs.toFixed(1)} s (cpu ${cpu.toFixed(1)} s), ${Math.round(count / secs)} rows/s, peak RSS ${rss.toFixed(0)} MiB`);
  if (r.status !== 0) console.log(r.stderr.split('\n').filter((l) => !l.startsWith('\t')).slice(-6).map((l) => l.slice(0, 200)).join('\n'));
  return { secs, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** sqlite3's CSV import of the same rows, and the customers as a table of distinct codes */
function sqlite(file: string): { secs: number; cpu: number } {
  const db = path.join(dir, 'orders.db');
  fs.rmSync(db, { force: true });
  const sql = `.mode csv\n.import ${file} orders\nCREATE TABLE customers AS SELECT DISTINCT "客户编号" AS code FROM orders;\nSELECT count(*) FROM orders;\nSELECT count(*) FROM customers;\n`;
  const r = spawnSync('/usr/bin/time', ['-v', 'sqlite3', db], { input: sql, encoding: 'utf8' });
  const el = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const secs = el ? Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]) : NaN;
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0);
  if (r.status !== 0) console.log(`sqlite3: exit ${r.status} ${r.stderr.slice(0, 200)}`);
  else console.log(`sqlite3 .import: ${r.stdout.trim().split('\n').join(' orders, ')} customers, ${secs.toFixed(2)} s (cpu ${cpu.toFixed(2)} s)`);
  return { secs, cpu };
}

if (rows > 0) {
  const csv = path.join(dir, 'customers.csv');
  const fd = fs.openSync(csv, 'w');
  fs.writeSync(fd, 'name,phone,city,source\n');
  const cities = ['北京', '上海', '广州', '深圳', '杭州'];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `客户${i},1${String(3800000000 + i).padStart(10, '0')},${cities[i % 5]},online\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  if (process.argv.includes('--dry-run')) run('csv --dry-run', csv, rows, ['--dry-run']);
  run('csv', csv, rows);
}
if (jsonKeys > 0) {
  const json = path.join(dir, 'keys.json');
  // every record valid, each with one junk key of its own: the junk must be ignored, fast
  const recs = Array.from({ length: jsonKeys }, (_, i) => ({ name: `N${i}`, phone: `1${String(3900000000 + i)}`, [`k${i}`]: i }));
  fs.writeFileSync(json, JSON.stringify(recs));
  run('json-distinct-keys', json, jsonKeys);
}
const orders = Number(arg('--orders', '0'));
if (orders > 0) {
  const customers = Number(arg('--order-customers', '25000'));
  const repeat = Number(arg('--repeat', '3'));
  const lines = ['客户编号,下单日期,购买数量,订单金额'];
  // every customer orders at least once; amounts to the fen; dates as Excel writes them
  for (let i = 0; i < orders; i++) lines.push(`${String(((i * 7919) % customers) + 1).padStart(5, '0')},${1997 + (i % 2)}/${(i % 12) + 1}/${(i % 28) + 1},${(i % 5) + 1},${Math.floor(((i * 37) % 100000) / 100) + 1}.${String((i * 37) % 100).padStart(2, "0")}`);
  const text = `${lines.join('\r\n')}\r\n`;
  const utf8 = path.join(dir, 'orders-utf8.csv');
  fs.writeFileSync(utf8, text);
  const gbk = path.join(dir, 'orders-gbk.csv');
  const iconv = (await import('iconv-lite')).default;
  fs.writeFileSync(gbk, iconv.encode(text, 'gbk'));
  const ours: { secs: number; cpu: number }[] = [];
  const theirs: { secs: number; cpu: number }[] = [];
  for (let k = 0; k < repeat; k++) {
    // 购买数量 is read: each order gets its line of that quantity (a rounding line where the
    // amount does not divide)
    ours.push(run('orders --create-missing (GBK)', gbk, orders, ['--create-missing', '--set', 'paymentStatus=paid'], 'orders'));
    theirs.push(sqlite(utf8));
  }
  // CPU is the figure to quote (the machine is shared); the wall clock beside it
  const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
  const wall = (xs: { secs: number }[]) => median(xs.map((x) => x.secs));
  console.log(`median of ${repeat}: hotel-crm cpu ${cpu(ours).toFixed(2)} s (wall ${wall(ours).toFixed(2)} s), sqlite3 cpu ${cpu(theirs).toFixed(2)} s (wall ${wall(theirs).toFixed(2)} s), ratio ${(cpu(ours) / Math.max(cpu(theirs), 0.01)).toFixed(1)}x (${orders} order lines, ${customers} customers)`);
}
fs.rmSync(dir, { recursive: true, force: true });
