// The writer's lock and the checks made before a workspace is read or locked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { acquireLock, acquireLockWaiting, lockPathFor, type LockInfo } from '../../src/storage/lock.js';
import { openStore, LockedError } from '../../src/storage/store.js';
import { openPrivate, readPrivate, UnsafePathError } from '../../src/storage/safe-fs.js';
import { lockBannerText, storeErrorText } from '../../src/presentation/store-errors.js';
import { Repo } from '../../src/services/repo.js';
import { makeT } from '../../src/i18n/index.js';
import { tmpDir } from '../helpers/tmp.js';
import { deadPid, idleProcess, plantLock } from '../helpers/lock.js';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const en = makeT('en');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});
const livePid = () => {
  const c = idleProcess();
  children.push(c);
  return c.pid!;
};
const refusal = (r: ReturnType<typeof acquireLock>): LockInfo => {
  if (r.ok) throw new Error('expected the lock to be refused');
  return r.holder;
};

describe('the writer lock', () => {
  it('takes over at once a torn lock left long ago, and a lock whose holder is dead', () => {
    const file = path.join(tmpDir(), 'ws.json');
    fs.writeFileSync(lockPathFor(file), '');
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(lockPathFor(file), old, old);
    const a = acquireLock(file);
    expect(a.ok).toBe(true);
    if (a.ok) a.release();
    plantLock(file, { pid: deadPid() });
    const b = acquireLock(file);
    expect(b.ok).toBe(true);
    if (b.ok) b.release();
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('is not stuck behind a taker that was killed midway through a takeover', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ws.json');
    const ghost = deadPid();
    plantLock(file, { pid: ghost });
    const brk = `${lockPathFor(file)}.breaking`;
    fs.writeFileSync(brk, JSON.stringify({ host: os.hostname(), pid: ghost, token: 'x' }));
    fs.writeFileSync(`${lockPathFor(file)}.new-${ghost}-abc123`, 'left by a kill');
    const r = acquireLock(file);
    expect(r.ok).toBe(true);
    if (r.ok) r.release();
    // a live taker that has held it for long is taken to be hung
    plantLock(file, { pid: ghost });
    fs.writeFileSync(brk, JSON.stringify({ host: os.hostname(), pid: livePid(), token: 'y' }));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(brk, old, old);
    const again = acquireLock(file);
    expect(again.ok).toBe(true);
    if (again.ok) again.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['torn', ''],
    ['garbage', '{"host": "x", "pi'],
    ['a lock without a real pid', '{"host": "x", "pid": -1, "user": "u"}'],
  ])('says a fresh %s lock is damaged instead of naming "? (pid 0)"', (_what, text) => {
    const file = path.join(tmpDir(), 'ws.json');
    fs.writeFileSync(lockPathFor(file), text);
    const h = refusal(acquireLock(file));
    expect(h.problem).toBe('damaged');
    const msg = storeErrorText(en, new LockedError(h))!;
    expect(msg).toContain(`The lock file ${lockPathFor(file)} is damaged`);
    expect(msg).toContain('if no hotel-crm is running on this workspace, remove it');
    expect(msg).not.toContain('pid 0');
    expect(fs.readFileSync(lockPathFor(file), 'utf8')).toBe(text);
  });

  it('says a lock that is a folder or a link cannot be used, and leaves it', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ws.json');
    fs.mkdirSync(lockPathFor(file));
    expect(storeErrorText(en, new LockedError(refusal(acquireLock(file))))).toContain('is a link or not a plain file');
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(path.join(dir, 'target'), JSON.stringify({ host: 'h', pid: 1, user: 'u', since: '' }));
    fs.symlinkSync(path.join(dir, 'target'), lockPathFor(other));
    expect(refusal(acquireLock(other)).problem).toBe('not-regular');
    expect(fs.lstatSync(lockPathFor(other)).isSymbolicLink()).toBe(true);
  });

  it.runIf(asRoot)('refuses a lock that belongs to another user, even with a dead holder', () => {
    const file = path.join(tmpDir(), 'ws.json');
    plantLock(file, { pid: deadPid() });
    fs.chownSync(lockPathFor(file), NOBODY, NOBODY);
    const h = refusal(acquireLock(file));
    expect(storeErrorText(en, new LockedError(h))).toContain('belongs to another user');
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
  });

  it('waits for a live holder with waitMs, and refuses at the deadline', async () => {
    const file = path.join(tmpDir(), 'ws.json');
    plantLock(file, { pid: livePid(), user: 'anna' });
    expect(refusal(await acquireLockWaiting(file, { waitMs: 0 })).user).toBe('anna');
    expect(refusal(await acquireLockWaiting(file, { waitMs: 300 })).user).toBe('anna');
    // the holder lets go while we wait
    setTimeout(() => fs.rmSync(lockPathFor(file)), 300);
    const r = await acquireLockWaiting(file, { waitMs: 5000 });
    expect(r.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    if (r.ok) r.release();
  });

  it('never passes escape codes from the lock file to the message or the banner', () => {
    const file = path.join(tmpDir(), 'ws.json');
    const pid = livePid();
    plantLock(file, { pid, user: 'eve\u001b]0;pwned\u0007\u001b[2J', since: '2026\u001b[31m' });
    const h = refusal(acquireLock(file));
    for (const text of [storeErrorText(en, new LockedError(h))!, lockBannerText(en, h)]) {
      expect(text).toContain(`pid ${pid}`);
      expect(text).toContain('eve');
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});

describe('private files', () => {
  it('openPrivate never follows a link and creates 0600 whatever the umask', () => {
    const dir = tmpDir();
    const target = path.join(dir, 'target');
    fs.writeFileSync(target, 'secret');
    fs.symlinkSync(target, path.join(dir, 'journal'));
    expect(() => openPrivate(path.join(dir, 'journal'), 'append')).toThrow(UnsafePathError);
    expect(() => readPrivate(path.join(dir, 'journal'))).toThrow(UnsafePathError);
    expect(() => openPrivate(path.join(dir, 'journal'), 'create')).toThrow(/EEXIST/);
    expect(fs.readFileSync(target, 'utf8')).toBe('secret');
    const old = process.umask(0);
    try {
      fs.closeSync(openPrivate(path.join(dir, 'new'), 'create'));
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(dir, 'new')).mode & 0o777).toBe(0o600);
    expect(readPrivate(path.join(dir, 'missing'))).toBeUndefined();
  });

  it.runIf(asRoot)('openPrivate refuses a file that belongs to another user', () => {
    const file = path.join(tmpDir(), 'journal');
    fs.writeFileSync(file, 'planted');
    fs.chownSync(file, NOBODY, NOBODY);
    expect(() => openPrivate(file, 'append')).toThrow(UnsafePathError);
    expect(() => readPrivate(file)).toThrow(/file-foreign/);
  });
});

describe('where a workspace may live', () => {
  const sharedDir = (mode: number) => {
    const dir = path.join(tmpDir(), 'shared');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, mode);
    return dir;
  };

  it.each([
    [0o777, 'chmod 700'],
    [0o770, 'chmod 700'],
    [0o1777, 'private folder'],
  ])('refuses a folder of mode %o before reading or locking, and says how to fix it', async (mode, fix) => {
    const dir = sharedDir(mode);
    const file = path.join(dir, 'ws.json');
    fs.writeFileSync(file, 'not even read', { mode: 0o600 });
    for (const opts of [{ write: true }, {}]) {
      const e = await openStore(file, opts).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UnsafePathError);
      const msg = storeErrorText(en, e)!;
      expect(msg).toContain(`The folder ${dir} `);
      expect(msg).toContain(fix);
    }
    expect(fs.readdirSync(dir)).toEqual(['ws.json']);
  });

  it.runIf(asRoot)('refuses a folder or a workspace file of another user', async () => {
    const dir = sharedDir(0o700);
    const file = path.join(dir, 'ws.json');
    const s = await openStore(file, { create: true, write: true });
    await s.close();
    fs.chownSync(file, NOBODY, NOBODY);
    expect(storeErrorText(en, await openStore(file, {}).catch((x: unknown) => x))).toContain(`${file} belongs to another user`);
    fs.chownSync(file, 0, 0);
    fs.chownSync(dir, NOBODY, NOBODY);
    expect(storeErrorText(en, await openStore(file, { write: true }).catch((x: unknown) => x))).toContain(`The folder ${dir} belongs to another user`);
    expect(fs.readdirSync(dir)).toEqual(['ws.json']);
  });
});

describe('a symlinked workspace', () => {
  it('is written through: the target holds the record and the link stays a link', async () => {
    const dir = tmpDir();
    const real = path.join(dir, 'data', 'ws.json');
    fs.mkdirSync(path.dirname(real), { mode: 0o700 });
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(real, link); // dangling until the first open creates the target
    const s = await openStore(link, { create: true, write: true });
    expect(s.file).toBe(real);
    new Repo(s.data).create('customers', { name: '王先生' });
    await s.save();
    await s.close();
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8')).customers.map((c: { name: string }) => c.name)).toEqual(['王先生']);
    const again = await openStore(link, {});
    expect(again.data.customers).toHaveLength(1);
  });

  it('shares one lock between two links to one file', async () => {
    const dir = tmpDir();
    const real = path.join(dir, 'ws.json');
    (await openStore(real, { create: true, write: true })).close();
    fs.symlinkSync(real, path.join(dir, 'a.json'));
    fs.symlinkSync('ws.json', path.join(dir, 'b.json'));
    const first = await openStore(path.join(dir, 'a.json'), { write: true });
    await expect(openStore(path.join(dir, 'b.json'), { write: true })).rejects.toBeInstanceOf(LockedError);
    await first.close();
  });
});
