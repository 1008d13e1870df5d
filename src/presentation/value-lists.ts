// A value list's name for people: the label of the first field that takes its values
// (source → 客户来源), so settings need no second table of list names.
import { ENTITY_NAMES, entityFields } from '../domain/entities.js';
import type { T } from '../i18n/index.js';

const fieldOf = new Map<string, { en: string; zh: string }>();
// where the field's own label would read like another list's (a deal's "stage" beside the customer's)
const OWN: Record<string, { en: string; zh: string }> = { oppStage: { en: 'Opportunity stage', zh: '销售机会阶段' } };

export function valueListLabel(t: T, list: string): string {
  if (!fieldOf.size) {
    for (const e of ENTITY_NAMES) for (const fi of entityFields(e)) if (fi.kind === 'enum' && fi.values && !fieldOf.has(fi.values)) fieldOf.set(fi.values, fi.label);
  }
  const l = OWN[list] ?? fieldOf.get(list);
  return l ? t.l(l) : list;
}
