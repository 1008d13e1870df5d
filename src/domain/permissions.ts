// The one rule of who may do what: can(employee, role, action, entity, record?, ctx).
// Both shells reach records only through the services, which ask this before every list,
// read, count, export, import, create, update and delete.
//
// Decisions (README "Permissions" says the same to users):
// - An administrator role (isAdmin) may do everything; so may the program itself (a Repo
//   without an actor: the demo generator, doctor) and a workspace that has no employees yet
//   (nobody to restrict: its creator is its administrator).
// - An inactive employee may do nothing.
// - A role grants, per entity, a set of actions and ONE scope: own records, own department,
//   or all. No entry for an entity: nothing on it.
// - Whose a record is comes from entity-rules.ts (OWNERSHIP): customers, tasks, leads,
//   opportunities, contracts, orders and tickets name their owner; contacts, anniversaries
//   and surveys belong to their customer's owner; an employee record is its own owner.
// - "department" covers records owned by anyone in the actor's department or in a
//   department below it in the tree (a sales & marketing manager sees the MICE sales team).
//   An employee in no department has only their own records under "department".
// - A record of an owned entity with no owner is covered by scope "all" only.
// - Entities without owners (products, categories, tiers, roles, departments: the hotel's
//   shared reference data) are not narrowed by scope: the action granted covers them all.
// - The hotel's own settings (its profile, the value lists) are not records: an administrator
//   changes them, nobody else (Repo.refusedSettings); everyone may read them.
import { z } from 'zod';
import type { EntityName } from './entities.js';
import { ACTIONS, SCOPES, type Permission } from './org.js';
import { OWNERSHIP } from './entity-rules.js';

export type Action = (typeof ACTIONS)[number];
export type Scope = (typeof SCOPES)[number];
type Rec = Record<string, unknown> & { id: string };

export interface ActingEmployee {
  id: string;
  departmentId?: string;
  active?: boolean;
}
export interface ActingRole {
  name?: string;
  isAdmin?: boolean;
  permissions?: Record<string, z.infer<typeof Permission>>;
}

/** What the rule may look at besides the record: other records, read-only. */
export interface PermissionContext {
  get(entity: EntityName, id: string): Rec | undefined;
  all(entity: 'departments'): readonly Rec[];
}

/** Why an action is refused: the permission that is missing. */
export type Refusal =
  | { reason: 'inactive' }
  /** the role has no such action on the entity */
  | { reason: 'action'; entity: EntityName; action: Action }
  /** it has the action, but its scope does not reach this record */
  | { reason: 'scope'; entity: EntityName; action: Action; scope: Scope };

/** Who acts: 'root' is the program itself or a workspace without employees. */
export type Actor = 'root' | { employee: ActingEmployee; role?: ActingRole };

const SCOPE_RANK: Record<Scope, number> = { own: 0, department: 1, all: 2 };

/** The owner employee's id of a record, or undefined; `owned` false: the entity has no owners. */
export function ownerOf(entity: EntityName, rec: Rec | Record<string, unknown>, ctx: PermissionContext): { owned: boolean; owner?: string } {
  const rule = OWNERSHIP[entity];
  if (!rule) return { owned: false };
  if (rule === 'self') return { owned: true, owner: typeof rec.id === 'string' ? rec.id : undefined };
  if ('field' in rule) {
    const v = rec[rule.field];
    return { owned: true, owner: typeof v === 'string' && v ? v : undefined };
  }
  const parentId = rec[rule.through.field];
  const parent = typeof parentId === 'string' ? ctx.get(rule.through.entity, parentId) : undefined;
  return parent ? ownerOf(rule.through.entity, parent, ctx) : { owned: true };
}

