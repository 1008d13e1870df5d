// Pure list logic for record screens: what a row matches when filtering, and sort orders.
import type { EntityRecord } from '../../../domain/workspace.js';
import { entityFields, type EntityName } from '../../../domain/entities.js';
import type { FieldInfo } from '../../../domain/fields.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../../../domain/values.js';
import { filterByConditions, findField, parseCondition, splitTerm, type Condition, type RefName } from '../../../domain/query.js';

/** the pinyin of a record's name (the record says whether the name is a person's) */
export type Initials = (name: string, rec: EntityRecord) => string;

/** What the free filter searches in a record: text fields, the labels (both languages) of
 *  every value-list field, tags, and with `initials` the pinyin of the name. Built once per
 *  list screen and value lists, so no label map is rebuilt per row. */
export interface SearchSpec {
  fields: string[];
  nameField?: string;
  initials?: Initials;
  labels: { field: string; byCode: Map<string, string> }[];
  tags: string[];
  all: FieldInfo[];
}

const specs = new WeakMap<object, Map<string, SearchSpec>>();
const noInitials = {};

export function searchSpec(entity: EntityName, fields: string[], lists: ValueLists | undefined, opts: { nameField?: string; initials?: Initials } = {}): SearchSpec {
  const l = lists ?? DEFAULT_VALUE_LISTS;
  let byLists = specs.get(l);
  if (!byLists) specs.set(l, (byLists = new Map()));
  const id = `${entity}\u0001${fields.join(',')}\u0001${opts.nameField ?? ''}`;
  // one spec per initials function: a WeakMap keyed by it would do, but there is only one
  const k = `${id}\u0001${opts.initials ? 'p' : ''}`;
  let s = byLists.get(k);
  if (s && (s.initials ?? noInitials) === (opts.initials ?? noInitials)) return s;
  const all = entityFields(entity);
  s = {
    fields,
    nameField: opts.nameField,
    initials: opts.initials,
    all,
    labels: all.filter((f) => f.kind === 'enum').map((f) => ({
      field: f.name,
      byCode: new Map((l[f.values!] ?? DEFAULT_VALUE_LISTS[f.values!] ?? []).map((v) => [v.code, `${v.zh}\u0001${v.en}`.toLowerCase()])),
    })),
    tags: all.filter((f) => f.kind === 'tags' && !f.ref && !fields.includes(f.name)).map((f) => f.name),
  };
  byLists.set(k, s);
  return s;
}

const caches = new WeakMap<SearchSpec, WeakMap<EntityRecord, string>>();

/** The text a filter searches, lower-cased ("wxs" and "wangxiaoshan" find 王小山; 忠诚 and
 *  loyal find a loyal customer). Cached per record object: an edited record is a new object,
 *  so only it is computed again. */
export function searchKey(rec: EntityRecord, spec: SearchSpec): string {
  let cache = caches.get(spec);
  if (!cache) caches.set(spec, (cache = new WeakMap()));
  let k = cache.get(rec);
  if (k === undefined) {
    const parts: string[] = [];
    for (const f of spec.fields) {
      const v = rec[f];
      parts.push(v === undefined ? '' : Array.isArray(v) ? v.join('\u0001') : String(v));
    }
    for (const { field, byCode } of spec.labels) {
      const v = rec[field];
      if (v !== undefined && v !== null && v !== '') parts.push(byCode.get(String(v)) ?? String(v));
    }
    for (const f of spec.tags) {
      const v = rec[f];
      if (Array.isArray(v) && v.length) parts.push(v.join('\u0001'));
    }
    k = parts.join('\u0001').toLowerCase();
    if (spec.initials && spec.nameField) k += `\u0002${spec.initials(String(rec[spec.nameField] ?? ''), rec)}`;
    cache.set(rec, k);
  }
  return k;
}

/** A typed filter: field terms (`stage:忠诚`, `客户来源:网络`, `birthday>=1990/1/1`) and the
 *  free text of the others. A term naming no field (`10:30`) is free text; a field term whose
 *  value fits nothing (`stage:xyz`) makes the filter find nothing. */
export function splitQuery(query: string, spec: SearchSpec, lists: ValueLists | undefined): { free: string; conds: Condition[]; none: boolean; badList?: { field: FieldInfo; list: string } } {
  const free: string[] = [];
  const conds: Condition[] = [];
  let none = false;
  let badList: { field: FieldInfo; list: string } | undefined;
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const parts = splitTerm(term);
    if (!parts || !findField(spec.all, parts.field)) {
      free.push(term.toLowerCase());
      continue;
    }
    const r = parseCondition(spec.all, term, lists ?? DEFAULT_VALUE_LISTS);
    if ('cond' in r) conds.push(r.cond);
    else {
      none = true;
      const e = r.error;
      if (e.code === 'notInList') badList ??= { field: spec.all.find((f) => f.name === e.field)!, list: e.list };
    }
  }
  return { free: free.join(' '), conds, none, badList };
}

/** Records matching the whole filter; `index` answers the free text for a large list. */
export function findRecords(recs: EntityRecord[], query: string, spec: SearchSpec, lists: ValueLists | undefined, o: { index?: () => SearchIndex; refName?: RefName } = {}): EntityRecord[] {
  const { free, conds, none } = splitQuery(query, spec, lists);
  if (none) return [];
  let out = !free ? recs : o.index ? o.index().find(free) : filterRecords(recs, free, spec);
  if (conds.length) out = filterByConditions(out, spec.all, conds, o.refName);
  return out;
}

/** Every space-separated term must be found in the record's search text. */
export function filterRecords(recs: EntityRecord[], query: string, spec: SearchSpec): EntityRecord[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return recs;
  const out: EntityRecord[] = [];
  for (let i = 0; i < recs.length; i++) {
    const key = searchKey(recs[i], spec);
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
export async function warmSearch(recs: EntityRecord[], spec: SearchSpec, stopped: () => boolean): Promise<void> {
  for (let i = 0; i < recs.length; i++) {
    if (stopped()) return;
    searchKey(recs[i], spec);
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
}

/** All records' search texts in one string: a term is found with indexOf over the whole list
 *  (fast native search) instead of one `includes` per record, 100k records in a few ms. */
export class SearchIndex {
  #hay: string;
  #starts: Int32Array;
  #recs: EntityRecord[];
  #spec: SearchSpec;

  constructor(recs: EntityRecord[], spec: SearchSpec) {
    this.#recs = recs;
    this.#spec = spec;
    const keys = new Array<string>(recs.length);
    this.#starts = new Int32Array(recs.length + 1);
    let at = 0;
    for (let i = 0; i < recs.length; i++) {
      keys[i] = searchKey(recs[i], spec);
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
      if (!rest.length || rest.every((t) => searchKey(r, this.#spec).includes(t))) out.push(r);
      pos = this.#starts[i + 1];
    }
    return out;
  }
}
