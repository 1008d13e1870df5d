// The JSON-file backend of the storage port: one workspace file per user, its journal and lock
// beside it. main.ts hands this to the shells; nothing else in the shells knows about files.
import fs from 'node:fs';
import path from 'node:path';
import type { StorageBackend } from '../services/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { openStore } from './store.js';
import { resolveWorkspacePath } from './paths.js';
import { writeFileDurably, ensureDir } from './durable-file.js';
import { acquireLock, lockPathFor } from './lock.js';
import { journalPathFor } from './journal.js';
import { LockedError } from '../services/ports.js';
import { loadDemoWorkspace } from '../demo.js';

export const fileBackend: StorageBackend = {
  resolvePath: resolveWorkspacePath,
  open: openStore,
  exists: (file) => fs.existsSync(file),
  async create(file: string, ws: Workspace, now: Date) {
    ensureDir(path.dirname(file));
    const lock = acquireLock(file, now);
    if (!lock.ok) throw new LockedError(lock.holder);
    try {
      writeFileDurably(file, JSON.stringify(ws));
      // a journal left by the workspace this one replaces must never be replayed onto it
      fs.rmSync(journalPathFor(file), { force: true });
    } finally {
      lock.release();
    }
  },
  writeFile(file, bytes, mode = 0o600) {
    writeFileDurably(file, bytes, mode);
  },
  loadDemo: loadDemoWorkspace,
  inspect(file) {
    const mode = (f: string) => {
      try {
        return fs.statSync(f).mode & 0o777;
      } catch {
        return undefined;
      }
    };
    let lock: string | undefined;
    try {
      lock = fs.readFileSync(lockPathFor(file), 'utf8');
    } catch {
      lock = undefined;
    }
    return { mode: mode(file), dirMode: mode(path.dirname(file)), lock };
  },
};
