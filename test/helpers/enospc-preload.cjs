// A disk that fills up, for one process and its worker threads: load with
//   NODE_OPTIONS="--require /…/enospc-preload.cjs" HOTEL_CRM_FAULT_SPACE_FILE=/path/space
// (CommonJS and --require, not --import: Node 20 runs --require preloads in worker threads too,
// and the snapshot writer's worker must meet the full disk as the main thread does)
// The file holds the bytes still free (a decimal number), read at every write, so a test can
// fill the disk or give the space back while the process runs. A write larger than what is
// free writes what fits and then fails with ENOSPC, as a real full disk does (a torn write).
// Standard input, output and error and the workspace's lock file are never limited.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const spaceFile = process.env.HOTEL_CRM_FAULT_SPACE_FILE;
if (spaceFile) {
  const orig = { writeSync: fs.writeSync, writeFileSync: fs.writeFileSync, appendFileSync: fs.appendFileSync, openSync: fs.openSync, closeSync: fs.closeSync, readFileSync: fs.readFileSync };

  const free = () => {
    try {
      const n = Number(orig.readFileSync(spaceFile, 'utf8').trim());
      return Number.isFinite(n) ? n : Infinity;
    } catch {
      return Infinity;
    }
  };
  const setFree = (n) => {
    const fd = orig.openSync(spaceFile, 'w');
    try {
      orig.writeSync(fd, String(n));
    } finally {
      orig.closeSync(fd);
    }
  };
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { errno: -28, code: 'ENOSPC', syscall: 'write' });

  const toBuffer = (data, a, b) => {
    if (typeof data === 'string') return { buf: Buffer.from(data, typeof b === 'string' ? b : 'utf8'), position: typeof a === 'number' ? a : null };
    const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return { buf: view, position: null };
  };

  // the lock file is exempt: the tests fill the disk for the workspace's own writes, after the
  // writer got its lock (a disk too full for a lock file is a different failure: open refused)
  const exempt = new Set();
  fs.openSync = function openSync(file, ...rest) {
    const fd = orig.openSync.call(fs, file, ...rest);
    if (String(file).endsWith('.lock')) exempt.add(fd);
    else exempt.delete(fd);
    return fd;
  };

  fs.writeSync = function writeSync(fd, data, ...rest) {
    if (fd <= 2 || exempt.has(fd)) return orig.writeSync.call(fs, fd, data, ...rest);
    let buf;
    let position = null;
    if (typeof data === 'string') ({ buf, position } = toBuffer(data, rest[0], rest[1]));
    else {
      const [offset = 0, length = data.byteLength - offset, pos = null] = typeof rest[0] === 'object' && rest[0] !== null ? [rest[0].offset, rest[0].length, rest[0].position] : rest;
      buf = Buffer.from(data.buffer, data.byteOffset + offset, length);
      position = pos;
    }
    const room = free();
    if (buf.byteLength <= room) {
      const n = orig.writeSync.call(fs, fd, buf, 0, buf.byteLength, position);
      if (room !== Infinity) setFree(room - n);
      return n;
    }
    if (room > 0) orig.writeSync.call(fs, fd, buf, 0, room, position);
    setFree(0);
    throw enospc();
  };

  const writeAll = (fd, buf) => {
    let off = 0;
    while (off < buf.byteLength) off += fs.writeSync(fd, buf.subarray(off));
  };
  const fileVariant = (flagDefault) =>
    function (file, data, options) {
      const opts = typeof options === 'string' ? { encoding: options } : options ?? {};
      const buf = typeof data === 'string' ? Buffer.from(data, opts.encoding ?? 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (typeof file === 'number') return writeAll(file, buf);
      const fd = orig.openSync(file, opts.flag ?? flagDefault, opts.mode ?? 0o666);
      try {
        writeAll(fd, buf);
      } finally {
        orig.closeSync(fd);
      }
    };
  fs.writeFileSync = fileVariant('w');
  fs.appendFileSync = fileVariant('a');
  syncBuiltinESMExports();
}