/** The department and every department below it. */
export function departmentTree(rootId: string, departments: readonly Rec[]): Set<string> {
  const out = new Set([rootId]);
  // parents may be listed after their children: repeat until nothing is added (cycles end too)
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (!out.has(d.id) && typeof d.parentId === 'string' && out.has(d.parentId)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Whether a record owned by `owner` is within `scope` for the employee. */
export function inScope(scope: Scope, employee: ActingEmployee, owner: string | undefined, ctx: PermissionContext, tree?: Set<string>): boolean {
  if (scope === 'all') return true;
  if (!owner) return false;
  if (owner === employee.id) return true;
  if (scope === 'own' || !employee.departmentId) return false;
  const dept = ctx.get('employees', owner)?.departmentId;
  if (typeof dept !== 'string') return false;
  return (tree ?? departmentTree(employee.departmentId, ctx.all('departments'))).has(dept);
}

/** The role's grant for an action on an entity: its scope, or undefined when not granted. */
export function grantOf(role: ActingRole | undefined, entity: EntityName, action: Action): Scope | undefined {
  const p = role?.permissions?.[entity];
  return p && p.actions.includes(action) ? p.scope : undefined;
}

/**
 * The rule. Without a record: may the actor do this to any record of the entity at all?
 * With one: to this record (for create: the record as it would be saved).
 */
export function can(actor: Actor, action: Action, entity: EntityName, record: Rec | Record<string, unknown> | undefined, ctx: PermissionContext, tree?: Set<string>): Refusal | undefined {
  if (actor === 'root') return undefined;
  const { employee, role } = actor;
  if (employee.active === false) return { reason: 'inactive' };
  if (role?.isAdmin) return undefined;
  const scope = grantOf(role, entity, action);
  if (!scope) return { reason: 'action', entity, action };
  if (!record) return undefined;
  const { owned, owner } = ownerOf(entity, record, ctx);
  if (!owned || inScope(scope, employee, owner, ctx, tree)) return undefined;
  return { reason: 'scope', entity, action, scope };
}

/** Whether one grant gives no more than another (a role may not hand out more than it has). */
export function withinGrant(wanted: Record<string, z.infer<typeof Permission>>, held: ActingRole | undefined): { entity: string; action: Action } | undefined {
  if (held?.isAdmin) return undefined;
  for (const [entity, p] of Object.entries(wanted)) {
    const mine = held?.permissions?.[entity];
    for (const a of p.actions) {
      if (!mine || !mine.actions.includes(a) || SCOPE_RANK[p.scope] > SCOPE_RANK[mine.scope]) return { entity, action: a };
    }
  }
  return undefined;
}

/** `customers:view,edit:department` → the entity, actions and scope it names (CLI --grant). */
export function parseGrant(text: string, entities: readonly string[]): { entity: string; actions: Action[]; scope?: Scope } | { error: string } {
  const [entity, actions = '', scope, ...rest] = text.split(':').map((s) => s.trim());
  if (rest.length || !entities.includes(entity)) return { error: 'entity' };
  const list = actions === '*' || actions === 'all' ? [...ACTIONS] : actions.split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length || list.some((a) => !(ACTIONS as readonly string[]).includes(a))) return { error: 'action' };
  if (scope !== undefined && !(SCOPES as readonly string[]).includes(scope)) return { error: 'scope' };
  return { entity, actions: list as Action[], scope: scope as Scope | undefined };
}

/** A role's permissions with a grant added: actions joined, the scope set when one is given
 *  (a new entity row without one: own records). */
export function applyGrant(perms: Record<string, z.infer<typeof Permission>>, g: { entity: string; actions: Action[]; scope?: Scope }): Record<string, z.infer<typeof Permission>> {
  const out = structuredClone(perms);
  const had = out[g.entity];
  const actions = ACTIONS.filter((a) => had?.actions.includes(a) || g.actions.includes(a));
  out[g.entity] = { actions, scope: g.scope ?? had?.scope ?? 'own' };
  return out;
}

/** A role's permissions with actions taken away; an entity left with none is dropped. */
export function applyRevoke(perms: Record<string, z.infer<typeof Permission>>, g: { entity: string; actions: Action[] }): Record<string, z.infer<typeof Permission>> {
  const out = structuredClone(perms);
  const had = out[g.entity];
  if (!had) return out;
  const actions = had.actions.filter((a) => !g.actions.includes(a));
  if (actions.length) out[g.entity] = { ...had, actions };
  else delete out[g.entity];
  return out;
}
