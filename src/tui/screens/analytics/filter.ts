// Screen 7's owner and period (o, p), as `report --owner --from --to`: the period typed in a few
// forms and checked before it is used, and the line that says which filter the figures are under.
import { parseDateText } from '../../../domain/parse-input.js';
import { nameInLanguage, type T } from '../../../i18n/index.js';
import type { Repo } from '../../../services/repo.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import type { ScreenFilter } from './tab-view.js';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A period as typed: "2026-01-01..2026-03-31" (also with ~, 至, " to " or a space between),
 *  an open end ("2026-01-01.." / "..2026-03-31"), a month "2026-03" or a year "2026" (alone or
 *  as an end: "2026-01..2026-03").
 *  Empty: no period. undefined: not a period (a bad date, from after to). */
export function parsePeriod(text: string): { from?: string; to?: string } | undefined {
  const r = readPeriod(text);
  return r && !r.reversed ? r.period : undefined;
}

/** The two ends of a period typed the wrong way round (so the message can say just that), else undefined. */
export function reversedPeriod(text: string): { from: string; to: string } | undefined {
  const r = readPeriod(text);
  return r?.reversed && r.period.from && r.period.to ? { from: r.period.from, to: r.period.to } : undefined;
}

function readPeriod(text: string): { period: { from?: string; to?: string }; reversed?: true } | undefined {
  const s = text.trim();
  if (!s) return { period: {} };
  const whole = spanOf(s);
  if (whole) return { period: whole };
  const parts = s.split(/\s*(?:\.\.|~|～|至|\sto\s)\s*|\s+/i);
  if (parts.length !== 2) return undefined;
  // each end a day, a month or a year: 2026-01..2026-03 is January to March
  const a = parts[0] ? spanOf(parts[0]) : undefined;
  const b = parts[1] ? spanOf(parts[1]) : undefined;
  if ((parts[0] && !a) || (parts[1] && !b) || (!a && !b)) return undefined;
  const from = a?.from;
  const to = b?.to;
  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return from && to && from > to ? { period, reversed: true } : { period };
}

/** A day, a month (2026-03, 2026年3月) or a year as the days it spans. */
function spanOf(s: string): { from: string; to: string } | undefined {
  // parseDateText reads "2026-01-01 2026-06-30" as a day and a time: a span is one word
  if (/[\sT]/.test(s)) return undefined;
  let m = /^(\d{4})年?$/.exec(s);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  }
  const d = parseDateText(s);
  return d ? { from: d, to: d } : undefined;
}

/** The period as the prompt shows it again. */
export const periodInput = (f: ScreenFilter): string => (f.from || f.to ? `${f.from ?? ''}..${f.to ?? ''}` : '');

/** An employee's name in the reader's language (管理员 Admin reads Admin in English). */
export function ownerName(repo: Repo, t: T, id: string): string {
  const e = repo.get('employees', id);
  return sanitizeLine(nameInLanguage(t, String(e?.name ?? e?.login ?? id)));
}

/** "owner 王芳; 2026-01-01..2026-03-31", the parts a model leaves out said so; '' when none. */
export function filterText(repo: Repo, t: T, f: ScreenFilter, ignores: readonly string[] = []): string {
  const parts: string[] = [];
  if (f.ownerId) parts.push(t(ignores.includes('owner') ? 'analytics.filterOwnerUnused' : 'analytics.filterOwner', { name: ownerName(repo, t, f.ownerId) }));
  if (f.from || f.to) parts.push(t(ignores.includes('period') ? 'analytics.filterPeriodUnused' : 'analytics.filterPeriod', { from: f.from ?? '', to: f.to ?? '' }));
  return parts.join('; ');
}

/** The owners o offers: the employees the actor may see who own a customer the actor may see,
 *  and the actor; in code order. */
export function ownerChoices(repo: Repo): { id: string; name: string; login: string }[] {
  const owners = new Set<string>();
  for (const c of repo.all('customers')) if (typeof c.ownerId === 'string' && c.ownerId) owners.add(c.ownerId);
  const me = repo.whoActs().employee;
  const list = repo.all('employees').filter((e) => owners.has(e.id) || e.id === me?.id);
  // the actor themself, also when their role may not view employees
  if (me && !list.some((e) => e.id === me.id)) list.unshift(me);
  return list.map((e) => ({ id: e.id, name: String(e.name ?? ''), login: String(e.login ?? '') }));
}
