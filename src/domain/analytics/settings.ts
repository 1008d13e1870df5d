// The workspace's own figures for the care reports (settings.analytics): the churn threshold
// and factor, the lifetime value weights and gross margins. Every field is optional: what is
// not set is the default, so workspaces of earlier versions need no migration.
import { z } from 'zod';
import { DEFAULT_CHURN_DAYS, DEFAULT_CHURN_FACTOR, DEFAULT_SATISFACTION_BAR } from './churn.js';
import { DEFAULT_CURRENT_SHARE, DEFAULT_MARGINS, DEFAULT_WEIGHTS, VALUE_INDICATORS, type ValueSettings, type Weights } from './value.js';

const weight = z.number().min(0).max(100);
export const AnalyticsSettings = z.object({
  churnDays: z.number().int().min(1).max(3650).optional(),
  churnFactor: z.number().min(1).max(20).optional(),
  satisfactionBar: z.number().min(0).max(100).optional(),
  weights: z.object(Object.fromEntries(VALUE_INDICATORS.map((k) => [k, weight.optional()])) as Record<keyof Weights, z.ZodOptional<typeof weight>>).optional(),
  currentShare: z.number().int().min(0).max(100).optional(),
  margins: z.record(z.string().regex(/^[a-z0-9_-]+$/i).max(40), z.number().min(0).max(100)).optional(),
});
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;

export interface EffectiveAnalytics {
  churnDays: number;
  churnFactor: number;
  satisfactionBar: number;
  value: ValueSettings;
}

/** The settings with every default filled in. */
export function effectiveAnalytics(a: AnalyticsSettings | undefined): EffectiveAnalytics {
  return {
    churnDays: a?.churnDays ?? DEFAULT_CHURN_DAYS,
    churnFactor: a?.churnFactor ?? DEFAULT_CHURN_FACTOR,
    satisfactionBar: a?.satisfactionBar ?? DEFAULT_SATISFACTION_BAR,
    value: {
      weights: { ...DEFAULT_WEIGHTS, ...stripUndefined(a?.weights ?? {}) } as Weights,
      currentShare: a?.currentShare ?? DEFAULT_CURRENT_SHARE,
      margins: { ...DEFAULT_MARGINS, ...(a?.margins ?? {}) },
    },
  };
}

const stripUndefined = (o: Record<string, number | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, number>;

/** Whether the weights leave a value with nothing to weigh (every current or every potential weight 0). */
export function weightsProblem(w: Weights): 'current' | 'potential' | undefined {
  if (w.grossProfit + w.purchases + w.serviceCost <= 0) return 'current';
  if (w.satisfaction + w.loyalty + w.trust <= 0) return 'potential';
  return undefined;
}
