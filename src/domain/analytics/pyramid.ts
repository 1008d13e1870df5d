// The customer pyramid (客户金字塔, seed 000 ch.6): the customers with a purchase ranked by
// revenue, the top 1% VIP客户, the next 4% 主要客户, the next 15% 普通客户, the rest 小客户.
// Each layer takes ceil(n × its share) customers of those left (shares in hundredths of a
// percent, so the count is exact). Ties: revenue descending, then the customer's code in code
// order, so a cut between two customers of equal revenue is decided by the code, the same way
// on every run. Customers without a purchase are counted apart, in no layer.
// The 20/80 check (二八定律): the revenue share of the top ceil(n × 20%) customers.
// Movers: each customer's layer now and in a previous period (computed the same way on that
// period's purchases); "none" when the customer had no purchase then or now.
import type { CustomerTotals } from './purchases.js';
import { ceilShare, pct1 } from './exact.js';
import { byCode } from '../compare.js';

export const PYRAMID_LAYERS = ['vip', 'key', 'ordinary', 'small'] as const;
export type LayerCode = (typeof PYRAMID_LAYERS)[number];
/** vip 1%, key 4%, ordinary 15% (the rest small), in hundredths of a percent */
export const DEFAULT_SHARES_BP: readonly number[] = [100, 400, 1500];
export const PARETO_BP = 2000;
export const NO_LAYER = 255;

export interface LayerRow {
  code: LayerCode;
  customers: number;
  /** fen */
  revenue: number;
  /** of all customers with a purchase / of all revenue, one decimal */
  customerSharePct?: number;
  revenueSharePct?: number;
}

export interface PyramidRows {
  ids: readonly string[];
  /** indexes into ids, best first (customers with a purchase only) */
  ranked: Uint32Array;
  /** per id: place in PYRAMID_LAYERS, NO_LAYER without a purchase */
  layer: Uint8Array;
  revenue: Float64Array;
}

export interface PyramidMove {
  from: LayerCode | 'none';
  to: LayerCode | 'none';
  customers: number;
}

export interface PyramidResult {
  sharesBp: number[];
  customers: number;
  withoutPurchases: number;
  /** fen */
  revenue: number;
  layers: LayerRow[];
  pareto: { customers: number; revenue: number; sharePct?: number };
  rows: PyramidRows;
  /** against the previous period, when one was given */
  moves?: PyramidMove[];
  /** customers whose layer changed (up or down, not to or from none), best layer first */
  movers?: { id: string; from: LayerCode; to: LayerCode }[];
  /** customers up / down / entering (none → a layer) / leaving (a layer → none) */
  moved?: { up: number; down: number; entered: number; left: number };
}

/** Shares valid: each > 0, together at most 100% (10000 bp), three of them. */
export function validShares(bp: readonly number[]): boolean {
  return bp.length === PYRAMID_LAYERS.length - 1 && bp.every((x) => Number.isInteger(x) && x > 0) && bp.reduce((a, b) => a + b, 0) <= 10000;
}

