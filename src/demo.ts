// The demo hotel ships as a ready workspace in data/ (made by scripts/gen-demo.ts), so
// loading it is one file read. The package root is one level above src/ and dist/, two above
// dist/chunks/.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWorkspaceText } from './storage/store.js';
import type { Workspace } from './domain/workspace.js';

export function demoFile(): string {
  const candidates = ['../data/demo-workspace.json', '../../data/demo-workspace.json'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0];
}

export function loadDemoWorkspace(): Workspace {
  const file = demoFile();
  return parseWorkspaceText(fs.readFileSync(file, 'utf8'), file);
}
