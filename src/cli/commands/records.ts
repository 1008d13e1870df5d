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
import { valuesFromFlags } from './fields-from-flags.js';
import type { FieldError } from '../../domain/errors.js';

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
  throw new Refused([t('cli.refused'), ...errors.map((e) => `  ${errorText(t, entity, e, lists)}`)]);
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
  try {
    const where = parseWhere(s.t, entity, args.where ?? [], s.repo.ws.valueLists);
    const rows = s.repo.query(entity, where);
    if (args.json) {
      io.out(JSON.stringify(recordsToYuan(entity, rows), null, 2));
      return EXIT.ok;
    }
    if (!rows.length) {
      io.out(s.t('cli.noRecords'));
      return EXIT.ok;
    }
    const cols = columnsFor(entity);
    io.out(renderTable(cols.map((c) => s.t.l(c.label)), rows.map((r) => cols.map((c) => cellText(s.repo, s.t, c, r)))));
    return EXIT.ok;
  } finally {
    await s.finish(false);
  }
}

export async function addCmd(args: GlobalArgs & { entity: string } & Record<string, unknown>, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'write');
  let save = false;
  try {
    const { values, errors, unknown } = valuesFromFlags(entity, args, s.repo);
    if (unknown.length) throw new UsageError(s.t('cli.unknownField', { value: unknown[0], entity, choices: editableFields(entity).map((f) => f.name).join(', ') }));
    const res = s.repo.create(entity, values, { dryRun: errors.length > 0 });
    const all = mergeErrors(errors, res.ok ? [] : res.errors);
    if (all.length || !res.ok) refuse(s.t, entity, all, s.repo.ws.valueLists);
    save = true;
    io.out(args.json ? JSON.stringify(recordToYuan(entity, res.value), null, 2) : res.value.id);
    return EXIT.ok;
  } finally {
    await s.finish(save);
  }
}

export async function updateCmd(args: GlobalArgs & { entity: string; id: string } & Record<string, unknown>, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'write');
  let save = false;
  try {
    const { values, errors, unknown } = valuesFromFlags(entity, args, s.repo);
    if (unknown.length) throw new UsageError(s.t('cli.unknownField', { value: unknown[0], entity, choices: editableFields(entity).map((f) => f.name).join(', ') }));
    const res = s.repo.update(entity, String(args.id), values, { dryRun: errors.length > 0 });
    const all = mergeErrors(errors, res.ok ? [] : res.errors);
    if (all.length || !res.ok) refuse(s.t, entity, all, s.repo.ws.valueLists);
    save = !!res.changed;
    if (args.json) io.out(JSON.stringify(recordToYuan(entity, res.value), null, 2));
    else io.out(res.changed ? s.t('cli.updated', { id: res.value.id }) : s.t('cli.unchanged', { id: res.value.id }));
    return EXIT.ok;
  } finally {
    await s.finish(save);
  }
}

export async function deleteCmd(args: GlobalArgs & { entity: string; id: string }, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const s = await openSession(args, io, 'write');
  let save = false;
  try {
    const res = s.repo.delete(entity, String(args.id));
    if (!res.ok) refuse(s.t, entity, res.errors, s.repo.ws.valueLists);
    save = true;
    const id = String(args.id).toUpperCase();
    if (args.json) io.out(JSON.stringify({ deleted: id, cascade: res.value.cascade }));
    else {
      const extra = res.value.cascade.map((c) => `${c.ids.length} ${entityLabel(s.t, c.entity)}`).join(s.t.lang === 'en' ? ', ' : '、');
      io.out(s.t('cli.deleted', { id, cascade: extra ? ` (+ ${extra})` : '' }));
    }
    return EXIT.ok;
  } finally {
    await s.finish(save);
  }
}

