import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/storage/store.js';
import { frame, journalPathFor } from '../../src/storage/journal.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

async function fresh() {
  const file = path.join(tmpDir(), 'workspace.json');
  const s = await openStore(file, { create: true, write: true });
  return { file, s, repo: new Repo(s.data) };
}

describe('the change journal', () => {
  it('makes each change durable at once, visible to a reader before the session ends', async () => {
    const { file, s, repo } = await fresh();
    repo.create('customers', { name: '王先生' });
    await s.append(repo.drainChanges());
    expect(fs.readFileSync(journalPathFor(file), 'utf8')).toContain('王先生');
    expect(fs.statSync(journalPathFor(file)).mode & 0o777).toBe(0o600);
    const reader = await openStore(file, {});
    expect(reader.data.customers.map((c) => c.name)).toEqual(['王先生']);
    expect(reader.data.counters.customers).toBe(1);
    await s.close();
  });

  it('folds the journal into the snapshot on close', async () => {
    const { file, s, repo } = await fresh();
    repo.create('customers', { name: 'A' });
    repo.create('customers', { name: 'B' });
    await s.append(repo.drainChanges());
    repo.delete('customers', 'C0001');
    repo.update('customers', 'C0002', { city: '杭州' });
    await s.append(repo.drainChanges());
    await s.close();
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
    const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(snap.customers.map((c: { id: string; city?: string }) => `${c.id}:${c.city}`)).toEqual(['C0002:杭州']);
  });

  it('ignores a line torn by a crash mid-append, and refuses a journal broken in the middle', async () => {
    const { file, s, repo } = await fresh();
    repo.create('customers', { name: 'A' });
    await s.append(repo.drainChanges());
    await s.close({ compact: false });
    fs.appendFileSync(journalPathFor(file), '{"op":"put","e":"customers","r":{"id":"C0009","na');
    const a = await openStore(file, {});
    expect(a.data.customers.map((c) => c.id)).toEqual(['C0001']);
    const text = fs.readFileSync(journalPathFor(file), 'utf8');
    fs.writeFileSync(journalPathFor(file), 'garbage\n' + text + '\n');
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'journal' });
  });

  it('replaying a journal over a snapshot that already holds it changes nothing (crash during compaction)', async () => {
    const { file, s, repo } = await fresh();
    repo.create('customers', { name: 'A' });
    repo.create('contacts', { name: 'P', customerId: 'C0001' });
    await s.append(repo.drainChanges());
    repo.delete('contacts', 'P0001');
    await s.append(repo.drainChanges());
    const journal = fs.readFileSync(journalPathFor(file), 'utf8');
    await s.close();
    fs.writeFileSync(journalPathFor(file), journal); // as if the crash came before the journal was removed
    const again = await openStore(file, {});
    expect(again.data.customers).toHaveLength(1);
    expect(again.data.contacts).toHaveLength(0);
    expect(again.data.counters).toMatchObject({ customers: 1, contacts: 1 });
  });
});

describe('a journal entry that is not a valid record', () => {
  it('is refused when the workspace is opened, and nothing is written', async () => {
    const { file, s, repo } = await fresh();
    repo.create('customers', { name: 'A' });
    await s.append(repo.drainChanges());
    await s.close({ compact: false });
    fs.appendFileSync(journalPathFor(file), frame({ at: new Date().toISOString(), by: 'admin', changes: [{ op: 'put', e: 'customers', r: { id: 'C0002', phone: 7 } }] }));
    const before = fs.readFileSync(file, 'utf8');
    await expect(openStore(file, { write: true })).rejects.toMatchObject({ code: 'journal' });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('deferred validation (the app checks records after its first frame)', () => {
  it('opens a workspace with a bad record, then refuses to write and leaves the file as it was', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s0 = await openStore(file, { create: true, write: true });
    await s0.close();
    const ws = JSON.parse(fs.readFileSync(file, 'utf8'));
    ws.customers = [{ id: 'C0001', name: 'ok', kind: 'individual', stage: 'potential', tags: [], createdAt: 'x', updatedAt: 'x' }, { id: 'C0002', phone: 5 }];
    fs.writeFileSync(file, JSON.stringify(ws));
    const before = fs.readFileSync(file, 'utf8');
    const s = await openStore(file, { write: true, deferValidation: true });
    expect(s.data.customers).toHaveLength(2);
    await expect(s.validate()).rejects.toBeInstanceOf(StoreError);
    await expect(s.append([{ op: 'counters', c: {} }])).rejects.toBeInstanceOf(StoreError);
    await s.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
  });
});
