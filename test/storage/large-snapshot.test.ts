// A snapshot is encoded in chunks of a few MB, through one reused buffer: one larger than a
// chunk, with a list whose piece alone is larger than a chunk, is written byte for byte as
// JSON.stringify would write it, and its checked mark names exactly those bytes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { digestOf, isChecked } from '../../src/storage/checked-mark.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

let fp: string | undefined;
beforeEach(() => {
  fp = process.env.HOTEL_CRM_SCHEMA_FP;
  process.env.HOTEL_CRM_SCHEMA_FP = 'test-build';
});
afterEach(() => {
  if (fp === undefined) delete process.env.HOTEL_CRM_SCHEMA_FP;
  else process.env.HOTEL_CRM_SCHEMA_FP = fp;
});

describe('a snapshot of many MB', () => {
  it('is written exactly, across chunks, with its mark', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s = await openStore(file, { create: true, write: true });
    const repo = new Repo(s.data);
    // 1500 customers with 4000 characters of Chinese notes each: 18 MB of UTF-8, and the first
    // 1000 (one piece) alone 12 MB
    const notes = '客房入住备注'.repeat(666) + '完毕';
    for (let i = 0; i < 1500; i++) expect(repo.create('customers', { name: `客户${i}`, notes: `${i}${notes}`.slice(0, 4000) }).ok).toBe(true);
    await s.commit(repo.drainBatch());
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(16 << 20);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(s.data));
    expect(isChecked(file, digestOf(bytes))).toBe(true);
    await s.close();
    const again = await openStore(file, {});
    expect(again.data.customers).toHaveLength(1500);
    expect(again.data.customers[1499].notes).toBe(`1499${notes}`.slice(0, 4000));
  });
});
