// Complaint handling as the course teaches it (syllabus ch. 9, seed 002 tasks 3.2-3.5):
// received → acknowledged → investigating → resolved → followed up → closed. A ticket that
// turns out not to be settled is reopened: from resolved, followed up or closed it goes back
// to investigating (the cause is looked at again), never straight to an earlier step.
// Every ticket type (complaint, praise, suggestion, repair …) walks the same steps: praise is
// received, acknowledged (thanked), looked into (passed to the staff praised) and closed too.
import { byCode } from './compare.js';

export const TICKET_STATUSES = ['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** the forward step of each status (closed has none) */
const FORWARD: Record<TicketStatus, TicketStatus | undefined> = {
  received: 'acknowledged',
  acknowledged: 'investigating',
  investigating: 'resolved',
  resolved: 'followedup',
  followedup: 'closed',
  closed: undefined,
};

/** where a reopen goes, and from which statuses it may */
export const REOPEN_TO: TicketStatus = 'investigating';
const REOPENABLE: readonly TicketStatus[] = ['resolved', 'followedup', 'closed'];

export const isTicketStatus = (s: unknown): s is TicketStatus => typeof s === 'string' && (TICKET_STATUSES as readonly string[]).includes(s);
export const nextStatus = (from: TicketStatus): TicketStatus | undefined => FORWARD[from];
export const canReopen = (from: TicketStatus): boolean => REOPENABLE.includes(from);

/** every status a ticket may go to from `from`: the forward step first, then a reopen */
export function allowedTicketSteps(from: TicketStatus): TicketStatus[] {
  const out: TicketStatus[] = [];
  const f = FORWARD[from];
  if (f) out.push(f);
  if (canReopen(from)) out.push(REOPEN_TO);
  return out;
}
export const canTicketStep = (from: TicketStatus, to: TicketStatus): boolean => allowedTicketSteps(from).includes(to);

/** A ticket awaits its resolution (the SLA runs) until it is resolved; after that it still
 *  needs a follow-up and closing, so it is open until closed. */
export const isUnresolved = (status: unknown): boolean => status === 'received' || status === 'acknowledged' || status === 'investigating';
export const isOpenTicket = (status: unknown): boolean => status !== 'closed';

/** Hours from receipt to resolution promised to the guest, by severity (a ticket without one
 *  counts as medium). An angry guest whose room is too hot (high) is answered the same shift. */
export const SLA_HOURS: Record<string, number> = { high: 4, medium: 24, low: 72 };
export const DEFAULT_SEVERITY = 'medium';

export interface SlaTicket {
  status?: unknown;
  severity?: unknown;
  createdAt: string;
}

/** When the ticket must be resolved: its entry time (the moment the hotel received it) plus
 *  the severity's hours. A reopen does not restart the clock: the guest has waited since then. */
export function slaDue(t: SlaTicket): string {
  const hours = SLA_HOURS[typeof t.severity === 'string' ? t.severity : ''] ?? SLA_HOURS[DEFAULT_SEVERITY]!;
  return new Date(Date.parse(t.createdAt) + hours * 3_600_000).toISOString();
}

/** Unresolved and past its SLA due time. */
export const isOverdue = (t: SlaTicket, now: Date): boolean => isUnresolved(t.status) && now.getTime() > Date.parse(slaDue(t));

/** Open tickets in the order a desk works them: overdue first, then by SLA due time; resolved
 *  ones (awaiting follow-up) after the unresolved; closed ones last. */
export function ticketDeskOrder<T extends SlaTicket & { id: string }>(recs: readonly T[], now: Date): T[] {
  const rank = (t: T) => (!isOpenTicket(t.status) ? 3 : !isUnresolved(t.status) ? 2 : isOverdue(t, now) ? 0 : 1);
  return recs
    .map((t) => ({ t, r: rank(t), due: slaDue(t) }))
    .sort((a, b) => a.r - b.r || byCode(a.due, b.due) || byCode(a.t.id, b.t.id))
    .map((x) => x.t);
}

export function ticketCounts(recs: readonly SlaTicket[], now: Date): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const t of recs) {
    if (isOpenTicket(t.status)) open++;
    if (isOverdue(t, now)) overdue++;
  }
  return { open, overdue };
}

export interface TicketStep {
  status: string;
  at: string;
  by?: string;
  note: string;
}

/** The record as it is saved after a status change: the step appended (time and employee from
 *  the caller, never from the input), resolvedAt set on resolution and cleared on a reopen. */
export function withStep<R extends Record<string, unknown>>(rec: R, prevSteps: readonly TicketStep[], step: TicketStep): R {
  const out: Record<string, unknown> = { ...rec, steps: [...prevSteps, step] };
  if (step.status === 'resolved') out.resolvedAt = step.at;
  else if (isUnresolved(step.status)) delete out.resolvedAt;
  return out as R;
}
