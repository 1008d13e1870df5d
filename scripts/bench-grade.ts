// Benchmark (not a test): `hotel-crm grade DIR` over a class of submissions (issue 22: 300 in
// under 10 s). One real submission is made (lab start, three saves, lab submit) and copied under
// N student numbers; each run grades the folder with the built CLI under /usr/bin/time, and the
// medians of wall and CPU time are printed beside the Ink-free floor of reading and parsing the
// same files (node reading every file and JSON.parse, in the same run).
//   tsx scripts/bench-grade.ts [--students 300] [--repeat 3] [--bin dist/hotel-crm.js] [--workers N]
// (--workers 0 grades in one thread, as before worker threads; default: the machine's cores)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const students = Number(arg('--students', '300'));
const repeat = Number(arg('--repeat', '3'));
const bin = path.resolve(arg('--bin', 'dist/hotel-crm.js'));
if (!fs.existsSync(bin)) throw new Error(`${bin} missing: run npm run build first`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-grade-'));
const workers = arg('--workers', '');
const env = { ...process.env, XDG_DATA_HOME: path.join(dir, 'home'), LANG: 'en_US.UTF-8', ...(workers ? { HOTEL_CRM_GRADE_WORKERS: workers } : {}) };
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const LAB = 'ch03-products';
cli(['lab', 'start', LAB]);
cli(['add', 'categories', '--name', '亲子客房', '--parentId', 'Y0001', '--lab', LAB]);
cli(['update', 'products', 'G0004', '--price', '138', '--lab', LAB]);
cli(['update', 'products', 'G0005', '--status', 'inactive', '--lab', LAB]);
const one = path.join(dir, 'one');
fs.mkdirSync(one);
cli(['lab', 'submit', LAB, '--to', one]);
const sheet = JSON.parse(fs.readFileSync(path.join(one, fs.readdirSync(one)[0]), 'utf8'));
const sub = path.join(dir, 'class');
fs.mkdirSync(sub);
for (let i = 0; i < students; i++) {
  sheet.student = `2023${String(i).padStart(6, '0')}`;
  fs.writeFileSync(path.join(sub, `${LAB}.${sheet.student}.json`), JSON.stringify(sheet));
}
const bytes = fs.readdirSync(sub).reduce((a, f) => a + fs.statSync(path.join(sub, f)).size, 0);

function timed(cmd: string[]): { wall: number; cpu: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ...cmd], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user + sys };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floorScript = `const fs=require('fs'),p=require('path');const d=process.argv[1];for(const f of fs.readdirSync(d))JSON.parse(fs.readFileSync(p.join(d,f),'utf8'))`;
const grade: { wall: number; cpu: number }[] = [];
const floor: { wall: number; cpu: number }[] = [];
for (let i = 0; i < repeat; i++) {
  grade.push(timed([process.execPath, bin, 'grade', sub, '--out', path.join(dir, 'gradebook.csv')]));
  floor.push(timed([process.execPath, '-e', floorScript, sub]));
}
const rows: [string, string][] = [
  ['submissions', `${students} (${(bytes / 1048576).toFixed(0)} MB)`],
  ['worker threads (HOTEL_CRM_GRADE_WORKERS)', workers || 'cores'],
  ['grade DIR: wall s (median)', median(grade.map((x) => x.wall)).toFixed(2)],
  ['grade DIR: CPU s (median)', median(grade.map((x) => x.cpu)).toFixed(2)],
  ['floor (read + JSON.parse every file): wall s', median(floor.map((x) => x.wall)).toFixed(2)],
  ['grade / floor (CPU)', (median(grade.map((x) => x.cpu)) / median(floor.map((x) => x.cpu))).toFixed(1)],
  ['load average at the end', os.loadavg()[0].toFixed(1)],
];
for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
fs.rmSync(dir, { recursive: true, force: true });
