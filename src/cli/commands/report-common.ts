// What the analytics reports share on the command line: the period and as-of flags checked
// before the workspace is opened, --json or --csv, --owner resolved, and the services'
// refusals in the user's language.
import type { Argv } from 'yargs';
import { parseDateText } from '../../domain/parse-input.js';
import { errorText, type T } from '../../i18n/index.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { Refused, UsageError, type CliIO } from '../io.js';
import type { Session } from '../open.js';
import { employeeByLoginOrId } from '../../services/funnel.js';
import { AnalyticsRefused, type AnalyticsFilter } from '../../services/analytics-base.js';
import { TotalsTooLarge } from '../../domain/analytics/purchases.js';
import { todayIn } from '../../domain/care.js';
import type { ReportScope } from '../../presentation/analytics-common.js';
import type { ReportArgs } from './report-kind.js';

/** The flags every analytics report takes, beside --owner/--from/--to of `report`. */
export const commonReportOptions = (y: Argv, t: T): Argv =>
  y
    .option('as-of', { type: 'string', describe: t('cli.help.reportAsOf') })
    .option('csv', { type: 'boolean', describe: t('cli.help.reportCsv') });

export function dateFlag(t: T, flag: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDateText(String(raw));
  if (!d) throw new UsageError(t('report.badDate', { flag, value: sanitizeLine(String(raw)) }));
  return d;
}

export interface PeriodFlags {
  from?: string;
  to?: string;
  asOf?: string;
  format: 'text' | 'json' | 'csv';
}

/** --from, --to, --as-of and the output format, checked before anything is opened (exit 2). */
export function periodFlags(args: ReportArgs, t: T): PeriodFlags {
  const from = dateFlag(t, 'from', args.from);
  const to = dateFlag(t, 'to', args.to);
  const asOf = dateFlag(t, 'as-of', args.asOf);
  if (from && to && from > to) throw new UsageError(t('report.badRange', { from, to }));
  if (args.json && args.csv) throw new UsageError(t('report.jsonOrCsv'));
  return { from, to, asOf, format: args.json ? 'json' : args.csv ? 'csv' : 'text' };
}

/** The owner asked for, by login or code; unknown: refused with the logins there are. */
export function ownerFlag(s: Session, raw: unknown): ReportScope['owner'] & { id: string } | undefined {
  if (raw === undefined) return undefined;
  const e = employeeByLoginOrId(s.repo, String(raw));
  if (!e) throw new Refused([s.t('report.unknownOwner', { value: sanitizeLine(String(raw)), choices: s.repo.all('employees').map((x) => String(x.login)).join(', ') })]);
  return { id: e.id, login: String(e.login), name: String(e.name) };
}

export const filterOf = (p: PeriodFlags, owner?: { id: string }): AnalyticsFilter => ({ from: p.from, to: p.to, asOf: p.asOf, ownerId: owner?.id });

/** The hotel's today (the as-of day when nothing was bought at all). */
export const hotelToday = (s: Session, now: Date) => todayIn(now, s.repo.ws.settings.timeZone);

/** Runs a service; its refusals become exit 1 with the missing permission named. */
export function analyticsWork<R>(s: Session, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnalyticsRefused) throw new Refused([errorText(s.t, 'customers', e.error, s.repo.ws.valueLists)]);
    if (e instanceof TotalsTooLarge) throw new Refused([s.t('report.tooLarge')]);
    throw e;
  }
}

/** CSV as bytes (its CRLF and BOM intact: the line output would normalise them); every cell
 *  was sanitised when the CSV was made. */
export function outCsv(io: CliIO, csv: string): void {
  if (io.writeOut) io.writeOut(Buffer.from(csv, 'utf8'));
  else io.out(csv.replace(/\r\n$/, ''));
}
