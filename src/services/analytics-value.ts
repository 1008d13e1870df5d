// Customer lifetime value and KAISM on a workspace (the customers in the actor's scope).
import { valueReport, type ValueReport } from '../domain/analytics/value.js';
import { careRecords, type OwnerFilter } from './analytics-scope.js';
import { analyticsOf } from './analytics-settings.js';
import type { Repo } from './repo.js';

export function workspaceValue(repo: Repo, o: OwnerFilter = {}): ValueReport {
  return valueReport(careRecords(repo, o) as never, analyticsOf(repo).value);
}
