// The care reports' settings (settings.analytics): read with defaults, changed by an
// administrator only (they are the hotel's settings, like its value lists).
import { AnalyticsSettings, effectiveAnalytics, weightsProblem, type EffectiveAnalytics } from '../domain/analytics/settings.js';
import type { FieldError } from '../domain/errors.js';
import type { Weights } from '../domain/analytics/value.js';
import type { Repo } from './repo.js';

export const analyticsOf = (repo: Repo): EffectiveAnalytics => effectiveAnalytics(repo.ws.settings.analytics);

export type AnalyticsPatch = Omit<AnalyticsSettings, 'weights' | 'margins'> & { weights?: Partial<Weights>; margins?: Record<string, number> };

export type SetResult = { ok: true; changed: boolean; value: EffectiveAnalytics } | { ok: false; errors: FieldError[] };

/** Merges the patch into the stored settings (reset: back to every default first). */
export function setAnalytics(repo: Repo, patch: AnalyticsPatch, opts: { reset?: boolean } = {}): SetResult {
  const denied = repo.refusedSettings();
  if (denied) return { ok: false, errors: [denied] };
  const before = opts.reset ? {} : (repo.ws.settings.analytics ?? {});
  const next = {
    ...before,
    ...patch,
    ...(patch.weights || before.weights ? { weights: { ...before.weights, ...patch.weights } } : {}),
    ...(patch.margins || before.margins ? { margins: { ...before.margins, ...patch.margins } } : {}),
  };
  const parsed = AnalyticsSettings.safeParse(next);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: 'analyticsValue', params: { field: i.path.join('.') } })) };
  const eff = effectiveAnalytics(parsed.data);
  const bad = weightsProblem(eff.value.weights);
  if (bad) return { ok: false, errors: [{ field: 'weights', code: bad === 'current' ? 'analyticsNoCurrentWeight' : 'analyticsNoPotentialWeight' }] };
  const empty = Object.keys(parsed.data).length === 0;
  const value = empty ? undefined : parsed.data;
  if (JSON.stringify(value) === JSON.stringify(repo.ws.settings.analytics)) return { ok: true, changed: false, value: eff };
  repo.setSettings({ analytics: value });
  return { ok: true, changed: true, value: eff };
}
