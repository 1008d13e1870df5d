// The JSON-file backend of the storage port: one workspace file per user, its journal and lock
// beside it. main.ts hands this to the shells; nothing else in the shells knows about files.
import fs from 'node:fs';
import type { StorageBackend } from '../services/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { openStore, createWorkspace } from './store.js';
import { inspectFiles } from './inspect.js';
import { repairWorkspace } from './repair.js';
import { prepareWorkspace, resolveWorkspacePath } from './paths.js';
import { writeFileDurably } from './durable-file.js';
import { acquireLockWaiting } from './lock.js';
import { openPrivate, readPrivate } from './safe-fs.js';
import { LockedError } from '../services/ports.js';
import { loadDemoWorkspace } from '../demo.js';

export const fileBackend: StorageBackend = {
  resolvePath: resolveWorkspacePath,
  open: openStore,
  exists: (file) => fs.existsSync(file),
  async create(wanted: string, ws: Workspace, now: Date, opts = {}) {
    const file = prepareWorkspace(wanted, { makeDir: true }); // the real file, in a private folder
    const lock = await acquireLockWaiting(file, { ...opts, now });
    if (!lock.ok) throw new LockedError(lock.holder);
    try {
      // the old workspace's journal goes first (init --force): nothing of it is replayed into this one
      createWorkspace(file, ws);
    } finally {
      lock.release();
    }
  },
  writeFile(file, bytes, mode = 0o600) {
    writeFileDurably(file, bytes, mode);
  },
  loadDemo: loadDemoWorkspace,
  appendLine(file, line) {
    const fd = openPrivate(file, 'append');
    try {
      fs.writeFileSync(fd, line.endsWith('\n') ? line : line + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  readPrivate,
  inspect: inspectFiles,
  repair: repairWorkspace,
};
