// The full-screen app sets V8's heap flags (a young generation that keeps its first size, no
// optimising compilers on a class's workspace) in main.ts before it loads anything else: V8
// grows the young generation while the modules of the first frame are evaluated, and once
// grown it stays (3-4 MB more resident on one start in two, scripts/bench.ts). So the entry
// and what it imports statically must be main.ts itself and esbuild's helpers, nothing of the
// app: every other module (messages, schemas, shells) comes through import(), after the flags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { bundleApp, type BundleFile } from '../helpers/bundle.js';

let files: BundleFile[] = [];
let remove = () => {};

beforeAll(async () => {
  ({ files, remove } = await bundleApp('hotel-crm-entry-'));
}, 60_000);
afterAll(() => remove());

/** the chunks a file imports statically: `import"./x.js"` or `from"./x.js"`, not `import("./x.js")` */
function staticImports(f: BundleFile): string[] {
  return [...f.text.matchAll(/(?:\bimport|\bfrom)\s*["'](\.[^"']+)["']/g)].map((m) => path.join(path.dirname(f.name), m[1]));
}

describe('the entry loads nothing of the app before the heap is set up', () => {
  it('reaches only a few kilobytes of code through static imports', () => {
    const byName = new Map(files.map((f) => [f.name, f]));
    const seen = new Set<string>();
    const todo = ['hotel-crm.js'];
    while (todo.length) {
      const name = todo.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const f = byName.get(name);
      expect(f, name).toBeDefined();
      todo.push(...staticImports(f!));
    }
    const bytes = [...seen].reduce((n, name) => n + byName.get(name)!.text.length, 0);
    // main.ts and esbuild's runtime helpers: about 4 KB (with the messages it was over 200 KB)
    expect(bytes).toBeLessThan(16_000);
    // and no message table among them
    for (const name of seen) expect(byName.get(name)!.text).not.toContain('全屏应用需要终端');
  });
});
