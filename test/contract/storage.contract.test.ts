// The storage port's contract, run against both backends: a JSON workspace file and a shared
// hotel on PostgreSQL (a throwaway cluster). Whatever the backend, a user sees the same: what
// was created opens again, a commit survives a reopen, a bad batch writes nothing, and a second
// writer never silently overwrites the first one's save.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBackend } from '../../src/storage/backend.js';
import { pgBackend } from '../../src/storage/pg/backend.js';
import { openSession } from '../../src/services/session.js';
import { ConflictError, LockedError, StoreError, type StorageBackend } from '../../src/services/ports.js';
import { emptyWorkspace, type Workspace } from '../../src/domain/workspace.js';
import { tmpDir } from '../helpers/tmp.js';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
if (!avail.run) console.warn(`\n!!! ${avail.why}\n`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

interface Kind {
  name: string;
  backend: StorageBackend;
  /** a new place for a workspace */
  place(): Promise<string>;
  /** whether two writers may hold the workspace at once (else the second is refused at open) */
  concurrent: boolean;
}

const KINDS: Kind[] = [
  { name: 'json', backend: fileBackend, place: async () => path.join(tmpDir(), 'workspace.json'), concurrent: false },
  { name: 'postgres', backend: pgBackend, place: () => cluster!.newDatabase(), concurrent: true },
];

const now = new Date('2026-03-01T08:00:00Z');
/** a small hotel whose administrator is bound to whoever runs the tests */
function hotel(): Workspace {
  const ws = emptyWorkspace(now.toISOString(), 'Asia/Shanghai');
  return ws;
}

describe.each(KINDS.filter((k) => k.name === 'json' || avail.run))('the storage port on $name', { timeout: 60_000 }, (k) => {
  const open = (place: string, user?: string) => openSession(k.backend, { file: place, write: true, user });

  it('opens what was created, Chinese names and all', async () => {
    const place = await k.place();
    const ws = k.backend.loadDemo();
    await k.backend.create(place, ws, now);
    const s = await open(place);
    expect(s.store.data.customers.length).toBe(ws.customers.length);
    expect(s.store.data.customers.map((c) => c.name)).toEqual(ws.customers.map((c) => c.name));
    expect(s.store.data.employees.find((e) => e.login === 'zhangli')?.name).toBe('张丽');
    await s.close();
  });

  it('keeps a commit (created, changed, deleted records and the counters) across a reopen', async () => {
    const place = await k.place();
    await k.backend.create(place, hotel(), now);
    const a = await open(place);
    const made = a.repo.create('customers', { name: '王先生' });
    expect(made.ok).toBe(true);
    const other = a.repo.create('customers', { name: '李女士' });
    await a.commit();
    const id = (made as { value: { id: string } }).value.id;
    const gone = (other as { value: { id: string } }).value.id;
    a.repo.update('customers', id, { name: '王大伟' });
    a.repo.delete('customers', gone);
    await a.commit();
    await a.close();
    const b = await open(place);
    expect(b.store.data.customers.map((c) => [c.id, c.name])).toEqual([[id, '王大伟']]);
    // the next id follows the counters, never reusing the deleted one
    const next = b.repo.create('customers', { name: '赵六' }) as { value: { id: string } };
    expect([id, gone]).not.toContain(next.value.id);
    await b.close();
  });

  it('refuses a batch with an invalid record and writes nothing of it', async () => {
    const place = await k.place();
    await k.backend.create(place, hotel(), now);
    const a = await open(place);
    await expect(
      a.store.commit({ at: now.toISOString(), by: 'admin', changes: [{ op: 'put', e: 'customers', r: { id: 'C0001', name: '好' } }, { op: 'put', e: 'customers', r: { id: 'C0002' } }] }),
    ).rejects.toBeInstanceOf(StoreError);
    await a.close();
    const b = await open(place);
    expect(b.store.data.customers).toEqual([]);
    await b.close();
  });

  it("never lets a second writer's stale copy overwrite the first one's save", async () => {
    const place = await k.place();
    await k.backend.create(place, hotel(), now);
    const seed = await open(place);
    const c = seed.repo.create('customers', { name: '王先生', phone: '13800000001' }) as { value: { id: string } };
    await seed.commit();
    await seed.close();

    const a = await open(place);
    let b;
    try {
      b = await openSession(k.backend, { file: place, write: true });
    } catch (e) {
      // one writer at a time: the second is refused before it could change anything
      expect(k.concurrent).toBe(false);
      expect(e).toBeInstanceOf(LockedError);
    }
    a.repo.update('customers', c.value.id, { name: '王大伟' });
    await a.commit();
    await a.close();
    if (b) {
      b.repo.update('customers', c.value.id, { phone: '13900000002' });
      const err = await b.commit().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).conflicts).toEqual([expect.objectContaining({ entity: 'customers', id: c.value.id, kind: 'changed', by: 'admin', fields: ['name'] })]);
      await b.close();
    }
    const after = await open(place);
    expect(after.store.data.customers.map((r) => [r.name, r.phone])).toEqual([['王大伟', '13800000001']]);
    await after.close();
  });

  it('gives a new record whose id someone else took at the same moment the next free id; references to it follow', async () => {
    const place = await k.place();
    await k.backend.create(place, hotel(), now);
    const a = await open(place);
    let b;
    try {
      b = await open(place);
    } catch (e) {
      // one writer at a time: the second opens after the first closed, and counts on from it
      expect(k.concurrent).toBe(false);
      expect(e).toBeInstanceOf(LockedError);
    }
    const first = (a.repo.create('customers', { name: '先到' }) as { value: { id: string } }).value;
    await a.commit();
    await a.close();
    b ??= await open(place);
    const mine = (b.repo.create('customers', { name: '后到' }) as { ok: boolean; value: { id: string } }).value;
    const contact = (b.repo.create('contacts', { name: '李联系', customerId: mine.id }) as { value: { id: string; customerId?: unknown } }).value;
    expect(contact).toBeDefined();
    await b.commit();
    // what the session reports after the save is the id it was saved under
    expect(mine.id).not.toBe(first.id);
    expect(contact.customerId).toBe(mine.id);
    await b.close();
    const c = await open(place);
    expect(c.repo.all('customers').map((r) => [r.id, r.name]).sort()).toEqual([[first.id, '先到'], [mine.id, '后到']].sort());
    expect(c.repo.get('contacts', contact.id)?.customerId).toBe(mine.id);
    // and the next one counts on from both
    const next = (c.repo.create('customers', { name: '第三位' }) as { value: { id: string } }).value;
    expect([first.id, mine.id]).not.toContain(next.id);
    await c.close();
  });

  it('stamps the acting employee on the session', async () => {
    const place = await k.place();
    await k.backend.create(place, k.backend.loadDemo(), now);
    const a = await open(place);
    expect(a.actor.login).toBe('admin');
    await a.close();
    // an administrator may act as another employee
    const b = await open(place, 'zhangli');
    expect(b.actor.login).toBe('zhangli');
    await b.close();
  });
});

