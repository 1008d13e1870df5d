// How many records have a value of a list, in their own fields or in their structured ones (an
// order's stay's room type): a value still in use is not removed from its list (value-edit.ts).
import { ENTITIES, ENTITY_NAMES, entityFields, type EntityName } from './entities.js';
import { nestedShape } from './nested.js';

type Rec = Record<string, unknown>;

/** The records that hold `code` of `list` anywhere, each counted once. */
export function valueUses(all: (entity: EntityName) => readonly Rec[], list: string, code: string): number {
  let n = 0;
  for (const entity of ENTITY_NAMES) {
    const own = entityFields(entity).filter((fi) => fi.kind === 'enum' && fi.values === list).map((fi) => fi.name);
    const nested = entityFields(entity).flatMap((fi) => {
      if (fi.kind !== 'json') return [];
      const sh = nestedShape(ENTITIES[entity].schema.shape[fi.name]);
      const parts = sh.kind === 'rows' || sh.kind === 'object' ? sh.parts.filter((p) => p.kind === 'enum' && p.values === list).map((p) => p.name) : [];
      return parts.length ? [{ field: fi.name, parts }] : [];
    });
    if (!own.length && !nested.length) continue;
    for (const r of all(entity)) {
      const hit =
        own.some((f) => r[f] === code) ||
        nested.some(({ field, parts }) => {
          const v = r[field];
          const rows = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
          return rows.some((row) => row && typeof row === 'object' && parts.some((p) => (row as Rec)[p] === code));
        });
      if (hit) n++;
    }
  }
  return n;
}
