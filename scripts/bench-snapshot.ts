// Where the time of writing a workspace snapshot goes, piece by piece (store.ts write:
// jsonPieces → UTF-8 into one reused buffer → SHA-256 → writeFileDurably). Usage:
//   npx tsx scripts/bench-snapshot.ts WORKSPACE.json [--repeat 5]
// WORKSPACE: e.g. what `hotel-crm import orders` of scripts/bench-import.ts's file leaves (57 MB).
// Prints the median of each step; the steps run one after the other on the same pieces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jsonPieces } from '../src/storage/json-pieces.js';
import { SnapshotDigest } from '../src/storage/checked-mark.js';
import { writeFileDurably } from '../src/storage/durable-file.js';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) throw new Error('usage: bench-snapshot.ts WORKSPACE.json [--repeat N]');
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 5;
const ws = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-snapshot-')), 'ws.json');
const times: Record<string, number[]> = {};
const time = <R>(step: string, f: () => R): R => {
  const a = performance.now();
  const r = f();
  (times[step] ??= []).push(performance.now() - a);
  return r;
};
let shape = '';
for (let r = 0; r < repeat; r++) {
  const pieces = time('1 JSON.stringify (jsonPieces)', () => [...jsonPieces(ws)]);
  const chunks = time('2 UTF-8 into a reused 4 MB buffer', () => {
    const buf = Buffer.allocUnsafe(4 << 20);
    const all: Buffer[] = [];
    let used = 0;
    for (const p of pieces) {
      if (used + p.length * 3 > buf.length) {
        all.push(Buffer.from(buf.subarray(0, used)));
        used = 0;
      }
      used += buf.write(p, used, 'utf8');
    }
    all.push(Buffer.from(buf.subarray(0, used)));
    return all;
  });
  time('3 SHA-256 (SnapshotDigest)', () => {
    const d = new SnapshotDigest();
    for (const c of chunks) d.update(c);
    return d.hex;
  });
  time('4 write, fsync, rename, fsync folder', () => writeFileDurably(out, chunks));
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  shape = `${(bytes / 1e6).toFixed(1)} MB in ${pieces.length} pieces; ${pieces.filter((p) => /[^\x00-\xff]/.test(p)).length} pieces hold text beyond Latin-1 (two-byte strings)`;
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });
console.log(shape);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const [step, v] of Object.entries(times)) console.log(`${step.padEnd(40)} median ${median(v).toFixed(0).padStart(5)} ms  (min ${Math.min(...v).toFixed(0)})`);
