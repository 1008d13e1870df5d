// What the analytics do to the customers: write each one's RFM segment or pyramid layer into a
// field of theirs (so lists and filters use it: `rfm:111`, `金字塔:VIP客户`), and make follow-up
// tasks for every customer of a segment or a layer.
//
// Decisions:
// - writing covers exactly the customers of the analysis (the actor's, of the owner asked): a
//   customer with a purchase gets the code; one without loses an earlier code (it would be
//   stale). Customers already holding the code are left alone (no change, no journal line).
// - all or nothing: the actor must be allowed to edit every one of them (customers: edit, in
//   scope); one refusal refuses the lot, and the shell saves nothing.
// - tasks: one follow-up per customer, owned by the customer's owner; a customer who already has
//   an OPEN follow-up with the same subject is skipped, whatever its due date, so running the
//   command again (or with another date) does not pile up visits.
import type { FieldError } from '../domain/errors.js';
import { isOpenTask } from '../domain/agenda.js';
import { createFollowUps, type FollowUpRun, type FollowUpSpec } from './follow-up.js';
import type { Repo } from './repo.js';

export type CodeField = 'rfmSegment' | 'pyramidLayer';

export interface WriteRun {
  /** customers given a (new) code, and those whose old code was taken away */
  written: number;
  cleared: number;
  unchanged: number;
  refused: { customerId: string; errors: FieldError[] }[];
}

/** Writes `codeOf(i)` into `field` of customer `ids[i]` (undefined: no code). Nothing is changed
 *  when one customer is refused; the caller saves only when `refused` is empty. */
export function writeCustomerCodes(repo: Repo, field: CodeField, ids: readonly string[], codeOf: (i: number) => string | undefined): WriteRun {
  const run: WriteRun = { written: 0, cleared: 0, unchanged: 0, refused: [] };
  const denied = repo.refused('edit', 'customers');
  if (denied) {
    run.refused.push({ customerId: '', errors: [denied] });
    return run;
  }
  const todo: { id: string; code: string | undefined }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const rec = repo.get('customers', ids[i]);
    if (!rec) continue;
    const code = codeOf(i);
    if ((rec[field] ?? undefined) === code) {
      run.unchanged++;
      continue;
    }
    const out = repo.refused('edit', 'customers', rec);
    if (out) run.refused.push({ customerId: ids[i], errors: [out] });
    else todo.push({ id: ids[i], code });
  }
  if (run.refused.length) return run;
  for (const x of todo) {
    const r = repo.update('customers', x.id, { [field]: x.code }, { reason: `analytics:${field}` });
    if (!r.ok) {
      run.refused.push({ customerId: x.id, errors: r.errors });
      continue;
    }
    if (x.code === undefined) run.cleared++;
    else run.written++;
  }
  return run;
}

/** Follow-up tasks for these customers, but for those with one of this subject open already. */
export function followUpsFor(repo: Repo, customerIds: readonly string[], spec: FollowUpSpec): FollowUpRun {
  const subject = spec.subject.trim();
  const wanted = new Set(customerIds);
  const open = new Set<string>();
  for (const t of repo.unscoped('tasks')) {
    if (t.type === 'followup' && isOpenTask(t as never) && String(t.subject ?? '').trim() === subject && wanted.has(String(t.customerId))) open.add(String(t.customerId));
  }
  const run = createFollowUps(repo, customerIds.filter((id) => !open.has(id)), spec);
  return { ...run, skipped: [...customerIds.filter((id) => open.has(id)), ...run.skipped] };
}
