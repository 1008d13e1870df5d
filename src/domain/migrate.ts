// Older workspace files, brought up to the current schema before they are checked.
// Version 1 kept money as float yuan; version 2 keeps integer fen. Runs on the raw parsed
// JSON (after a v1 journal, which also holds yuan, has been replayed onto it) so that the
// schema of today checks the result.
import { ENTITY_NAMES, ENTITIES, type EntityName } from './entities.js';
import { mapMoney } from './money-fields.js';
import { yuanNumberToFen } from './money.js';
import { SCHEMA_VERSION } from './workspace.js';
import { migrateTicketsV3 } from './migrate-tickets.js';
import { migrateOrdersV4 } from './migrate-orders.js';

/** v1 yuan → fen. A v1 amount could carry float noise (0.1 + 0.2 saved as
 *  0.30000000000000004): it is rounded to the fen its decimal digits say. An amount that
 *  cannot be money is left as it was, for the schema check to report. */
function yuanToFen(n: number): unknown {
  const r = yuanNumberToFen(n, { round: true, allowNegative: true });
  return 'fen' in r ? r.fen : n;
}

/** One v1 record with its money in fen. */
export function migrateRecordV1(entity: EntityName, rec: unknown): unknown {
  return mapMoney(ENTITIES[entity].schema, rec, yuanToFen);
}

/** The workspace at the current version; the input is not changed. A current one is returned as is. */
export function migrateWorkspace(raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.version;
  if (typeof version !== 'number' || version >= SCHEMA_VERSION) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (version < 2) {
    for (const e of ENTITY_NAMES) {
      const list = raw[e];
      if (Array.isArray(list)) out[e] = list.map((r) => migrateRecordV1(e, r));
    }
  }
  if (version < 3) migrateTicketsV3(out);
  if (version < 4) migrateOrdersV4(out);
  out.version = SCHEMA_VERSION;
  return out;
}
