// Editing a value list in settings, as pure steps over its items: add, rename (both
// languages), retire or bring back, move up or down. Codes never change, so a renamed value
// still reads right on every record that has it; lists that drive logic (FIXED_LISTS) are
// not editable, except the opportunity stages: renamed, given their probabilities, and stages
// added, removed and reordered between the first one (where leads and new opportunities enter)
// and won and lost (which close the funnel, and stay last). A value records use is not removed.
// An order type carries its points rate.
import { DEFAULT_VALUE_LISTS, FIXED_LISTS, ValueItem, type ValueLists } from './values.js';

export type ValueEditError =
  | { code: 'valueListUnknown'; list: string }
  | { code: 'valueListFixed'; list: string }
  | { code: 'valueCodeBad'; value: string }
  | { code: 'valueCodeTaken'; value: string }
  | { code: 'valueLabelTaken'; value: string }
  | { code: 'valueUnknown'; value: string }
  | { code: 'valueLabelMissing' }
  | { code: 'valueLastOffered'; value: string }
  | { code: 'valueNumberBad'; field: string; value: string; min: number; max: number }
  | { code: 'valueNumberNotHere'; field: string; list: string }
  | { code: 'valueInUse'; value: string; count: number }
  | { code: 'valuePinned'; value: string };

export type ValueEdit =
  /** a stage is added before won, with its probability if given */
  | { op: 'add'; code: string; en: string; zh: string; probability?: number; pointsPerYuan?: number }
  /** gone from the list (only a value no record has; the others are retired) */
  | { op: 'remove'; code: string }
  /** new labels and, on the lists that have them, the numbers a value carries (null clears) */
  | { op: 'rename'; code: string; en?: string; zh?: string; probability?: number | null; pointsPerYuan?: number | null }
  | { op: 'retire'; code: string }
  | { op: 'restore'; code: string }
  | { op: 'move'; code: string; by: number };

/** fixed lists whose values may still be renamed and given their numbers (not added, retired or moved) */
const TUNABLE_FIXED = new Set(['oppStage']);

/** fixed lists whose values may also be added, removed and moved, around values pinned in
 *  place: the first stage (leads and new opportunities enter there) and the closing stages */
export const RESHAPABLE_FIXED: Record<string, { head: number; tail: readonly string[] }> = {
  oppStage: { head: 1, tail: ['won', 'lost'] },
};

/** may settings add, remove and move values of this list? */
export const reshapable = (list: string): boolean => !FIXED_LISTS.has(list) || list in RESHAPABLE_FIXED;

/** The number a value of a list carries, with its range: a stage's probability (%), an order type's points per yuan. */
export const VALUE_NUMBERS: Record<string, { field: 'probability' | 'pointsPerYuan'; min: number; max: number; step: number }> = {
  oppStage: { field: 'probability', min: 0, max: 100, step: 1 },
  orderType: { field: 'pointsPerYuan', min: 0, max: 100, step: 0.01 },
};

/** The lists settings may edit, in the order the settings screen shows them. */
export function editableLists(lists: ValueLists): string[] {
  const names = [...new Set([...Object.keys(DEFAULT_VALUE_LISTS), ...Object.keys(lists)])];
  return names.filter((n) => !FIXED_LISTS.has(n) || TUNABLE_FIXED.has(n));
}

const onStep = (n: number, step: number) => Math.abs(Math.round(n / step) * step - n) < 1e-9;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A value's number checked against its list's range, or why not. */
function numberOf(list: string, field: 'probability' | 'pointsPerYuan', n: number): { value: number } | { error: ValueEditError } {
  const spec = VALUE_NUMBERS[list];
  if (spec?.field !== field) return { error: { code: 'valueNumberNotHere', field, list } };
  if (!Number.isFinite(n) || n < spec.min || n > spec.max || !onStep(n, spec.step)) return { error: { code: 'valueNumberBad', field, value: String(n), min: spec.min, max: spec.max } };
  return { value: spec.step === 1 ? n : Math.round(n * 100) / 100 };
}

/** The list's items after the edit, or why the edit is refused. `uses` counts the records that
 *  have a value (a removal is refused while any does). */
