// Redeeming and adjusting a customer's points, through the Repo as the acting employee (who
// must be allowed to edit the customer); the tier follows in the customer rules.
import type { FieldError } from '../domain/errors.js';
import { adjustment, balance, ledgerOf, redemption } from '../domain/loyalty.js';
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
