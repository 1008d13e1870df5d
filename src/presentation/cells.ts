// How a stored value reads to a person, in both shells: labels for codes, names for
// references, and text made safe to draw.
import { ENTITIES, type EntityName } from '../domain/entities.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { FieldInfo } from '../domain/fields.js';
import type { Repo } from '../services/repo.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fenToText } from '../domain/money.js';
import { reasonText } from './reasons.js';

// the hotel's own catalogue (tiers, roles, departments …) is often named in both languages
// at once, "银卡 Silver", "管理员 Admin": a screen shows the part in its language
const BILINGUAL = new Set(['tiers', 'employees', 'roles', 'departments', 'categories', 'products']);
import { nameInLanguage } from '../i18n/index.js';
export { nameInLanguage };

/** The name a reference shows: the target's display field, in the interface's language. */
export function refName(repo: Repo, t: T, entity: string, id: string): string | undefined {
  const target = repo.get(entity as EntityName, id);
  if (!target) return undefined;
  const display = target[ENTITIES[entity as EntityName].display];
  if (display === undefined) return undefined;
  return BILINGUAL.has(entity) ? nameInLanguage(t, String(display)) : String(display);
}

/** A field's value as a person reads it: labels for codes, names for references. */
export function cellText(repo: Repo, t: T, fi: FieldInfo, rec: EntityRecord): string {
  const v = rec[fi.name];
  if (v === undefined || v === null) return '';
  switch (fi.kind) {
    case 'enum':
      return valueLabelT(t, repo.ws.valueLists, fi.values!, String(v));
    case 'ref':
      return sanitizeLine(refName(repo, t, fi.ref!, String(v)) ?? String(v));
    case 'bool':
      return v ? (t.lang === 'en' ? 'yes' : '是') : '';
    case 'money':
      return fenToText(v as number);
    case 'tags':
      return sanitizeLine((v as string[]).join(', '));
    case 'json':
      return '';
    case 'datetime': {
      const d = new Date(String(v));
      if (Number.isNaN(d.getTime())) return sanitizeLine(String(v));
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }
    default:
      return fi.reason ? reasonText(t, String(v)) : sanitizeLine(String(v));
  }
}

