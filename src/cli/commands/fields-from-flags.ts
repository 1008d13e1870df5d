// Field flags (--name 王先生 --phone 13800000000) → typed values, with every bad one reported.
import { ENTITIES, editableFields, entityFields, type EntityName } from '../../domain/entities.js';
import { nestedShape } from '../../domain/nested.js';
import { parseNestedTexts } from '../../domain/parse-nested.js';
import type { FieldInfo } from '../../domain/fields.js';
import { parseFieldText } from '../../domain/parse-input.js';
import type { FieldError } from '../../domain/errors.js';
import type { Repo } from '../../services/repo.js';
import { workspaceTimeZone } from '../../services/time-zone.js';

export const GLOBAL_FLAGS = new Set(['_', '$0', 'data', 'lang', 'json', 'user', 'ascii', 'help', 'version', 'entity', 'id', 'force', 'demo', 'wait', 'lab', 'allowDuplicate', 'grant', 'revoke']);

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

/** Structured fields of named values a flag sets item by item (a survey's scores:
 *  --scores quality=4 --scores loyalty=5); the flag gives the whole map. */
export const mapFlagFields = (entity: EntityName): FieldInfo[] =>
  entityFields(entity).filter((fi) => fi.kind === 'json' && !fi.system && nestedShape(ENTITIES[entity].schema.shape[fi.name]).kind === 'map');

const byName = (entity: EntityName) => new Map(flagFields(entity).map((f) => [f.name, f] as const));

/** NAME=VALUE items (repeated or comma-separated) as a map, the names and values read by the map's parts. */
function mapFromFlag(entity: EntityName, fi: FieldInfo, raw: unknown, ctx: Parameters<typeof parseFieldText>[2]): ParsedMap {
  const shape = nestedShape(ENTITIES[entity].schema.shape[fi.name]);
  if (shape.kind !== 'map') return { error: { field: fi.name, code: 'invalid' } };
  const keyInfo: FieldInfo = shape.key ?? { name: 'key', label: fi.label, kind: 'text' };
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((x) => String(x ?? '').split(/[,，;；]/)).map((x) => x.trim()).filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const m = /^(.+?)\s*[=:：]\s*(.+)$/.exec(item);
    if (!m) return { error: { field: fi.name, code: 'mapItem', params: { value: item } } };
    const k = parseFieldText(keyInfo, m[1]!, ctx);
    if ('error' in k) return { error: { ...k.error, field: fi.name } };
    const v = parseFieldText(shape.value, m[2]!, ctx);
    if ('error' in v) return { error: { ...v.error, field: fi.name } };
    out[String(k.value)] = v.value;
  }
  return { value: out };
}
type ParsedMap = { value: Record<string, unknown> } | { error: FieldError };
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
      if (nestedShape(ENTITIES[entity].schema.shape[fi.name]).kind === 'map') {
      const r = mapFromFlag(entity, fi, raw, ctx);
      if ('error' in r) errors.push(r.error);
      else values.set(fi.name, r.value);
        continue;
      }
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

