// Line items from the product catalogue, as an order and an opportunity hold them (sales.ts
// LineItem): a line that names a product and no price takes the product's list price, and its
// description the product's name. Shared so the two never work lines out differently.
import type { FieldError } from './errors.js';
import type { EntityName } from './entities.js';

type Rec = Record<string, unknown> & { id: string };
type Line = Record<string, unknown>;

/** The lines with each product's list price and name filled in where the line has none. */
export function fillFromCatalogue(items: readonly Line[], get: (entity: EntityName, id: string) => Rec | undefined): Line[] {
  // lines naming no product (an order history's amounts) are left as they are, in the same
  // array: the record's schema copies it anyway (100k orders: 100k arrays fewer)
  let named = false;
  for (const l of items) if (l && typeof l === 'object' && typeof l.productId === 'string' && l.productId) named = true;
  if (!named) return items as Line[];
  return items.map((l) => {
    if (!l || typeof l !== 'object' || typeof l.productId !== 'string' || !l.productId) return l;
    const product = get('products', l.productId);
    if (!product) return l;
    const line = { ...l };
    if (line.unitPrice === undefined || line.unitPrice === null) line.unitPrice = product.price ?? 0;
    if (line.description === undefined || line.description === '') line.description = String(product.name ?? '');
    return line;
  });
}

/** A line with no price, or saying nothing of what it is (no product, no description), is
 *  refused, naming its number. */
export function linePriceErrors(items: unknown): FieldError[] {
  if (!Array.isArray(items)) return [];
  const errors: FieldError[] = [];
  items.forEach((l: Line | undefined, i) => {
    if (!l || typeof l !== 'object') return;
    if (l.unitPrice === undefined) errors.push({ field: 'items', code: 'linePrice', params: { line: i + 1 } });
    else if (!l.productId && (l.description === undefined || l.description === '')) errors.push({ field: 'items', code: 'lineWhat', params: { line: i + 1 } });
  });
  return errors;
}

/** The lines copied onto another record (a won deal's order): product, quantity, price, discount. */
export function copyLines(items: unknown): Line[] {
  if (!Array.isArray(items)) return [];
  return items
    .filter((l): l is Line => !!l && typeof l === 'object')
    .map((l) => {
      const out: Line = { description: l.description ?? '', qty: l.qty, unitPrice: l.unitPrice };
      if (l.productId !== undefined) out.productId = l.productId;
      if (l.discountPct !== undefined) out.discountPct = l.discountPct;
      return out;
    });
}
