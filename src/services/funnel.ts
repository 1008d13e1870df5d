// The funnel of a workspace: its opportunities, filtered, measured against its stage list.
import { filterOpps, funnelReport, type FunnelFilter, type FunnelOpp, type FunnelReport } from '../domain/funnel.js';
import { DEFAULT_VALUE_LISTS } from '../domain/values.js';
import { todayIn } from '../domain/care.js';
import type { Repo } from './repo.js';

/** The day of a creation time where the program runs (the hotel's day, as the desk counts it). */
export const localDay = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : todayIn(d);
};

export const stageList = (repo: Repo) => repo.ws.valueLists.oppStage ?? DEFAULT_VALUE_LISTS.oppStage;

export function workspaceFunnel(repo: Repo, filter: FunnelFilter = {}): FunnelReport {
  const opps = filterOpps(repo.all('opportunities') as unknown as FunnelOpp[], filter, localDay);
  return funnelReport(opps, stageList(repo), localDay);
}

/** An employee by login (any case) or code. */
export function employeeByLoginOrId(repo: Repo, key: string) {
  const low = key.trim().toLowerCase();
  return repo.all('employees').find((e) => String(e.login).toLowerCase() === low || e.id.toLowerCase() === low);
}
