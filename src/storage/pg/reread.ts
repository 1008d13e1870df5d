// One record as the hotel holds it now, read after a conflict: the person chose to take theirs,
// to save over it, or to edit from it. The row is checked by its schema before it replaces the
// session's copy, and its version becomes the one this session read.
import type { Workspace } from '../../domain/workspace.js';
import { ENTITIES, isEntityName } from '../../domain/entities.js';
import type { Db } from './connect.js';
import { SCHEMA } from './schema.js';
import { recKey } from './tables.js';

export async function rereadRecord(db: Db, data: Workspace, versions: Map<string, number>, entity: string, id: string): Promise<{ record?: Record<string, unknown>; version?: number }> {
  if (!isEntityName(entity)) return {};
  const r = await db.query<{ data: Record<string, unknown>; version: number }>(`SELECT data, version FROM ${SCHEMA}.records WHERE entity = $1 AND id = $2`, [entity, id]);
  const list = data[entity] as unknown as { id: string }[];
  const at = list.findIndex((x) => x.id === id);
  const k = recKey(entity, id);
  const row = r.rows[0];
  if (!row) {
    if (at >= 0) list.splice(at, 1);
    versions.delete(k);
    return {};
  }
  const parsed = ENTITIES[entity].schema.safeParse({ ...row.data, id });
  // a record this version cannot read: the session keeps its copy, and the next save conflicts again
  if (!parsed.success) return {};
  const rec = parsed.data as { id: string };
  if (at >= 0) list[at] = rec;
  else list.push(rec);
  versions.set(k, row.version);
  return { record: rec, version: row.version };
}
