// Customer care (客户关怀, syllabus ch. 7): an anniversary with a reminder lead of N days asks for
// a care task for the customer's owner from N days before the date until the date itself.
// Pure: the caller says what day it is in the workspace's time zone.
import { byCode } from './compare.js';
import { isLocalZone } from './zoned-time.js';

export interface CareAnniversary {
  id: string;
  customerId: string;
  contactId?: string;
  kind: string;
  date: string;
  remindDays?: number;
}

export interface CarePlan {
  anniversaryId: string;
  customerId: string;
  contactId?: string;
  kind: string;
  /** the day of the anniversary this year (or next): the task is due then */
  due: string;
  /** names the occurrence, so a second run finds the task the first one made */
  careKey: string;
}

const DEFAULT_LEAD = 7;

const ymd = (s: string) => s.split('-').map(Number) as [number, number, number];
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dayNumber = (s: string) => {
  const [y, m, d] = ymd(s);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The anniversary's day in a given year: 29 February is kept on the 28th in other years. */
export function anniversaryIn(date: string, year: number): string {
  const [, m, d] = ymd(date);
  return m === 2 && d === 29 && !isLeap(year) ? iso(year, 2, 28) : iso(year, m, d);
}

/** The first day on or after `today` that is the anniversary of `date` (not the date itself:
 *  a wedding is not its own anniversary). */
export function nextAnniversary(date: string, today: string): string {
  const [y0] = ymd(date);
  const [ty] = ymd(today);
  for (let y = Math.max(ty, y0 + 1); ; y++) {
    const occ = anniversaryIn(date, y);
    if (occ >= today) return occ;
  }
}

export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The day it is at `now` in a time zone (the machine's when none is given). */
export function todayIn(now: Date, timeZone?: string): string {
  if (isLocalZone(timeZone)) return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  let f = dayFormats.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD; a zone the system does not know means the machine's
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}
// a formatter is costly to make and the desk asks for today on every frame
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** The care tasks due today that no task made before covers. */
export function careDue(input: {
  anniversaries: readonly CareAnniversary[];
  /** careKey of every task there is, whatever its status: a cancelled care task is not made again */
  existingKeys: ReadonlySet<string>;
  today: string;
}): CarePlan[] {
  const out: CarePlan[] = [];
  for (const a of input.anniversaries) {
    const due = nextAnniversary(a.date, input.today);
    const lead = a.remindDays ?? DEFAULT_LEAD;
    if (daysBetween(input.today, due) > lead) continue;
    const careKey = `${a.id}@${due}`;
    if (input.existingKeys.has(careKey)) continue;
    out.push({ anniversaryId: a.id, customerId: a.customerId, contactId: a.contactId, kind: a.kind, due, careKey });
  }
  return out.sort((x, y) => byCode(x.due, y.due) || byCode(x.anniversaryId, y.anniversaryId));
}

/** Anniversaries coming in the next `days` days, nearest first (the agenda's list). */
export function upcomingAnniversaries<A extends CareAnniversary>(anniversaries: readonly A[], today: string, days: number): { anniversary: A; on: string; inDays: number }[] {
  return anniversaries
    .map((a) => {
      const on = nextAnniversary(a.date, today);
      return { anniversary: a, on, inDays: daysBetween(today, on) };
    })
    .filter((x) => x.inDays <= days)
    .sort((x, y) => x.inDays - y.inDays || byCode(x.anniversary.id, y.anniversary.id));
}
