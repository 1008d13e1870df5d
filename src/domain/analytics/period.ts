// Periods of days for the care reports (churn, value, KPIs): a day is an integer (days since
// 1970-01-01, days.ts), so a million order dates cost no Date objects.

import { dayOf, dayText } from './days.js';

/** The day number of `YYYY-MM-DD…`; NaN when the text is not a date (days.ts). */
export const dayNum: (s: unknown) => number = dayOf;
/** `YYYY-MM-DD` of a day number. */
export const dayStr: (n: number) => string = dayText;

export interface Period {
  /** YYYY-MM-DD, both days included */
  from: string;
  to: string;
}

/** The period of the same length that ends the day before this one begins. */
export function previousPeriod(p: Period): Period {
  const a = dayNum(p.from);
  const b = dayNum(p.to);
  const len = b - a + 1;
  return { from: dayStr(a - len), to: dayStr(a - 1) };
}

/** The calendar month of a day, from its first day to that day (the month so far). */
export function monthToDate(day: string): Period {
  return { from: `${day.slice(0, 7)}-01`, to: day };
}

/** Days in a period, both ends included. */
export const periodDays = (p: Period): number => dayNum(p.to) - dayNum(p.from) + 1;
