// The permission matrix of a role as data: entity rows x action columns, one scope per row.
// Pure, so the editor component stays a thin drawing of it.
import { ENTITY_NAMES, type EntityName } from '../../../domain/entities.js';
import { ACTIONS, SCOPES } from '../../../domain/org.js';
import type { Action, Scope } from '../../../domain/permissions.js';

export type Perms = Record<string, { actions: Action[]; scope: Scope }>;
export const MATRIX_ROWS: readonly EntityName[] = ENTITY_NAMES;
export const MATRIX_COLS: readonly Action[] = ACTIONS;

/** Turns one action of one entity on or off (a row with no action left is dropped). */
export function toggleCell(p: Perms, entity: EntityName, action: Action): Perms {
  const out = structuredClone(p);
  const row = out[entity] ?? { actions: [], scope: 'own' as Scope };
  const on = row.actions.includes(action);
  const actions = ACTIONS.filter((a) => (a === action ? !on : row.actions.includes(a)));
  if (actions.length) out[entity] = { actions, scope: row.scope };
  else delete out[entity];
  return out;
}

/** The next scope of a row: own, department, all, own … (a row without actions has none). */
export function cycleScope(p: Perms, entity: EntityName): Perms {
  const row = p[entity];
  if (!row) return p;
  const next = SCOPES[(SCOPES.indexOf(row.scope) + 1) % SCOPES.length];
  return { ...structuredClone(p), [entity]: { actions: [...row.actions], scope: next } };
}
