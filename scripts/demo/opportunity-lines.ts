// The demo's quoted and won deals carry their products (issue 19): a deal's main product from
// the catalogue as many times as its amount holds it, and a line of other charges for the rest,
// so every amount stays what the funnel showed before (the lines add up to it exactly). No
// randomness: the rest of the demo does not move.
import type { Repo } from '../../src/services/repo.js';

/** the catalogue product a deal is mostly made of, by what its name says */
const MAIN: [RegExp, string][] = [
  [/宴/, '中式宴会套餐'],
  [/会议|发布会/, '全日会议套餐'],
  [/房|协议价/, '高级大床房'],
];

export const OTHER_CHARGES = '其他费用 Other charges';

export function addOpportunityLines(repo: Repo): void {
  const products = repo.all('products');
  for (const o of repo.all('opportunities')) {
    if (o.stage !== 'proposal' && o.stage !== 'won') continue;
    const prefix = MAIN.find(([re]) => re.test(String(o.name)))?.[1];
    const product = prefix ? products.find((p) => String(p.name).startsWith(prefix)) : undefined;
    const amount = Number(o.amount ?? 0);
    const price = Number(product?.price ?? 0);
    if (!product || !(price > 0) || amount < price) continue;
    const qty = Math.floor(amount / price);
    const rest = amount - qty * price;
    const items: Record<string, unknown>[] = [{ productId: product.id, qty }];
    if (rest) items.push({ description: OTHER_CHARGES, qty: 1, unitPrice: rest });
    const r = repo.update('opportunities', o.id, { items });
    if (!r.ok || r.value.amount !== amount) throw new Error(`opportunity lines: ${o.id} ${JSON.stringify(r)}`);
  }
}
