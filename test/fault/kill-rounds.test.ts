// The short version of scripts/fault-rounds.ts (issue 15): CLI adds and imports kill -9'd at
// seeded moments, mostly right after their first byte of output, the moment a script reading
// stdout learns "done". Nothing acknowledged may be lost, no import half applied, and after
// each kill the workspace opens, doctor passes, no temp file is left and the next writer is
// not blocked by the dead holder's lock.
import { afterAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { FaultRounds, makeRng, type Kind } from '../helpers/fault.js';

describe('kill -9 during CLI writes', () => {
  let f: FaultRounds | undefined;
  afterAll(() => f?.close());

  it('12 rounds of add and import killed at seeded moments lose nothing that was acknowledged', async () => {
    f = new FaultRounds(tmpDir(), makeRng(20261125), { firstByteShare: 0.75, baseCustomers: 300, importRows: [50, 150] });
    const plan: Kind[] = ['add', 'import', 'add', 'add', 'import', 'add', 'add', 'import', 'add', 'add', 'import', 'add'];
    for (const kind of plan) await f.round(kind);
    expect(f.problems).toEqual([]);
    // the rounds proved something: outputs were seen before the kills
    expect(f.tally.add.acknowledged).toBeGreaterThan(0);
    expect(f.tally.import.acknowledged).toBeGreaterThan(0);
  }, 90_000);
});
