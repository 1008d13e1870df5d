// Late submissions: a deadline, a grace period, a penalty per day begun late up to a cap, and
// optionally a day after which a submission is not accepted. Days are whole 24-hour periods
// begun after the deadline and grace, so 1 minute late is one day late.
import { z } from 'zod';

export const LateRule = z.strictObject({
  deadline: z.iso.datetime({ offset: true }),
  graceMinutes: z.number().int().min(0).max(10_080).default(0),
  penaltyPerDayPct: z.number().min(0).max(100).default(10),
  maxPenaltyPct: z.number().min(0).max(100).default(50),
  /** after this many days late a submission scores nothing */
  closeAfterDays: z.number().int().min(1).max(365).optional(),
});
export type LateRule = z.infer<typeof LateRule>;

export interface Lateness {
  late: boolean;
  days: number;
  /** the share of the score taken off, in percent */
  penaltyPct: number;
  /** past closeAfterDays: scores nothing */
  closed: boolean;
}

const DAY_MS = 86_400_000;

export function lateness(submittedAt: string, rule: LateRule | undefined): Lateness {
  const on = { late: false, days: 0, penaltyPct: 0, closed: false };
  if (!rule) return on;
  const over = Date.parse(submittedAt) - (Date.parse(rule.deadline) + rule.graceMinutes * 60_000);
  if (!(over > 0)) return on;
  const days = Math.ceil(over / DAY_MS);
  const closed = rule.closeAfterDays !== undefined && days > rule.closeAfterDays;
  return { late: true, days, penaltyPct: closed ? 100 : Math.min(rule.maxPenaltyPct, days * rule.penaltyPerDayPct), closed };
}
