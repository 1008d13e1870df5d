// What a picker offers for a choice: a value list's options, or the records a reference can
// name. Shared by the record form and the nested-row editor (an order line's product), so both
// list the same things the same way.
import type { FieldInfo } from '../../domain/fields.js';
import { ENTITIES, type EntityName } from '../../domain/entities.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { offeredValues, type ValueLists } from '../../domain/values.js';
import { isPersonName } from '../../domain/person.js';
import type { T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import { refName } from '../../presentation/cells.js';
import type { PickItem } from './Picker.js';
import { fenToGrouped } from '../../domain/money.js';

/** What tells apart records of the same name in a picker (four 畅游旅行社 in four cities). */
const PICK_DETAILS = ['city', 'phone', 'tel', 'login'];

/** A value list's options: retired values are not offered, except the one already held. */
export function valuePickItems(t: T, lists: ValueLists, fi: FieldInfo, keep?: unknown, only?: readonly string[]): PickItem[] {
  const items = offeredValues(lists, fi.values!, keep).filter((v) => !only || only.includes(v.code));
  // a value with a meaning (定级 A-D) says it where it is chosen
  return items.map((v) => {
    const label = t.lang === 'en' ? v.en : v.zh;
    const meaning = v.description?.[t.lang === 'en' ? 'en' : 'zh'];
    return { value: v.code, label: meaning ? `${label}  ${meaning}` : label, keywords: `${v.zh} ${v.en}` };
  });
}

/** The records of `target` as picker items: id, name and what tells namesakes apart. */
export function recordPickItems(repo: Repo, t: T, target: EntityName, recs: readonly EntityRecord[]): PickItem[] {
  const disp = ENTITIES[target].display;
  return recs.map((r) => {
    // "银卡 Silver" reads 银卡 on a Chinese screen
    const name = refName(repo, t, target, r.id) ?? '';
    return {
      value: r.id,
      name,
      person: isPersonName(target, r), // 曾 read zeng in a guest's or contact's name
      // a product is chosen by its price as much as its name
      label: [r.id, name, ...PICK_DETAILS.map((k) => (k === disp || r[k] === undefined ? '' : String(r[k]))), typeof r.price === 'number' ? `¥${fenToGrouped(r.price)}` : '']
        .filter(Boolean)
        .join('  '),
    };
  });
}
