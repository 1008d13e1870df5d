// list / add / update / delete ENTITY: thin shells over the Repo services.
import { ENTITY_NAMES, editableFields, entityFields, isEntityName, type EntityName } from '../../domain/entities.js';
import { resolveValue } from '../../domain/values.js';
import { parseYuanText } from '../../domain/money.js';
import { recordToYuan, recordsToYuan } from '../../domain/money-fields.js';
import { entityLabel, errorText, type T } from '../../i18n/index.js';
import type { Where } from '../../services/repo.js';
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

export function parseWhere(t: T, entity: EntityName, list: string[], lists: Parameters<typeof resolveValue>[0]): Where[] {
  const fields = entityFields(entity);
  return list.map((w) => {
    const m = /^([A-Za-z]+)([=~])(.*)$/s.exec(w);
    if (!m) throw new UsageError(t('cli.badWhere', { value: w }));
    const fi = fields.find((f) => f.name === m[1]);
    if (!fi) throw new UsageError(t('cli.unknownField', { value: m[1], entity, choices: fields.map((f) => f.name).join(', ') }));
    let value = m[3];
    if (fi.kind === 'enum' && m[2] === '=') value = resolveValue(lists, fi.values!, value) ?? value;
    if (fi.kind === 'money' && m[2] === '=') {
      // typed in yuan, compared with the stored fen
      const r = parseYuanText(value, { allowNegative: true });
      if ('fen' in r) value = String(r.fen);
    }
    return { field: fi.name, op: m[2] === '=' ? 'eq' : 'contains', value };
  });
}

export async function listCmd(args: GlobalArgs & { entity: string; where?: string[] }, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'read');
  const { text } = await workThenSave(s, () => {
    const where = parseWhere(s.t, entity, args.where ?? [], s.repo.ws.valueLists);
    const rows = s.repo.query(entity, where);
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
