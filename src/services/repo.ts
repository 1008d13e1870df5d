// The entity services: create / update / delete / query over the in-memory workspace, with
// id and natural-key indexes. Pure TypeScript: both shells (TUI and CLI) call these and then
// ask the store to save.
import { ENTITIES, ENTITY_NAMES, entityFields, formatId, type EntityName } from '../domain/entities.js';
import { checkingSchema } from '../domain/compiled-schema.js';
import type { Workspace, EntityRecord } from '../domain/workspace.js';
import type { FieldInfo } from '../domain/fields.js';
import { fail, ok, type FieldError, type Result } from '../domain/errors.js';
import { isRetired, resolveValue } from '../domain/values.js';
import { editValueList, type ValueEdit } from '../domain/value-edit.js';
import { valueUses } from '../domain/value-uses.js';
import { Organisation } from '../domain/org.js';
import { RULES, ownedKinds, scopeErrors, type Effect, type RuleContext, type SaveOpts } from '../domain/entity-rules.js';
import type { RefResolver } from '../domain/parse-input.js';
import type { z } from 'zod';
import type { Change } from '../domain/change.js';
import type { Batch } from './ports.js';
import { can, departmentTree, withinGrant, type Action, type Actor, type ActingRole, type PermissionContext, type Refusal } from '../domain/permissions.js';
import { OWNERSHIP } from '../domain/entity-rules.js';

export interface DeletePlan {
  cascade: { entity: EntityName; ids: string[] }[];
  blockers: { entity: EntityName; count: number }[];
}

export type Where = { field: string; op: 'eq' | 'contains'; value: string };

const OWN_CODES = new Set(['required', 'tooLong', 'date', 'datetime', 'time', 'phone', 'email', 'money', 'int', 'min', 'max', 'checkOutBeforeIn']);

function issuesToErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => {
    const field = String(i.path[0] ?? '');
    if (OWN_CODES.has(i.message)) return { field, code: i.message };
    if (i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined) return { field, code: 'required' };
    if (i.code === 'too_small') return { field, code: 'min' };
    if (i.code === 'too_big') return { field, code: 'max' };
    return { field, code: 'invalid' };
  });
}

/** what toUpperCase may change: anything but upper-case letters, digits, - and _ */
const LOWER = /[^A-Z0-9_-]/;

/** entity → its fields checked against the workspace (value lists, references), by name */
const LISTED = new Map<EntityName, Map<string, FieldInfo>>();
function listedFields(entity: EntityName): Map<string, FieldInfo> {
  let m = LISTED.get(entity);
  if (!m) LISTED.set(entity, (m = new Map(entityFields(entity).filter((fi) => fi.kind === 'enum' || fi.kind === 'ref').map((fi) => [fi.name, fi]))));
  return m;
}

