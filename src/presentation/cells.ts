// How a stored value reads to a person, in both shells: labels for codes, names for
// references, and text made safe to draw.
import { ENTITIES, type EntityName } from '../domain/entities.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { FieldInfo } from '../domain/fields.js';
import type { Repo } from '../services/repo.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fenToText } from '../domain/money.js';

/** A field's value as a person reads it: labels for codes, names for references. */
export function cellText(repo: Repo, t: T, fi: FieldInfo, rec: EntityRecord): string {
  const v = rec[fi.name];
  if (v === undefined || v === null) return '';
  switch (fi.kind) {
    case 'enum':
      return valueLabelT(t, repo.ws.valueLists, fi.values!, String(v));
    case 'ref': {
      const target = repo.get(fi.ref as EntityName, String(v));
      const display = target ? target[ENTITIES[fi.ref as EntityName].display] : undefined;
      return sanitizeLine(display === undefined ? String(v) : String(display));
    }
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
      return sanitizeLine(String(v));
  }
}

