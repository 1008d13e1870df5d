// The app bundled as the build does it, into a temp folder, for tests that check which chunk
// holds a library and how the others reach it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/esbuild-options.mjs';

export interface BundleFile {
  name: string;
  text: string;
}

function walk(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = path.join(d, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.js') ? [p] : [];
  });
}

/** bundles src/main.ts; remove() deletes the folder */
export async function bundleApp(prefix: string): Promise<{ files: BundleFile[]; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  await build({ ...bundleOptions({ 'hotel-crm': 'src/main.ts' }, dir), logLevel: 'silent' });
  const files = walk(dir).map((p) => ({ name: path.relative(dir, p), text: readFileSync(p, 'utf8') }));
  return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** the files that refer to this chunk, and how (the few characters before the name) */
export function refsTo(files: BundleFile[], chunk: string): { f: string; before: string }[] {
  const base = path.basename(chunk);
  return files.flatMap((f) => [...f.text.matchAll(new RegExp(`["'][^"']*${base.replace(/[.$-]/g, '\\$&')}["']`, 'g'))].map((m) => ({ f: f.name, before: f.text.slice(Math.max(0, m.index! - 8), m.index) })));
}