describe.skipIf(!avail.run)('a shared hotel on PostgreSQL', { timeout: 60_000 }, () => {
  const open = (place: string, user?: string) => openSession(pgBackend, { file: place, write: true, user });

  it('lets two employees save different records at the same time', async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, pgBackend.loadDemo(), now);
    const a = await open(place);
    const b = await open(place);
    const [x, y] = a.repo.all('customers');
    a.repo.update('customers', x.id, { name: '甲' });
    b.repo.update('customers', y.id, { name: '乙' });
    await Promise.all([a.commit(), b.commit()]);
    await a.close();
    await b.close();
    const c = await open(place);
    expect(c.repo.get('customers', x.id)?.name).toBe('甲');
    expect(c.repo.get('customers', y.id)?.name).toBe('乙');
    await c.close();
  });

  it('names a record deleted meanwhile, and one created meanwhile with the same id', async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, hotel(), now);
    const seed = await open(place);
    const x = (seed.repo.create('customers', { name: '旧客' }) as { value: { id: string } }).value;
    await seed.commit();
    await seed.close();
    const a = await open(place);
    const b = await open(place);
    expect(a.repo.delete('customers', x.id).ok).toBe(true);
    const madeA = a.repo.create('customers', { name: '先到' }) as { value: { id: string } };
    await a.commit();
    b.repo.update('customers', x.id, { name: '后到' });
    const madeB = b.repo.create('customers', { name: '后到的新客' }) as { value: { id: string } };
    expect(madeB.value.id).toBe(madeA.value.id); // both counted from the same counters
    const err = (await b.commit().catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.conflicts.map((c) => [c.id, c.kind]).sort()).toEqual(
      [
        [x.id, 'deleted'],
        [madeA.value.id, 'created'],
      ].sort(),
    );
    await a.close();
    await b.close();
    const c = await open(place);
    expect(c.repo.get('customers', x.id)).toBeUndefined();
    expect(c.repo.get('customers', madeA.value.id)?.name).toBe('先到');
    await c.close();
  });

  it('writes a big batch all or nothing: one conflict in it and none of its 2,500 records is saved', async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, pgBackend.loadDemo(), now);
    const a = await open(place);
    const b = await open(place);
    const x = a.repo.all('customers')[0];
    a.repo.update('customers', x.id, { name: '甲' });
    await a.commit();
    const before = b.store.data.customers.length;
    for (let i = 0; i < 2500; i++) b.repo.create('customers', { name: `客户${i}` });
    b.repo.update('customers', x.id, { name: '乙' });
    await expect(b.commit()).rejects.toBeInstanceOf(ConflictError);
    await a.close();
    await b.close();
    const c = await open(place);
    expect(c.store.data.customers.length).toBe(before);
    expect(c.repo.get('customers', x.id)?.name).toBe('甲');
    await c.close();
  });

  it('keeps a history of every saved change, with employee and time, that cannot be changed or removed', async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, hotel(), now);
    const a = await open(place);
    const made = a.repo.create('customers', { name: '王先生' }) as { value: { id: string } };
    await a.commit();
    await a.close();
    const pg = (await import('pg')).default;
    const db = new pg.Client({ connectionString: place });
    await db.connect();
    try {
      const rows = await db.query(`SELECT by_login, at, change FROM hotel_crm.history WHERE entity = 'customers' AND record_id = $1`, [made.value.id]);
      expect(rows.rows).toEqual([expect.objectContaining({ by_login: 'admin', change: expect.objectContaining({ op: 'put', e: 'customers' }) })]);
      expect(rows.rows[0].change.r.name).toBe('王先生');
      await expect(db.query(`UPDATE hotel_crm.history SET by_login = 'someone'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM hotel_crm.history`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE hotel_crm.history`)).rejects.toThrow(/append-only/);
      const n = await db.query(`SELECT count(*)::int AS n FROM hotel_crm.history WHERE by_login = 'admin'`);
      expect(n.rows[0].n).toBeGreaterThan(1);
    } finally {
      await db.end();
    }
  });

  it('acts as the employee bound to the unix login; another only for an administrator', async () => {
    const place = await cluster!.newDatabase();
    const ws = pgBackend.loadDemo();
    const me = (await import('node:os')).userInfo().username;
    // bind the unix login to a plain employee, and nobody else
    for (const e of ws.employees) delete e.unixUser;
    const plain = ws.employees.find((e) => e.login === 'zhangli')!;
    expect(ws.roles.find((r) => r.id === plain.roleId)?.isAdmin).toBeFalsy();
    plain.unixUser = me;
    await pgBackend.create(place, ws, now);
    const s = await open(place);
    expect(s.actor.login).toBe('zhangli');
    await s.close();
    await expect(open(place, 'admin')).rejects.toMatchObject({ name: 'Error', login: 'zhangli', wanted: 'admin' });
    // and with nobody bound to this login, nobody may act at all
    const other = await cluster!.newDatabase();
    for (const e of ws.employees) delete e.unixUser;
    ws.employees.find((e) => e.login === 'admin')!.unixUser = 'someone-else';
    await pgBackend.create(other, ws, now);
    await expect(open(other)).rejects.toMatchObject({ unixUser: me });
  });

  it("hears another session's save and brings it in: created, changed and deleted records", async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, hotel(), now);
    const seed = await open(place);
    const old = (seed.repo.create('customers', { name: '旧客' }) as { value: { id: string } }).value;
    const kept = (seed.repo.create('customers', { name: '老客' }) as { value: { id: string } }).value;
    await seed.commit();
    await seed.close();
    const a = await open(place);
    const b = await open(place);
    let heard = 0;
    const off = b.store.watch!(() => heard++);
    // the LISTEN is sent after the session's queue: wait for it to be in place
    expect(await b.store.refresh!()).toBe(false);
    const made = (a.repo.create('customers', { name: '新客' }) as { value: { id: string } }).value;
    a.repo.update('customers', kept.id, { name: '老客户' });
    expect(a.repo.delete('customers', old.id).ok).toBe(true);
    await a.commit();
    for (let i = 0; i < 100 && !heard; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toBeGreaterThan(0);
    expect(await b.store.refresh!()).toBe(true);
    expect(b.store.data.customers.map((c) => [c.id, c.name]).sort()).toEqual([[kept.id, '老客户'], [made.id, '新客']].sort());
    // and b's next save of that record starts from what a saved: no conflict
    const b2 = new (await import('../../src/services/repo.js')).Repo(b.store.data, { actor: 'admin' });
    b2.update('customers', kept.id, { phone: '13800000009' });
    await b.store.commit(b2.drainBatch());
    // its own save, heard back, changes nothing
    expect(await b.store.refresh!()).toBe(false);
    off();
    await a.close();
    await b.close();
  });

  it.skipIf(os.userInfo().username === 'hotel')("gives a student's login a database role that reads and saves through the app but cannot write the tables", async () => {
    const place = await cluster!.newDatabase();
    const ws = pgBackend.loadDemo();
    const me = os.userInfo().username;
    for (const e of ws.employees) delete e.unixUser;
    ws.employees.find((e) => e.login === 'admin')!.unixUser = 'teacher';
    ws.employees.find((e) => e.login === 'zhangli')!.unixUser = me;
    await pgBackend.create(place, ws, now);
    await pgBackend.allowLogin!(place, me);
    // the student's own connection (peer authentication maps the unix login to this role)
    const asMe = place.replace(/^postgres:\/\/[^@]*@/, `postgres://${encodeURIComponent(me)}@`);
    const s = await open(asMe);
    expect(s.actor.login).toBe('zhangli');
    const made = s.repo.create('customers', { name: '直连客' }) as { ok: boolean; value: { id: string } };
    expect(made.ok).toBe(true);
    await s.commit();
    await s.close();
    const pg = (await import('pg')).default;
    const db = new pg.Client({ connectionString: asMe });
    await db.connect();
    try {
      await expect(db.query(`UPDATE hotel_crm.records SET data = '{}'::jsonb`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`DELETE FROM hotel_crm.records`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`UPDATE hotel_crm.meta SET value = '{}'::jsonb`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`INSERT INTO hotel_crm.history (batch, at, by_login, change) VALUES (1, now(), 'admin', '{}')`)).rejects.toThrow(/permission denied/);
      // the commit function saves only as the employee bound to this login
      const asAdmin = { at: now.toISOString(), by: 'admin', recs: [{ e: 'customers', i: made.value.id, d: null, del: true, b: 1 }], metas: [], counters: null, changes: [] };
      await expect(db.query(`SELECT hotel_crm.commit_batch($1::jsonb)`, [JSON.stringify(asAdmin)])).rejects.toThrow(/may not save as admin/);
      // reading is allowed, and the history names the employee and the database login
      const h = await db.query(`SELECT by_login, unix_user FROM hotel_crm.history WHERE entity = 'customers' AND record_id = $1`, [made.value.id]);
      expect(h.rows).toEqual([{ by_login: 'zhangli', unix_user: me }]);
    } finally {
      await db.end();
    }
    const after = await open(place);
    expect(after.repo.get('customers', made.value.id)?.name).toBe('直连客');
    await after.close();
  });

  it('refuses to create a hotel over one that exists unless told to replace it', async () => {
    const place = await cluster!.newDatabase();
    await pgBackend.create(place, pgBackend.loadDemo(), now);
    await expect(pgBackend.create(place, hotel(), now)).rejects.toMatchObject({ problem: 'exists' });
    let s = await open(place);
    expect(s.store.data.customers.length).toBeGreaterThan(0);
    await s.close();
    await pgBackend.create(place, hotel(), now, { replace: true });
    s = await open(place);
    expect(s.store.data.customers).toEqual([]);
    await s.close();
  });
});
