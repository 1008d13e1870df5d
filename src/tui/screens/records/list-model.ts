// Pure list logic for record screens: what a row matches when filtering, and sort orders.
import type { EntityRecord } from '../../../domain/workspace.js';

export type Initials = (s: string) => string;

const keyCache = new WeakMap<EntityRecord, string>();
const fullCache = new WeakMap<EntityRecord, string>();

/** The text a filter searches: the given fields, lower-cased, and with `initials` the pinyin
 *  of the name field too ("wxs" and "wangxiaoshan" find 王小山). Cached per record object:
 *  an edited record is a new object, so only it is computed again. */
export function searchKey(rec: EntityRecord, fields: string[], nameField?: string, initials?: Initials): string {
  const cache = initials && nameField ? fullCache : keyCache;
  let k = cache.get(rec);
  if (k === undefined) {
    k = fields.map((f) => (rec[f] === undefined ? '' : String(rec[f]))).join('\u0001').toLowerCase();
    if (initials && nameField) k += `\u0002${initials(String(rec[nameField] ?? ''))}`;
    cache.set(rec, k);
  }
  return k;
}

/** Every space-separated term must be found in the record's search text. */
export function filterRecords(recs: EntityRecord[], query: string, fields: string[], opts: { initials?: Initials; nameField?: string } = {}): EntityRecord[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return recs;
  const out: EntityRecord[] = [];
  for (let i = 0; i < recs.length; i++) {
    const key = searchKey(recs[i], fields, opts.nameField, opts.initials);
    let all = true;
    for (let j = 0; j < terms.length; j++) {
      if (!key.includes(terms[j])) {
        all = false;
        break;
      }
    }
    if (all) out.push(recs[i]);
  }
  return out;
}

let collator: Intl.Collator | undefined;

/** Sorts by a field's shown text (pinyin order for Chinese); empty values last. */
export function sortRecords(recs: EntityRecord[], text: (r: EntityRecord) => string, dir: 1 | -1): EntityRecord[] {
  // created on the first sort: the Chinese collation tables cost start-up time and memory
  collator ??= new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });
  const c = collator;
  const keyed = recs.map((r) => ({ r, k: text(r) }));
  keyed.sort((a, b) => {
    if (!a.k !== !b.k) return a.k ? -1 : 1;
    return dir * c.compare(a.k, b.k);
  });
  return keyed.map((x) => x.r);
}

/** Fills the filter's caches in small slices after start, so the first keystroke of a filter
 *  over 100k records does not pay for all of them at once. One-off work, never repeated. */
export async function warmSearch(recs: EntityRecord[], fields: string[], nameField: string | undefined, initials: Initials | undefined, stopped: () => boolean): Promise<void> {
  for (let i = 0; i < recs.length; i++) {
    if (stopped()) return;
    searchKey(recs[i], fields, nameField, initials);
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
}
