// Pure list logic for record screens: what a row matches when filtering, and sort orders.
import type { EntityRecord } from '../../../domain/workspace.js';

/** the pinyin of a record's name (the record says whether the name is a person's) */
export type Initials = (name: string, rec: EntityRecord) => string;

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
    if (initials && nameField) k += `\u0002${initials(String(rec[nameField] ?? ''), rec)}`;
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

/** All records' search texts in one string: a term is found with indexOf over the whole list
 *  (fast native search) instead of one `includes` per record, 100k records in a few ms. */
export class SearchIndex {
  #hay: string;
  #starts: Int32Array;
  #recs: EntityRecord[];
  #fields: string[];
  #nameField?: string;
  #initials?: Initials;

  constructor(recs: EntityRecord[], fields: string[], nameField?: string, initials?: Initials) {
    this.#recs = recs;
    this.#fields = fields;
    this.#nameField = nameField;
    this.#initials = initials;
    const keys = new Array<string>(recs.length);
    this.#starts = new Int32Array(recs.length + 1);
    let at = 0;
    for (let i = 0; i < recs.length; i++) {
      keys[i] = searchKey(recs[i], fields, nameField, initials);
      this.#starts[i] = at;
      at += keys[i].length + 1;
    }
    this.#starts[recs.length] = at;
    this.#hay = keys.join('\u0003');
  }

  #recordAt(pos: number): number {
    let lo = 0;
    let hi = this.#recs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Records whose search text holds every term of the query, in list order. */
  find(query: string): EntityRecord[] {
    const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return this.#recs;
    // candidates from the longest term (the fewest hits), then the other terms per record
    const first = terms.reduce((a, b) => (b.length > a.length ? b : a));
    const rest = terms.filter((t) => t !== first);
    const out: EntityRecord[] = [];
    let pos = 0;
    for (;;) {
      const hit = this.#hay.indexOf(first, pos);
      if (hit < 0) break;
      const i = this.#recordAt(hit);
      const r = this.#recs[i];
      if (!rest.length || rest.every((t) => searchKey(r, this.#fields, this.#nameField, this.#initials).includes(t))) out.push(r);
      pos = this.#starts[i + 1];
    }
    return out;
  }
}
