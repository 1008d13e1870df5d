// A large snapshot is written by a worker thread while the records are still being turned into
// JSON (parallel-snapshot.ts). The file must hold exactly the pieces' UTF-8, the digest must be
// that file's SHA-256 (the checked mark trusts it), and a worker that never starts must not
// leave the save hanging or lose a byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';

/** pieces of every size: tiny, several slots long, Chinese, and emoji whose surrogate pairs
 *  fall on the 2 MB slots' borders */
function pieces(): string[] {
  const out: string[] = ['{"customers":['];
  for (let i = 0; i < 3000; i++) out.push(`${i ? ',' : ''}{"id":"C${i}","name":"欧阳娜娜${i}","note":"${'房'.repeat(i % 50)}"}`);
  out.push('],"notes":"');
  // one piece far longer than a slot, with a pair every 7 units so some land on a border
  out.push('好😀abcd'.repeat(1_200_000));
  out.push('"}');
  return out;
}

async function write(ps: string[]) {
  const { writePieces } = await import('../../src/storage/parallel-snapshot.js');
  const file = path.join(tmpDir(), 'ws.json');
  const fd = fs.openSync(file, 'w', 0o600);
  const w = writePieces(fd, ps);
  fs.closeSync(fd);
  return { file, w };
}

afterEach(() => {
  vi.doUnmock('node:worker_threads');
  vi.resetModules();
});

describe('writing a large snapshot beside a worker thread', () => {
  it('writes exactly the pieces as UTF-8, and its digest is the file\'s SHA-256', async () => {
    const spawned = vi.fn();
    vi.doMock('node:worker_threads', async (orig) => {
      const real = (await orig()) as typeof import('node:worker_threads');
      return { ...real, Worker: class extends real.Worker { constructor(...a: ConstructorParameters<typeof real.Worker>) { spawned(); super(...a); } } };
    });
    const ps = pieces();
    const { file, w } = await write(ps);
    expect(spawned).toHaveBeenCalledTimes(1);
    const want = Buffer.from(ps.join(''), 'utf8');
    expect(want.length).toBeGreaterThan(8 << 20); // more than the four slots: the worker wrote it
    const got = fs.readFileSync(file);
    expect(got.equals(want)).toBe(true);
    expect(w.bytes).toBe(want.length);
    expect(w.digest.size).toBe(want.length);
    expect(w.digest.hex).toBe(crypto.createHash('sha256').update(want).digest('hex'));
  });

  it('a small snapshot is written as before, without a worker', async () => {
    const spawned = vi.fn();
    vi.doMock('node:worker_threads', async (orig) => {
      const real = (await orig()) as typeof import('node:worker_threads');
      return { ...real, Worker: class extends real.Worker { constructor(...a: ConstructorParameters<typeof real.Worker>) { spawned(); super(...a); } } };
    });
    const ps = ['{"a":', JSON.stringify('欧阳'.repeat(1000)), '}'];
    const { file, w } = await write(ps);
    expect(fs.readFileSync(file, 'utf8')).toBe(ps.join(''));
    expect(w.digest.hex).toBe(crypto.createHash('sha256').update(ps.join('')).digest('hex'));
    expect(spawned).not.toHaveBeenCalled();
  });

  it('a worker that never starts (a server out of threads): this thread writes everything, in order', async () => {
    vi.doMock('node:worker_threads', async (orig) => {
      const real = (await orig()) as typeof import('node:worker_threads');
      // a thread that is made but never runs its code
      class Stuck { unref() {} on() { return this; } terminate() { return Promise.resolve(0); } }
      return { ...real, Worker: Stuck };
    });
    const ps = pieces();
    const { file, w } = await write(ps);
    const want = Buffer.from(ps.join(''), 'utf8');
    expect(fs.readFileSync(file).equals(want)).toBe(true);
    expect(w.digest.hex).toBe(crypto.createHash('sha256').update(want).digest('hex'));
  });
});
