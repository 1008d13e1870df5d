// CRM key performance indicators (CRM中的KPI, seed 001 ch. 9-10) for a period, against the
// previous period of the same length. Pure: the shells pass the records, the period and how to
// read a creation time as the hotel's day.
//
// Definitions (a period is from `from` to `to`, both days included):
// - newCustomers: customers created in the period.
// - leadConversion %: of the leads created in the period, those now converted.
// - winRate %: of the opportunities closed in the period (closedOn), those won.
// - repeatRate % (复购率): of the customers with a purchase in the period, those with two or more.
// - retention % (客户保持率): of the customers with a purchase in the previous period, those with
//   one in this period too.
// - resolutionHours: complaints resolved in the period (resolvedAt): mean hours from receipt
//   (the ticket's entry) to resolution, one decimal.
// - satisfaction: the mean index (0-100, survey-score.ts) of the surveys dated in the period.
// A purchase is an order neither cancelled nor refunded, on its order date. A rate with nothing
// to divide by is null. Change: this period's value minus the previous one's (percentage points
// for rates), one decimal.
import { isPurchase } from '../lifecycle.js';
import { surveyIndex, type SurveyLike } from '../survey-score.js';
import { previousPeriod, type Period } from './period.js';

export const KPI_CODES = ['newCustomers', 'leadConversion', 'winRate', 'repeatRate', 'retention', 'resolutionHours', 'satisfaction'] as const;
export type KpiCode = (typeof KPI_CODES)[number];
/** which way is better: resolution time falls when things improve */
export const KPI_BETTER: Record<KpiCode, 'up' | 'down'> = {
  newCustomers: 'up', leadConversion: 'up', winRate: 'up', repeatRate: 'up', retention: 'up', resolutionHours: 'down', satisfaction: 'up',
};

export interface KpiInput {
  customers: readonly { id: string; createdAt?: unknown }[];
  leads: readonly { createdAt?: unknown; status?: unknown }[];
  opportunities: readonly { stage?: unknown; closedOn?: unknown }[];
  orders: readonly { customerId?: unknown; date?: unknown; status?: unknown; paymentStatus?: unknown }[];
  tickets: readonly { type?: unknown; createdAt?: unknown; resolvedAt?: unknown }[];
  surveys: readonly SurveyLike[];
}

export interface KpiFigures {
  newCustomers: number;
  leadConversion: number | null;
  winRate: number | null;
  repeatRate: number | null;
  retention: number | null;
  resolutionHours: number | null;
  satisfaction: number | null;
  /** what each rate was computed from */
  basis: {
    leads: number;
    leadsConverted: number;
    oppsClosed: number;
    oppsWon: number;
    buyers: number;
    repeatBuyers: number;
    previousBuyers: number;
    retained: number;
    complaintsResolved: number;
    surveys: number;
  };
}

export interface KpiRow {
  code: KpiCode;
  value: number | null;
  previous: number | null;
  /** value − previous, one decimal; null when either is null */
  change: number | null;
}

export interface KpiReport {
  period: Period;
  previousPeriod: Period;
  current: KpiFigures;
  previous: KpiFigures;
  rows: KpiRow[];
}

const within = (d: string, p: Period) => d >= p.from && d <= p.to;
const pct = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Purchases per customer in a period. */
function buyersIn(orders: KpiInput['orders'], p: Period): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of orders) {
    const d = typeof o.date === 'string' ? o.date : '';
    if (!within(d, p) || !isPurchase(o as Record<string, unknown>)) continue;
    const id = String(o.customerId);
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  return m;
}

/** The KPIs of one period (the buyers of the period before it are needed for retention). */
export function kpiFigures(input: KpiInput, p: Period, dayOf: (iso: string) => string): KpiFigures {
  const created = (v: unknown) => (typeof v === 'string' && v ? within(dayOf(v), p) : false);
  const newCustomers = input.customers.filter((c) => created(c.createdAt)).length;
  let leads = 0;
  let leadsConverted = 0;
  for (const l of input.leads) {
    if (!created(l.createdAt)) continue;
    leads++;
    if (l.status === 'converted') leadsConverted++;
  }
  let oppsClosed = 0;
  let oppsWon = 0;
  for (const o of input.opportunities) {
    if (typeof o.closedOn !== 'string' || !within(o.closedOn, p)) continue;
    if (o.stage === 'won') {
      oppsWon++;
      oppsClosed++;
    } else if (o.stage === 'lost') oppsClosed++;
  }
  const buyers = buyersIn(input.orders, p);
  let repeatBuyers = 0;
  for (const n of buyers.values()) if (n >= 2) repeatBuyers++;
  const before = buyersIn(input.orders, previousPeriod(p));
  let retained = 0;
  for (const id of before.keys()) if (buyers.has(id)) retained++;
  let hours = 0;
  let complaintsResolved = 0;
  for (const t of input.tickets) {
    if (t.type !== 'complaint' || typeof t.resolvedAt !== 'string' || typeof t.createdAt !== 'string') continue;
    if (!within(dayOf(t.resolvedAt), p)) continue;
    const ms = Date.parse(t.resolvedAt) - Date.parse(t.createdAt);
    if (!Number.isFinite(ms)) continue;
    hours += Math.max(0, ms) / 3_600_000;
    complaintsResolved++;
  }
  let indexSum = 0;
  let surveys = 0;
  for (const s of input.surveys) {
    const d = typeof s.date === 'string' ? s.date : '';
    if (!within(d, p)) continue;
    const i = surveyIndex(s);
    if (i === undefined) continue;
    indexSum += i;
    surveys++;
  }
  return {
    newCustomers,
    leadConversion: pct(leadsConverted, leads),
    winRate: pct(oppsWon, oppsClosed),
    repeatRate: pct(repeatBuyers, buyers.size),
    retention: pct(retained, before.size),
    resolutionHours: complaintsResolved ? round1(hours / complaintsResolved) : null,
    satisfaction: surveys ? round1(indexSum / surveys) : null,
    basis: { leads, leadsConverted, oppsClosed, oppsWon, buyers: buyers.size, repeatBuyers, previousBuyers: before.size, retained, complaintsResolved, surveys },
  };
}

export function kpiReport(input: KpiInput, period: Period, dayOf: (iso: string) => string = (s) => s.slice(0, 10)): KpiReport {
  const prev = previousPeriod(period);
  const current = kpiFigures(input, period, dayOf);
  const previous = kpiFigures(input, prev, dayOf);
  const rows = KPI_CODES.map((code): KpiRow => {
    const value = current[code];
    const before = previous[code];
    return { code, value, previous: before, change: value === null || before === null ? null : round1(value - before) };
  });
  return { period, previousPeriod: prev, current, previous, rows };
}
