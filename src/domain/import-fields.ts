// Fields a file may give that no record stores as such. An order history's 购买数量 is the
// quantity of the order's one line, its amount that line's total (order-rules.ts amountLines).
import { entityFields, type EntityName } from './entities.js';
import type { FieldInfo } from './fields.js';
import type { FieldError } from './errors.js';
import { amountLines } from './order-rules.js';

export const IMPORT_ONLY_FIELDS: Partial<Record<EntityName, FieldInfo[]>> = {
  // its header names (购买数量, 数量, qty …) are in header-synonyms.ts
  orders: [{ name: 'quantity', kind: 'number', label: { en: 'Quantity', zh: '购买数量' } }],
};

/** The fields a column of the entity's file may fill: its own, then the import-only ones. */
export function importFields(entity: EntityName): FieldInfo[] {
  const extra = IMPORT_ONLY_FIELDS[entity];
  return extra ? [...entityFields(entity), ...extra] : entityFields(entity);
}

export const isImportOnly = (entity: EntityName, field: string): boolean => !!IMPORT_ONLY_FIELDS[entity]?.some((f) => f.name === field);

const NONE: { errors: FieldError[]; rounded: boolean } = Object.freeze({ errors: Object.freeze([]) as unknown as FieldError[], rounded: false });

/** Turns a row's import-only values (`extra`, kept apart from the record's own: deleting a key
 *  from an object makes V8 turn it into a slow dictionary, and 100k orders paid ~150 ms for
 *  that) into the record's own (an order's quantity and amount into its lines). Returns what is
 *  wrong, and whether a rounding line keeps the amount exact. */
export function applyImportOnly(entity: EntityName, values: Record<string, unknown>, extra: Record<string, unknown>): { errors: FieldError[]; rounded: boolean } {
  if (entity !== 'orders' || !('quantity' in extra)) return NONE;
  const qty = extra.quantity;
  if (qty === undefined) return NONE; // an empty cell: one of it, as without the column
  const fail = (code: string) => ({ errors: [{ field: 'quantity', code, params: { value: String(qty) } }], rounded: false });
  if (typeof qty !== 'number' || !(qty > 0)) return fail('min');
  if (qty > MAX_QTY) return fail('max');
  if (typeof values.total !== 'number') return fail('quantityWithoutAmount');
  if ((Array.isArray(values.items) && values.items.length) || values.stay) return fail('quantityWithLines');
  const items = amountLines(values.total, qty);
  values.items = items;
  return { errors: NONE.errors, rounded: items.length > 1 };
}

/** a line item's largest quantity (sales.ts LineItem) */
const MAX_QTY = 1e6;
