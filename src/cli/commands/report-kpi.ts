// report kpi [--from DATE] [--to DATE] [--as-of DATE] [--owner LOGIN] [--json|--csv] [--explain]:
// the CRM KPIs of a period (default this month up to as-of) against the period before it.
import { parseDateText } from '../../domain/parse-input.js';
import type { T } from '../../i18n/index.js';
import { workspaceKpi } from '../../services/analytics-kpi.js';
import { kpiCsv, kpiExplain, kpiJson, kpiTable } from '../../presentation/analytics-kpi.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { outCsv } from './report-common.js';
import type { ReportKind } from './report-kind.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { careWork, asOfFlag, outputFlag, ownerOf, ownerText, type CareReportArgs } from './report-care-args.js';

function dateFlag(t: T, flag: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UsageError(t('cli.repeatedFlag', { flag }));
  const d = parseDateText(String(raw));
  if (!d) throw new UsageError(t('report.badDate', { flag, value: sanitizeLine(String(raw)) }));
  return d;
}

export async function reportKpiCmd(args: CareReportArgs, io: CliIO, t0: T): Promise<number> {
  const from = dateFlag(t0, 'from', args.from);
  const to = dateFlag(t0, 'to', args.to);
  if (from && to && from > to) throw new UsageError(t0('report.badRange', { from, to }));
  const asOf = asOfFlag(t0, args.asOf);
  const out = outputFlag(t0, args);
  const s = await openSession(args, io, 'read');
  const { report, owner } = await workThenSave(s, () => {
    const owner = ownerOf(s.repo, s.t, args.owner);
    return { save: false, owner, report: careWork(s.t, () => workspaceKpi(s.repo, { from, to, asOf, ownerId: owner?.id })) };
  });
  const t = s.t;
  if (out === 'json') io.out(JSON.stringify(kpiJson(report, { owner: owner?.login ?? null }), null, 2));
  else if (out === 'csv') outCsv(io, kpiCsv(report, t));
  else {
    io.out(t('kpi.head', { owner: ownerText(t, owner), from: report.period.from, to: report.period.to, pfrom: report.previousPeriod.from, pto: report.previousPeriod.to }));
    for (const l of kpiTable(report, t, 78)) io.out(l.trimEnd());
  }
  if (args.explain && out === 'text') for (const l of kpiExplain(t, report)) io.out(l);
  return EXIT.ok;
}

export const kpiReport: ReportKind = { kind: 'kpi', run: (args, io, t) => reportKpiCmd(args as CareReportArgs, io, t) };
