// The entity rules of membership and opportunity stages (entity-rules.ts wires them in): a
// customer's points are the sum of their ledger and their tier follows it; an order earns
// points for its customer and gives them back when cancelled or refunded; an opportunity
// entering a stage gets the stage's probability unless one was given.
import type { Effect, RuleContext, SaveOpts } from './entity-rules.js';
import { balance, ledgerOf, orderEntry, pointsFor, retier, type PointsEntry, type TierChange, type TierRule } from './loyalty.js';
import { isPurchase } from './lifecycle.js';
import { pointsRate, stageProbability } from './values.js';

type Rec = Record<string, unknown> & { id: string };

/** A person never writes the ledger or the tier history: editing the balance records a manual
 *  adjustment of the difference. The system (an effect, a redemption) brings its own ledger. */
export function customerLoyaltyPrepare(rec: Rec, prev: Rec | undefined, ctx: RuleContext, opts: SaveOpts): Rec {
  // most saves (an import of 100k guests) touch no points: nothing to keep
  const none = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
  if (!prev && none(rec.pointsLedger) && none(rec.tierHistory) && (rec.points === undefined || rec.points === 0)) return rec;
  const system = opts.anyStage === true || opts.reason !== undefined;
  // an import of an export brings the ledger, tier and history it had: kept as they are
  if (!prev && opts.anyStage && Array.isArray(rec.pointsLedger) && rec.pointsLedger.length) return rec;
  const who = { at: ctx.now(), by: ctx.actorLogin };
  // a draft the running import holds alone (its final check, Repo.gatherEffects) is brought up
  // to date in place: it is dropped for the checked record either way, and 25k customers no
  // longer copy their 35 fields and their ledger once more each
  const own = ctx.owned?.(rec) === true;
  let ledger: PointsEntry[];
  if (prev && !system) ledger = ledgerOf(prev, who);
  else if (rec.pointsLedger === undefined) ledger = [];
  else if (Array.isArray(rec.pointsLedger)) ledger = own ? (rec.pointsLedger as PointsEntry[]) : [...(rec.pointsLedger as PointsEntry[])];
  else return rec; // the schema says what is wrong with it
  if (ledger.length === 0 && prev && typeof prev.points === 'number') ledger = ledgerOf(prev, who);
  const have = ledger.length ? balance(ledger) : 0;
  const wanted = rec.points;
  if (typeof wanted === 'number' && Number.isInteger(wanted) && wanted >= 0 && wanted !== have) {
    ledger.push({ at: who.at, by: who.by, delta: wanted - have, kind: 'adjust', reason: ledger.length ? (opts.note ?? 'manual') : 'opening' });
  }
  // by assignment, not spread: zod parses spread-built objects much slower (repo.ts)
  const out: Rec = own ? rec : Object.assign({}, rec);
  if (ledger.length) out.pointsLedger = ledger;
  else delete out.pointsLedger;
  if (ledger.length) out.points = balance(ledger);
  const history = prev && !system ? prev.tierHistory : rec.tierHistory;
  const tiers = ctx.all('tiers') as unknown as TierRule[];
  // the move is from the tier stored (a new customer's tier given with it is not one it held)
  const held = prev ? prev.tierId : undefined;
  const t = retier({ tierId: typeof held === 'string' ? held : undefined, pointsLedger: ledger }, tiers, { at: who.at, by: who.by, reason: opts.reason });
  if (!ledger.length) t.tierId = typeof rec.tierId === 'string' ? rec.tierId : undefined;
  if (t.tierId === undefined) delete out.tierId;
  else out.tierId = t.tierId;
  let moves: TierChange[];
  if (own && Array.isArray(history) && history === rec.tierHistory) {
    moves = history as TierChange[];
    if (t.change) moves.push(t.change);
  } else moves = [...(Array.isArray(history) ? (history as TierChange[]) : []), ...(t.change ? [t.change] : [])];
  if (moves.length) out.tierHistory = moves;
  else delete out.tierHistory;
  return out;
}

/** The points an order owes its customer: its total at its type's rate while it is a purchase.
 *  Each save brings the customer's ledger to that (the difference is one line), and an order
 *  moved to another customer takes its points from the first. */
export function orderPointsEffects(rec: Rec, prev: Rec | undefined, ctx: RuleContext): Effect[] {
  const who = { at: ctx.now(), by: ctx.actorLogin };
  const due = isPurchase(rec) ? pointsFor(Number(rec.total), pointsRate(ctx.valueLists, String(rec.type))) : 0;
  // one line for the order's customer (nearly every save): no closure or list built around it
  if (!prev || prev.customerId === rec.customerId) {
    const e = settleOrder(rec.id, rec.customerId, due, ctx, who);
    return e ? [e] : [];
  }
  const out: Effect[] = [];
  const from = settleOrder(rec.id, prev.customerId, 0, ctx, who);
  if (from) out.push(from);
  const to = settleOrder(rec.id, rec.customerId, due, ctx, who);
  if (to) out.push(to);
  return out;
}

/** The effect that brings what a customer's ledger holds for an order to `due`, if any. */
function settleOrder(orderId: string, customerId: unknown, due: number, ctx: RuleContext, who: { at: string; by: string }): Effect | undefined {
  const c = typeof customerId === 'string' ? ctx.get('customers', customerId) : undefined;
  if (!c) return undefined;
  // a draft the import holds alone takes the line in place (every effect on it is applied):
  // 100k orders no longer copy their customer's ledger each
  const own = Array.isArray(c.pointsLedger) && c.pointsLedger.length > 0 && ctx.owned?.(c) === true;
  const ledger = own ? (c.pointsLedger as PointsEntry[]) : ledgerOf(c, who);
  const e = orderEntry(ledger, orderId, due, who);
  if (!e) return undefined;
  ledger.push(e);
  return { entity: 'customers', id: c.id, patch: { pointsLedger: ledger, points: balance(ledger) }, reason: e.reason! };
}

/** The ledger lines new orders of one customer earn, in turn, as settleOrder makes them for
 *  each, as one patch whose reason is the last line's; and the places in `orders` of the orders of
 *  the first and last lines. */
export function newOrdersPoints(customer: Rec, orders: readonly Rec[], ctx: RuleContext): { effect: Effect; first: number; last: number } | undefined {
  const who = { at: ctx.now(), by: ctx.actorLogin };
  const ledger = ledgerOf(customer, who);
  let first = -1;
  let last = -1;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    const due = isPurchase(o) ? pointsFor(Number(o.total), pointsRate(ctx.valueLists, String(o.type))) : 0;
    const e = orderEntry(ledger, o.id, due, who);
    if (!e) continue;
    ledger.push(e);
    if (first < 0) first = i;
    last = i;
  }
  if (last < 0) return undefined;
  return { effect: { entity: 'customers', id: customer.id, patch: { pointsLedger: ledger, points: balance(ledger) }, reason: `orders:${orders[last].id}` }, first, last };
}

/** A new opportunity, or one moved to another stage, takes the stage's probability unless the
 *  same change gives one. */
export function opportunityPrepare(rec: Rec, prev: Rec | undefined, ctx: RuleContext): Rec {
  const given = prev ? rec.probability !== prev.probability : rec.probability !== undefined && rec.probability !== '';
  if (given || (prev && prev.stage === rec.stage)) return rec;
  const p = stageProbability(ctx.valueLists, String(rec.stage));
  return p === undefined ? rec : { ...rec, probability: p };
}
