// node-postgres is loaded only for a shared hotel (a postgres:// URL): a JSON workspace's start
// parses none of it. The app is bundled as the build does it; the chunk holding pg (its
// optional native binding's name is in it) must be reached through import() only, and the
// native binding itself, which is not installed, must stay a require that runs only when asked.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/esbuild-options.mjs';

let dir = '';
let files: { name: string; text: string }[] = [];

function walk(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = path.join(d, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.js') ? [p] : [];
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hotel-crm-lazy-pg-'));
  await build({ ...bundleOptions({ 'hotel-crm': 'src/main.ts' }, dir), logLevel: 'silent' });
  files = walk(dir).map((p) => ({ name: path.relative(dir, p), text: readFileSync(p, 'utf8') }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** the files that refer to this chunk, and how (the few characters before the name) */
function refsTo(chunk: string) {
  const base = path.basename(chunk);
  return files.flatMap((f) => [...f.text.matchAll(new RegExp(`["'][^"']*${base.replace(/[.$-]/g, '\\$&')}["']`, 'g'))].map((m) => ({ f: f.name, before: f.text.slice(Math.max(0, m.index! - 8), m.index) })));
}

describe('the PostgreSQL client loads with a shared hotel, not at start', () => {
  it('keeps pg out of the entry, in chunks that only import() reaches', () => {
    for (const marker of [/pg-native/, /hotel_crm_changes/]) {
      const holders = files.filter((f) => marker.test(f.text));
      expect(holders.length).toBe(1);
      const chunk = holders[0];
      expect(chunk.name).not.toBe('hotel-crm.js');
      const refs = refsTo(chunk.name);
      expect(refs.length).toBeGreaterThan(0);
      // a static import reads `from"./x.js"` or `import"./x.js"`; import() reads `import("./x.js")`
      expect(refs.filter((r) => !/import\(\s*$/.test(r.before))).toEqual([]);
    }
  });

  it('leaves the optional native binding as a require that runs only if asked for', () => {
    const pg = files.find((f) => /pg-native/.test(f.text))!;
    expect(pg.text).toMatch(/require\("pg-native"\)|\w\("pg-native"\)/);
    expect(pg.text).not.toMatch(/from\s*"pg-native"|import\s*"pg-native"/);
  });
});
