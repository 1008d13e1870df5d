// Editing a value list in settings, as pure steps over its items: add, rename (both
// languages), retire or bring back, move up or down. Codes never change, so a renamed value
// still reads right on every record that has it; lists that drive logic (FIXED_LISTS) are
// not editable, except that the opportunity stages may be renamed and their probabilities
// set (the funnel's weighted pipeline follows). An order type carries its points rate.
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
  | { code: 'valueNumberNotHere'; field: string; list: string };

export type ValueEdit =
  | { op: 'add'; code: string; en: string; zh: string }
  /** new labels and, on the lists that have them, the numbers a value carries (null clears) */
  | { op: 'rename'; code: string; en?: string; zh?: string; probability?: number | null; pointsPerYuan?: number | null }
  | { op: 'retire'; code: string }
  | { op: 'restore'; code: string }
  | { op: 'move'; code: string; by: number };

/** fixed lists whose values may still be renamed and given their numbers (not added, retired or moved) */
const TUNABLE_FIXED = new Set(['oppStage']);

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

/** The list's items after the edit, or why the edit is refused. */
export function editValueList(lists: ValueLists, list: string, edit: ValueEdit): { ok: true; items: ValueItem[] } | { ok: false; error: ValueEditError } {
  const now = lists[list] ?? DEFAULT_VALUE_LISTS[list];
  if (!now) return { ok: false, error: { code: 'valueListUnknown', list } };
  if (FIXED_LISTS.has(list) && !(TUNABLE_FIXED.has(list) && edit.op === 'rename')) return { ok: false, error: { code: 'valueListFixed', list } };
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
    items.push({ code, en, zh });
    return { ok: true, items };
  }
  if (at < 0) return { ok: false, error: { code: 'valueUnknown', value: code } };
  const item = items[at];
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
      const spec = VALUE_NUMBERS[list];
      if (spec?.field !== field) return { ok: false, error: { code: 'valueNumberNotHere', field, list } };
      if (n === null) {
        delete next[field];
        continue;
      }
      if (!Number.isFinite(n) || n < spec.min || n > spec.max || !onStep(n, spec.step)) return { ok: false, error: { code: 'valueNumberBad', field, value: String(n), min: spec.min, max: spec.max } };
      next[field] = spec.step === 1 ? n : Math.round(n * 100) / 100;
    }
    items[at] = next;
  } else if (edit.op === 'retire') {
    if (!items.some((v) => v.code !== item.code && !v.retired)) return { ok: false, error: { code: 'valueLastOffered', value: item.code } };
    items[at] = { ...item, retired: true };
  } else if (edit.op === 'restore') {
    const { retired: _gone, ...rest } = item;
    items[at] = rest;
  } else {
    const to = Math.max(0, Math.min(items.length - 1, at + Math.trunc(edit.by)));
    items.splice(at, 1);
    items.splice(to, 0, item);
  }
  return { ok: true, items };
}
