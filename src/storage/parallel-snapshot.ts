// A large snapshot's bytes are hashed, written and flushed by a worker thread while this thread
// goes on turning records into JSON. On the 57 MB snapshot of a 100k-order import that takes
// the SHA-256 (~60 ms), the writes (~40 ms) and most of the fsync (~85 ms) off the path the
// user waits on. This thread never yields to the event loop meanwhile (it waits with
// Atomics.wait), so no key, timer or other save runs in between: the snapshot is of one moment,
// as with the synchronous write. A snapshot smaller than one slot is written here, as before.
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import { SnapshotDigest } from './checked-mark.js';

const SLOT = 2 << 20;
// 8 slots, not 4: while the worker flushes (~30-40 ms for 16 MB) this thread fills slots rather
// than waiting for one (its waits on a 57 MB snapshot: ~30 → ~10 ms), for 8 MB more memory
const SLOTS = 8;
/** the worker flushes what it has written every so often: the final fsync has little left */
const SYNC_EVERY = 16 << 20;
/** how long this thread waits for a worker that has not started before writing itself */
const START_WAIT_MS = 500;

// control words: one per slot (0: free, n > 0: n bytes to write, -1: the end), then these
const STARTED = SLOTS; // 0: not yet, 1: the worker runs, -1: given up on (this thread writes)
const DONE = SLOTS + 1; // 0: working, 1: done, 2: failed
const HEX = SLOTS + 2; // 16 words: the digest's 64 hex digits
const ERR = HEX + 16; // 64 words: the error's text, UTF-8, ended by a 0
const WORDS = ERR + 64;

/** The worker's code: plain CommonJS, evaluated, so the bundle needs no file of its own. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { data, ctl, fd, slot, slots, syncEvery, STARTED, DONE, HEX, ERR } = workerData;
const state = new Int32Array(ctl);
if (Atomics.compareExchange(state, STARTED, 0, 1) === 0) {
  Atomics.notify(state, STARTED);
  const hash = crypto.createHash('sha256');
  let k = 0, since = 0;
  try {
    for (;;) {
      Atomics.wait(state, k, 0);
      const len = Atomics.load(state, k);
      if (len < 0) break;
      const view = new Uint8Array(data, k * slot, len);
      hash.update(view);
      for (let off = 0; off < len; ) off += fs.writeSync(fd, view, off, len - off);
      since += len;
      if (since >= syncEvery) { fs.fdatasyncSync(fd); since = 0; }
      Atomics.store(state, k, 0);
      Atomics.notify(state, k);
      k = (k + 1) % slots;
    }
    fs.fsyncSync(fd);
    new Uint8Array(ctl, HEX * 4, 64).set(Buffer.from(hash.digest('hex'), 'latin1'));
    Atomics.store(state, DONE, 1);
  } catch (e) {
    const text = Buffer.from(String((e && e.message) || e).slice(0, 200), 'utf8');
    new Uint8Array(ctl, ERR * 4, 255).set(text.subarray(0, 255));
    Atomics.store(state, DONE, 2);
  }
  for (let i = 0; i < slots; i++) Atomics.notify(state, i);
  Atomics.notify(state, DONE);
}
`;

export interface Written {
  bytes: number;
  digest: SnapshotDigest;
}

const writeAll = (fd: number, b: Uint8Array) => {
  for (let off = 0; off < b.length; ) off += fs.writeSync(fd, b, off, b.length - off);
};

const isHighSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};

/** a UTF-16 unit is at most 3 bytes of UTF-8: a piece up to this long fits in a slot */
const MAX_UNITS = Math.floor(SLOT / 3);

