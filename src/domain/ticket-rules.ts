// The rules of a ticket's status (see ticket-flow.ts): a new ticket starts at received, a
// change goes only by an allowed step, and each change appends a step to the log with the
// acting employee and the time, which no input can set. An import or the demo (anyStage)
// brings its own history and is taken as it is.
import type { FieldError } from './errors.js';
import { todayIn } from './care.js';
import { allowedTicketSteps, canTicketStep, isTicketStatus, withStep, type TicketStep } from './ticket-flow.js';
import type { RuleContext, SaveOpts } from './entity-rules.js';
import { withRecoveryTotal } from './recovery.js';

type Rec = Record<string, unknown> & { id: string };

const stepsOf = (r: Rec | undefined): TicketStep[] => (r && Array.isArray(r.steps) ? (r.steps as TicketStep[]) : []);

export function ticketPrepare(input: Rec, prev: Rec | undefined, ctx: RuleContext, opts: SaveOpts): Rec {
  // the step note is an input of the change (a form's field, `update --stepNote`), not a field kept
  const { stepNote, ...given } = input;
  const rec = withRecoveryTotal(given);
  if (opts.anyStage) return rec as Rec;
  const note = opts.note ?? (typeof stepNote === 'string' ? stepNote : '');
  const out: Rec = { ...rec, id: input.id, steps: stepsOf(prev) };
  if (prev) {
    if (prev.resolvedAt === undefined) delete out.resolvedAt;
    else out.resolvedAt = prev.resolvedAt;
    if (prev.status === rec.status) return out;
  } else {
    out.status ??= 'received';
    if (out.raisedOn === undefined && typeof out.createdAt === 'string') out.raisedOn = todayIn(new Date(out.createdAt));
  }
  return withStep(out, stepsOf(prev), { status: String(out.status), at: ctx.now(), by: ctx.actorLogin, note });
}

export function ticketCheck(rec: Rec, prev: Rec | undefined, _ctx: RuleContext, opts: SaveOpts): FieldError[] {
  if (opts.anyStage) return [];
  const to = String(rec.status);
  if (!prev) return to === 'received' ? [] : [{ field: 'status', code: 'ticketStart', params: { to } }];
  const from = String(prev.status);
  if (from === to || !isTicketStatus(from) || !isTicketStatus(to) || canTicketStep(from, to)) return [];
  return [{ field: 'status', code: 'transition', params: { from, to, allowed: allowedTicketSteps(from).join(','), list: 'ticketStatus' } }];
}
