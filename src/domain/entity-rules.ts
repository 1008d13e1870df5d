// The rules of each entity beyond its schema, declared as data beside the registry so the
// services apply them without a branch per entity: who owns whom (a delete takes the owned
// records along), which records may never be deleted, and checks that need other records.
import type { FieldError } from './errors.js';
import type { EntityName } from './entities.js';
import { allowedTransitions, canTransition, isStage, stageAfterOrder, isPurchase, type Stage } from './lifecycle.js';
import { ticketPrepare, ticketCheck } from './ticket-rules.js';
import type { StageChange } from './customer.js';
import { orderCheck, orderPrepare } from './order-rules.js';
import { opportunityCheck, opportunityLinesPrepare } from './opportunity-rules.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from './values.js';
import { surveyProblems } from './survey-score.js';
import { wouldLoop } from './tree.js';
import { customerLoyaltyPrepare, newOrdersPoints, orderPointsEffects, opportunityPrepare } from './loyalty-rules.js';

type Rec = Record<string, unknown> & { id: string };

/** What a rule may look at: other records, read-only. */
export interface RuleContext {
  get(entity: EntityName, id: string): Rec | undefined;
  all(entity: EntityName): readonly Rec[];
  adminLogin: string;
  /** the employee who acts, and the time of the change (the Repo's clock) */
  actorLogin: string;
  now(): string;
  /** the records of `entity` whose `field` holds `id` (a customer's orders), from an index kept
   *  up to date by every change: a rule run for each of 100k imported rows must not scan */
  referring(entity: EntityName, field: string, id: string): Iterable<Rec>;
  /** whether `rec` is a draft the running change made and holds alone (an import gathering
   *  its orders' effects, Repo.gatherEffects): an effect may append to its lists in place
   *  rather than copy them, since every effect on it is applied. Absent: never. */
  owned?(rec: Rec): boolean;
  /** the workspace's value lists (a stage's probability, an order type's points rate, a
   *  survey's indicators) */
  readonly valueLists: ValueLists;
}

/** A change one saved record causes in another (a first order makes its customer a first-time
 *  buyer). Applied by the system in the same batch, after the record itself; `reason` says why
 *  in the changed record's history. */
export interface Effect {
  entity: EntityName;
  id: string;
  patch: Record<string, unknown>;
  reason: string;
  /** the patch brings what the target's stamp records, stamped step by step by the rule that
   *  made it (an import's stage moves, each with the order that made it): not stamped again */
  stamped?: boolean;
}

/** what a save asks beyond the record: anyStage (import, demo) keeps the record's own history */
export interface SaveOpts {
  anyStage?: boolean;
  /** the note of the step a status change appends */
  note?: string;
  /** why the system makes this change (an effect's reason), kept in the record's history */
  reason?: string;
  /** the record checked is a draft the Repo made for this check alone (Repo.creator): a
   *  prepare rule may fill it in place instead of copying it first */
  ownDraft?: boolean;
}

export interface EntityRules {
  /** the parents this record belongs to: deleting a parent deletes it too */
  ownedBy?: { entity: EntityName; field: string }[];
  /** why this record may not be deleted, if it may not */
  undeletable?: (rec: Rec, ctx: RuleContext) => FieldError | undefined;
  /** references whose choices another field of the same record narrows: an anniversary's
   *  contact must be one of the anniversary's customer's contacts. The form offers only those;
   *  the service refuses any other with `code`. */
  scopedRefs?: RefScope[];
  /** checks of a record about to be saved (prev: the stored version, for an update) */
  check?: (rec: Rec, prev: Rec | undefined, ctx: RuleContext, opts: SaveOpts) => FieldError[];
  /** what the system keeps for a record about to be checked and saved (a ticket's step log):
   *  returns the record to check instead */
  prepare?: (rec: Rec, prev: Rec | undefined, ctx: RuleContext, opts: SaveOpts) => Rec;
  /** fills the fields the system keeps (a customer's stage history) on a checked record about
   *  to be saved; what a person or a file gave for them is replaced */
  stamp?: (rec: Rec, prev: Rec | undefined, who: Who, given: Record<string, unknown>) => void;
  /** the fields whose change `stamp` records: on a record it has stamped already, a change of
   *  none of them is not stamped again (an import's points lines). Absent: every change is. */
  stampedBy?: string[];
  /** the changes a saved record causes in others (prev: the stored version, for an update) */
  effects?: (rec: Rec, prev: Rec | undefined, ctx: RuleContext) => Effect[];
  /** the changes many new records (an import's rows, already in the workspace) cause in others,
   *  as `effects` of each in turn would leave them, but grouped by the record they change: an
   *  import of 100k orders touches each of its 25k customers a few times, not 125k times */
  effectsOfNew?: (recs: readonly Rec[], ctx: RuleContext) => Effect[];
}

