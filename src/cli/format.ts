// Plain-text output of records for people (tables) and for programs (JSON).
import { entityFields, ENTITIES, type EntityName } from '../domain/entities.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { Repo } from '../services/repo.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, fit } from '../text/width.js';
import type { FieldInfo } from '../domain/fields.js';

export const LIST_COLUMNS: Partial<Record<EntityName, string[]>> = {
  customers: ['id', 'name', 'kind', 'stage', 'phone', 'company', 'city'],
  contacts: ['id', 'name', 'customerId', 'title', 'phone', 'decisionRole'],
  anniversaries: ['id', 'customerId', 'contactId', 'kind', 'date'],
  employees: ['id', 'login', 'name', 'roleId', 'departmentId'],
};

export function columnsFor(entity: EntityName): FieldInfo[] {
  const fields = entityFields(entity);
  const names = LIST_COLUMNS[entity] ?? fields.filter((f) => f.kind !== 'longtext' && f.kind !== 'json' && !(f.system && f.name !== 'id')).slice(0, 7).map((f) => f.name);
  return names.map((n) => fields.find((f) => f.name === n)!).filter(Boolean);
}

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
      return (v as number).toFixed(2);
    case 'tags':
      return sanitizeLine((v as string[]).join(', '));
    case 'json':
      return '';
    default:
      return sanitizeLine(String(v));
  }
}

export function renderTable(header: string[], rows: string[][], maxWidth = 160): string {
  const widths = header.map((h, i) => Math.min(30, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))));
  let total = widths.reduce((a, b) => a + b + 2, 0);
  while (total > maxWidth && widths.some((w) => w > 8)) {
    const i = widths.indexOf(Math.max(...widths));
    widths[i]--;
    total--;
  }
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
