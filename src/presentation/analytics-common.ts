// What the analytics reports share as text: the head line (owner, period, as-of), money and
// shares, and CSV for Excel and WPS (UTF-8 with a BOM, CRLF, formulas neutralised).
import { fenToGrouped, fenToYuan } from '../domain/money.js';
import type { T } from '../i18n/index.js';
import { safeCell, stringifyCsv } from '../text/csv.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface ReportScope {
  /** login and name of the owner asked for, if any */
  owner?: { login: string; name: string };
  from?: string;
  to?: string;
}

export const yuanText = (fen: number) => `¥${fenToGrouped(Math.round(fen))}`;
export const yuanWhole = (fen: number) => `¥${fenToGrouped(Math.round(fen), { whole: true })}`;
export const pctText = (p: number | undefined) => (p === undefined ? '-' : `${p.toFixed(1)}%`);
/** one decimal, for means shown to people */
export const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
/** a mean of fen as yuan with two decimals (display; the comparisons never use it) */
export const meanYuan = (sumFen: number, n: number) => (n ? Math.round(sumFen / n) / 100 : 0);

export function scopeText(t: T, s: ReportScope): string {
  const owner = s.owner ? `${sanitizeLine(s.owner.name)} (${s.owner.login})` : t('funnel.allOwners');
  const period = s.from || s.to ? `${s.from ?? ''}..${s.to ?? ''}` : t('funnel.allTime');
  return `${owner}  ${period}`;
}

export const scopeJson = (s: ReportScope) => ({ owner: s.owner?.login ?? null, from: s.from ?? null, to: s.to ?? null });

/** A code of digits that must keep its leading zeros in Excel and WPS (an RFM code 001): the
 *  one formula a report writes, ="001", made here from digits only. */
export const keepDigits = (code: string): { raw: string } => ({ raw: /^\d+$/.test(code) ? `="${code}"` : safeCell(sanitizeLine(code)) });

/** CSV as a spreadsheet opens it: BOM, CRLF, no cell run as a formula. */
export function csvText(rows: (string | number | { raw: string })[][]): string {
  return '\ufeff' + stringifyCsv(rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : typeof c === 'object' ? c.raw : safeCell(sanitizeLine(c))))));
}

export const yuan = fenToYuan;

/** A bar of `n` of `most`, at most `w` wide; at least one mark for anything above zero. */
export const bar = (n: number, most: number, w: number) => (n <= 0 || most <= 0 ? '' : '#'.repeat(Math.max(1, Math.round((n / most) * w))));
