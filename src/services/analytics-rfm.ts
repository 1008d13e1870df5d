// RFM over a workspace: the actor's customers, their purchases in the period, as of a day.
import { rfmAnalysis, rfmCustomers, type Frequency, type RfmResult } from '../domain/analytics/rfm.js';
import { dayText } from '../domain/analytics/days.js';
import { analyticsBase, asOfDay, purchaseWindow, totalsOver, type AnalyticsFilter } from './analytics-base.js';
import type { Repo } from './repo.js';

export interface RfmFilter extends AnalyticsFilter {
  frequency?: Frequency;
}

export interface RfmReport extends RfmResult {
  filter: RfmFilter;
  /** the as-of day as text */
  asOfText: string;
}

export function workspaceRfm(repo: Repo, filter: RfmFilter = {}, today = new Date().toISOString().slice(0, 10)): RfmReport {
  const base = analyticsBase(repo, filter);
  const frequency = filter.frequency ?? 'orders';
  const t = totalsOver(base, purchaseWindow(filter), frequency === 'days');
  const asOf = asOfDay(filter, t, today);
  const r = rfmAnalysis(t, { asOf, frequency });
  return { ...r, filter: { ...filter, frequency }, asOfText: dayText(asOf) };
}

export { rfmCustomers };
