// Churn warning on a workspace (the customers in the actor's scope), and its two actions:
// mark a customer lost with a reason of the churnReason list, and make win-back tasks.
import { churnReport, lostHistoryReason, type ChurnReport } from '../domain/analytics/churn.js';
import { isOpenTask } from '../domain/agenda.js';
import type { FieldError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/workspace.js';
import { offeredValues, resolveValue } from '../domain/values.js';
import { careRecords, hotelToday, type OwnerFilter } from './analytics-scope.js';
import { analyticsOf } from './analytics-settings.js';
import type { Repo } from './repo.js';

export interface ChurnOptions extends OwnerFilter {
  /** YYYY-MM-DD; default today in the hotel's time zone */
  asOf?: string;
  /** inactivity threshold in days; default the workspace's (180) */
  days?: number;
  /** × the customer's usual interval; default the workspace's (2) */
  factor?: number;
}

export function workspaceChurn(repo: Repo, o: ChurnOptions = {}): ChurnReport {
  const a = analyticsOf(repo);
  const recs = careRecords(repo, o);
  return churnReport(recs as never, { asOf: o.asOf ?? hotelToday(repo), days: o.days ?? a.churnDays, factor: o.factor ?? a.churnFactor, bar: a.satisfactionBar });
}

export type LoseResult = { ok: true; value: EntityRecord; reason: string } | { ok: false; errors: FieldError[] };

/** Marks a customer lost (the lifecycle's lost stage) for a reason of the churnReason list
 *  (code or either language's label): the stage history keeps the reason; the permission to
 *  edit the customer and the lifecycle's allowed moves are checked by the Repo. */
export function markLost(repo: Repo, customerId: string, reasonText: string): LoseResult {
  const lists = repo.ws.valueLists;
  const reason = resolveValue(lists, 'churnReason', reasonText);
  if (!reason || !offeredValues(lists, 'churnReason').some((v) => v.code === reason)) {
    return { ok: false, errors: [{ field: 'reason', code: 'notInList', params: { list: 'churnReason', value: reasonText } }] };
  }
  const c = repo.get('customers', customerId);
  if (!c) return { ok: false, errors: [{ field: 'id', code: 'unknownId', params: { entity: 'customers', id: customerId } }] };
  if (c.stage === 'lost') return { ok: false, errors: [{ field: 'stage', code: 'alreadyLost', params: { id: c.id } }] };
  const r = repo.update('customers', c.id, { stage: 'lost' }, { reason: lostHistoryReason(reason) });
  if (!r.ok) return r;
  return { ok: true, value: r.value, reason };
}

/** The careKey of a win-back task: the customer and the silence it answers (their last
 *  purchase day; `none` for a customer warned of without purchases). */
export const winBackKey = (customerId: string, lastPurchase?: string) => `winback:${customerId}@${lastPurchase ?? 'none'}`;

export interface WinBackRun {
  created: EntityRecord[];
  /** customers that have a win-back task already (open, or made for the same silence) */
  skipped: string[];
  refused: { customerId: string; errors: FieldError[] }[];
}

/** One win-back task (挽回) per warned customer, for the customer's owner, due `due`: never a
 *  second while one is open or for the same silence. All or nothing. */
export function createWinBacks(repo: Repo, rows: readonly { customerId: string; lastPurchase?: string }[], spec: { subject: string; due: string }): WinBackRun {
  const keys = new Set<string>();
  const openFor = new Set<string>();
  // every task counts, also those the actor may not see: never twice
  for (const t of repo.unscoped('tasks')) {
    const k = typeof t.careKey === 'string' ? t.careKey : '';
    if (!k.startsWith('winback:')) continue;
    keys.add(k);
    if (isOpenTask(t as never)) openFor.add(k.slice('winback:'.length, k.lastIndexOf('@')));
  }
  const run: WinBackRun = { created: [], skipped: [], refused: [] };
  const drafts: { customerId: string; values: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.customerId)) continue;
    seen.add(row.customerId);
    const careKey = winBackKey(row.customerId, row.lastPurchase);
    if (keys.has(careKey) || openFor.has(row.customerId)) {
      run.skipped.push(row.customerId);
      continue;
    }
    const customer = repo.get('customers', row.customerId);
    const values = { subject: spec.subject, type: 'care', status: 'open', due: spec.due, customerId: row.customerId, ownerId: customer?.ownerId || undefined, careKey };
    const r = repo.create('tasks', values, { dryRun: true });
    if (!r.ok) run.refused.push({ customerId: row.customerId, errors: r.errors });
    else drafts.push({ customerId: row.customerId, values });
  }
  if (run.refused.length) return run;
  for (const d of drafts) {
    const r = repo.create('tasks', d.values);
    if (r.ok) run.created.push(r.value);
    else run.refused.push({ customerId: d.customerId, errors: r.errors });
  }
  return run;
}
