// Times as people read them: the workspace keeps instants as UTC ISO strings
// ("2026-11-25T12:18:33.000Z"); a spreadsheet shows the wall clock of the hotel's time zone
// ("2026-11-25 20:18:33") and JSON the same instant with its offset
// ("2026-11-25T20:18:33+08:00"). Pure: the zone is always given.

// ICU's date formatter costs 8 MB of resident memory the first time any zone is asked of it
// (measured: a student's whole app is ~75 MB). A process that has set its own clock to the
// hotel's zone (TZ, services/time-zone.ts) reads that zone's wall time from Date instead.
let localZone: string | undefined;
/** Declares that Date's local fields are in `zone` in this process (it set TZ to it). */
export function setLocalZone(zone: string | undefined): void {
  localZone = zone;
}
/** Whether Date's local fields give the wall time of `zone` (undefined: the machine's). */
export const isLocalZone = (zone: string | undefined): boolean => zone === undefined || zone === localZone;

let canonical: Set<string> | undefined;
const UTC_NAMES = /^(UTC|GMT|Etc\/(UTC|UCT|GMT|Universal|Zulu|Greenwich))$/;

/** A zone name Intl knows (Asia/Shanghai, UTC, Europe/London). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  // the canonical names and UTC answer without the formatter; an alias (Asia/Calcutta) asks it
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonical.has(zone) || UTC_NAMES.test(zone) || zone === localZone) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes ahead of UTC at `ms`, asked of Intl (slow: ~15 µs a call). */
function intlOffset(ms: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

// An export of 100k records made over three years asks for ~1000 distinct days: offsets are
// kept per UTC day when the day has one offset (its first and last minute agree), else per
// quarter hour (every change of offset in the zone database falls on a quarter hour).
const DAY = 86_400_000;
const QUARTER = 15 * 60_000;
const byDay = new Map<string, Map<number, number | null>>();
const byQuarter = new Map<string, Map<number, number>>();
const mapOf = <V>(m: Map<string, Map<number, V>>, zone: string) => {
  let z = m.get(zone);
  if (!z) m.set(zone, (z = new Map()));
  else if (z.size > 100_000) z.clear();
  return z;
};

/** Minutes the zone's wall clock is ahead of UTC at the instant `ms`. */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  if (zone === localZone) return 0 - new Date(ms).getTimezoneOffset();
  const day = Math.floor(ms / DAY);
  const days = mapOf(byDay, zone);
  let d = days.get(day);
  if (d === undefined) {
    const first = intlOffset(day * DAY, zone);
    d = first === intlOffset(day * DAY + DAY - 60_000, zone) ? first : null;
    days.set(day, d);
  }
  if (d !== null) return d;
  const quarter = Math.floor(ms / QUARTER);
  const quarters = mapOf(byQuarter, zone);
  let q = quarters.get(quarter);
  if (q === undefined) quarters.set(quarter, (q = intlOffset(quarter * QUARTER, zone)));
  return q;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function wallClock(ms: number, zone: string): { d: Date; off: number } {
  const off = zoneOffsetMinutes(ms, zone);
  return { d: new Date(ms + off * 60_000), off };
}

const dateTimeText = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** "2026-11-25 20:18:33": the wall clock in the zone, to the second (what Excel reads as a
 *  date and time). Text that is not a time comes back as it is. */
export function localTimeText(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeText(wallClock(ms, zone).d);
}

/** "2026-11-25T20:18:33+08:00" (milliseconds only when there are some): the same instant as
 *  the stored UTC time, written with the zone's offset. */
export function offsetTimeText(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const { d, off } = wallClock(ms, zone);
  const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${dateTimeText(d).replace(' ', 'T')}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// 2026-11-25 20:18:33, 2026/11/25 20:18, 2026-11-25T20:18:33.5, 2026年11月25日 20:18:33, 2026-11-25
const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const WITH_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A time as export writes it or a person types it → the stored UTC ISO string. A time without
 *  an offset is the zone's wall clock; one with an offset or Z is taken as it says. */
export function parseTimeText(text: string, zone: string): string | undefined {
  const s = text.trim();
  const m = LOCAL.exec(s);
  if (m) {
    const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    const msPart = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
    const wall = Date.UTC(y, mo - 1, d, h, mi, sec, msPart);
    if (new Date(wall).getUTCDate() !== d) return undefined; // 2月30日
    // the instant whose wall clock this is: the offset at a first guess, then at the result
    let t = wall - zoneOffsetMinutes(wall, zone) * 60_000;
    t = wall - zoneOffsetMinutes(t, zone) * 60_000;
    return new Date(t).toISOString();
  }
  // with an offset (JSON export, ISO from other programs); other forms as JavaScript reads them
  const ms = Date.parse(WITH_ZONE.test(s) ? s : s.replace(/\//g, '-'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