/** who made a change, when, and (for a change the system makes) why */
export interface Who {
  at: string;
  by: string;
  reason?: string;
}

/** The stage history of a customer about to be saved: the stored one, plus this move. A new
 *  customer starts with its first stage, unless it comes with a history of its own (an import
 *  of an export, which may hold the empty history of a customer from before histories). */
function stampStageHistory(rec: Rec, prev: Rec | undefined, who: Who, given: Record<string, unknown>): void {
  const stored = prev ? prev.stageHistory : rec.stageHistory;
  const history = Array.isArray(stored) ? [...(stored as StageChange[])] : [];
  // the reason set after, not spread in: a spread into a literal is V8's slow path (an import's
  // 25k new customers and 50k stage moves spent ~120 ms on it)
  let move: StageChange | undefined;
  if (!prev && given.stageHistory === undefined) move = { to: String(rec.stage), at: who.at, by: who.by };
  else if (prev && prev.stage !== rec.stage) move = { from: String(prev.stage), to: String(rec.stage), at: who.at, by: who.by };
  if (move) {
    if (who.reason) move.reason = who.reason;
    history.push(move);
  }
  rec.stageHistory = history;
}

/** Seed 004: a customer's first order makes a potential or target customer a first-time buyer,
 *  a second one a repeat buyer. Only a new purchase moves the stage (editing an old order does
 *  not), and never backwards: a loyal customer stays loyal. */
function orderLifecycleEffects(rec: Rec, prev: Rec | undefined, ctx: RuleContext): Effect[] {
  if (!isPurchase(rec) || (prev && isPurchase(prev) && prev.customerId === rec.customerId)) return [];
  const customer = ctx.get('customers', String(rec.customerId));
  if (!customer || !isStage(String(customer.stage))) return [];
  // a repeat or loyal buyer stays where they are, however many orders came before
  if (customer.stage === 'repeat' || customer.stage === 'loyal') return [];
  let others = 0;
  for (const o of ctx.referring('orders', 'customerId', customer.id)) if (o.id !== rec.id && isPurchase(o)) others++;
  const to = stageAfterOrder(customer.stage as Stage, others);
  return to === customer.stage ? [] : [{ entity: 'customers', id: customer.id, patch: { stage: to }, reason: `orders:${rec.id}` }];
}

/** The stage moves of new orders of one customer, in turn, as orderLifecycleEffects makes them
 *  for each, and the places in `orders` of the first and last orders that moved it. How many
 *  purchases came before matters only to a first-time or lost buyer (stageAfterOrder): only then
 *  are the customer's stored orders counted (those the index holds, less these, which are in the
 *  workspace already), so an import whose customers are new builds no index of 100k orders. */
function newOrdersLifecycle(customer: Rec, orders: readonly Rec[], ctx: RuleContext): { moves: Effect[]; first: number; last: number } {
  let stage = String(customer.stage);
  const out = { moves: [] as Effect[], first: -1, last: -1 };
  if (!isStage(stage) || stage === 'repeat' || stage === 'loyal') return out;
  let before = -1; // purchases stored before these orders, counted when first needed
  let mine = 0; // purchases among these orders so far
  for (let i = 0; i < orders.length && stage !== 'repeat' && stage !== 'loyal'; i++) {
    const o = orders[i];
    if (!isPurchase(o)) continue;
    if (mine === 0 && before < 0 && (stage === 'first' || stage === 'lost')) {
      before = 0;
      for (const x of ctx.referring('orders', 'customerId', customer.id)) if (isPurchase(x)) before++;
      for (const x of orders) if (isPurchase(x)) before--;
    }
    const to = stageAfterOrder(stage as Stage, Math.max(before, 0) + mine++);
    if (to === stage) continue;
    out.moves.push({ entity: 'customers', id: customer.id, patch: { stage: to }, reason: `orders:${o.id}` });
    stage = to;
    if (out.first < 0) out.first = i;
    out.last = i;
  }
  return out;
}

/** orders.effects for many new orders, as the orders in turn leave their customers: one effect
 *  per customer with its stage moves (stamped here, each with its order, as the customer's stamp
 *  records one move per effect) and its ledger lines. The customers come in the order the orders
 *  first change them; each effect's reason is the last order that changed the customer, which its
 *  final check gives a tier move. */
