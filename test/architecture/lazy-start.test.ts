// What every `hotel-crm <command>` pays before it does anything: an instructor's script runs
// hundreds. string-width (Ink's, yargs' cliui's and wrap-ansi's copies) built a grapheme
// segmenter and parsed an RGI_Emoji regular expression when its module was evaluated (40-130 ms
// a start); the build makes them on first use (scripts/lazy-string-width.mjs). And the CLI shell
// loads a command's module only when that command runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import realStringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyStringWidth } from '../../scripts/lazy-string-width.mjs';
import { bundleApp, type BundleFile } from '../helpers/bundle.js';

let files: BundleFile[] = [];
let remove = () => {};

beforeAll(async () => {
  ({ files, remove } = await bundleApp('hotel-crm-lazy-start-'));
}, 60_000);
afterAll(() => remove());

/** the chunks a file imports statically, and theirs */
function staticClosure(start: string): string[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const f = byName.get(name)!;
    for (const m of f.text.matchAll(/(?:\bimport|\bfrom)\s*["'](\.[^"']+)["']/g)) todo.push(path.join(path.dirname(f.name), m[1]));
  }
  return [...seen];
}

// the installed copies, as the bundle finds them
const require = createRequire(import.meta.url);
const COPIES = [
  require.resolve('string-width'),
  path.join(path.dirname(require.resolve('cliui')), 'node_modules/string-width/index.js'),
  path.join(path.dirname(require.resolve('wrap-ansi')), 'node_modules/string-width/index.js'),
];

describe('start-up builds no width tables', () => {
  it('makes every segmenter and the RGI_Emoji expression of string-width on first use', () => {
    const holders = files.filter((f) => /RGI_Emoji/.test(f.text));
    expect(holders.length).toBeGreaterThan(0);
    for (const f of holders) {
      // the one expression, inside the function that makes it when first asked
      const uses = [...f.text.matchAll(/.{0,40}RGI_Emoji/g)].map((m) => m[0]);
      expect(uses.every((u) => /\?\?=\s*new RegExp\(["']\^\\\\p\{RGI_Emoji/.test(u)), f.name).toBe(true);
    }
    // no string-width copy makes its segmenter when loaded (the app's own lazy ones read `??=new Intl.Segmenter`)
    const cliChunks = staticClosure(files.find((f) => f.text.includes('"hotel-crm"') && /scriptName/.test(f.text))!.name);
    const eager = cliChunks.filter((name) => /(?<!\?\?)=\s*new Intl\.Segmenter\b/.test(files.find((f) => f.name === name)!.text));
    expect(eager).toEqual([]);
  });

  it('measures widths as string-width itself does, each copy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lazy-width-'));
    try {
      const samples = ['任艳桂', 'abc', '👍🏽', '👨‍👩‍👧‍👦', '1️⃣', 'é', 'a\u0300\u0301', '\u1100\u1161\u11a8', '한국어', 'ｶﾞ', '\u200b', '\x1b[31m红\x1b[39m', '❤️', '🇨🇳'];
      for (const [i, file] of COPIES.entries()) {
        // its imports pointed at the packages it would find, so the copy runs outside its folder
        const req = createRequire(file);
        const source = lazyStringWidth(readFileSync(file, 'utf8'), file).replace(/from '([^'.][^']*)'/g, (_: string, spec: string) => `from '${pathToFileURL(req.resolve(spec)).href}'`);
        expect(source).not.toMatch(/^const segmenter = new Intl\.Segmenter/m);
        const out = path.join(dir, `sw${i}.mjs`);
        writeFileSync(out, source);
        const lazy = (await import(pathToFileURL(out).href)).default as (s: string) => number;
        const original = (await import(pathToFileURL(file).href)).default as (s: string) => number;
        expect(samples.map((s) => lazy(s)), file).toEqual(samples.map((s) => original(s)));
      }
      expect(samples.map((s) => realStringWidth(s))).toContain(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a string-width whose source it does not know', () => {
    expect(() => lazyStringWidth('const segmenter = new Intl.Segmenter(); export default (s) => segmenter.split(s);')).toThrow(/segmenter/);
    expect(() => lazyStringWidth('export default () => 1;')).toThrow(/expected exactly one/);
  });
});

describe('the CLI shell loads a command when it runs', () => {
  it('reaches no command module through static imports', () => {
    const shell = files.find((f) => f.text.includes('"hotel-crm"') && /scriptName/.test(f.text))!;
    expect(shell).toBeDefined();
    const loaded = staticClosure(shell.name);
    const bytes = loaded.reduce((n, name) => n + files.find((f) => f.name === name)!.text.length, 0);
    // measured: 752 KB when every command was imported statically, 525 KB after
    expect(bytes).toBeLessThan(620_000);
  });
});
