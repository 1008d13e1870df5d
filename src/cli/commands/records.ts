// list / add / update / delete ENTITY: thin shells over the Repo services.
import { ENTITIES, ENTITY_NAMES, editableFields, entityFields, isEntityName, type EntityName } from '../../domain/entities.js';
import type { ValueLists } from '../../domain/values.js';
import { filterByConditions, parseCondition, splitTerm, type Condition, type QueryError } from '../../domain/query.js';
import type { EntityRecord } from '../../domain/workspace.js';
import type { Repo } from '../../services/repo.js';
import { recordToYuan, recordsToYuan } from '../../domain/money-fields.js';
import { choicesText, entityLabel, errorText, type T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { cellText, columnsFor, renderTable } from '../format.js';
import { unknownFieldFlags, valuesFromFlags } from './fields-from-flags.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { FieldError } from '../../domain/errors.js';
import { applyGrant, applyRevoke, parseGrant } from '../../domain/permissions.js';

/** Parse errors first; then the record's own errors for the fields that parsed. */
function mergeErrors(parse: FieldError[], record: FieldError[]): FieldError[] {
  const seen = new Set(parse.map((e) => e.field));
  return [...parse, ...record.filter((e) => !seen.has(e.field))];
}

export function entityArg(t: T, s: string): EntityName {
  if (!isEntityName(s)) throw new UsageError(t('cli.unknownEntity', { value: s, choices: ENTITY_NAMES.join(', ') }));
  return s;
}

function refuse(t: T, entity: EntityName, errors: FieldError[], lists?: Parameters<typeof errorText>[3]): never {
  const hint = errors.some((e) => e.code === 'duplicateKey') ? [t('cli.allowDuplicateHint')] : [];
  throw new Refused([t('cli.refused'), ...errors.map((e) => `  ${errorText(t, entity, e, lists)}`), ...hint]);
}

/** --where terms as conditions (see domain/query.ts); a term that names no field, or a value
 *  the field cannot hold, is a usage error naming what is allowed (exit 2, nothing done). */
export function parseWhere(t: T, entity: EntityName, list: string[], lists: ValueLists): Condition[] {
  const fields = entityFields(entity);
  return list.map((w) => {
    const r = parseCondition(fields, w, lists);
    if ('cond' in r) return r.cond;
    throw new UsageError(whereError(t, entity, r.error, lists));
  });
}

function whereError(t: T, entity: EntityName, e: QueryError, lists: ValueLists): string {
  if (e.code === 'syntax') return t('query.syntax', { term: e.term });
  if (e.code === 'unknownField') return t('cli.unknownField', { value: e.field, entity, choices: entityFields(entity).filter((f) => f.kind !== 'json').map((f) => `${f.name} (${t.l(f.label)})`).join(', ') });
  const fi = entityFields(entity).find((f) => f.name === e.field)!;
  const field = t.l(fi.label);
  const value = splitTerm(e.term)?.raw.trim() ?? '';
  if (e.code === 'notInList') return t('query.notInList', { term: e.term, field, value, choices: choicesText(t, lists, e.list) });
  if (e.code === 'noOrder') return t('query.noOrder', { term: e.term, field });
  const key = fi.kind === 'date' || fi.kind === 'datetime' ? 'query.badDate' : fi.kind === 'bool' ? 'query.badBool' : 'query.badNumber';
  return t(key, { term: e.term, field, value });
}

/** The records meeting every --where condition (a reference also matches by the name shown). */
export function whereRecords(repo: Repo, entity: EntityName, conds: Condition[], from: EntityRecord[] = repo.all(entity)): EntityRecord[] {
  return filterByConditions(from, entityFields(entity), conds, (e, id) => {
    const r = repo.get(e as EntityName, id);
    return r ? String(r[ENTITIES[e as EntityName].display] ?? '') : undefined;
  });
}

export async function listCmd(args: GlobalArgs & { entity: string; where?: string[] }, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'read');
  const { text } = await workThenSave(s, () => {
    const where = parseWhere(s.t, entity, args.where ?? [], s.repo.ws.valueLists);
    const rows = whereRecords(s.repo, entity, where);
    if (args.json) return { save: false, text: JSON.stringify(recordsToYuan(entity, rows), null, 2) };
    if (!rows.length) return { save: false, text: s.t('cli.noRecords') };
    const cols = columnsFor(entity);
    // a cell may hold anything an import brought in: one line, no control sequences
    const cells = rows.map((r) => cols.map((c) => sanitizeLine(cellText(s.repo, s.t, c, r))));
    return { save: false, text: renderTable(cols.map((c) => s.t.l(c.label)), cells) };
  });
  io.out(text);
  return EXIT.ok;
}

