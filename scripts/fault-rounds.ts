// Kill -9 at random moments of CLI adds and imports, app creates and the app's quit, then
// check that nothing acknowledged was lost (issue 15, "Proof"). Needs `npm run build` and tmux.
//   npx tsx scripts/fault-rounds.ts --rounds 300 [--seed N] [--kinds add,import,app,quit]
//        [--first-byte 0.5] [--base 1500] [--dir DIR] [--keep]
// Exit 1 when an acknowledged change was lost or an import was half applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FaultRounds, KINDS, makeRng, type Kind } from '../test/helpers/fault.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rounds = Number(arg('rounds') ?? 300);
const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
const kinds = (arg('kinds') ?? KINDS.join(',')).split(',').map((k) => k.trim()) as Kind[];
for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`--kinds: ${k}? (${KINDS.join(', ')})`);
const dir = arg('dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hotel-crm-fault-'));
const rng = makeRng(seed);
const verbose = process.argv.includes('--verbose');

console.log(`fault rounds: ${rounds}, seed ${seed}, kinds ${kinds.join(',')}, in ${dir}`);
const f = new FaultRounds(dir, rng, {
  firstByteShare: Number(arg('first-byte') ?? 0.5),
  baseCustomers: Number(arg('base') ?? 1500),
  log: (s) => console.log(s),
});
const t0 = Date.now();
process.once('SIGINT', () => {
  f.close(); // no tmux server left behind
  console.log(`\n${f.table()}`);
  process.exit(130);
});
try {
  for (let i = 0; i < rounds; i++) {
    const kind = kinds[Math.floor(rng() * kinds.length)];
    await f.round(kind);
    if (verbose || (i + 1) % 25 === 0) console.log(`${i + 1}/${rounds} rounds, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  f.close();
}
console.log(`\n${f.table()}\n`);
console.log(`${rounds} rounds in ${((Date.now() - t0) / 1000).toFixed(0)} s (seed ${seed})`);
if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = f.lostTotal() > 0 ? 1 : 0;
