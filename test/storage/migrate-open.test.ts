// The app's way of saving (journal appends) on a workspace of the previous version: the first
// change stores the whole migrated workspace, so no fen line is ever appended to a journal
// of yuan lines (replaying such a mix would multiply the new amounts by 100).
import fs from 'node:fs';
import { SCHEMA_VERSION } from '../../src/domain/workspace.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { appendJournal } from '../../src/storage/journal.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/v1-demo-workspace.json');

function oldWorkspace(): string {
  const file = path.join(tmpDir(), 'workspace.json');
  fs.copyFileSync(FIXTURE, file);
  fs.chmodSync(file, 0o600);
  return file;
}
const onDisk = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('opening a version 1 workspace in the app', () => {
  it('shows fen inside at once and writes the current version at the first change, with no journal left', async () => {
    const file = oldWorkspace();
    // a v1 journal (yuan) from the last session, not yet folded into the snapshot
    appendJournal(file, [{ op: 'put', e: 'products', r: { ...onDisk(file).products[0], price: 599.9 } }]);
    const s = await openStore(file, { write: true, deferValidation: true });
    await s.validate();
    expect(s.data.version).toBe(SCHEMA_VERSION);
    expect(s.data.products.map((p) => p.price)).toEqual([59990, 78800, 168800, 12800, 388800, 69800, 28000, 46000]);
    expect(onDisk(file).version).toBe(1);

    const repo = new Repo(s.data);
    const r = repo.create('products', { name: '下午茶', price: 8880, status: 'active' });
    expect(r.ok).toBe(true);
    await s.append(repo.drainChanges());
    expect(fs.existsSync(`${file}.journal`)).toBe(false);
    const ws = onDisk(file);
    expect(ws.version).toBe(SCHEMA_VERSION);
    expect(ws.products.map((p: { price: number }) => p.price)).toEqual([59990, 78800, 168800, 12800, 388800, 69800, 28000, 46000, 8880]);

    // from now on changes go to the journal again, in fen
    repo.update('products', 'G0002', { price: 79900 });
    await s.append(repo.drainChanges());
    expect(fs.readFileSync(`${file}.journal`, 'utf8')).toContain('"price":79900');
    await s.close({ compact: false });
    const again = await openStore(file, {});
    expect(again.data.products.find((p) => p.id === 'G0002')!.price).toBe(79900);
    expect(again.data.products.find((p) => p.id === 'G0001')!.price).toBe(59990);
  });

  it('a session that changes nothing leaves the old file and journal as they were', async () => {
    const file = oldWorkspace();
    const before = fs.readFileSync(file, 'utf8');
    const s = await openStore(file, { write: true });
    expect(s.data.customers[0].quantValue).toBe(onDisk(file).customers[0].quantValue * 100);
    await s.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
