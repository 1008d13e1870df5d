// Moving a ticket along its handling steps (ticket-flow.ts): the next step, or a named one the
// flow allows (a reopen). The step log entry is appended by the ticket rules on save.
import type { FieldError } from '../domain/errors.js';
import { nextStatus, isTicketStatus, REOPEN_TO, canReopen } from '../domain/ticket-flow.js';
import { resolveValue } from '../domain/values.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { Repo } from './repo.js';

export type StepResult = { ok: true; value: EntityRecord } | { ok: false; errors: FieldError[] };

/** `to` (a code or a label of either language) or, without it, the next step. */
export function advanceTicket(repo: Repo, id: string, opts: { to?: string; note?: string } = {}): StepResult {
  const rec = repo.get('tickets', id);
  if (!rec) return { ok: false, errors: [{ field: 'id', code: 'notFound', params: { value: id } }] };
  const from = String(rec.status);
  let to: string | undefined;
  if (opts.to !== undefined) {
    to = resolveValue(repo.ws.valueLists, 'ticketStatus', opts.to);
    if (!to) return { ok: false, errors: [{ field: 'status', code: 'notInList', params: { value: opts.to, list: 'ticketStatus' } }] };
  } else {
    to = isTicketStatus(from) ? nextStatus(from) : undefined;
    if (!to) return { ok: false, errors: [{ field: 'status', code: 'ticketFinal', params: { id: rec.id } }] };
  }
  if (to === from) return { ok: false, errors: [{ field: 'status', code: 'ticketSame', params: { id: rec.id } }] };
  const r = repo.update('tickets', rec.id, { status: to }, { note: opts.note });
  return r.ok ? { ok: true, value: r.value } : r;
}

/** Back to investigating, from resolved, followed up or closed. */
export function reopenTicket(repo: Repo, id: string, note?: string): StepResult {
  const rec = repo.get('tickets', id);
  if (rec && isTicketStatus(rec.status) && !canReopen(rec.status)) {
    return { ok: false, errors: [{ field: 'status', code: 'ticketNotReopenable', params: { id: rec.id } }] };
  }
  return advanceTicket(repo, id, { to: REOPEN_TO, note });
}
