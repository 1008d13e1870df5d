// Field flags (--name 王先生 --phone 13800000000) → typed values, with every bad one reported.
import { editableFields, entityFields, type EntityName } from '../../domain/entities.js';
import { parseNestedTexts } from '../../domain/parse-nested.js';
import type { FieldInfo } from '../../domain/fields.js';
import { parseFieldText } from '../../domain/parse-input.js';
import type { FieldError } from '../../domain/errors.js';
import type { Repo } from '../../services/repo.js';
import { workspaceTimeZone } from '../../services/time-zone.js';

export const GLOBAL_FLAGS = new Set(['_', '$0', 'data', 'lang', 'json', 'user', 'ascii', 'help', 'version', 'entity', 'id', 'force', 'demo', 'wait', 'allowDuplicate', 'grant', 'revoke']);

/** The fields a flag may set: the editable ones and the structured ones a person keeps (an
 *  order's --items as JSON, or --item product=…,qty=… once per line; its --stay). */
export const flagFields = (entity: EntityName): FieldInfo[] => [...editableFields(entity), ...entityFields(entity).filter((f) => f.kind === 'json' && !f.system)];

/** The field a flag names: its own name, or a list field's singular (--tag vip --tag corporate).
 *  Looked up in a Map, so a flag named like an Object member (--constructor) is just unknown. */
function fieldForFlag(fields: Map<string, FieldInfo>, k: string): FieldInfo | undefined {
  const fi = fields.get(k);
  if (fi) return fi;
  const plural = fields.get(`${k}s`);
  return plural?.kind === 'tags' || plural?.kind === 'json' ? plural : undefined;
}

const byName = (entity: EntityName) => new Map(flagFields(entity).map((f) => [f.name, f] as const));
const isFieldFlag = (k: string) => !GLOBAL_FLAGS.has(k) && !k.includes('-');

/** Flags that name no editable field of the entity. */
export function unknownFieldFlags(entity: EntityName, argv: Record<string, unknown>): string[] {
  const fields = byName(entity);
  return Object.keys(argv).filter((k) => isFieldFlag(k) && !fieldForFlag(fields, k));
}

export function valuesFromFlags(entity: EntityName, argv: Record<string, unknown>, repo: Repo): { values: Record<string, unknown>; errors: FieldError[]; unknown: string[] } {
  const fields = byName(entity);
  const values = new Map<string, unknown>();
  const errors: FieldError[] = [];
  const unknown: string[] = [];
  const nested = new Map<FieldInfo, string[]>();
  const ctx = { lists: repo.ws.valueLists, resolveRef: repo.resolveRef, timeZone: workspaceTimeZone(repo.ws) };
  for (const [k, raw] of Object.entries(argv)) {
    if (!isFieldFlag(k)) continue;
    const fi = fieldForFlag(fields, k);
    if (!fi) {
      unknown.push(k);
      continue;
    }
    if (fi.kind === 'json') {
      // --items and --item may both be given: every text is rows of the one field
      nested.set(fi, [...(nested.get(fi) ?? []), ...(Array.isArray(raw) ? raw : [raw]).map((x) => String(x ?? ''))]);
      continue;
    }
    if (values.has(fi.name) && fi.kind === 'tags') {
      const more = parseFieldText(fi, Array.isArray(raw) ? raw.join(',') : String(raw), ctx);
      if ('value' in more) values.set(fi.name, [...(values.get(fi.name) as string[]), ...(more.value as string[])]);
      continue;
    }
    const text = Array.isArray(raw) ? raw.map(String).join(',') : raw === true ? 'true' : raw === false ? 'false' : String(raw ?? '');
    const r = parseFieldText(fi, text, ctx);
    if ('error' in r) errors.push(r.error);
    else values.set(fi.name, r.value);
  }
  for (const [fi, texts] of nested) {
    const r = parseNestedTexts(entity, fi, texts, ctx);
    if ('error' in r) errors.push(r.error);
    else values.set(fi.name, r.value);
  }
  return { values: Object.fromEntries(values), errors, unknown };
}

