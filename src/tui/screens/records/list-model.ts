// Pure list logic for record screens: what a row matches when filtering, and sort orders.
import type { EntityRecord } from '../../../domain/workspace.js';

export type Initials = (s: string) => string;

const keyCache = new WeakMap<EntityRecord, string>();
const initialsCache = new WeakMap<EntityRecord, string>();

/** The text a filter searches: id, name and the given fields, lower-cased, cached per record. */
export function searchKey(rec: EntityRecord, fields: string[]): string {
  let k = keyCache.get(rec);
  if (k === undefined) {
    k = fields.map((f) => (rec[f] === undefined ? '' : String(rec[f]))).join('\u0001').toLowerCase();
    keyCache.set(rec, k);
  }
  return k;
}

function initialsKey(rec: EntityRecord, field: string, initials: Initials): string {
  let k = initialsCache.get(rec);
  if (k === undefined) {
    k = initials(String(rec[field] ?? '')).toLowerCase();
    initialsCache.set(rec, k);
  }
  return k;
}

/** Every space-separated term must be found in the record's text (or, for a-z terms, in the
 *  pinyin of its name: "wxs" and "wangxiaoshan" find 王小山). */
export function filterRecords(recs: EntityRecord[], query: string, fields: string[], opts: { initials?: Initials; nameField?: string } = {}): EntityRecord[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return recs;
  const pinyinTerms = opts.initials && opts.nameField ? terms.map((t) => /^[a-z]+$/.test(t)) : terms.map(() => false);
  const out: EntityRecord[] = [];
  for (const r of recs) {
    const key = searchKey(r, fields);
    let all = true;
    for (let i = 0; i < terms.length; i++) {
      if (key.includes(terms[i])) continue;
      if (pinyinTerms[i] && initialsKey(r, opts.nameField!, opts.initials!).includes(terms[i])) continue;
      all = false;
      break;
    }
    if (all) out.push(r);
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
