// report churn [--as-of DATE] [--days N] [--factor X] [--owner LOGIN] [--json|--csv] [--explain]:
// the customers at risk of leaving and why, in the acting employee's scope.
import type { T } from '../../i18n/index.js';
import { workspaceChurn } from '../../services/analytics-churn.js';
import { churnCsv, churnExplain, churnJson, churnSummary, churnTable } from '../../presentation/analytics-churn.js';
import { workThenSave } from '../commit.js';
import { outCsv } from './report-common.js';
import type { ReportKind } from './report-kind.js';
import { EXIT, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { careWork, asOfFlag, daysFlag, factorFlag, namesOf, outputFlag, ownerOf, ownerText, careReportOptions, type CareReportArgs } from './report-care-args.js';

const SHOWN = 30;

export async function reportChurnCmd(args: CareReportArgs, io: CliIO, t0: T): Promise<number> {
  const asOf = asOfFlag(t0, args.asOf);
  const days = daysFlag(t0, args.days);
  const factor = factorFlag(t0, args.factor);
  const out = outputFlag(t0, args);
  const s = await openSession(args, io, 'read');
  const { report, owner } = await workThenSave(s, () => {
    const owner = ownerOf(s.repo, s.t, args.owner);
    return { save: false, owner, report: careWork(s.t, () => workspaceChurn(s.repo, { asOf, days, factor, ownerId: owner?.id })) };
  });
  const t = s.t;
  if (out === 'json') io.out(JSON.stringify(churnJson(report, namesOf(s.repo), { owner: owner?.login ?? null }), null, 2));
  else if (out === 'csv') outCsv(io, churnCsv(report, t, namesOf(s.repo)));
  else {
    const p = report.params;
    io.out(t('churn.head', { owner: ownerText(t, owner), asOf: p.asOf, days: p.days, factor: p.factor }));
    io.out(churnSummary(report, t));
    if (!report.rows.length) io.out(t('churn.none'));
    else for (const l of churnTable(report, t, s.repo.ws.valueLists, namesOf(s.repo, t), 200, SHOWN)) io.out(l.trimEnd());
    if (report.rows.length > SHOWN) io.out(t('churn.more', { count: report.rows.length - SHOWN }));
  }
  if (args.explain && out === 'text') for (const l of churnExplain(t, report.params)) io.out(l);
  return EXIT.ok;
}

export const churnReport: ReportKind = { kind: 'churn', options: careReportOptions, run: (args, io, t) => reportChurnCmd(args as CareReportArgs, io, t) };
