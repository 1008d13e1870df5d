import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError, LockedError } from '../../src/storage/store.js';
import { acquireLock, lockPathFor } from '../../src/storage/lock.js';
import { Repo } from '../../src/services/repo.js';
import { tmpDir } from '../helpers/tmp.js';

describe('openStore on real files', () => {
  it('creates the workspace with mode 0600 in a 0700 folder, saves, and reads back after reopening', async () => {
    const dir = path.join(tmpDir(), 'hotel-crm');
    const file = path.join(dir, 'workspace.json');
    const old = process.umask(0o022);
    try {
      const s = await openStore(file, { create: true, write: true });
      new Repo(s.data).create('customers', { name: '王先生' });
      await s.save();
      s.close();
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const again = await openStore(file, {});
    expect(again.data.customers.map((c) => c.name)).toEqual(['王先生']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['corrupt', '{"format": "hotel-crm-workspace", "version": 1, "custo'],
    ['foreign', '{"name": "my-package", "version": "1.0.0"}'],
    ['newer', '{"format": "hotel-crm-workspace", "version": 99, "createdAt": "x"}'],
    ['invalid', '{"format": "hotel-crm-workspace", "version": 1, "createdAt": "x", "customers": [{"id": 5}]}'],
  ])('refuses a %s file and leaves it byte for byte as it was', async (code, text) => {
    const file = path.join(tmpDir(), 'workspace.json');
    fs.writeFileSync(file, text);
    await expect(openStore(file, { write: true, create: true })).rejects.toMatchObject({ code });
    await expect(openStore(file, { write: true })).rejects.toBeInstanceOf(StoreError);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('lets one writer in; a second writer is refused or opens read-only, naming the holder', async () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const first = await openStore(file, { create: true, write: true });
    await expect(openStore(file, { write: true })).rejects.toBeInstanceOf(LockedError);
    const second = await openStore(file, { write: true, fallbackReadOnly: true });
    expect(second.readOnlyBecause?.pid).toBe(process.pid);
    await expect(second.save()).rejects.toThrow();
    first.close();
    const third = await openStore(file, { write: true });
    third.close();
  });

  it('takes over at once a lock whose process is gone', () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ host: require('node:os').hostname(), pid: Number(dead.stdout), user: 'ghost', since: '2026-01-01T00:00:00Z' }));
    const lock = acquireLock(file);
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('leaves the old or the new file, never a broken one, when the writer is killed mid-save', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'workspace.json');
    const s = await openStore(file, { create: true, write: true });
    s.close();
    const script = `
      import { writeFileDurably } from ${JSON.stringify(path.resolve('src/storage/durable-file.ts'))};
      const big = 'x'.repeat(2_000_000);
      for (let i = 0; ; i++) writeFileDurably(${JSON.stringify(file)}, JSON.stringify({ format: 'hotel-crm-workspace', version: 1, createdAt: String(i), big }));
    `;
    const seen = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      // killed once it is rewriting the file (its start takes seconds on a loaded machine)
      const before = fs.statSync(file).mtimeMs;
      for (let waited = 0; fs.statSync(file).mtimeMs === before && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(parsed.format).toBe('hotel-crm-workspace');
      seen.add(parsed.createdAt);
    }
    // the writer really was interrupted while rewriting the file, not before its first save
    expect([...seen].some((c) => /^\d+$/.test(c))).toBe(true);
  });
});
