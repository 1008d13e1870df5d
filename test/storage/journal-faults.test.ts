// Fault tests of the journal: a full disk, a torn tail, records that are not what they claim,
// a journal of another workspace or of an older snapshot, the previous version's format.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, StoreError, type Store } from '../../src/storage/store.js';
import { applyBatches, type Batch } from '../../src/domain/change.js';
import { frame, journalPathFor, readJournal } from '../../src/storage/journal.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

const at = '2026-11-25T10:00:00.000Z';
const customer = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  op: 'put' as const, e: 'customers' as const,
  r: { id, name, kind: 'individual', stage: 'potential', tags: [], createdAt: at, updatedAt: at, ...extra },
});
const batch = (...changes: unknown[]) => ({ at, by: 'admin', changes }) as never;

async function fresh(dir = tmpDir()) {
  const file = path.join(dir, 'workspace.json');
  const s = await openStore(file, { create: true, write: true });
  return { file, s };
}
/** applies a batch in memory, as the services do, then commits it */
async function put(s: Store, b: Batch) {
  applyBatches(s.data, [b]);
  await s.commit(b);
}
const names = async (file: string) => (await openStore(file, {})).data.customers.map((c) => c.name);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk during an append', () => {
  it('leaves no part of the batch in the journal, says so, and the next append works', async () => {
    const { file, s } = await fresh();
    await put(s, batch(customer('C0001', 'first')));
    const before = fs.readFileSync(journalPathFor(file));
    // the disk fills up in the middle of the batch: half of it is written, then ENOSPC
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, off: number, len: number) => {
      if (++calls === 1) return real(fd, buf, off, Math.floor(len / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof fs.writeSync);
    const sixty = Array.from({ length: 60 }, (_, i) => customer(`C${String(i + 2).padStart(4, '0')}`, `导入${i}`));
    await expect(put(s, batch(...sixty))).rejects.toMatchObject({ code: 'unwritable' });
    vi.restoreAllMocks();
    expect(calls).toBe(2);
    expect(fs.readFileSync(journalPathFor(file))).toEqual(before);
    expect(await names(file)).toEqual(['first']);
    // the next save writes what the screen shows, the rows that failed included
    await put(s, batch(customer('C0100', 'after')));
    expect(await names(file)).toEqual(['first', ...sixty.map((c) => c.r.name), 'after']);
    await s.close({ compact: false });
  });

  it('on a real full filesystem (a 128 KiB tmpfs), too', async (ctx) => {
    // room for an empty workspace's snapshot and its rewrite beside it (about 20 KB each, with
    // every value list); the disk is then filled to 8 KiB free, whatever its size
    const mnt = fs.mkdtempSync('/tmp/hotel-crm-tmpfs-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k,mode=0700', 'tmpfs', mnt]).status === 0;
    if (!mounted) {
      fs.rmdirSync(mnt);
      ctx.skip(); // needs root; the injected ENOSPC above covers the same path everywhere
    }
    try {
      const { file, s } = await fresh(mnt);
      await put(s, batch(customer('C0001', 'first')));
      const before = fs.readFileSync(journalPathFor(file));
      // fill the disk but for about 8 KiB
      const filler = path.join(mnt, 'filler');
      const free = () => fs.statfsSync(mnt).bavail * fs.statfsSync(mnt).bsize;
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 8192)));
      const sixty = Array.from({ length: 60 }, (_, i) => customer(`C${String(i + 2).padStart(4, '0')}`, `导入${i}`, { notes: '备注'.repeat(20) }));
      await expect(put(s, batch(...sixty))).rejects.toMatchObject({ code: 'unwritable', detail: expect.stringContaining('ENOSPC') });
      expect(fs.readFileSync(journalPathFor(file))).toEqual(before);
      expect(await names(file)).toEqual(['first']);
      fs.rmSync(filler); // the student frees some space
      await put(s, batch(customer('C0100', 'after')));
      await s.close({ compact: false });
      expect(await names(file)).toEqual(['first', ...sixty.map((c) => c.r.name), 'after']);
    } finally {
      spawnSync('umount', [mnt]);
      fs.rmdirSync(mnt);
    }
  });
});

