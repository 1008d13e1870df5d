// A batch larger than a compaction (a whole class roster imported at once) is written as a new
// snapshot, not as one giant journal line: nothing of it is left in the journal, and all of it
// is there when the workspace opens again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { journalPathFor } from '../../src/storage/journal.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

describe('a very large batch', () => {
  it('goes straight into the snapshot and survives a reopen', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = await openStore(file, { create: true, write: true });
    const repo = new Repo(s.data, { actor: 'admin' });
    repo.create('customers', { name: '先来的' });
    await s.commit(repo.drainBatch());
    expect(fs.existsSync(journalPathFor(file))).toBe(true);
    const gen = JSON.parse(fs.readFileSync(file, 'utf8')).generation;
    for (let i = 0; i < 2500; i++) repo.create('customers', { name: `学生${i}` });
    await s.commit(repo.drainBatch());
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
    const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(snap.generation).toBeGreaterThan(gen);
    expect(snap.customers).toHaveLength(2501);
    await s.close();
    const again = await openStore(file, {});
    expect(again.data.customers.map((c) => c.name).slice(0, 2)).toEqual(['先来的', '学生0']);
    expect(again.data.customers).toHaveLength(2501);
  });
});
