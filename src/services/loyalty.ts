// Redeeming and adjusting a customer's points, through the Repo as the acting employee (who
// must be allowed to edit the customer); the tier follows in the customer rules.
import type { FieldError } from '../domain/errors.js';
import { adjustment, balance, ledgerOf, redemption, retier, type PointsEntry, type TierRule } from '../domain/loyalty.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { Repo } from './repo.js';

export type PointsResult = { ok: true; customer: EntityRecord; delta: number } | { ok: false; errors: FieldError[] };

/** `points` taken from the balance for `reason` (refused beyond it), or, with `adjust`, a
 *  signed correction that may not take the balance below zero. */
export function changePoints(repo: Repo, customerKey: string, points: number, reason: string, opts: { adjust?: boolean } = {}): PointsResult {
  const found = repo.resolveRef('customers', customerKey);
  if ('error' in found) return { ok: false, errors: [{ field: 'customerId', code: found.error, params: { value: customerKey, entity: 'customers' } }] };
  const c = repo.get('customers', found.id)!;
  const who = { at: repo.now(), by: repo.actorLogin };
  const ledger = ledgerOf(c, who);
  const r = opts.adjust ? adjustment(ledger, points, reason, who) : redemption(ledger, points, reason, who);
  if (!r.ok) return { ok: false, errors: [r.error] };
  const next = [...ledger, r.entry];
  const u = repo.update('customers', c.id, { pointsLedger: next, points: balance(next) }, { reason: opts.adjust ? 'points:adjust' : 'points:redeem' });
  return u.ok ? { ok: true, customer: u.value, delta: r.entry.delta } : u;
}

export interface TierRecheck {
  moved: { customer: EntityRecord; from?: string; to?: string; points: number }[];
  refused: { customerId: string; errors: FieldError[] }[];
}

/** The tiers as the last 12 months' points put them today: points age out of the window with
 *  no order to move the customer, so this runs when the app starts and from `points recheck`
 *  (a nightly cron job). A second run the same day moves no one. */
export function recheckTiers(repo: Repo): TierRecheck {
  const tiers = repo.all('tiers') as unknown as TierRule[];
  const out: TierRecheck = { moved: [], refused: [] };
  if (!tiers.length) return out;
  const who = { at: repo.now(), by: repo.actorLogin };
  for (const c of repo.all('customers')) {
    if (!Array.isArray(c.pointsLedger) || !c.pointsLedger.length) continue;
    const r = retier({ tierId: typeof c.tierId === 'string' ? c.tierId : undefined, pointsLedger: c.pointsLedger as PointsEntry[] }, tiers, who);
    if (!r.change) continue;
    const u = repo.update('customers', c.id, { pointsLedger: c.pointsLedger }, { reason: 'tiers:recheck' });
    if (u.ok) out.moved.push({ customer: u.value, from: r.change.from, to: r.change.to, points: r.change.points });
    else out.refused.push({ customerId: c.id, errors: u.errors });
  }
  return out;
}
