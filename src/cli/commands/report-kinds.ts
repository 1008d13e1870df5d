// The kinds of `report` besides funnel and surveys: each adds its flags and its handler here,
// one line each (rfm, pyramid, stats: issue 21 part 1; churn, kpi: part 2).
import type { Argv } from 'yargs';
import type { T } from '../../i18n/index.js';
import { commonReportOptions } from './report-common.js';
import type { ReportKind } from './report-kind.js';
import { rfmReport } from './report-rfm.js';
import { pyramidReport } from './report-pyramid.js';
import { statsReport } from './report-stats.js';
import { churnReport } from './report-churn.js';
import { kaismReport, valueReport } from './report-value.js';
import { kpiReport } from './report-kpi.js';

export const REPORT_KINDS: ReportKind[] = [
  // rfm
  rfmReport,
  pyramidReport,
  statsReport,
  // care
  churnReport,
  valueReport,
  kaismReport,
  kpiReport,
];

/** Every kind's flags on `report <kind>`. */
export function reportKindOptions(y: Argv, t: T): Argv {
  let out = commonReportOptions(y, t);
  for (const k of REPORT_KINDS) if (k.options) out = k.options(out, t);
  return out;
}
