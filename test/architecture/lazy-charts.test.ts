// asciichart (the line charts of screen 7) is parsed only when a chart is drawn: every module in
// the bundle that a start loads is parsed at start (pitfalls.md), fifty students at a time. The
// app is bundled as the build does it, and the chunk that holds asciichart must be reached
// through import() only, never by a static import of the entry or of any chunk.
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
  dir = mkdtempSync(path.join(tmpdir(), 'hotel-crm-lazy-'));
  await build({ ...bundleOptions({ 'hotel-crm': 'src/main.ts' }, dir), logLevel: 'silent' });
  files = walk(dir).map((p) => ({ name: path.relative(dir, p), text: readFileSync(p, 'utf8') }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// asciichart's own default symbols, in the order of its source
const ASCIICHART = /┼[^\n]{0,12}┤[^\n]{0,12}╶/;

describe('the line charts load with screen 7, not at start', () => {
  it('keeps asciichart out of the entry, in a chunk that only import() reaches', () => {
    const holders = files.filter((f) => ASCIICHART.test(f.text));
    expect(holders.map((f) => f.name)).toHaveLength(1);
    const chunk = holders[0];
    expect(chunk.name).not.toBe('hotel-crm.js');
    const base = path.basename(chunk.name);
    const refs = files.flatMap((f) => [...f.text.matchAll(new RegExp(`["'][^"']*${base.replace(/[.$-]/g, '\\$&')}["']`, 'g'))].map((m) => ({ f: f.name, before: f.text.slice(Math.max(0, m.index! - 8), m.index) })));
    expect(refs.length).toBeGreaterThan(0);
    // a static import reads `from"./x.js"` or `import"./x.js"`; import() reads `import("./x.js")`
    expect(refs.filter((r) => !/import\(\s*$/.test(r.before))).toEqual([]);
  });
});
