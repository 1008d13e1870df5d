// leads convert ID [--customer ID|--new] | points redeem|adjust CUSTOMER --points N --reason TEXT
// | stages: the sales and membership actions of the command line. What they print (ids, the
// new balance) is printed once it is on disk.
import { recordToYuan } from '../../domain/money-fields.js';
import { DEFAULT_VALUE_LISTS } from '../../domain/values.js';
import { errorText, nameInLanguage, valueLabelT, type T } from '../../i18n/index.js';
import type { FieldError } from '../../domain/errors.js';
import { convertLead } from '../../services/leads.js';
import { changePoints, recheckTiers } from '../../services/loyalty.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs, type Session } from '../open.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';

const refusal = (s: Session, entity: string, errors: FieldError[]) =>
  new Refused([s.t('cli.refused'), ...errors.map((e) => `  ${errorText(s.t, entity, e, s.repo.ws.valueLists)}`)]);

export type LeadsArgs = GlobalArgs & { action: string; id?: string; customer?: string; new?: boolean };

export async function leadsCmd(args: LeadsArgs, io: CliIO, t0: T): Promise<number> {
  if (!args.id) throw new UsageError(t0('leads.needId'));
  if (args.customer !== undefined && args.new) throw new UsageError(t0('leads.customerOrNew'));
  if (args.customer !== undefined && !String(args.customer).trim()) throw new UsageError(t0('leads.needId'));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const c = convertLead(s.repo, String(args.id), { customer: args.customer, newCustomer: args.new === true });
    if (!c.ok) throw refusal(s, 'leads', c.errors);
    return { save: true, ...c.value };
  });
  if (args.json) {
    io.out(JSON.stringify({ lead: recordToYuan('leads', r.lead), customer: recordToYuan('customers', r.customer), opportunity: recordToYuan('opportunities', r.opportunity), newCustomer: r.newCustomer }, null, 2));
  } else {
    io.out(s.t('leads.converted', { lead: r.lead.id, opportunity: r.opportunity.id, customer: r.customer.id, name: sanitizeLine(String(r.customer.name)) }));
  }
  return EXIT.ok;
}

export type PointsArgs = GlobalArgs & { action: string; customer?: string; points?: string; reason?: string };

/** `points recheck`: every tier as the last 12 months' points put it today (cron-safe) */
async function recheckCmd(args: PointsArgs, io: CliIO, t0: T): Promise<number> {
  if (args.customer !== undefined || args.points !== undefined || args.reason !== undefined) throw new UsageError(t0('points.recheckAlone'));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const run = recheckTiers(s.repo);
    return { save: run.moved.length > 0, ...run };
  });
  const tierName = (id?: string) => (id ? sanitizeLine(nameInLanguage(s.t, String(s.repo.get('tiers', id)?.name ?? id))) : '-');
  if (args.json) {
    io.out(JSON.stringify({ moved: r.moved.map((m) => ({ customer: m.customer.id, from: m.from ?? null, to: m.to ?? null, points: m.points })), refused: r.refused.map((x) => x.customerId) }, null, 2));
  } else {
    for (const m of r.moved) io.out(`${m.customer.id}  ${sanitizeLine(String(m.customer.name))}  ${tierName(m.from)} → ${tierName(m.to)}  (${m.points})`);
    io.out(s.t('points.rechecked', { count: r.moved.length }));
    if (r.refused.length) io.out(s.t('points.recheckRefused', { count: r.refused.length, ids: r.refused.slice(0, 10).map((x) => x.customerId).join(', ') }));
  }
  return EXIT.ok;
}

export async function pointsCmd(args: PointsArgs, io: CliIO, t0: T): Promise<number> {
  if (args.action === 'recheck') return recheckCmd(args, io, t0);
  if (!args.customer) throw new UsageError(t0('points.needCustomer'));
  const raw = args.points === undefined ? '' : String(args.points).trim();
  const n = /^[+-]?\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  const adjust = args.action === 'adjust';
  if (!Number.isInteger(n) || n === 0 || (!adjust && n < 0)) throw new UsageError(t0(adjust ? 'points.badAdjust' : 'points.badPoints', { value: sanitizeLine(raw) }));
  const reason = args.reason === undefined ? '' : String(args.reason).trim();
  if (!reason || reason.length > 80) throw new UsageError(t0('points.needReason'));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const p = changePoints(s.repo, String(args.customer), n, reason, { adjust });
    if (!p.ok) throw refusal(s, 'customers', p.errors);
    return { save: true, ...p };
  });
  const c = r.customer;
  if (args.json) io.out(JSON.stringify({ customer: c.id, delta: r.delta, points: c.points, tierId: c.tierId ?? null }, null, 2));
  else {
    const tier = c.tierId ? s.repo.get('tiers', String(c.tierId)) : undefined;
    io.out(s.t(adjust ? 'points.adjusted' : 'points.redeemed', { id: c.id, name: sanitizeLine(String(c.name)), delta: String(Math.abs(r.delta)), points: String(c.points ?? 0), tier: sanitizeLine(String(tier?.name ?? '-')) }));
  }
  return EXIT.ok;
}

/** The opportunity stages in funnel order with each one's default probability. */
export async function stagesCmd(args: GlobalArgs, io: CliIO): Promise<number> {
  const s = await openSession(args, io, 'read');
  const stages = await workThenSave(s, () => ({ save: false, list: s.repo.ws.valueLists.oppStage ?? DEFAULT_VALUE_LISTS.oppStage }));
  if (args.json) io.out(JSON.stringify(stages.list.map((v) => ({ code: v.code, en: v.en, zh: v.zh, probability: v.probability ?? null })), null, 2));
  else for (const v of stages.list) io.out(`${v.code.padEnd(12)} ${String(v.probability ?? '-').padStart(3)}%  ${sanitizeLine(valueLabelT(s.t, s.repo.ws.valueLists, 'oppStage', v.code))}`);
  return EXIT.ok;
}
