// Periods of days for the care reports (churn, value, KPIs): a day is an integer (days since
// 1970-01-01) read from `YYYY-MM-DD` text, so a million order dates cost no Date objects.

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function civil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The day number of `YYYY-MM-DD…`; NaN when the text is not a date. */
export function dayNum(s: unknown): number {
  if (typeof s !== 'string' || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  return civil(y, m, d);
}

/** `YYYY-MM-DD` of a day number. */
export function dayStr(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

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