describe('a torn last line', () => {
  it('is cut off before the next append, so a reopen has both good batches', async () => {
    const { file, s } = await fresh();
    await put(s, batch(customer('C0001', 'A')));
    await s.close({ compact: false });
    const line = frame(batch(customer('C0002', 'never confirmed')));
    fs.appendFileSync(journalPathFor(file), line.slice(0, line.length / 2));
    const w = await openStore(file, { write: true });
    expect(w.data.customers.map((c) => c.name)).toEqual(['A']);
    await put(w, batch(customer('C0003', 'B')));
    await w.close({ compact: false });
    expect(await names(file)).toEqual(['A', 'B']);
    const jr = readJournal(file)!;
    expect(jr.torn).toBeUndefined();
    expect(jr.bad).toBeUndefined();
    expect(jr.entries).toHaveLength(2);
  });
});

describe('a journal record that is not valid', () => {
  it.each([
    ['counters with a string', { op: 'counters', c: { customers: 'x' } }],
    ['null settings', { op: 'settings', s: null }],
    ['a put without a record', { op: 'put', e: 'customers' }],
    ['a put of an invalid record', { op: 'put', e: 'customers', r: { id: 'C0009', phone: 7 } }],
    ['an unknown entity', { op: 'del', e: 'passwords', id: 'x' }],
    ['an unknown op', { op: 'drop', e: 'customers' }],
  ])('(%s) is refused on open, naming the journal and line, and nothing is written', async (_, bad) => {
    const { file, s } = await fresh();
    await put(s, batch(customer('C0001', 'A')));
    await s.close({ compact: false });
    fs.appendFileSync(journalPathFor(file), frame(batch(customer('C0002', 'B'), bad)));
    fs.appendFileSync(journalPathFor(file), frame(batch(customer('C0003', 'C'))));
    const snap = fs.readFileSync(file, 'utf8');
    const journal = fs.readFileSync(journalPathFor(file), 'utf8');
    const err = await openStore(file, { write: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'journal', file: journalPathFor(file), detail: expect.stringMatching(/^line 3/) });
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'journal' });
    expect(fs.readFileSync(file, 'utf8')).toBe(snap);
    expect(fs.readFileSync(journalPathFor(file), 'utf8')).toBe(journal);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('is never written: a commit of an invalid change is refused and the journal stays as it was', async () => {
    const { file, s } = await fresh();
    await put(s, batch(customer('C0001', 'A')));
    const before = fs.readFileSync(journalPathFor(file), 'utf8');
    await expect(s.commit(batch(customer('C0002', 'B'), { op: 'counters', c: { customers: -1 } }))).rejects.toMatchObject({ code: 'invalid' });
    expect(fs.readFileSync(journalPathFor(file), 'utf8')).toBe(before);
    await s.close({ compact: false });
  });
});