function newOrdersEffects(orders: readonly Rec[], ctx: RuleContext): Effect[] {
  const byCustomer = new Map<unknown, { list: Rec[]; at: number[] }>();
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    const g = byCustomer.get(o.customerId);
    if (g) {
      g.list.push(o);
      g.at.push(i);
    } else byCustomer.set(o.customerId, { list: [o], at: [i] });
  }
  const who = { at: ctx.now(), by: ctx.actorLogin };
  const out: { first: number; effect: Effect }[] = [];
  for (const [id, { list, at }] of byCustomer) {
    const customer = ctx.get('customers', String(id));
    if (!customer) continue;
    const stage = newOrdersLifecycle(customer, list, ctx);
    const points = typeof id === 'string' ? newOrdersPoints(customer, list, ctx) : undefined;
    if (!points && !stage.moves.length) continue;
    const patch: Record<string, unknown> = points ? points.effect.patch : {};
    let reason = points ? points.effect.reason : '';
    if (stage.moves.length) {
      const moved: Rec = { id: customer.id, stage: customer.stage, stageHistory: customer.stageHistory };
      for (const m of stage.moves) {
        const next: Rec = { id: customer.id, stage: m.patch.stage };
        stampStageHistory(next, moved, { at: who.at, by: who.by, reason: m.reason }, m.patch);
        moved.stage = next.stage;
        moved.stageHistory = next.stageHistory;
      }
      patch.stage = moved.stage;
      patch.stageHistory = moved.stageHistory;
      if (!points || stage.last > points.last) reason = stage.moves[stage.moves.length - 1].reason;
    }
    const first = points && (stage.first < 0 || points.first < stage.first) ? points.first : stage.first;
    out.push({ first: at[first], effect: { entity: 'customers', id: customer.id, patch, reason, stamped: true } });
  }
  out.sort((a, b) => a.first - b.first);
  return out.map((b) => b.effect);
}

/** `field` (a reference) may only point at a record whose `match` equals this record's `by`. */
export interface RefScope {
  field: string;
  by: string;
  match: string;
  code: string;
}

/** Whose a record is, for the scopes of permissions.ts: a field naming the owner employee,
 *  the owner of a parent record, or the record itself (an employee). Not listed: no owner. */
export type OwnerRule = { field: string } | { through: { field: string; entity: EntityName } } | 'self';
export const OWNERSHIP: Partial<Record<EntityName, OwnerRule>> = {
  customers: { field: 'ownerId' },
  tasks: { field: 'ownerId' },
  leads: { field: 'ownerId' },
  opportunities: { field: 'ownerId' },
  contracts: { field: 'ownerId' },
  orders: { field: 'ownerId' },
  tickets: { field: 'ownerId' },
  contacts: { through: { field: 'customerId', entity: 'customers' } },
  anniversaries: { through: { field: 'customerId', entity: 'customers' } },
  surveys: { through: { field: 'customerId', entity: 'customers' } },
  employees: 'self',
};

