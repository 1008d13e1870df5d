// Benchmark (not a test): time and peak memory of `hotel-crm import` on generated files.
//   tsx scripts/bench-import.ts [--rows 1000000] [--json-keys 20000] [--bin dist/hotel-crm.js] [--dry-run]
// --dry-run also measures the CSV import without its save (reading and checking alone).
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

function run(label: string, file: string, count: number, extra: string[] = []): void {
  const ws = path.join(dir, `${label.replace(/\W+/g, '-')}.json`);
  spawnSync(process.execPath, [bin, 'init', '--data', ws]);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'import', 'customers', file, '--data', ws, ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const el = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const secs = el ? Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]) : NaN;
  const size = fs.statSync(file).size / 1e6;
  console.log(`${label}: ${count} rows, ${size.toFixed(1)} MB, exit ${r.status}, ${secs.toFixed(1)} s, ${Math.round(count / secs)} rows/s, peak RSS ${rss.toFixed(0)} MiB`);
  if (r.status !== 0) console.log(r.stderr.split('\n').filter((l) => !l.startsWith('\t')).slice(-6).map((l) => l.slice(0, 200)).join('\n'));
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
fs.rmSync(dir, { recursive: true, force: true });