/** how two natural keys compare: trimmed, case-insensitive; empty is no key */
const naturalKey = (field: string, v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? `${field}=${v.trim().toLowerCase()}` : undefined;

export interface RepoOptions {
  clock?: () => Date;
  /** the login of the employee who acts: every batch of changes is stamped with it, and every
   *  read and change is checked against their role. Without one the Repo is the program itself
   *  (the demo generator, doctor, tests of the rules) and may do everything. */
  actor?: string;
}

/** A refusal as a field error: the shells word it with the missing permission. */
export function refusalError(r: Refusal, role?: ActingRole): FieldError {
  const roleName = role?.name ?? '';
  if (r.reason === 'inactive') return { field: '', code: 'permInactive' };
  if (r.reason === 'action') return { field: '', code: 'permission', params: { entity: r.entity, action: r.action, role: roleName } };
  return { field: '', code: 'permissionScope', params: { entity: r.entity, action: r.action, scope: r.scope, role: roleName } };
}

interface ActingState {
  /** the #orgVersion it was worked out at */
  v: number;
  actor: Actor;
  role?: ActingRole & { id?: string };
  employee?: EntityRecord;
  /** the actor's department and those below it */
  tree?: Set<string>;
}

const ORG: ReadonlySet<EntityName> = new Set(['employees', 'roles', 'departments']);

/** the reference index's lists: short ones arrays (an import adds 100k orders to 25k
 *  customers' lists: sets cost twice the time and memory), long ones sets (taking one record
 *  out of an array of thousands, for each of thousands, would be quadratic). Every record is
 *  added once, and taken out (dropRef) before it is added again. */
type RefList = EntityRecord[] | Set<EntityRecord>;
type RefLists = Map<string, RefList>;
const REF_ARRAY_MAX = 32;
function addRef(m: RefLists, r: EntityRecord, field: string): void {
  const v = r[field];
  if (typeof v !== 'string' || !v) return;
  const list = m.get(v);
  if (!list) m.set(v, [r]);
  else if (!Array.isArray(list)) list.add(r);
  else if (list.length < REF_ARRAY_MAX) list.push(r);
  else m.set(v, new Set(list).add(r));
}
function dropRef(m: RefLists, r: EntityRecord, value: unknown): void {
  const list = m.get(String(value));
  if (!list) return;
  if (!Array.isArray(list)) list.delete(r);
  else {
    const i = list.indexOf(r);
    if (i >= 0) list.splice(i, 1);
  }
}

const NO_RECORDS: readonly EntityRecord[] = [];

/** n when `id` is formatId(prefix, n) (the only ids nextId could hand out again), else 0 */
function idNumber(prefix: string, id: string): number {
  if (!id.startsWith(prefix)) return 0;
  const digits = id.slice(prefix.length);
  if (!/^[0-9]+$/.test(digits)) return 0;
  const n = Number(digits);
  return formatId(prefix, n) === id ? n : 0;
}

/** the record in place now (a draft) → what it was before the first effect, and the last reason */
type Gathered = Map<EntityRecord, { entity: EntityName; id: string; before: EntityRecord; reason?: string }>;

/** records an import will create before the ones referring to them (a dry run checks those against it) */
export type PendingRefs = (entity: EntityName, id: string) => boolean;

export class Repo {
  readonly ws: Workspace;
  /** bumped on every change: screens memoise on it */
  version = 0;
  #clock: () => Date;
  #changes: Change[] = [];
  #byId = new Map<EntityName, Map<string, EntityRecord>>();
  #byKey = new Map<EntityName, { version: number; map: Map<string, string[]> }>();

  /** the login of the employee who acts */
  readonly actorLogin: string;
  #system: boolean;

  constructor(ws: Workspace, opts: RepoOptions = {}) {
    this.ws = ws;
    this.#clock = opts.clock ?? (() => new Date());
    this.actorLogin = opts.actor ?? ws.settings.adminLogin;
    this.#system = opts.actor === undefined;
  }

  // ---- who acts, and what they may do (permissions.ts is the rule) ----

  /** bumped when employees, roles or departments change: the actor's rights are worked out again */
  #orgVersion = 0;
  #acting?: ActingState;
  #resolveActor() {
    if (this.#acting && this.#acting.v === this.#orgVersion) return this.#acting;
    let a: ActingState;
    const employees = this.#raw('employees');
    if (this.#system || employees.length === 0) a = { v: this.#orgVersion, actor: 'root' };
    else {
      const want = this.actorLogin.toLowerCase();
      const employee = employees.find((e) => String(e.login).toLowerCase() === want);
      // an actor who is not (or no longer) an employee may do nothing
      const emp: Record<string, unknown> = employee ?? { id: '', active: false };
      const role = employee ? (this.#rawGet('roles', String(employee.roleId)) as (ActingRole & { id: string }) | undefined) : undefined;
      const dept = typeof emp.departmentId === 'string' ? emp.departmentId : undefined;
      a = {
        v: this.#orgVersion,
        actor: { employee: { id: String(emp.id), departmentId: dept, active: emp.active !== false }, role },
        role,
        employee,
        tree: dept ? departmentTree(dept, this.#raw('departments')) : undefined,
      };
    }
    this.#acting = a;
    return a;
  }
  /** The employee who acts (undefined for the program itself) and their role. */
  whoActs(): { employee?: EntityRecord; role?: ActingRole & { id?: string }; root: boolean } {
    const a = this.#resolveActor();
    return { employee: a.employee, role: a.role, root: a.actor === 'root' || !!a.role?.isAdmin };
  }

  #permCtx: PermissionContext = ((repo: Repo) => ({
    get: (e: EntityName, id: string) => repo.#rawGet(e, id),
    all: (e: 'departments') => repo.#raw(e),
  }))(this);

  /** Why the actor may not do this (to this record, or to the entity at all), or undefined. */
  refusal(action: Action, entity: EntityName, rec?: Record<string, unknown>): Refusal | undefined {
    const a = this.#resolveActor();
    return can(a.actor, action, entity, rec, this.#permCtx, a.tree);
  }

  /** The same, as a field error the shells word ("may not delete customers …"). */
  refused(action: Action, entity: EntityName, rec?: Record<string, unknown>): FieldError | undefined {
    const r = this.refusal(action, entity, rec);
    return r ? refusalError(r, this.#resolveActor().role) : undefined;
  }

  /** Every record of the entity, whatever the actor may see: for services that must know the
   *  whole truth (duplicate checks, doctor), never for showing. */
  unscoped(entity: EntityName): EntityRecord[] {
    return this.#raw(entity);
  }

  #raw(entity: EntityName): EntityRecord[] {
    return this.ws[entity] as unknown as EntityRecord[];
  }
  #rawGet(entity: EntityName, id: string): EntityRecord | undefined {
    const m = this.#ids(entity);
    // ids are upper case; a code typed in lower case is found too (without a new string for
    // every miss: an import asks about each of 25k customers it is about to create)
    return m.get(id) ?? (LOWER.test(id) ? m.get(id.toUpperCase()) : undefined);
  }

  /** a role handed out (created, edited, given to an employee) must not exceed the actor's own */
  #escalation(entity: EntityName, rec: Record<string, unknown>): FieldError | undefined {
    const a = this.#resolveActor();
    if (a.actor === 'root' || a.role?.isAdmin) return undefined;
    let given: ActingRole | undefined;
    if (entity === 'roles') given = rec as ActingRole;
    else if (entity === 'employees') given = this.#rawGet('roles', String(rec.roleId)) as ActingRole | undefined;
    if (!given) return undefined;
    if (given.isAdmin) return { field: '', code: 'permEscalation', params: { entity: 'roles', action: 'admin' } };
    const over = withinGrant(given.permissions ?? {}, a.role);
    return over ? { field: '', code: 'permEscalation', params: { entity: over.entity, action: over.action } } : undefined;
  }

  #visible = new Map<EntityName, { version: number; org: number; list: EntityRecord[] }>();

  #lastNow = { ms: NaN, iso: '' };
  /** the one time every record of a running import is stamped with (atOneTime) */
  #frozenNow?: string;
  now(): string {
    if (this.#frozenNow !== undefined) return this.#frozenNow;
    const d = this.#clock();
    // an import stamps 100k records within a few milliseconds: format each millisecond once
    if (d.getTime() !== this.#lastNow.ms) this.#lastNow = { ms: d.getTime(), iso: d.toISOString() };
    return this.#lastNow.iso;
  }

  /** Runs `work` with the clock read once: an import is one change made at one time, so every
   *  record it creates or moves carries the same time (100k orders once read the clock 300k
   *  times, and a customer's stage history said its first and second order came 0.4 s apart). */
  atOneTime<T>(work: () => T): T {
    if (this.#frozenNow !== undefined) return work();
    this.#frozenNow = this.now();
    try {
      return work();
    } finally {
      this.#frozenNow = undefined;
    }
  }

  /** The records of the entity the actor may see (all of them for an administrator: the same
   *  array, so screens can tell it has not changed). */
  all(entity: EntityName): EntityRecord[] {
    const raw = this.#raw(entity);
    const a = this.#resolveActor();
    if (a.actor === 'root' || a.role?.isAdmin) return raw;
    const c = this.#visible.get(entity);
    if (c && c.version === this.version && c.org === this.#orgVersion) return c.list;
    const list = this.refusal('view', entity) ? [] : !OWNERSHIP[entity] ? raw : raw.filter((r) => !can(a.actor, 'view', entity, r, this.#permCtx, a.tree));
    this.#visible.set(entity, { version: this.version, org: this.#orgVersion, list });
    return list;
  }

  #ids(entity: EntityName): Map<string, EntityRecord> {
    let m = this.#byId.get(entity);
    if (!m) {
      m = new Map();
      for (const r of this.#raw(entity)) m.set(r.id, r);
      this.#byId.set(entity, m);
    }
    return m;
  }

  /** A record the actor may see, by id. */
  get(entity: EntityName, id: string): EntityRecord | undefined {
    const r = this.#rawGet(entity, id);
    return r && !this.refusal('view', entity, r) ? r : undefined;
  }

  /** How many records the actor may see. */
  count(entity: EntityName): number {
    return this.all(entity).length;
  }

  /** Whether a record with this id exists, seen or not (ids must stay unique). */
  exists(entity: EntityName, id: string): boolean {
    return !!this.#rawGet(entity, id);
  }

  /** Finds a record by id, or by its name (or another natural key) when that is unique. */
  resolveRef: RefResolver = (entity, key) => {
    const name = entity as EntityName;
    const byId = this.get(name, key.trim());
    if (byId) return { id: byId.id };
    const def = ENTITIES[name];
    let idx = this.#byKey.get(name);
    if (!idx || idx.version !== this.version) {
      const map = new Map<string, string[]>();
      for (const r of this.all(name)) {
        for (const k of [def.display, ...def.keys]) {
          const v = r[k];
          if (typeof v !== 'string' || !v) continue;
          const low = v.trim().toLowerCase();
          const list = map.get(low);
          if (list) { if (!list.includes(r.id)) list.push(r.id); } else map.set(low, [r.id]);
        }
      }
      idx = { version: this.version, map };
      this.#byKey.set(name, idx);
    }
    const hits = idx.map.get(key.trim().toLowerCase());
    if (!hits) return { error: 'unknownRef' };
    if (hits.length > 1) return { error: 'ambiguousRef' };
    return { id: hits[0] };
  };

  /** Checks a whole record: its schema, value lists, references and entity rules. */
  validate(entity: EntityName, rec: Record<string, unknown>, prev?: EntityRecord, opts: SaveOpts & { pendingRefs?: PendingRefs } = {}): Result<EntityRecord> {
    // what the system keeps (a ticket's step log) is filled in before the record is checked
    const prepared = RULES[entity]?.prepare?.(rec as EntityRecord, prev, this.#ruleContext, opts) ?? rec;
    const parsed = checkingSchema(entity).safeParse(prepared);
    if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
    const value = parsed.data as EntityRecord;
    const errors: FieldError[] = [];
    // the fields the record has (a few of a customer's 35), in the schema's order as parsed.
    // Not a loop over the listed fields reading value[name]: a keyed read of a field the
    // record lacks cost more (~25 ms more for an import's 125k records)
    const listed = listedFields(entity);
    for (const k in value) {
      const fi = listed.get(k);
      if (!fi) continue;
      const v = value[k];
      if (v === undefined || v === null) continue;
      if (fi.kind === 'enum' && this.#currentValue(fi.values!, v)) continue;
      if (fi.kind === 'enum' && resolveValue(this.ws.valueLists, fi.values!, String(v)) !== v) {
        errors.push({ field: fi.name, code: 'notInList', params: { value: String(v), list: fi.values! } });
      } else if (fi.kind === 'enum' && v !== prev?.[fi.name] && isRetired(this.ws.valueLists, fi.values!, String(v))) {
        // a retired value stays on the records that have it, but is not given anew
        errors.push({ field: fi.name, code: 'retiredValue', params: { value: String(v), list: fi.values! } });
      } else if (fi.kind === 'ref' && !opts.pendingRefs?.(fi.ref as EntityName, String(v)) && !this.#rawGet(fi.ref as EntityName, String(v))) {
        // (the import's own new records asked first: an order history's 100k orders name
        // customers it is about to create, each a miss of the id map and its lower-case test)
        errors.push({ field: fi.name, code: 'unknownRef', params: { value: String(v), entity: fi.ref! } });
      }
    }
    if (RULES[entity]?.scopedRefs) errors.push(...scopeErrors(entity, value, (e, id) => this.get(e, id), (f) => entityFields(entity).find((x) => x.name === f)?.ref as EntityName | undefined));
    const check = RULES[entity]?.check;
    if (check) for (const e of check(value, prev, this.#ruleContext, opts)) errors.push(e);
    return errors.length ? { ok: false, errors } : ok(value);
  }

  /** list → the codes of the workspace's value lists (as they are now) known to be current:
   *  neither a label nor retired. An import checks the same few codes 300k times. Every change
   *  of the lists gives the workspace a new valueLists object, which empties this. */
  #current?: { lists: Workspace['valueLists']; codes: Map<string, Set<unknown>> };
  #currentValue(list: string, v: unknown): boolean {
    const lists = this.ws.valueLists;
    if (this.#current?.lists !== lists) this.#current = { lists, codes: new Map() };
    let codes = this.#current.codes.get(list);
    if (!codes) this.#current.codes.set(list, (codes = new Set()));
    if (codes.has(v)) return true;
    if (typeof v !== 'string' || resolveValue(lists, list, v) !== v || isRetired(lists, list, v)) return false;
    codes.add(v);
    return true;
  }

  /** what the entity rules may see: other records, read-only */
  #ruleContext: RuleContext = ((repo: Repo) => ({
    get: (e, id) => repo.#rawGet(e, id),
    all: (e) => repo.#raw(e),
    get adminLogin() {
      return repo.ws.settings.adminLogin;
    },
    get actorLogin() {
      return repo.actorLogin;
    },
    now: () => repo.now(),
    get valueLists() {
      return repo.ws.valueLists;
    },
    referring: (e, field, id) => repo.#referring(e, field, id),
    owned: (rec) => repo.#gathered?.has(rec as EntityRecord) === true,
  }))(this);

  /** entity → field → id referred to → the records referring; built on first use per field and
   *  kept up to date by every change (#reindex) */
  #refIndex = new Map<EntityName, Map<string, RefLists>>();
  #referring(entity: EntityName, field: string, id: string): Iterable<EntityRecord> {
    let byField = this.#refIndex.get(entity);
    if (!byField) this.#refIndex.set(entity, (byField = new Map()));
    let m = byField.get(field);
    if (!m) {
      byField.set(field, (m = new Map()));
      for (const r of this.#raw(entity)) addRef(m, r, field);
    }
    // the index's own set, not a copy: a rule only reads it (a lifecycle rule ran 100k times)
    return m.get(id) ?? NO_RECORDS;
  }
  /** keeps the reference index true when `gone` is replaced by `now` (either may be absent) */
  #reindex(entity: EntityName, gone: EntityRecord | undefined, now: EntityRecord | undefined): void {
    const byField = this.#refIndex.get(entity);
    if (!byField) return;
    for (const [field, m] of byField) {
      if (gone) dropRef(m, gone, gone[field]);
      if (now) addRef(m, now, field);
    }
  }

  /** Applies what a saved record causes in others, as the system (the actor's rights were
   *  checked on the record that caused it), recording the reason in their history. */
  #applyEffects(entity: EntityName, rec: EntityRecord, prev: EntityRecord | undefined): void {
    const rule = RULES[entity]?.effects;
    if (!rule) return;
    for (const e of rule(rec, prev, this.#ruleContext)) {
      const target = this.#rawGet(e.entity, e.id);
      if (!target) continue;
      if (this.#gathered) {
        this.#gatherEffect(e, target);
        continue;
      }
      const next: Record<string, unknown> = Object.assign({}, target, e.patch);
      const res = this.validate(e.entity, next, target, { anyStage: true, reason: e.reason });
      // an effect the target's own rules refuse is not made: the cause stays saved
      if (!res.ok) continue;
      RULES[e.entity]?.stamp?.(res.value, target, { at: this.now(), by: this.actorLogin, reason: e.reason }, e.patch);
      res.value.updatedAt = this.now();
      this.#replace(e.entity, target, res.value);
    }
  }

  /** the records effects touched while gathering (gatherEffects) */
  #gathered?: Gathered;
  /** new records inserted while gathering whose effects are not made yet: made together by
   *  their rule's effectsOfNew before anything else is written, and at the end */
  #deferred = new Map<EntityName, EntityRecord[]>();

  /** makes the effects of the new records inserted while gathering, in the order inserted */
  #flushDeferred(): void {
    if (!this.#gathered || this.#deferred.size === 0) return;
    const deferred = [...this.#deferred];
    this.#deferred.clear();
    for (const [entity, recs] of deferred) {
      for (const e of RULES[entity]!.effectsOfNew!(recs, this.#ruleContext)) {
        const target = this.#rawGet(e.entity, e.id);
        if (target) this.#gatherEffect(e, target);
      }
    }
  }

  /** Runs `work` (an import applying its rows) with the effects on other records gathered: a
   *  record an effect touches takes each patch as it comes (so the next effect sees it, and a
   *  stage move is stamped with its own reason), but is checked, re-tiered and recorded once,
   *  at the end, instead of once per effect. 100k orders of 25k customers made 150k checks of a
   *  customer (each with its whole points ledger); now 25k. A record its own rules then refuse
   *  is left as it was before the work, as a refused effect is. */
  gatherEffects<T>(work: () => T): T {
    if (this.#gathered) return work();
    const gathered: Gathered = new Map();
    this.#gathered = gathered;
    try {
      return work();
    } finally {
      // still gathering while each draft is checked: its rules may bring it up to date in place
      // (RuleContext.owned), since the checked record or the one before replaces it
      try {
        this.#flushDeferred();
        for (const g of gathered.values()) {
          const cur = this.#rawGet(g.entity, g.id);
          if (!cur) continue;
          const res = this.validate(g.entity, cur, g.before, { anyStage: true, reason: g.reason });
          if (!res.ok) {
            this.#put(g.entity, cur, g.before);
            continue;
          }
          res.value.updatedAt = this.now();
          this.#replace(g.entity, cur, res.value);
        }
      } finally {
        this.#gathered = undefined;
      }
    }
  }

  #gatherEffect(e: Effect, target: EntityRecord): void {
    // by the record itself: the draft an earlier effect put in place, or the record as it was
    const g = this.#gathered!.get(target);
    const rules = RULES[e.entity];
    if (g) {
      // a draft this gathering made, held by nothing but the workspace's lists and indexes: the
      // patch goes into it in place (100k orders make 125k effects on 25k customers)
      g.reason = e.reason;
      const stamp = !e.stamped && rules?.stamp !== undefined && this.#stamps(rules.stampedBy, e.patch, target);
      if (!stamp && !this.#indexedIn(e.entity, e.patch, target)) {
        // a points line (4 effects in 5) moves no stage and no key: nothing to stamp or rekey, so
        // no copy of the customer is made to compare against (the draft was stamped when made)
        Object.assign(target, e.patch);
        return;
      }
      const was = Object.assign({}, target) as EntityRecord;
      Object.assign(target, e.patch);
      if (stamp) rules!.stamp!(target, was, { at: this.now(), by: this.actorLogin, reason: e.reason }, e.patch);
      this.#rekey(e.entity, was, target);
      return;
    }
    const next = Object.assign({}, target, e.patch) as EntityRecord;
    // the draft owns its lists (a points ledger): later effects append to them in place
    // (RuleContext.owned) instead of copying them, and the record as it was keeps its own
    for (const k in next) {
      const v = next[k];
      if (Array.isArray(v) && v === target[k]) next[k] = v.slice();
    }
    if (!e.stamped) rules?.stamp?.(next, target, { at: this.now(), by: this.actorLogin, reason: e.reason }, e.patch);
    this.#put(e.entity, target, next);
    this.#gathered!.set(next, { entity: e.entity, id: target.id, before: target, reason: e.reason });
  }

  /** whether a patch changes a field the entity's stamp records (all do when it names none) */
  #stamps(stampedBy: string[] | undefined, patch: Record<string, unknown>, rec: EntityRecord): boolean {
    if (!stampedBy) return true;
    for (const k of stampedBy) if (k in patch && patch[k] !== rec[k]) return true;
    return false;
  }

  /** whether a patch changes a natural key or an indexed reference of the record */
  #indexedIn(entity: EntityName, patch: Record<string, unknown>, rec: EntityRecord): boolean {
    const byField = this.#refIndex.get(entity);
    for (const k in patch) {
      if (patch[k] === rec[k]) continue;
      if (ENTITIES[entity].keys.includes(k) || byField?.has(k)) return true;
    }
    return false;
  }

  /** keeps the indexes true for a record changed in place (`was`: a copy of it before) */
  #rekey(entity: EntityName, was: EntityRecord, rec: EntityRecord): void {
    if (ENTITIES[entity].keys.some((k) => was[k] !== rec[k])) {
      this.#indexKeys(entity, was, -1);
      this.#indexKeys(entity, rec, 1);
    }
    const byField = this.#refIndex.get(entity);
    if (!byField) return;
    for (const [field, m] of byField) {
      if (was[field] === rec[field]) continue;
      dropRef(m, rec, was[field]);
      addRef(m, rec, field);
    }
  }

  /** puts `rec` where `prev` was, in the list and every index */
  #put(entity: EntityName, prev: EntityRecord, rec: EntityRecord): void {
    const arr = this.#raw(entity);
    arr[this.#positionOf(entity, prev)] = rec;
    this.#indexKeys(entity, prev, -1);
    this.#indexKeys(entity, rec, 1);
    this.#reindex(entity, prev, rec);
    this.#byId.get(entity)?.set(rec.id, rec);
  }

  /** puts `rec` where `prev` was, in the list and every index, and records the change */
  #replace(entity: EntityName, prev: EntityRecord, rec: EntityRecord): void {
    this.#put(entity, prev, rec);
    this.#changes.push({ op: 'put', e: entity, r: rec });
    this.#touch(entity);
  }

  /** id → place in the list, so an import whose 100k orders each move a customer does not
   *  search 25k customers each time; rebuilt when a delete closes the gaps */
  #pos = new Map<EntityName, Map<string, number>>();
  #positionOf(entity: EntityName, rec: EntityRecord): number {
    const arr = this.#raw(entity);
    let m = this.#pos.get(entity);
    let i = m?.get(rec.id);
    if (i === undefined || arr[i] !== rec) {
      m = new Map(arr.map((r, j) => [r.id, j]));
      this.#pos.set(entity, m);
      i = m.get(rec.id) ?? -1;
    }
    return i;
  }

  nextId(entity: EntityName): string {
    const counters = this.ws.counters;
    const prefix = ENTITIES[entity].prefix;
    let n = (counters[entity] ?? 0) + 1;
    let id = formatId(prefix, n);
    // above every number an id of this form was given, no id needs looking for: an import's
    // 100k new orders searched the 100k-entry id map once each for an id never taken
    if (n <= this.#topNumber(entity, prefix)) {
      const ids = this.#ids(entity);
      while (ids.has(id)) id = formatId(prefix, ++n);
    }
    counters[entity] = n;
    this.#idTop.set(entity, Math.max(n, this.#idTop.get(entity)!));
    return id;
  }

  /** entity → the highest n whose formatId(prefix, n) was the id of a record (or handed out by
   *  nextId), known from the first nextId on: higher numbers are free */
  #idTop = new Map<EntityName, number>();
  #topNumber(entity: EntityName, prefix: string): number {
    let top = this.#idTop.get(entity);
    if (top === undefined) {
      top = 0;
      // the list, not the id map: an import's 100k new orders need no map of their codes
      for (const r of this.#raw(entity)) top = Math.max(top, idNumber(prefix, r.id));
      this.#idTop.set(entity, top);
    }
    return top;
  }
  /** keeps #idTop true when a record comes with an id of its own */
  #noteId(entity: EntityName, id: string): void {
    const top = this.#idTop.get(entity);
    if (top !== undefined) this.#idTop.set(entity, Math.max(top, idNumber(ENTITIES[entity].prefix, id)));
  }

  #touch(entity?: EntityName) {
    this.version++;
    if (!entity || ORG.has(entity)) this.#orgVersion++;
  }

  /** The changes since the last call, for the store's journal. */
  drainChanges(): Change[] {
    if (!this.#changes.length) return [];
    const out = [...this.#changes, { op: 'counters' as const, c: { ...this.ws.counters } }];
    this.#changes = [];
    return out;
  }

  /** Changes a refused save held, sent again with the next one (a conflict settled by keeping
   *  mine): the records are in the workspace already, checked when they were made. */
  requeue(changes: Change[]): void {
    const kept = changes.filter((c) => c.op === 'put' || c.op === 'del');
    if (!kept.length) return;
    this.#changes.push(...kept);
    this.#touch();
  }

  /** The changes since the last call as one batch, stamped with the actor and the time. */
  drainBatch(): Batch {
    return { at: this.#clock().toISOString(), by: this.actorLogin, changes: this.drainChanges() };
  }

  /** The employee the program acts as: --user LOGIN, else the workspace's administrator. */
  actor(login?: string): EntityRecord | undefined {
    const want = (login ?? this.ws.settings.adminLogin).toLowerCase();
    return this.#raw('employees').find((e) => String(e.login).toLowerCase() === want);
  }

  setSettings(patch: Partial<Workspace['settings']>): void {
    this.#flushDeferred();
    Object.assign(this.ws.settings, patch);
    this.#changes.push({ op: 'settings', s: { ...this.ws.settings } });
    this.#touch();
  }

  /** Whether the actor may change the hotel's own settings (its profile, the value lists):
   *  an administrator only, and the program itself. */
  refusedSettings(): FieldError | undefined {
    const a = this.#resolveActor();
    if (a.actor === 'root' || a.role?.isAdmin) return undefined;
    if (a.actor.employee.active === false) return { field: '', code: 'permInactive' };
    return { field: '', code: 'permSettings', params: { role: a.role?.name ?? '' } };
  }

  /** Changes the hotel's profile (settings, `org set`): an administrator only. */
  setOrganisation(patch: Partial<Workspace['organisation']>): Result<Workspace['organisation']> & { changed?: boolean } {
    this.#flushDeferred();
    const denied = this.refusedSettings();
    if (denied) return fail(denied);
    const parsed = Organisation.safeParse({ ...this.ws.organisation, ...patch });
    if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
    if (JSON.stringify(parsed.data) === JSON.stringify(this.ws.organisation)) return { ok: true, value: this.ws.organisation, changed: false };
    this.ws.organisation = parsed.data;
    this.#changes.push({ op: 'org', o: parsed.data });
    this.#touch();
    return { ok: true, value: parsed.data, changed: true };
  }

  /** Edits one value list (add, remove, rename, retire, restore, move): an administrator only. */
  editValues(list: string, edit: ValueEdit): Result<Workspace['valueLists'][string]> {
    this.#flushDeferred();
    const denied = this.refusedSettings();
    if (denied) return fail(denied);
    const r = editValueList(this.ws.valueLists, list, edit, (code) => valueUses((e) => this.ws[e] as EntityRecord[], list, code));
    if (!r.ok) {
      const { code, ...params } = r.error;
      return fail({ field: '', code, params: params as Record<string, string> });
    }
    // a new object: screens memoise on the lists
    this.ws.valueLists = { ...this.ws.valueLists, [list]: r.items };
    this.#changes.push({ op: 'values', n: list, items: r.items });
    this.#touch();
    return ok(r.items);
  }

  /** Another record with the same natural key (a customer's mobile, an employee's login). */
  duplicateOf(entity: EntityName, rec: Record<string, unknown>): FieldError | undefined {
    const index = this.#naturalKeys(entity);
    for (const k of ENTITIES[entity].keys) {
      const key = naturalKey(k, rec[k]);
      if (!key) continue;
      const other = [...(index.get(key) ?? [])].find((id) => id !== rec.id);
      if (other) return { field: k, code: 'duplicateKey', params: { value: String(rec[k]), other } };
    }
    return undefined;
  }

  /** natural key → ids, built once and kept up to date by every change (an import or the demo
   *  generator creates 100k records: a scan per create would be quadratic) */
  #keyIndex = new Map<EntityName, Map<string, Set<string>>>();
  #naturalKeys(entity: EntityName): Map<string, Set<string>> {
    let m = this.#keyIndex.get(entity);
    if (!m) {
      m = new Map();
      this.#keyIndex.set(entity, m);
      for (const r of this.#raw(entity)) this.#indexKeys(entity, r, 1);
    }
    return m;
  }
  #indexKeys(entity: EntityName, rec: Record<string, unknown> & { id: string }, sign: 1 | -1): void {
    const m = this.#keyIndex.get(entity);
    if (!m) return;
    for (const k of ENTITIES[entity].keys) {
      const key = naturalKey(k, rec[k]);
      if (!key) continue;
      let ids = m.get(key);
      if (sign === 1) {
        if (!ids) m.set(key, (ids = new Set()));
        ids.add(rec.id);
      } else ids?.delete(rec.id);
    }
  }

  /** Creates a record. A natural key already taken is refused unless `allowDuplicate`: the same
   *  rule for the app's forms, `add` and import (which offers skip and update instead). */
  create(entity: EntityName, values: Record<string, unknown>, opts: SaveOpts & { id?: string; dryRun?: boolean; allowDuplicate?: boolean; via?: 'import'; pendingRefs?: PendingRefs } = {}): Result<EntityRecord> {
    this.#flushDeferred();
    const action: Action = opts.via ?? 'create';
    const denied = this.refused(action, entity);
    if (denied) return fail(denied);
    const now = this.now();
    if (opts.id && this.exists(entity, opts.id)) return fail({ field: 'id', code: 'duplicate', params: { value: opts.id } });
    // built by assignment, not spread: V8 gives spread-built objects a shape that makes zod's
    // parse 4x slower (measured on 100k imported rows)
    const draft: Record<string, unknown> = Object.assign({}, ENTITIES[entity].defaults);
    for (const k in values) if (values[k] !== undefined) draft[k] = values[k];
    draft.id = opts.id ?? '~';
    // a new record is the acting employee's unless it names its owner
    const owner = OWNERSHIP[entity];
    const me = this.#resolveActor().employee;
    if (me && owner && owner !== 'self' && 'field' in owner && (draft[owner.field] === undefined || draft[owner.field] === '')) draft[owner.field] = me.id;
    // an import may carry the record's own times (a round trip keeps them)
    draft.createdAt ??= now;
    draft.updatedAt ??= draft.createdAt;
    const res = this.validate(entity, draft, undefined, opts);
    if (!res.ok) return res;
    const outOfScope = this.refused(action, entity, res.value) ?? this.#escalation(entity, res.value);
    if (outOfScope) return fail(outOfScope);
    RULES[entity]?.stamp?.(res.value, undefined, { at: now, by: this.actorLogin }, values);
    const dup = opts.allowDuplicate ? undefined : this.duplicateOf(entity, res.value);
    if (dup) return fail(dup);
    if (opts.dryRun) return ok(res.value);
    return ok(this.insertChecked(entity, res.value, opts.id));
  }

  /** `create(entity, values, { ...opts, id, dryRun: true })` for many records of one entity
   *  checked in a row, as an import checks every row before it applies any: what is the same for
   *  each of them (the actor's right to the action, the acting employee as the owner, the
   *  entity's defaults, whether the actor's scope can refuse a record) is worked out once; every
   *  rule that looks at the record (the schema, value lists, references, entity rules, scope,
   *  natural keys) still runs for each. Anything written in between (the repo's version moves)
   *  sends the call to create itself. 100k orders and 25k customers: ~35 ms of create's own
   *  time and 125k option objects fewer. */
  creator(entity: EntityName, opts: SaveOpts & { allowDuplicate?: boolean; via?: 'import'; pendingRefs?: PendingRefs } = {}): (values: Record<string, unknown>, id?: string) => Result<EntityRecord> {
    const version = this.version;
    const org = this.#orgVersion;
    const action: Action = opts.via ?? 'create';
    const a = this.#resolveActor();
    const denied = this.refused(action, entity) !== undefined;
    const rule = OWNERSHIP[entity];
    const ownerField = a.employee && rule && rule !== 'self' && 'field' in rule ? rule.field : undefined;
    const ownerId = a.employee?.id;
    const defaults = ENTITIES[entity].defaults;
    const stamp = RULES[entity]?.stamp;
    // can() refuses nothing to the program or an administrator, and #escalation nothing either
    const everything = a.actor === 'root' || !!a.role?.isAdmin;
    // the draft below is made for its check alone: a prepare rule may fill it in place
    const checkOpts = { ...opts, dryRun: true, ownDraft: true };
    return (values, id) => {
      if (denied || this.version !== version || this.#orgVersion !== org) return this.create(entity, values, { ...checkOpts, id });
      const now = this.now();
      if (id && this.exists(entity, id)) return fail({ field: 'id', code: 'duplicate', params: { value: id } });
      // by assignment, as in create
      const draft: Record<string, unknown> = Object.assign({}, defaults);
      for (const k in values) if (values[k] !== undefined) draft[k] = values[k];
      draft.id = id ?? '~';
      if (ownerField && (draft[ownerField] === undefined || draft[ownerField] === '')) draft[ownerField] = ownerId;
      draft.createdAt ??= now;
      draft.updatedAt ??= draft.createdAt;
      const res = this.validate(entity, draft, undefined, checkOpts);
      if (!res.ok) return res;
      if (!everything) {
        const outOfScope = this.refused(action, entity, res.value) ?? this.#escalation(entity, res.value);
        if (outOfScope) return fail(outOfScope);
      }
      stamp?.(res.value, undefined, { at: now, by: this.actorLogin }, values);
      const dup = opts.allowDuplicate ? undefined : this.duplicateOf(entity, res.value);
      if (dup) return fail(dup);
      return ok(res.value);
    };
  }

  /** Adds a record that a dry-run create has just checked (an import checks every row first). */
  insertChecked(entity: EntityName, rec: EntityRecord, id?: string): EntityRecord {
    if (id !== undefined) this.#noteId(entity, id);
    rec.id = id ?? this.nextId(entity);
    this.#pos.get(entity)?.set(rec.id, this.#raw(entity).length);
    this.#raw(entity).push(rec);
    // the id map is built from the list when first asked: until then, not kept (an import of
    // 100k orders that asks for none by id spent 80 ms growing a map of their codes)
    this.#byId.get(entity)?.set(rec.id, rec);
    this.#indexKeys(entity, rec, 1);
    this.#reindex(entity, undefined, rec);
    this.#changes.push({ op: 'put', e: entity, r: rec });
    this.#touch(entity);
    if (!this.#gathered || !RULES[entity]?.effectsOfNew) {
      this.#flushDeferred();
      this.#applyEffects(entity, rec, undefined);
      return rec;
    }
    // gathering (an import's rows): its effects are made with those of the records after it
    let recs = this.#deferred.get(entity);
    if (!recs) this.#deferred.set(entity, (recs = []));
    recs.push(rec);
    return rec;
  }

  /** Applies a patch; `undefined` in the patch clears a field. Returns the record, unchanged if nothing changed. */
  update(entity: EntityName, id: string, patch: Record<string, unknown>, opts: SaveOpts & { dryRun?: boolean; allowDuplicate?: boolean; via?: 'import' } = {}): Result<EntityRecord> & { changed?: boolean } {
    this.#flushDeferred();
    const action: Action = opts.via ?? 'edit';
    const denied = this.refused(action, entity);
    if (denied) return fail(denied);
    const prev = this.#rawGet(entity, id);
    if (!prev) return fail({ field: 'id', code: 'notFound', params: { value: id } });
    // the record as it is, and as it would be, must both be within the actor's scope
    const before = this.refused(action, entity, prev);
    if (before) return fail(before);
    const next: Record<string, unknown> = Object.assign({}, prev);
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'id' || k === 'createdAt' || k === 'updatedAt') continue;
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    const res = this.validate(entity, next, prev, opts);
    if (!res.ok) return res;
    const rec = res.value;
    const after = this.refused(action, entity, rec) ?? this.#escalation(entity, rec);
    if (after) return fail(after);
    RULES[entity]?.stamp?.(rec, prev, { at: this.now(), by: this.actorLogin, reason: opts.reason }, patch);
    const keyChanged = ENTITIES[entity].keys.some((k) => String(rec[k] ?? '').trim().toLowerCase() !== String(prev[k] ?? '').trim().toLowerCase());
    const dup = keyChanged && !opts.allowDuplicate ? this.duplicateOf(entity, rec) : undefined;
    if (dup) return fail(dup);
    const same = JSON.stringify({ ...rec, updatedAt: '' }) === JSON.stringify({ ...prev, updatedAt: '' });
    if (same || opts.dryRun) return { ok: true, value: prev, changed: false };
    rec.updatedAt = this.now();
    this.#replace(entity, prev, rec);
    this.#applyEffects(entity, rec, prev);
    return { ok: true, value: rec, changed: true };
  }

  deletePlan(entity: EntityName, id: string): DeletePlan {
    const plan: DeletePlan = { cascade: [], blockers: [] };
    const cascades = ownedKinds(entity);
    const ids = new Set([id]);
    for (const c of cascades) {
      const hit = this.#raw(c.entity).filter((r) => r[c.field] === id).map((r) => r.id);
      if (hit.length) plan.cascade.push({ entity: c.entity, ids: hit });
    }
    for (const c of plan.cascade) for (const x of c.ids) ids.add(x);
    for (const other of ENTITY_NAMES) {
      for (const fi of entityFields(other)) {
        if (fi.ref !== entity) continue;
        if (cascades.some((c) => c.entity === other && c.field === fi.name)) continue;
        const count = this.#raw(other).filter((r) => {
          const v = r[fi.name];
          return Array.isArray(v) ? v.includes(id) : v === id;
        }).length;
        if (count) {
          const b = plan.blockers.find((x) => x.entity === other);
          if (b) b.count += count; else plan.blockers.push({ entity: other, count });
        }
      }
    }
    return plan;
  }

  /** Deletes a record and what belongs to it; refused while other records refer to it. */
  delete(entity: EntityName, id: string): Result<DeletePlan> {
    this.#flushDeferred();
    const denied = this.refused('delete', entity);
    if (denied) return fail(denied);
    const rec = this.#rawGet(entity, id);
    if (!rec) return fail({ field: 'id', code: 'notFound', params: { value: id } });
    const outOfScope = this.refused('delete', entity, rec);
    if (outOfScope) return fail(outOfScope);
    const refusal = RULES[entity]?.undeletable?.(rec, this.#ruleContext);
    if (refusal) return fail(refusal);
    const plan = this.deletePlan(entity, rec.id);
    if (plan.blockers.length) {
      return fail(...plan.blockers.map((b) => ({ field: 'id', code: 'referenced', params: { entity: b.entity, count: b.count } })));
    }
    const remove = (name: EntityName, ids: Set<string>) => {
      const arr = this.#raw(name);
      this.#pos.delete(name);
      const kept = arr.filter((r) => !ids.has(r.id));
      arr.length = 0;
      for (const r of kept) arr.push(r);
      const m = this.#ids(name);
      for (const x of ids) {
        const gone = m.get(x);
        if (gone) this.#indexKeys(name, gone, -1);
        this.#reindex(name, gone, undefined);
        m.delete(x);
        this.#changes.push({ op: 'del', e: name, id: x });
      }
    };
    for (const c of plan.cascade) remove(c.entity, new Set(c.ids));
    remove(entity, new Set([rec.id]));
    this.#touch(entity);
    return ok(plan);
  }

  /** The records the actor may export (the export scope within the view scope), or why none. */
  exportable(entity: EntityName, where: Where[] = []): Result<EntityRecord[]> {
    const denied = this.refused('export', entity);
    if (denied) return fail(denied);
    const a = this.#resolveActor();
    const rows = this.query(entity, where);
    return ok(a.actor === 'root' || a.role?.isAdmin || !OWNERSHIP[entity] ? rows : rows.filter((r) => !can(a.actor, 'export', entity, r, this.#permCtx, a.tree)));
  }

  /** The records the actor may see that match every condition. */
  query(entity: EntityName, where: Where[] = []): EntityRecord[] {
    if (!where.length) return this.all(entity);
    return this.all(entity).filter((r) =>
      where.every((w) => {
        const v = r[w.field];
        const s = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [''] : [String(v)];
        return w.op === 'eq' ? s.some((x) => x === w.value) : s.some((x) => x.toLowerCase().includes(w.value.toLowerCase()));
      }),
    );
  }
}
