// Plain-text output of records for people (tables) and for programs (JSON).
import { entityFields, type EntityName } from '../domain/entities.js';
export { cellText } from '../presentation/cells.js';
import { displayWidth, fit } from '../text/width.js';
import type { FieldInfo } from '../domain/fields.js';

export const LIST_COLUMNS: Partial<Record<EntityName, string[]>> = {
  customers: ['id', 'name', 'kind', 'stage', 'phone', 'company', 'city'],
  contacts: ['id', 'name', 'customerId', 'title', 'phone', 'decisionRole'],
  anniversaries: ['id', 'customerId', 'contactId', 'kind', 'date'],
  employees: ['id', 'login', 'name', 'roleId', 'departmentId'],
  orders: ['id', 'date', 'customerId', 'type', 'status', 'paymentStatus', 'total'],
  contracts: ['id', 'title', 'customerId', 'type', 'status', 'start', 'end', 'value'],
};

export function columnsFor(entity: EntityName): FieldInfo[] {
  const fields = entityFields(entity);
  const names = LIST_COLUMNS[entity] ?? fields.filter((f) => f.kind !== 'longtext' && f.kind !== 'json' && !(f.system && f.name !== 'id')).slice(0, 7).map((f) => f.name);
  return names.map((n) => fields.find((f) => f.name === n)!).filter(Boolean);
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
