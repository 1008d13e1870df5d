// The satisfaction surveys of a workspace, summarised against its indicator list.
import { summariseSurveys, type SurveyLike, type SurveySummary } from '../domain/survey-score.js';
import { DEFAULT_VALUE_LISTS } from '../domain/values.js';
import type { Repo } from './repo.js';

export const indicatorCodes = (repo: Repo): string[] => (repo.ws.valueLists.surveyIndicator ?? DEFAULT_VALUE_LISTS.surveyIndicator!).map((v) => v.code);

export interface SurveyFilter {
  from?: string;
  to?: string;
  customerId?: string;
}

export function workspaceSurveys(repo: Repo, filter: SurveyFilter = {}): SurveySummary {
  const recs = (repo.all('surveys') as unknown as SurveyLike[]).filter((s) => {
    const d = typeof s.date === 'string' ? s.date : '';
    return (!filter.from || d >= filter.from) && (!filter.to || d <= filter.to) && (!filter.customerId || s.customerId === filter.customerId);
  });
  return summariseSurveys(recs, indicatorCodes(repo));
}