describe('the identity of a journal', () => {
  it('a journal of another workspace is refused, never merged', async () => {
    const a = await fresh();
    await put(a.s, batch(customer('C0001', 'from A')));
    await a.s.close({ compact: false });
    const b = await fresh();
    await b.s.close();
    fs.copyFileSync(journalPathFor(a.file), journalPathFor(b.file));
    const snap = fs.readFileSync(b.file, 'utf8');
    await expect(openStore(b.file, { write: true })).rejects.toMatchObject({ code: 'journalForeign' });
    await expect(openStore(b.file, {})).rejects.toMatchObject({ code: 'journalForeign' });
    expect(fs.readFileSync(b.file, 'utf8')).toBe(snap);
    expect(fs.existsSync(journalPathFor(b.file))).toBe(true);
  });

  it('a journal left by a crash between the snapshot and its deletion is stale: not applied, removed by a writer', async () => {
    const { file, s } = await fresh();
    await put(s, batch(customer('C0001', 'A')));
    const journal = fs.readFileSync(journalPathFor(file));
    await s.close(); // snapshot generation + 1, journal deleted
    fs.writeFileSync(journalPathFor(file), journal, { mode: 0o600 }); // as if the deletion never happened
    expect(await names(file)).toEqual(['A']);
    const w = await openStore(file, { write: true });
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
    await put(w, batch(customer('C0002', 'B')));
    await w.close({ compact: false });
    expect(await names(file)).toEqual(['A', 'B']);
  });

  it('save() writes the next generation and the next journal names it', async () => {
    const { file, s } = await fresh();
    const gen = s.data.generation;
    await s.save();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).generation).toBe(gen + 1);
    await put(s, batch(customer('C0001', 'A')));
    expect(readJournal(file)!.header).toMatchObject({ ws: s.data.id, gen: gen + 1 });
    await s.close();
  });
});

describe('a journal of the previous version (no header, one change per line)', () => {
  it('is replayed, so unsaved changes survive the upgrade, and is folded at the first save', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const s0 = await openStore(file, { create: true, write: true });
    await s0.close();
    const old = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete old.id;
    delete old.generation;
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const lines = [customer('C0001', '王先生'), customer('C0002', '李女士'), { op: 'del', e: 'customers', id: 'C0002' }, { op: 'counters', c: { customers: 2 } }];
    fs.writeFileSync(journalPathFor(file), lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { mode: 0o600 });
    const r = await openStore(file, {});
    expect(r.data.customers.map((c) => c.name)).toEqual(['王先生']);
    expect(r.data.counters.customers).toBe(2);
    const w = await openStore(file, { write: true });
    const repo = new Repo(w.data);
    repo.create('customers', { name: '张三' });
    await w.append(repo.drainChanges());
    // the first write after the upgrade is a snapshot with an identity; the old journal is gone
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
    const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(typeof snap.id).toBe('string');
    expect(snap.customers.map((c: { name: string }) => c.name)).toEqual(['王先生', '张三']);
    await w.close();
  });

  it('a bad line in the middle of it is refused too', async () => {
    const { file, s } = await fresh();
    await s.close();
    fs.writeFileSync(journalPathFor(file), [JSON.stringify(customer('C0001', 'A')), JSON.stringify({ op: 'counters', c: { customers: 'x' } }), JSON.stringify(customer('C0002', 'B'))].join('\n') + '\n');
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'journal', detail: expect.stringMatching(/^line 2/) });
  });
});

describe('journal files that are not plain files of this user', () => {
  it('a folder where the journal should be is refused with a message, not a stack trace', async () => {
    const { file, s } = await fresh();
    await s.close();
    fs.mkdirSync(journalPathFor(file));
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'journalUnsafe' });
  });

  it('a symbolic link is never followed', async () => {
    const { file, s } = await fresh();
    await s.close();
    const elsewhere = path.join(tmpDir(), 'target');
    fs.writeFileSync(elsewhere, 'precious');
    fs.symlinkSync(elsewhere, journalPathFor(file));
    await expect(openStore(file, { write: true })).rejects.toMatchObject({ code: 'journalUnsafe' });
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('precious');
  });
});

describe('orphaned temp files', () => {
  it('of a killed writer are removed at the next writable open; those of a live writer stay', async () => {
    const { file, s } = await fresh();
    await s.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const orphan = path.join(path.dirname(file), `.workspace.json.${dead.stdout}.0badf00d.tmp`);
    const live = path.join(path.dirname(file), `.workspace.json.${process.pid}.0000beef.tmp`);
    fs.writeFileSync(orphan, 'x'.repeat(1000));
    fs.writeFileSync(live, 'y');
    await (await openStore(file, {})).close();
    expect(fs.existsSync(orphan)).toBe(true); // a reader removes nothing
    await (await openStore(file, { write: true })).close();
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
  });
});
