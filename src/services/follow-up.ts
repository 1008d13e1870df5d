// Follow-up visits (回访) for a whole set of customers at once (every guest who checked out last
// week): one task per customer, owned by the customer's owner unless one owner is given. A
// customer that already has an open follow-up with the same subject and due date is skipped,
// so a second run adds nothing. All or nothing: one refused task refuses the set.
import { isOpenTask } from '../domain/agenda.js';
import type { FieldError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { Repo } from './repo.js';

export interface FollowUpSpec {
  subject: string;
  due: string;
  channel?: string;
  /** one owner for every task; none: each customer's owner */
  ownerId?: string;
}

export interface FollowUpRun {
  created: EntityRecord[];
  /** customers that already had this follow-up open */
  skipped: string[];
  /** why tasks were refused (then none was made) */
  refused: { customerId: string; errors: FieldError[] }[];
}

const same = (a: unknown, b: unknown) => String(a ?? '').trim() === String(b ?? '').trim();

/** The customers among these that already have this follow-up open (same subject and due date). */
export function alreadyOpen(repo: Repo, customerIds: readonly string[], spec: FollowUpSpec): Set<string> {
  const wanted = new Set(customerIds);
  const open = new Set<string>();
  // every open follow-up counts, also those the acting employee may not see: never twice
  for (const t of repo.unscoped('tasks')) {
    if (t.type === 'followup' && isOpenTask(t as never) && same(t.subject, spec.subject) && t.due === spec.due && wanted.has(String(t.customerId))) open.add(String(t.customerId));
  }
  return open;
}

/** Makes the follow-up tasks for these customers (ids), through the Repo and its checks. */
export function createFollowUps(repo: Repo, customerIds: readonly string[], spec: FollowUpSpec): FollowUpRun {
  const open = alreadyOpen(repo, customerIds, spec);
  const run: FollowUpRun = { created: [], skipped: [], refused: [] };
  const drafts: { customerId: string; values: Record<string, unknown> }[] = [];
  for (const customerId of new Set(customerIds)) {
    if (open.has(customerId)) {
      run.skipped.push(customerId);
      continue;
    }
    const customer = repo.get('customers', customerId);
    const values = {
      subject: spec.subject, type: 'followup', status: 'open', channel: spec.channel || undefined, due: spec.due, customerId,
      ownerId: spec.ownerId || customer?.ownerId || undefined,
    };
    const r = repo.create('tasks', values, { dryRun: true });
    if (!r.ok) run.refused.push({ customerId, errors: r.errors });
    else drafts.push({ customerId, values });
  }
  if (run.refused.length) return run;
  for (const d of drafts) {
    const r = repo.create('tasks', d.values);
    // checked a moment ago with nothing in between; kept honest all the same
    if (r.ok) run.created.push(r.value);
    else run.refused.push({ customerId: d.customerId, errors: r.errors });
  }
  return run;
}
