// Many processes that find the same stale lock at the same moment: exactly one may win.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/storage/lock.js';
import { tmpDir } from '../helpers/tmp.js';
import { bundleLock, deadPid, plantLock } from '../helpers/lock.js';

const RACERS = 20;
const ROUNDS = Number(process.env.LOCK_RACE_ROUNDS ?? 15);

// A racer takes the lock of the file named on each `go` line, says whether it won, and lets go
// on `release`.
const racerScript = (lockModule: string) => `
  import { acquireLock } from ${JSON.stringify(lockModule)};
  import readline from 'node:readline';
  let held;
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.startsWith('go ')) {
      held = acquireLock(line.slice(3));
      process.stdout.write(JSON.stringify({ ok: held.ok, pid: process.pid }) + '\\n');
    } else {
      if (held && held.ok) held.release();
      process.stdout.write('released\\n');
    }
  });
  process.stdout.write('ready\\n');
`;

describe('taking over a stale lock', () => {
  it(`lets exactly one of ${RACERS} processes win when all find the same stale lock at once`, async () => {
    const dir = tmpDir();
    const mod = bundleLock(dir);
    const ghost = deadPid();
    const racers = Array.from({ length: RACERS }, () => spawn(process.execPath, ['--input-type=module', '-e', racerScript(mod)], { stdio: ['pipe', 'pipe', 'inherit'] }));
    try {
      const out = racers.map((r) => readline.createInterface({ input: r.stdout })[Symbol.asyncIterator]());
      const next = async () => Promise.all(out.map(async (o) => (await o.next()).value as string));
      expect(new Set(await next())).toEqual(new Set(['ready']));
      const winnersPerRound: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const file = path.join(dir, `ws${round}.json`);
        plantLock(file, { pid: ghost });
        for (const r of racers) r.stdin.write(`go ${file}\n`);
        const results = (await next()).map((l) => JSON.parse(l) as { ok: boolean; pid: number });
        const winners = results.filter((r) => r.ok);
        winnersPerRound.push(winners.length);
        if (winners.length === 1) expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(winners[0].pid);
        for (const r of racers) r.stdin.write('release\n');
        await next();
        // the winner let go and nothing of the takeover is left behind
        expect(fs.readdirSync(dir).filter((n) => n.startsWith(`ws${round}.json.`))).toEqual([]);
      }
      expect(winnersPerRound).toEqual(Array(ROUNDS).fill(1));
    } finally {
      for (const r of racers) r.stdin.end();
    }
  }, 60_000);
});