/** Writes the pieces (as UTF-8) to `fd` and fsyncs it; returns the bytes and their SHA-256. */
export function writePieces(fd: number, pieces: Iterable<string>): Written {
  const data = new SharedArrayBuffer(SLOT * SLOTS);
  const ctl = new SharedArrayBuffer(WORDS * 4);
  const state = new Int32Array(ctl);
  const slots = Array.from({ length: SLOTS }, (_, i) => Buffer.from(data, i * SLOT, SLOT));
  const digest = new SnapshotDigest();
  let worker: Worker | undefined;
  /** this thread writes: a snapshot smaller than a slot, or a worker that would not start */
  let alone = true;
  let bytes = 0;
  let k = 0;
  let used = 0;

  const failure = (): Error => {
    const raw = new Uint8Array(ctl, ERR * 4, 255);
    const end = raw.indexOf(0);
    return new Error(Buffer.from(raw.subarray(0, end < 0 ? 255 : end)).toString('utf8') || 'the snapshot writer stopped');
  };
  const writeHere = (b: Uint8Array) => {
    digest.update(b);
    writeAll(fd, b);
  };
  /** The worker has not started in time (a server out of threads): this thread takes its place.
   *  A worker that never ran read nothing: what was handed to it is in slots 0, 1, … in order. */
  const takeOver = (): boolean => {
    if (Atomics.compareExchange(state, STARTED, 0, -1) !== 0) return false;
    alone = true;
    for (let i = 0; i < SLOTS; i++) {
      const len = Atomics.load(state, i);
      if (len <= 0) break;
      writeHere(slots[i].subarray(0, len));
      Atomics.store(state, i, 0);
    }
    void worker?.terminate();
    return true;
  };
  /** waits while control word `i` (a slot, or DONE) still holds `busy`; throws when the worker failed */
  const waitFor = (i: number, busy: number) => {
    let waited = 0;
    while (Atomics.load(state, i) === busy) {
      if (Atomics.load(state, DONE) === 2) throw failure();
      if (Atomics.load(state, STARTED) === 0) {
        if (waited >= START_WAIT_MS && takeOver()) return;
        Atomics.wait(state, STARTED, 0, 50);
        waited += 50;
        continue;
      }
      Atomics.wait(state, i, busy, 1000);
    }
  };
  /** the filled slot: to the worker, or written here */
  const submit = (len: number) => {
    bytes += len;
    if (alone) writeHere(slots[k].subarray(0, len));
    else {
      Atomics.store(state, k, len);
      Atomics.notify(state, k);
    }
    k = (k + 1) % SLOTS;
    if (!alone) {
      const v = Atomics.load(state, k);
      if (v !== 0) waitFor(k, v);
    }
  };
  const put = (p: string) => {
    if (used + p.length * 3 > SLOT && used > 0) {
      // the first slot is full: a snapshot this large is worth a worker
      if (bytes === 0) startWorker();
      submit(used);
      used = 0;
    }
    used += slots[k].write(p, used, 'utf8');
  };
  const startWorker = () => {
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { data, ctl, fd, slot: SLOT, slots: SLOTS, syncEvery: SYNC_EVERY, STARTED, DONE, HEX, ERR } });
      worker.unref();
      // its failures are read from the control words; an 'error' event must not end the process
      worker.on('error', () => {});
      alone = false;
    } catch {
      alone = true;
    }
  };

  for (const p of pieces) {
    if (p.length <= MAX_UNITS) {
      put(p);
      continue;
    }
    for (let i = 0; i < p.length; ) {
      let end = Math.min(p.length, i + MAX_UNITS);
      if (end < p.length && isHighSurrogate(p, end - 1)) end--;
      put(p.slice(i, end));
      i = end;
    }
  }
  if (used > 0) submit(used);
  if (!alone) {
    // the end, in the slot the worker reads next
    Atomics.store(state, k, -1);
    Atomics.notify(state, k);
    waitFor(DONE, 0);
  }
  if (alone) {
    fs.fsyncSync(fd);
    return { bytes, digest };
  }
  void worker?.terminate();
  if (Atomics.load(state, DONE) === 2) throw failure();
  const hex = Buffer.from(new Uint8Array(ctl, HEX * 4, 64)).toString('latin1');
  return { bytes, digest: SnapshotDigest.written(hex, bytes) };
}
