// Benchmark (not a test): keypress-to-frame in a form field after a 3000-character bracketed
// paste, in the built app in a pseudo-terminal (the defect: seconds per key, a quadratic
// search for the visible window of the field). Usage: npm run build && npx tsx scripts/bench-paste.ts [--bin dist/hotel-crm.js] [--runs 3] [--short] [--each]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const bin = path.resolve(arg('--bin') ?? 'dist/hotel-crm.js');
const runs = Number(arg('--runs')) || 3;
if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
const out = path.resolve('bench-out');
fs.mkdirSync(out, { recursive: true });
const data = path.join(out, 'paste.json');

// --short: the same keys after a 10-character paste, a baseline under the same machine load
const size = process.argv.includes('--short') ? 10 : 3000;
const paste = `\u001b[200~${'北京市朝阳区建国路88号'.repeat(250).slice(0, size)}\u001b[201~`;
// after the paste: typing, erasing, moving (Left, Home, End) as someone fixing a pasted address
const after = ['甲', 'a', 'b', '\u007f', '\u007f', '\u001b[D', '\u001b[D', 'c', '\u001b[H', 'd', '\u001b[F', 'e', '\u007f', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

const all: number[] = [];
let pasteMs: number[] = [];
for (let i = 0; i < runs; i++) {
  fs.rmSync(data, { force: true });
  execFileSync(process.execPath, [bin, 'init', '--demo', '--data', data]);
  const res = execFileSync(
    'python3',
    [path.resolve('scripts/pty_probe.py'), '--marker', 'j/k', '--gap', '0.05', '--keys', JSON.stringify(['n', paste, ...after]), '--quit', '\u0003', '--', process.execPath, bin, '--data', data, '--lang', 'en'],
    { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } },
  );
  const { key_ms: ms } = JSON.parse(res) as { key_ms: number[] };
  // the first two are the form opening and the paste itself; a key that drew nothing in 2 s is missing
  pasteMs = pasteMs.concat(ms.slice(1, 2));
  all.push(...ms.slice(2));
  if (process.argv.includes("--each")) console.error(ms.map((x) => x.toFixed(0)).join(" "));
  if (ms.length < after.length + 2) console.error(`run ${i + 1}: ${after.length + 2 - ms.length} keys drew nothing within 2 s`);
}
const sorted = [...all].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
console.log(JSON.stringify({
  bin: path.relative(process.cwd(), bin),
  pasted_chars: size,
  keys_after_paste: sorted.length,
  paste_ms: pasteMs.map((x) => +x.toFixed(1)),
  median_ms: +q(0.5).toFixed(1),
  p95_ms: +q(0.95).toFixed(1),
  max_ms: +sorted[sorted.length - 1].toFixed(1),
}));
