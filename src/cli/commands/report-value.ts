// report value [--owner LOGIN] [--json|--csv] [--explain]: customer lifetime value by the
// indicator method of seed 004 and the KAISM quadrants, in the acting employee's scope.
import type { T } from '../../i18n/index.js';
import { workspaceValue } from '../../services/analytics-value.js';
import { kaismLines, valueCsv, valueExplain, valueJson, valueSummary, valueTable } from '../../presentation/analytics-value.js';
import { workThenSave } from '../commit.js';
import { outCsv } from './report-common.js';
import type { ReportKind } from './report-kind.js';
import { EXIT, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { careWork, namesOf, outputFlag, ownerOf, ownerText, type CareReportArgs } from './report-care-args.js';

const SHOWN = 20;

export async function reportValueCmd(args: CareReportArgs, io: CliIO, t0: T): Promise<number> {
  const out = outputFlag(t0, args);
  const s = await openSession(args, io, 'read');
  const { report, owner } = await workThenSave(s, () => {
    const owner = ownerOf(s.repo, s.t, args.owner);
    return { save: false, owner, report: careWork(s.t, () => workspaceValue(s.repo, { ownerId: owner?.id })) };
  });
  const t = s.t;
  if (out === 'json') io.out(JSON.stringify(valueJson(report, namesOf(s.repo), { owner: owner?.login ?? null }), null, 2));
  else if (out === 'csv') outCsv(io, valueCsv(report, t, namesOf(s.repo)));
  else {
    io.out(t('value.head', { owner: ownerText(t, owner) }));
    io.out(valueSummary(report, t));
    if (!report.rows.length) io.out(t('value.none'));
    else {
      for (const l of kaismLines(report, t, 100)) io.out(l.trimEnd());
      io.out('');
      for (const l of valueTable(report, t, namesOf(s.repo, t), 90, SHOWN)) io.out(l.trimEnd());
      if (report.rows.length > SHOWN) io.out(t('churn.more', { count: report.rows.length - SHOWN }));
    }
  }
  if (args.explain && out === 'text') for (const l of valueExplain(t, report.settings)) io.out(l);
  return EXIT.ok;
}

export const valueReport: ReportKind = { kind: 'value', run: (args, io, t) => reportValueCmd(args as CareReportArgs, io, t) };
/** the same report under the matrix's name */
export const kaismReport: ReportKind = { kind: 'kaism', run: (args, io, t) => reportValueCmd(args as CareReportArgs, io, t) };
