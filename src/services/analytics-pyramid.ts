// The customer pyramid over a workspace, and who moved between its layers.
//
// The previous period (for the movers): with --from/--to, the period of the same length just
// before `from`; without, the purchases up to the same as-of day a year earlier (the pyramid
// a year ago). Its layers are worked out with the same shares over the same customers.
import { pyramidAnalysis, layerCustomers, DEFAULT_SHARES_BP, type PyramidResult } from '../domain/analytics/pyramid.js';
import { dayOf, dayText, yearBefore } from '../domain/analytics/days.js';
import { analyticsBase, asOfDay, purchaseWindow, totalsOver, type AnalyticsFilter } from './analytics-base.js';
import { customerTotals, totalsFromKept, type DayWindow } from '../domain/analytics/purchases.js';
import type { Repo } from './repo.js';

export interface PyramidFilter extends AnalyticsFilter {
  /** hundredths of a percent for vip, key, ordinary (the rest small); default 1%, 4%, 15% */
  sharesBp?: number[];
  /** compare with the previous period (default true) */
  compare?: boolean;
}

export interface PyramidReport extends PyramidResult {
  filter: PyramidFilter;
  asOfText: string;
  /** the previous period the movers compare with (days, both included) */
  previous?: { from?: string; to: string };
}

export function previousWindow(filter: AnalyticsFilter, current: DayWindow, asOf: number): DayWindow {
  if (current.from !== undefined) {
    const to = current.to ?? asOf;
    const len = to - current.from + 1;
    return { from: current.from - len, to: current.from - 1 };
  }
  // the pyramid as it stood a year before: every purchase up to the as-of day a year earlier
  return { to: dayOf(yearBefore(dayText(asOf))) };
}

export function workspacePyramid(repo: Repo, filter: PyramidFilter = {}, today = new Date().toISOString().slice(0, 10)): PyramidReport {
  const base = analyticsBase(repo, filter);
  const window = purchaseWindow(filter);
  const compare = filter.compare !== false;
  // one pass over the orders: every purchase up to the as-of day kept as columns, the current
  // and the previous period both counted from them
  const all = compare ? customerTotals(base.ids, base.orders, { window: { to: window.to }, keep: true }, base.index) : undefined;
  const t = !all ? totalsOver(base, window) : window.from === undefined ? all : totalsFromKept(all, window);
  const asOf = asOfDay(filter, t, today);
  let previous: PyramidReport['previous'];
  let prevTotals;
  if (all) {
    const pw = previousWindow(filter, window, asOf);
    prevTotals = totalsFromKept(all, pw);
    previous = { ...(pw.from !== undefined ? { from: dayText(pw.from) } : {}), to: dayText(pw.to!) };
  }
  const r = pyramidAnalysis(t, { sharesBp: filter.sharesBp ?? [...DEFAULT_SHARES_BP], previous: prevTotals });
  return { ...r, filter, asOfText: dayText(asOf), previous };
}

export { layerCustomers };
