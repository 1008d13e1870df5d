// Field flags (--name 王先生 --phone 13800000000) → typed values, with every bad one reported.
import { editableFields, type EntityName } from '../../domain/entities.js';
import { parseFieldText } from '../../domain/parse-input.js';
import type { FieldError } from '../../domain/errors.js';
import type { Repo } from '../../services/repo.js';

export const GLOBAL_FLAGS = new Set(['_', '$0', 'data', 'lang', 'json', 'user', 'ascii', 'wait', 'help', 'version', 'entity', 'id', 'force', 'demo']);

export function valuesFromFlags(entity: EntityName, argv: Record<string, unknown>, repo: Repo): { values: Record<string, unknown>; errors: FieldError[]; unknown: string[] } {
  const fields = editableFields(entity);
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const unknown: string[] = [];
  for (const [k, raw] of Object.entries(argv)) {
    if (GLOBAL_FLAGS.has(k) || k.includes('-')) continue;
    // a list field also takes its singular name, repeated: --tag vip --tag corporate
    const fi = fields.find((f) => f.name === k) ?? fields.find((f) => f.kind === 'tags' && f.name === `${k}s`);
    if (!fi) {
      unknown.push(k);
      continue;
    }
    if (fi.name in values && fi.kind === 'tags') {
      const more = parseFieldText(fi, Array.isArray(raw) ? raw.join(',') : String(raw), { lists: repo.ws.valueLists, resolveRef: repo.resolveRef });
      if ('value' in more) values[fi.name] = [...(values[fi.name] as string[]), ...(more.value as string[])];
      continue;
    }
    const text = Array.isArray(raw) ? raw.map(String).join(',') : raw === true ? 'true' : raw === false ? 'false' : String(raw ?? '');
    const r = parseFieldText(fi, text, { lists: repo.ws.valueLists, resolveRef: repo.resolveRef });
    if ('error' in r) errors.push(r.error);
    else values[fi.name] = r.value;
  }
  return { values, errors, unknown };
}