export const RULES: Partial<Record<EntityName, EntityRules>> = {
  customers: {
    check(rec, prev, _ctx, opts) {
      if (!prev || prev.stage === rec.stage || opts.anyStage) return [];
      const from = String(prev.stage);
      const to = String(rec.stage);
      if (!isStage(from) || !isStage(to) || canTransition(from, to)) return [];
      return [{ field: 'stage', code: 'transition', params: { from, to, allowed: allowedTransitions(from).join(',') } }];
    },
    stamp: stampStageHistory,
    stampedBy: ['stage'],
    prepare: customerLoyaltyPrepare,
  },
  contacts: { ownedBy: [{ entity: 'customers', field: 'customerId' }] },
  anniversaries: {
    ownedBy: [
      { entity: 'customers', field: 'customerId' },
      { entity: 'contacts', field: 'contactId' },
    ],
    scopedRefs: [{ field: 'contactId', by: 'customerId', match: 'customerId', code: 'contactOfOtherCustomer' }],
  },
  tickets: { prepare: ticketPrepare, check: ticketCheck },
  surveys: {
    // scores only of the workspace's indicators, each within the survey's scale
    check: (rec, _prev, ctx) => surveyProblems(rec, (ctx.valueLists?.surveyIndicator ?? DEFAULT_VALUE_LISTS.surveyIndicator!).map((v) => v.code)),
    // the 1-5 overall satisfaction follows the overall indicator's score when there is one (on a
    // 10-point scale, halved): a lab, a report or an export that reads 总体满意度 sees what the
    // form's scores say; a survey without that score keeps the overall it was given
    stamp: (rec) => {
      const score = (rec.scores as Record<string, unknown> | undefined)?.overall;
      if (typeof score !== 'number') return;
      const scale = typeof rec.scale === 'number' ? rec.scale : 5;
      rec.overall = Math.max(1, Math.min(5, Math.round((score * 5) / scale)));
    },
  },
  // both: the lifecycle moves first, then the points (each effect patches its own fields)
  orders: { prepare: orderPrepare, check: orderCheck, effects: (rec, prev, ctx) => {
      const stage = orderLifecycleEffects(rec, prev, ctx);
      const points = orderPointsEffects(rec, prev, ctx);
      return stage.length ? stage.concat(points) : points;
    }, effectsOfNew: newOrdersEffects },
  // the lines make the amount first, then a stage move sets the probability
  opportunities: { prepare: (rec, prev, ctx) => opportunityPrepare(opportunityLinesPrepare(rec, prev, ctx), prev, ctx), check: opportunityCheck },
  employees: {
    undeletable: (rec, ctx) => (rec.login === ctx.adminLogin ? { field: 'id', code: 'adminUndeletable' } : undefined),
    check(rec, _prev, ctx) {
      const login = String(rec.login).toLowerCase();
      const taken = ctx.all('employees').some((e) => e.id !== rec.id && String(e.login).toLowerCase() === login);
      const errors: FieldError[] = taken ? [{ field: 'login', code: 'duplicate', params: { value: String(rec.login) } }] : [];
      // the administrator account is the way back in: it stays active and an administrator
      if (login === ctx.adminLogin.toLowerCase()) {
        if (rec.active === false) errors.push({ field: 'active', code: 'adminInactive' });
        if (ctx.get('roles', String(rec.roleId))?.isAdmin !== true) errors.push({ field: 'roleId', code: 'adminRole' });
      }
      return errors;
    },
  },
  roles: {
    check(rec, prev, ctx) {
      if (!prev?.isAdmin || rec.isAdmin) return [];
      const admin = ctx.all('employees').find((e) => String(e.login).toLowerCase() === ctx.adminLogin.toLowerCase());
      return admin?.roleId === rec.id ? [{ field: 'isAdmin', code: 'adminRole' }] : [];
    },
  },
  categories: { check: (rec, _prev, ctx) => parentLoop('categories', rec, ctx) },
  departments: { check: (rec, _prev, ctx) => parentLoop('departments', rec, ctx) },
};

/** A category (department) may not sit below itself. */
function parentLoop(entity: EntityName, rec: Rec, ctx: RuleContext): FieldError[] {
  return wouldLoop(rec.id, rec.parentId, (id) => ctx.get(entity, id)) ? [{ field: 'parentId', code: 'parentLoop', params: { value: String(rec.parentId) } }] : [];
}

/** The scope of a reference field, if another field narrows it. */
export const refScope = (entity: EntityName, field: string): RefScope | undefined => RULES[entity]?.scopedRefs?.find((s) => s.field === field);

/** May `target` (the record a reference points at) be chosen, given the referring record's values? */
export const inScope = (scope: RefScope, values: Record<string, unknown>, target: Record<string, unknown>): boolean =>
  values[scope.by] === undefined || values[scope.by] === '' || target[scope.match] === values[scope.by];

/** The references of a record that point outside their scope. */
export function scopeErrors(entity: EntityName, rec: Rec, target: (entity: EntityName, id: string) => Rec | undefined, refOf: (field: string) => EntityName | undefined): FieldError[] {
  const out: FieldError[] = [];
  for (const s of RULES[entity]?.scopedRefs ?? []) {
    const v = rec[s.field];
    const to = refOf(s.field);
    if (v === undefined || v === null || v === '' || !to) continue;
    const t = target(to, String(v));
    if (t && !inScope(s, rec, t)) out.push({ field: s.field, code: s.code });
  }
  return out;
}

/** The records that belong to an entity's records, and through which field. */
export function ownedKinds(parent: EntityName): { entity: EntityName; field: string }[] {
  const out: { entity: EntityName; field: string }[] = [];
  for (const [entity, r] of Object.entries(RULES) as [EntityName, EntityRules][]) {
    for (const o of r.ownedBy ?? []) if (o.entity === parent) out.push({ entity, field: o.field });
  }
  return out;
}

/** A record's computed fields (an order's total) as they would be saved with these values: what
 *  a form shows read-only while the person edits the lines. */
export function computedPreview(entity: EntityName, values: Record<string, unknown>, prev: Rec | undefined, get: (entity: EntityName, id: string) => Rec | undefined, valueLists: ValueLists = DEFAULT_VALUE_LISTS): Record<string, unknown> {
  const prepare = RULES[entity]?.prepare;
  if (!prepare) return values;
  const ctx: RuleContext = { get, all: () => [], referring: () => [], adminLogin: '', actorLogin: '', now: () => '', valueLists };
  return prepare({ ...values, id: prev?.id ?? '~' }, prev, ctx, {});
}
