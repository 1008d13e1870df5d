// analytics show | set | reset: the care reports' settings (the churn threshold and factor, the
// satisfaction bar, the lifetime value weights, the current share and the gross margins).
// set and reset are an administrator's (the hotel's settings); show is anyone's.
import { VALUE_INDICATORS, type ValueIndicator } from '../../domain/analytics/value.js';
import type { EffectiveAnalytics } from '../../domain/analytics/settings.js';
import { errorMessage, type T } from '../../i18n/index.js';
import { analyticsOf, setAnalytics, type AnalyticsPatch } from '../../services/analytics-settings.js';
import { indicatorLabel } from '../../presentation/analytics-value.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';

export type AnalyticsArgs = GlobalArgs & {
  action: string;
  churnDays?: string;
  churnFactor?: string;
  satisfactionBar?: string;
  weight?: string[];
  currentShare?: string;
  margin?: string[];
};

const NUM = /^\d{1,6}(\.\d{1,4})?$/;

function num(t: T, flag: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UsageError(t('cli.repeatedFlag', { flag }));
  const s = String(raw).trim();
  if (!NUM.test(s)) throw new UsageError(t('analytics.badPair', { flag, value: sanitizeLine(s), example: `--${flag} 2` }));
  return Number(s);
}

function pairs(t: T, flag: string, raw: unknown, example: string): [string, number][] {
  if (raw === undefined) return [];
  const list = (Array.isArray(raw) ? raw : [raw]).map(String);
  return list.map((p) => {
    const m = /^\s*([A-Za-z0-9_-]{1,40})\s*=\s*(\d{1,6}(?:\.\d{1,4})?)\s*$/.exec(p);
    if (!m) throw new UsageError(t('analytics.badPair', { flag, value: sanitizeLine(p), example }));
    return [m[1], Number(m[2])];
  });
}

export function analyticsLines(t: T, a: EffectiveAnalytics): string[] {
  const ws = a.value.weights;
  return [
    t('analytics.churn', { days: a.churnDays, factor: a.churnFactor, bar: a.satisfactionBar }),
    t('analytics.weights', { list: VALUE_INDICATORS.map((k) => `${indicatorLabel(t, k)} (${k}) ${ws[k]}`).join(', '), current: a.value.currentShare, potential: 100 - a.value.currentShare }),
    t('analytics.margins', { list: Object.entries(a.value.margins).map(([k, v]) => `${k} ${v}%`).join(', ') }),
  ];
}

const json = (a: EffectiveAnalytics) => ({ churnDays: a.churnDays, churnFactor: a.churnFactor, satisfactionBar: a.satisfactionBar, weights: a.value.weights, currentShare: a.value.currentShare, margins: a.value.margins });

export async function analyticsCmd(args: AnalyticsArgs, io: CliIO, t0: T): Promise<number> {
  if (args.action === 'show') {
    const s = await openSession(args, io, 'read');
    const a = analyticsOf(s.repo);
    await s.finish(false);
    io.out(args.json ? JSON.stringify(json(a), null, 2) : analyticsLines(s.t, a).join('\n'));
    return EXIT.ok;
  }
  const reset = args.action === 'reset';
  const patch: AnalyticsPatch = {};
  const days = num(t0, 'churn-days', args.churnDays);
  if (days !== undefined) patch.churnDays = days;
  const factor = num(t0, 'churn-factor', args.churnFactor);
  if (factor !== undefined) patch.churnFactor = factor;
  const bar = num(t0, 'satisfaction-bar', args.satisfactionBar);
  if (bar !== undefined) patch.satisfactionBar = bar;
  const share = num(t0, 'current-share', args.currentShare);
  if (share !== undefined) patch.currentShare = share;
  const weights = pairs(t0, 'weight', args.weight, '--weight grossProfit=2');
  for (const [k] of weights) {
    if (!(VALUE_INDICATORS as readonly string[]).includes(k)) throw new UsageError(t0('analytics.unknownWeight', { value: sanitizeLine(k), choices: VALUE_INDICATORS.join(', ') }));
  }
  if (weights.length) patch.weights = Object.fromEntries(weights) as Partial<Record<ValueIndicator, number>>;
  const margins = pairs(t0, 'margin', args.margin, '--margin room=70');
  if (margins.length) patch.margins = Object.fromEntries(margins);
  if (!reset && !Object.keys(patch).length) throw new UsageError(t0('analytics.nothingToSet'));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const res = setAnalytics(s.repo, patch, { reset });
    if (!res.ok) throw new Refused([s.t('cli.refused'), ...res.errors.map((e) => `  ${errorMessage(s.t, e)}`)]);
    return { save: res.changed, ...res };
  });
  if (args.json) io.out(JSON.stringify(json(r.value), null, 2));
  else {
    io.out(s.t(r.changed ? 'analytics.saved' : 'analytics.unchanged'));
    for (const l of analyticsLines(s.t, r.value)) io.out(l);
  }
  return EXIT.ok;
}