/** Every customer's place in code order (ties at a cut are decided by it). */
export function codeRanks(ids: readonly string[]): Int32Array {
  const rank = new Int32Array(ids.length);
  // customers are kept in the order they were made, code order unless codes came from a file:
  // one pass tells, and spares sorting 100k codes with a comparator (the sort is stable, so
  // ids already in order rank as they stand)
  let inOrder = true;
  for (let i = 1; i < ids.length && inOrder; i++) inOrder = byCode(ids[i - 1], ids[i]) <= 0;
  if (inOrder) {
    for (let i = 0; i < ids.length; i++) rank[i] = i;
    return rank;
  }
  const order = Array.from(ids.keys()).sort((a, b) => byCode(ids[a], ids[b]));
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

function rankAndLayer(t: CustomerTotals, sharesBp: readonly number[], codeRank: Int32Array): { ranked: Uint32Array; layer: Uint8Array; sizes: number[] } {
  const n = t.ids.length;
  // the buyers in code order, then a stable sort by revenue (a plain array: V8 sorts it with
  // TimSort, much faster than a typed array with a comparator): equal revenue stays in code order
  const byCodeOrder = new Int32Array(n);
  for (let i = 0; i < n; i++) byCodeOrder[codeRank[i]] = i;
  const list: number[] = [];
  for (let r = 0; r < n; r++) {
    const i = byCodeOrder[r];
    if (t.orders[i] > 0) list.push(i);
  }
  const rev = t.revenue;
  list.sort((a, b) => rev[b] - rev[a]);
  const ranked = Uint32Array.from(list);
  const layer = new Uint8Array(n).fill(NO_LAYER);
  const sizes: number[] = [];
  let at = 0;
  for (let l = 0; l < PYRAMID_LAYERS.length; l++) {
    const size = l < sharesBp.length ? Math.min(ceilShare(t.buyers, sharesBp[l]), t.buyers - at) : t.buyers - at;
    for (let k = at; k < at + size; k++) layer[ranked[k]] = l;
    sizes.push(size);
    at += size;
  }
  return { ranked, layer, sizes };
}

export function pyramidAnalysis(t: CustomerTotals, opts: { sharesBp?: readonly number[]; previous?: CustomerTotals; codeRank?: Int32Array } = {}): PyramidResult {
  const sharesBp = [...(opts.sharesBp ?? DEFAULT_SHARES_BP)];
  const codeRank = opts.codeRank ?? codeRanks(t.ids);
  const { ranked, layer, sizes } = rankAndLayer(t, sharesBp, codeRank);
  const total = t.revenueTotal;
  const layers: LayerRow[] = [];
  let at = 0;
  for (let l = 0; l < PYRAMID_LAYERS.length; l++) {
    let revenue = 0;
    for (let k = at; k < at + sizes[l]; k++) revenue += t.revenue[ranked[k]];
    at += sizes[l];
    layers.push({ code: PYRAMID_LAYERS[l], customers: sizes[l], revenue, customerSharePct: pct1(sizes[l], t.buyers), revenueSharePct: pct1(revenue, total) });
  }
  const top = Math.min(ceilShare(t.buyers, PARETO_BP), t.buyers);
  let topRevenue = 0;
  for (let k = 0; k < top; k++) topRevenue += t.revenue[ranked[k]];
  const out: PyramidResult = {
    sharesBp,
    customers: t.buyers,
    withoutPurchases: t.ids.length - t.buyers,
    revenue: total,
    layers,
    pareto: { customers: top, revenue: topRevenue, sharePct: pct1(topRevenue, total) },
    rows: { ids: t.ids, ranked, layer, revenue: t.revenue },
  };
  if (opts.previous) {
    if (opts.previous.ids.length !== t.ids.length) throw new Error('previous period over other customers');
    const prev = rankAndLayer(opts.previous, sharesBp, codeRank).layer;
    const L = PYRAMID_LAYERS.length;
    // (L + 1)² cells: a layer or none, before and now
    const cells = new Int32Array((L + 1) * (L + 1));
    const moved = { up: 0, down: 0, entered: 0, left: 0 };
    const movers: { id: string; from: LayerCode; to: LayerCode }[] = [];
    for (let i = 0; i < t.ids.length; i++) {
      const a = prev[i] === NO_LAYER ? L : prev[i];
      const b = layer[i] === NO_LAYER ? L : layer[i];
      cells[a * (L + 1) + b]++;
      if (a === b) continue;
      if (a === L) moved.entered++;
      else if (b === L) moved.left++;
      else {
        if (b < a) moved.up++;
        else moved.down++;
        movers.push({ id: t.ids[i], from: PYRAMID_LAYERS[a], to: PYRAMID_LAYERS[b] });
      }
    }
    const name = (x: number) => (x === L ? 'none' : PYRAMID_LAYERS[x]);
    out.moves = [];
    for (let a = 0; a <= L; a++) for (let b = 0; b <= L; b++) if (a !== b && cells[a * (L + 1) + b]) out.moves.push({ from: name(a), to: name(b), customers: cells[a * (L + 1) + b] });
    movers.sort((x, y) => PYRAMID_LAYERS.indexOf(x.to) - PYRAMID_LAYERS.indexOf(y.to) || PYRAMID_LAYERS.indexOf(x.from) - PYRAMID_LAYERS.indexOf(y.from) || byCode(x.id, y.id));
    out.movers = movers;
    out.moved = moved;
  }
  return out;
}

/** The ids of a layer's customers, best first. */
export function layerCustomers(rows: PyramidRows, code: string): string[] {
  const l = PYRAMID_LAYERS.indexOf(code as LayerCode);
  const out: string[] = [];
  if (l < 0) return out;
  for (let k = 0; k < rows.ranked.length; k++) if (rows.layer[rows.ranked[k]] === l) out.push(rows.ids[rows.ranked[k]]);
  return out;
}

/** Shares typed as `1,4,15` (percent, up to two decimals) → hundredths of a percent. */
export function parseShares(text: string): number[] | undefined {
  const parts = text.split(/[,，]/).map((s) => s.trim());
  const bp: number[] = [];
  for (const p of parts) {
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(p);
    if (!m) return undefined;
    bp.push(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
  }
  return validShares(bp) ? bp : undefined;
}
