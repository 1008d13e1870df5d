// A conflict in a shared hotel, settled as the app's dialog settles it, on a real PostgreSQL
// (a throwaway cluster): the record read again as saved, keep mine going over the version
// shown, take theirs leaving theirs, edit saving both sides' fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgBackend } from '../../src/storage/pg/backend.js';
import { openSession } from '../../src/services/session.js';
import { ConflictError } from '../../src/services/ports.js';
import { Repo } from '../../src/services/repo.js';
import { editMerged, keepMine, openConflict, takeTheirs } from '../../src/services/conflicts.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

const now = new Date('2026-03-01T08:00:00Z');

/** a hotel with one customer; a renames it and saves; b changes its phone and city from the
 *  same start, and its save is refused */
async function collide() {
  const place = await cluster!.newDatabase();
  await pgBackend.create(place, emptyWorkspace(now.toISOString(), 'Asia/Shanghai'), now);
  const seed = await openSession(pgBackend, { file: place, write: true });
  const id = (seed.repo.create('customers', { name: '王先生', phone: '13800000001', city: '杭州' }) as { value: { id: string } }).value.id;
  await seed.commit();
  await seed.close();
  const a = await openSession(pgBackend, { file: place, write: true });
  const b = await openSession(pgBackend, { file: place, write: true });
  a.repo.update('customers', id, { name: '王大伟', city: '上海' });
  await a.commit();
  await a.close();
  b.repo.update('customers', id, { phone: '13900000002', city: '宁波' });
  const batch = b.repo.drainBatch();
  const err = await b.store.commit(batch).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConflictError);
  const settling = (await openConflict(b.store, err, batch))!;
  const fresh = () => new Repo(b.store.data, { actor: 'admin' });
  const saved = async () => {
    const s = await openSession(pgBackend, { file: place, write: false });
    const rec = s.store.data.customers.find((c) => c.id === id)!;
    await s.close();
    return rec;
  };
  return { id, b, settling, fresh, saved };
}

describe.skipIf(!avail.run)('a conflict settled by the person, on PostgreSQL', { timeout: 60_000 }, () => {
  it('reads their record and version, with the original, mine and the clash per field', async () => {
    const { b, settling } = await collide();
    const c = settling.cases[0];
    expect(c).toMatchObject({ kind: 'changed', by: 'admin', version: 2, theirs: { name: '王大伟', city: '上海' }, original: { name: '王先生', city: '杭州' } });
    expect(c.merge!.fields.map((f) => [f.field, f.mineChanged, f.theirsChanged, f.clash])).toEqual(
      expect.arrayContaining([['name', false, true, false], ['phone', true, false, false], ['city', true, true, true]]),
    );
    await b.close();
  });

  it('keep mine saves over the version shown: my record is what the hotel holds', async () => {
    const { b, settling, fresh, saved } = await collide();
    const repo = fresh();
    expect(keepMine(repo, settling)).toEqual({ ok: true });
    await b.store.commit(repo.drainBatch());
    expect(await saved()).toMatchObject({ name: '王先生', phone: '13900000002', city: '宁波' });
    await b.close();
  });

  it('take theirs leaves their record, here and in the hotel', async () => {
    const { id, b, settling, saved } = await collide();
    await takeTheirs(b.store, settling);
    expect(b.store.data.customers.find((c) => c.id === id)).toMatchObject({ name: '王大伟', phone: '13800000001', city: '上海' });
    expect(await saved()).toMatchObject({ name: '王大伟', phone: '13800000001', city: '上海' });
    await b.close();
  });

  it('edit starts from theirs with my changed fields; the save keeps both', async () => {
    const { id, b, settling, fresh, saved } = await collide();
    const repo = fresh();
    const form = editMerged(repo, settling)!;
    expect(form.preset).toEqual({ phone: '13900000002', city: '宁波' });
    expect(form.clashes).toEqual(['city']);
    expect(repo.update('customers', id, { ...form.preset, city: '上海' }).ok).toBe(true);
    await b.store.commit(repo.drainBatch());
    expect(await saved()).toMatchObject({ name: '王大伟', phone: '13900000002', city: '上海' });
    await b.close();
  });
});
