// An entity's zod schema, compiled (z.compile) once the process has checked enough of its
// records for that to pay: an import of 100k orders, not one `add`. The compiled parse is the
// same schema with the same answers, about 6x faster per record; a record it refuses is parsed
// again by zod's own parser, so the problems reported are word for word the same. Compiling
// costs a few milliseconds per entity, more than a handful of records take to check.
import { z } from 'zod';
import { ENTITIES, type EntityName } from './entities.js';

/** records of one entity checked before its schema is compiled */
export const COMPILE_AFTER = 64;

const uses = new Map<EntityName, number>();
const compiled = new Map<EntityName, z.ZodType>();

/** The schema to check a record of `entity` with: ENTITIES' own, or its compiled twin. */
export function checkingSchema(entity: EntityName): z.ZodType {
  const done = compiled.get(entity);
  if (done) return done;
  const n = (uses.get(entity) ?? 0) + 1;
  uses.set(entity, n);
  const schema = ENTITIES[entity].schema;
  if (n < COMPILE_AFTER) return schema;
  // z.compile hands back the schema itself where it cannot compile it (no eval on this host)
  const c = z.compile(schema);
  compiled.set(entity, c);
  return c;
}
