// asciichart (the line charts of screen 7) is parsed only when a chart is drawn: every module in
// the bundle that a start loads is parsed at start (pitfalls.md), fifty students at a time. The
// app is bundled as the build does it, and the chunk that holds asciichart must be reached
// through import() only, never by a static import of the entry or of any chunk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, refsTo, type BundleFile } from '../helpers/bundle.js';

let files: BundleFile[] = [];
let remove = () => {};

beforeAll(async () => {
  ({ files, remove } = await bundleApp('hotel-crm-lazy-'));
}, 60_000);
afterAll(() => remove());

// asciichart's own default symbols, in the order of its source
const ASCIICHART = /┼[^\n]{0,12}┤[^\n]{0,12}╶/;

describe('the line charts load with screen 7, not at start', () => {
  it('keeps asciichart out of the entry, in a chunk that only import() reaches', () => {
    const holders = files.filter((f) => ASCIICHART.test(f.text));
    expect(holders.map((f) => f.name)).toHaveLength(1);
    const chunk = holders[0];
    expect(chunk.name).not.toBe('hotel-crm.js');
    const refs = refsTo(files, chunk.name);
    expect(refs.length).toBeGreaterThan(0);
    // a static import reads `from"./x.js"` or `import"./x.js"`; import() reads `import("./x.js")`
    expect(refs.filter((r) => !/import\(\s*$/.test(r.before))).toEqual([]);
  });
});
