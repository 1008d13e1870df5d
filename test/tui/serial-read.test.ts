// The shared hotel's history is read one read at a time: requests that arrive during a read
// make one more read after it (the latest), not one each, and a failed read does not stop the next.
import { describe, expect, it } from 'vitest';
import { serialReader } from '../../src/tui/hooks/serial-read.js';

describe('serialReader', () => {
  it('runs one read at a time and then only the latest request', async () => {
    const r = serialReader();
    const ran: string[] = [];
    let release!: () => void;
    r.run(() => new Promise<void>((done) => ((release = done), ran.push('a'))));
    r.run(async () => void ran.push('b'));
    r.run(async () => void ran.push('c'));
    expect(ran).toEqual(['a']);
    release();
    await new Promise((x) => setTimeout(x, 10));
    expect(ran).toEqual(['a', 'c']);
  });

  it('goes on after a read that failed', async () => {
    const r = serialReader();
    const ran: string[] = [];
    r.run(() => Promise.reject(new Error('down')).finally(() => ran.push('x')));
    r.run(async () => void ran.push('y'));
    await new Promise((x) => setTimeout(x, 10));
    expect(ran).toEqual(['x', 'y']);
  });
});
