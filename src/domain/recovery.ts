// Service recovery (服务补救): the measures agreed with a guest the hotel failed, each with what
// it cost. A ticket's recovery cost is their sum, in integer fen; a ticket saved before measures
// existed keeps the cost typed for it then (no migration: the field reads as it did).

export interface MeasureLike {
  kind?: unknown;
  cost?: unknown;
}

const measuresOf = (rec: Record<string, unknown>): MeasureLike[] => (Array.isArray(rec.measures) ? (rec.measures as MeasureLike[]) : []);

/** The sum of the measures' costs in fen, or undefined when the ticket has no measures. */
export function measuresTotal(measures: readonly MeasureLike[]): number | undefined {
  if (!measures.length) return undefined;
  let fen = 0;
  for (const m of measures) if (typeof m.cost === 'number' && Number.isSafeInteger(m.cost)) fen += m.cost;
  return fen;
}

/** What the recovery of a ticket cost: its measures' sum, else the cost recorded without them. */
export function recoveryTotal(rec: Record<string, unknown>): number {
  const sum = measuresTotal(measuresOf(rec));
  if (sum !== undefined) return sum;
  return typeof rec.recoveryCost === 'number' ? rec.recoveryCost : 0;
}

/** The record as it is saved: with measures, its recovery cost is their sum (whatever was given). */
export function withRecoveryTotal<R extends Record<string, unknown>>(rec: R): R {
  const sum = measuresTotal(measuresOf(rec));
  return sum === undefined || rec.recoveryCost === sum ? rec : { ...rec, recoveryCost: sum };
}
