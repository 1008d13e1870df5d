// Two people saved the same record from the same starting point: a three-way look, field by
// field, at the original, mine and theirs. A field only one side changed takes that side's
// value; a field both changed to different values is a clash the person must settle.

type Rec = Record<string, unknown>;

export interface FieldMerge {
  field: string;
  original: unknown;
  mine: unknown;
  theirs: unknown;
  /** I changed it from the original */
  mineChanged: boolean;
  /** they changed it from the original */
  theirsChanged: boolean;
  /** both changed it, to different values */
  clash: boolean;
}

export interface Merge {
  /** the fields either side changed, in the order given (then any others, by name) */
  fields: FieldMerge[];
  /** theirs, with mine for every field I changed (a clash takes mine: the person settles it) */
  merged: Rec;
  clashes: string[];
}

/** fields that say when and by whom, not what: never a clash */
const STAMPS = new Set(['id', 'createdAt', 'updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** original: the record both started from (absent: unknown, so every difference is a clash).
 *  kept: fields the rules keep (a stage's history): theirs, never listed. */
export function mergeRecord(original: Rec | undefined, mine: Rec, theirs: Rec, order: string[] = [], kept: ReadonlySet<string> = new Set()): Merge {
  const names = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(original ?? {})]);
  const sorted = [...order.filter((n) => names.has(n)), ...[...names].filter((n) => !order.includes(n)).sort()];
  const fields: FieldMerge[] = [];
  const merged: Rec = { ...theirs };
  for (const field of sorted) {
    if (STAMPS.has(field) || kept.has(field)) continue;
    const o = original?.[field];
    const m = mine[field];
    const th = theirs[field];
    const mineChanged = original ? !same(o, m) : !same(m, th);
    const theirsChanged = original ? !same(o, th) : !same(m, th);
    if (!mineChanged && !theirsChanged) continue;
    const clash = mineChanged && theirsChanged && !same(m, th);
    if (mineChanged) {
      if (m === undefined) delete merged[field];
      else merged[field] = m;
    }
    fields.push({ field, original: o, mine: m, theirs: th, mineChanged, theirsChanged, clash });
  }
  return { fields, merged, clashes: fields.filter((f) => f.clash).map((f) => f.field) };
}