/** An unknown field flag is a usage error, found before the workspace is opened. */
function checkFieldFlags(t: T, entity: EntityName, args: Record<string, unknown>): void {
  const unknown = unknownFieldFlags(entity, args);
  if (unknown.length) throw new UsageError(t('cli.unknownField', { value: unknown[0], entity, choices: editableFields(entity).map((f) => f.name).join(', ') }));
}

type Grants = { grant: ParsedGrant[]; revoke: ParsedGrant[] };
type ParsedGrant = Exclude<ReturnType<typeof parseGrant>, { error: string }>;

/** --grant / --revoke, checked before the workspace is opened (a bad one is a usage error). */
function grantsOf(t: T, entity: EntityName, args: Record<string, unknown>): Grants | undefined {
  const list = (k: 'grant' | 'revoke') => (args[k] === undefined ? [] : (Array.isArray(args[k]) ? args[k] : [args[k]]).map(String));
  const g = list('grant');
  const r = list('revoke');
  if (!g.length && !r.length) return undefined;
  if (entity !== 'roles') throw new UsageError(t('cli.grantNotRole'));
  const parse = (flag: 'grant' | 'revoke', v: string): ParsedGrant => {
    const p = parseGrant(v, ENTITY_NAMES);
    if ('error' in p || (flag === 'revoke' && p.scope)) throw new UsageError(t('cli.badGrant', { flag, value: sanitizeLine(v) }));
    return p;
  };
  return { grant: g.map((v) => parse('grant', v)), revoke: r.map((v) => parse('revoke', v)) };
}

/** A role's permissions after the grants and revocations, in the order given. */
function withGrants(perms: unknown, g: Grants): Record<string, { actions: ParsedGrant['actions']; scope: 'own' | 'department' | 'all' }> {
  let out = (perms && typeof perms === 'object' ? perms : {}) as ReturnType<typeof applyGrant>;
  for (const x of g.grant) out = applyGrant(out, x);
  for (const x of g.revoke) out = applyRevoke(out, x);
  return out;
}

export async function addCmd(args: GlobalArgs & { entity: string } & Record<string, unknown>, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  checkFieldFlags(t0, entity, args);
  const grants = grantsOf(t0, entity, args);
  const s = await openSession(args, io, 'write');
  const { record } = await workThenSave(s, () => {
    const { values, errors } = valuesFromFlags(entity, args, s.repo);
    if (grants) values.permissions = withGrants({}, grants);
    const res = s.repo.create(entity, values, { dryRun: errors.length > 0, allowDuplicate: args.allowDuplicate === true });
    const all = mergeErrors(errors, res.ok ? [] : res.errors);
    if (all.length || !res.ok) refuse(s.t, entity, all, s.repo.ws.valueLists);
    return { save: true, record: res.value };
  });
  io.out(args.json ? JSON.stringify(recordToYuan(entity, record), null, 2) : record.id);
  return EXIT.ok;
}

export async function updateCmd(args: GlobalArgs & { entity: string; id: string } & Record<string, unknown>, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  checkFieldFlags(t0, entity, args);
  const grants = grantsOf(t0, entity, args);
  const s = await openSession(args, io, 'write');
  const { text } = await workThenSave(s, () => {
    const { values, errors } = valuesFromFlags(entity, args, s.repo);
    if (grants) values.permissions = withGrants(s.repo.unscoped('roles').find((r) => r.id === String(args.id).toUpperCase())?.permissions, grants);
    const res = s.repo.update(entity, String(args.id), values, { dryRun: errors.length > 0, allowDuplicate: args.allowDuplicate === true });
    const all = mergeErrors(errors, res.ok ? [] : res.errors);
    if (all.length || !res.ok) refuse(s.t, entity, all, s.repo.ws.valueLists);
    const text = args.json
      ? JSON.stringify(recordToYuan(entity, res.value), null, 2)
      : res.changed ? s.t('cli.updated', { id: res.value.id }) : s.t('cli.unchanged', { id: res.value.id });
    return { save: !!res.changed, text };
  });
  io.out(text);
  return EXIT.ok;
}

export async function deleteCmd(args: GlobalArgs & { entity: string; id: string }, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'write');
  const { text } = await workThenSave(s, () => {
    const res = s.repo.delete(entity, String(args.id));
    if (!res.ok) refuse(s.t, entity, res.errors, s.repo.ws.valueLists);
    const id = String(args.id).toUpperCase();
    if (args.json) return { save: true, text: JSON.stringify({ deleted: id, cascade: res.value.cascade }) };
    const extra = res.value.cascade.map((c) => `${c.ids.length} ${entityLabel(s.t, c.entity)}`).join(s.t.lang === 'en' ? ', ' : '、');
    return { save: true, text: s.t('cli.deleted', { id, cascade: extra ? ` (+ ${extra})` : '' }) };
  });
  io.out(text);
  return EXIT.ok;
}
