// report funnel [--owner LOGIN] [--from DATE] [--to DATE] [--json]: the sales funnel of the
// workspace as a text chart or as one JSON object; report surveys; the other kinds are in
// report-kinds.ts (one file each).
import { parseDateText } from '../../domain/parse-input.js';
import type { T } from '../../i18n/index.js';
import { employeeByLoginOrId, workspaceFunnel } from '../../services/funnel.js';
import { funnelChart, funnelJson, funnelSummary } from '../../presentation/funnel.js';
import { fenToGrouped } from '../../domain/money.js';
import { Refused, UsageError, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workspaceSurveys } from '../../services/surveys.js';
import { surveyChart, surveyHead, surveyJson } from '../../presentation/surveys.js';
import { nameInLanguage } from '../../i18n/index.js';

import { REPORT_KINDS } from './report-kinds.js';
import type { ReportArgs } from './report-kind.js';

export const REPORTS_READY = ['funnel', 'surveys', ...REPORT_KINDS.map((k) => k.kind)];
export type { ReportArgs };

function dateFlag(t: T, flag: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDateText(String(raw));
  if (!d) throw new UsageError(t('report.badDate', { flag, value: sanitizeLine(String(raw)) }));
  return d;
}

export async function reportCmd(args: ReportArgs, io: CliIO, t0: T): Promise<number> {
  if (!REPORTS_READY.includes(args.kind)) throw new UsageError(t0('report.notYet', { kind: sanitizeLine(String(args.kind)), ready: REPORTS_READY.join(', ') }));
  const kind = REPORT_KINDS.find((k) => k.kind === args.kind);
  if (kind) return kind.run(args, io, t0);
  if (args.asOf !== undefined || args.csv) throw new UsageError(t0('report.noAsOfCsv', { kind: args.kind }));
  const from = dateFlag(t0, 'from', args.from);
  const to = dateFlag(t0, 'to', args.to);
  if (from && to && from > to) throw new UsageError(t0('report.badRange', { from, to }));
  if (args.kind === 'surveys' && args.owner !== undefined) throw new UsageError(t0('report.surveysNoOwner'));
  const s = await openSession(args, io, 'read');
  if (args.kind === 'surveys') {
    const sum = await workThenSave(s, () => ({ save: false, sum: workspaceSurveys(s.repo, { from, to }) }));
    if (args.json) {
      io.out(JSON.stringify(surveyJson(sum.sum, { from: from ?? null, to: to ?? null }), null, 2));
      return 0;
    }
    const t = s.t;
    io.out(t('report.surveysHead', { period: from || to ? `${from ?? ''}..${to ?? ''}` : t('funnel.allTime') }));
    io.out(surveyHead(sum.sum, t));
    io.out(t('surveys.scaleNote'));
    for (const l of surveyChart(sum.sum, t, s.repo.ws.valueLists, 78)) io.out(l.trimEnd());
    const low = sum.sum.perCustomer.filter((c) => c.index !== null).slice(0, 5);
    if (low.length) {
      io.out(t('report.surveysLowest'));
      for (const c of low) {
        const cust = s.repo.get('customers', c.customerId);
        io.out(`  ${c.customerId}  ${sanitizeLine(nameInLanguage(t, String(cust?.name ?? '')))}  ${c.index!.toFixed(1)}  (${c.surveys}, ${c.last})`);
      }
    }
    return 0;
  }
  const { report, owner } = await workThenSave(s, () => {
    let owner: { id: string; login: string; name: string } | undefined;
    if (args.owner !== undefined) {
      const e = employeeByLoginOrId(s.repo, String(args.owner));
      if (!e) throw new Refused([s.t('report.unknownOwner', { value: sanitizeLine(String(args.owner)), choices: s.repo.all('employees').map((x) => String(x.login)).join(', ') })]);
      owner = { id: e.id, login: String(e.login), name: String(e.name) };
    }
    return { save: false, owner, report: workspaceFunnel(s.repo, { ownerId: owner?.id, from, to }) };
  });
  if (args.json) {
    io.out(JSON.stringify(funnelJson(report, { owner: owner?.login ?? null, from: from ?? null, to: to ?? null }), null, 2));
    return 0;
  }
  const t = s.t;
  const period = from || to ? `${from ?? ''}..${to ?? ''}` : t('funnel.allTime');
  io.out(t('report.funnelHead', { owner: owner ? `${sanitizeLine(owner.name)} (${owner.login})` : t('funnel.allOwners'), period }));
  for (const l of funnelChart(report, t, s.repo.ws.valueLists, 78)) io.out(l.trimEnd());
  io.out(funnelSummary(report, t));
  io.out(t('report.funnelTotals', {
    total: report.total, open: report.open.count, openAmount: fenToGrouped(report.open.amount), weighted: fenToGrouped(report.weighted),
    won: report.won.count, wonAmount: fenToGrouped(report.won.amount), lost: report.lost.count,
  }));
  return 0;
}
