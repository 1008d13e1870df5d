// The CRM KPIs of a workspace for a period against the one before (the actor's scope; an owner
// narrows customers and their orders, tickets and surveys to that owner's customers, and leads
// and opportunities to that owner's).
import { kpiReport, type KpiReport } from '../domain/analytics/kpi.js';
import { monthToDate, type Period } from '../domain/analytics/period.js';
import { careRecords, hotelToday, localDay, type OwnerFilter } from './analytics-scope.js';
import type { Repo } from './repo.js';

export interface KpiOptions extends OwnerFilter {
  from?: string;
  to?: string;
  /** the day the default period ends (this month up to it); default today */
  asOf?: string;
}

/** The period asked for: --from/--to, or the month of as-of up to as-of. */
export function kpiPeriod(repo: Repo, o: KpiOptions): Period {
  const asOf = o.asOf ?? hotelToday(repo);
  if (o.from && o.to) return { from: o.from, to: o.to };
  if (o.from) return { from: o.from, to: asOf < o.from ? o.from : asOf };
  if (o.to) return monthToDate(o.to);
  return monthToDate(asOf);
}

export function workspaceKpi(repo: Repo, o: KpiOptions = {}): KpiReport {
  const recs = careRecords(repo, o);
  const mine = <R extends Record<string, unknown>>(rs: R[]) => (o.ownerId ? rs.filter((r) => r.ownerId === o.ownerId) : rs);
  return kpiReport({ ...recs, leads: mine(repo.all('leads')), opportunities: mine(repo.all('opportunities')) } as never, kpiPeriod(repo, o), localDay);
}
