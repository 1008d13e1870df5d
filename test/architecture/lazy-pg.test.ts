// node-postgres is loaded only for a shared hotel (a postgres:// URL): a JSON workspace's start
// parses none of it. The app is bundled as the build does it; the chunk holding pg (its
// optional native binding's name is in it) must be reached through import() only, and the
// native binding itself, which is not installed, must stay a require that runs only when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, refsTo, type BundleFile } from '../helpers/bundle.js';

let files: BundleFile[] = [];
let remove = () => {};

beforeAll(async () => {
  ({ files, remove } = await bundleApp('hotel-crm-lazy-pg-'));
}, 60_000);
afterAll(() => remove());

describe('the PostgreSQL client loads with a shared hotel, not at start', () => {
  it('keeps pg out of the entry, in chunks that only import() reaches', () => {
    for (const marker of [/pg-native/, /hotel_crm_changes/]) {
      const holders = files.filter((f) => marker.test(f.text));
      expect(holders.length).toBe(1);
      const chunk = holders[0];
      expect(chunk.name).not.toBe('hotel-crm.js');
      const refs = refsTo(files, chunk.name);
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
