// The JSON-file backend of the storage port: one workspace file per user, its journal and lock
// beside it. main.ts hands this to the shells; nothing else in the shells knows about files.
import fs from 'node:fs';
import type { StorageBackend } from '../services/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { openStore, createWorkspace } from './store.js';
import { inspectFiles } from './inspect.js';
import { repairWorkspace } from './repair.js';
import { resolveWorkspacePath } from './paths.js';
import { writeFileDurably } from './durable-file.js';
import { loadDemoWorkspace } from '../demo.js';

export const fileBackend: StorageBackend = {
  resolvePath: resolveWorkspacePath,
  open: openStore,
  exists: (file) => fs.existsSync(file),
  // the old workspace's journal goes first (init --force): nothing of it is replayed into this one
  create: (file: string, ws: Workspace, now: Date) => createWorkspace(file, ws, { now: () => now }),
  writeFile(file, bytes, mode = 0o600) {
    writeFileDurably(file, bytes, mode);
  },
  loadDemo: loadDemoWorkspace,
  inspect: inspectFiles,
  repair: repairWorkspace,
};