export function editValueList(lists: ValueLists, list: string, edit: ValueEdit, uses: (code: string) => number = () => 0): { ok: true; items: ValueItem[] } | { ok: false; error: ValueEditError } {
  const now = lists[list] ?? DEFAULT_VALUE_LISTS[list];
  if (!now) return { ok: false, error: { code: 'valueListUnknown', list } };
  const pins = RESHAPABLE_FIXED[list];
  const allowed = !FIXED_LISTS.has(list) || (TUNABLE_FIXED.has(list) && edit.op === 'rename') || (!!pins && ['add', 'remove', 'move'].includes(edit.op));
  if (!allowed) return { ok: false, error: { code: 'valueListFixed', list } };
  const items = now.map((v) => ({ ...v }));
  const code = edit.code.trim();
  const at = items.findIndex((v) => v.code.toLowerCase() === code.toLowerCase());
  // a label is how people type a value in (flags, import): two values must not share one
  const labelTaken = (label: string, except?: string) =>
    items.some((v) => v.code !== except && [v.en.toLowerCase(), v.zh.toLowerCase(), v.code.toLowerCase()].includes(label.toLowerCase()));
  if (edit.op === 'add') {
    const en = clean(edit.en);
    const zh = clean(edit.zh);
    if (!ValueItem.shape.code.safeParse(code).success || code.length > 30) return { ok: false, error: { code: 'valueCodeBad', value: code } };
    if (at >= 0) return { ok: false, error: { code: 'valueCodeTaken', value: code } };
    if (!en || !zh || en.length > 60 || zh.length > 60) return { ok: false, error: { code: 'valueLabelMissing' } };
    for (const l of [en, zh]) if (labelTaken(l)) return { ok: false, error: { code: 'valueLabelTaken', value: l } };
    const next: ValueItem = { code, en, zh };
    for (const field of ['probability', 'pointsPerYuan'] as const) {
      const n = edit[field];
      if (n === undefined) continue;
      const r = numberOf(list, field, n);
      if ('error' in r) return { ok: false, error: r.error };
      next[field] = r.value;
    }
    // a new stage goes before the closing ones
    const tailAt = pins ? items.findIndex((v) => pins.tail.includes(v.code)) : -1;
    items.splice(tailAt >= 0 ? tailAt : items.length, 0, next);
    return { ok: true, items };
  }
  if (at < 0) return { ok: false, error: { code: 'valueUnknown', value: code } };
  const item = items[at];
  const pinned = !!pins && (at < pins.head || pins.tail.includes(item.code));
  if (pinned && (edit.op === 'remove' || edit.op === 'move')) return { ok: false, error: { code: 'valuePinned', value: item.code } };
  if (edit.op === 'remove') {
    const n = uses(item.code);
    if (n > 0) return { ok: false, error: { code: 'valueInUse', value: item.code, count: n } };
    // a list keeps a value to offer (the stages keep their pinned ones whatever is removed)
    if (!pins && !items.some((v) => v.code !== item.code && !v.retired)) return { ok: false, error: { code: 'valueLastOffered', value: item.code } };
    items.splice(at, 1);
    return { ok: true, items };
  }
  if (edit.op === 'rename') {
    const en = edit.en === undefined ? item.en : clean(edit.en);
    const zh = edit.zh === undefined ? item.zh : clean(edit.zh);
    if (!en || !zh || en.length > 60 || zh.length > 60) return { ok: false, error: { code: 'valueLabelMissing' } };
    for (const l of [en, zh]) if (labelTaken(l, item.code)) return { ok: false, error: { code: 'valueLabelTaken', value: l } };
    // the former labels stay accepted on input (an import of last term's export)
    const former = [item.en, item.zh].filter((l) => l !== en && l !== zh);
    const aliases = [...new Set([...(item.aliases ?? []), ...former])].slice(-20);
    const next: ValueItem = { ...item, en, zh, ...(aliases.length ? { aliases } : {}) };
    for (const field of ['probability', 'pointsPerYuan'] as const) {
      const n = edit[field];
      if (n === undefined) continue;
      if (n === null) {
        if (VALUE_NUMBERS[list]?.field !== field) return { ok: false, error: { code: 'valueNumberNotHere', field, list } };
        delete next[field];
        continue;
      }
      const r = numberOf(list, field, n);
      if ('error' in r) return { ok: false, error: r.error };
      next[field] = r.value;
    }
    items[at] = next;
  } else if (edit.op === 'retire') {
    if (!items.some((v) => v.code !== item.code && !v.retired)) return { ok: false, error: { code: 'valueLastOffered', value: item.code } };
    items[at] = { ...item, retired: true };
  } else if (edit.op === 'restore') {
    const { retired: _gone, ...rest } = item;
    items[at] = rest;
  } else {
    // pinned values keep their places: a stage moves between the first one and won
    const lo = pins ? pins.head : 0;
    const tailAt = pins ? items.findIndex((v) => pins.tail.includes(v.code)) : -1;
    const hi = tailAt >= 0 ? tailAt - 1 : items.length - 1;
    const to = Math.max(lo, Math.min(hi, at + Math.trunc(edit.by)));
    items.splice(at, 1);
    items.splice(to, 0, item);
  }
  return { ok: true, items };
}
