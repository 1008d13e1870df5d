// Flags the care reports (churn, value, kpi) and the churn actions share: checked before the
// workspace is opened (a bad flag is a usage error, exit 2, nothing done).
import type { Argv } from 'yargs';
import { parseDateText } from '../../domain/parse-input.js';
import { kpiExplain } from '../../presentation/analytics-kpi.js';
import type { T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import { employeeByLoginOrId } from '../../services/funnel.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { errorMessage, nameInLanguage } from '../../i18n/index.js';
import { AnalyticsRefused } from '../../services/analytics-scope.js';
import type { Names } from '../../presentation/analytics-churn.js';
import { Refused, UsageError } from '../io.js';
import type { GlobalArgs } from '../open.js';

export type CareReportArgs = GlobalArgs & {
  kind: string;
  owner?: string;
  from?: string;
  to?: string;
  asOf?: string;
  days?: string | number;
  factor?: string | number;
  csv?: boolean;
  explain?: boolean;
};

const one = (t: T, flag: string, raw: unknown): string | undefined => {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UsageError(t('cli.repeatedFlag', { flag }));
  return String(raw);
};

export function asOfFlag(t: T, raw: unknown): string | undefined {
  const s = one(t, 'as-of', raw);
  if (s === undefined) return undefined;
  const d = parseDateText(s);
  if (!d) throw new UsageError(t('report.badAsOf', { value: sanitizeLine(s) }));
  return d;
}

export function daysFlag(t: T, raw: unknown): number | undefined {
  const s = one(t, 'days', raw)?.trim();
  if (s === undefined) return undefined;
  if (!/^\d{1,4}$/.test(s) || Number(s) < 1 || Number(s) > 3650) throw new UsageError(t('churn.badDays', { value: sanitizeLine(s) }));
  return Number(s);
}

export function factorFlag(t: T, raw: unknown): number | undefined {
  const s = one(t, 'factor', raw)?.trim();
  if (s === undefined) return undefined;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s) || Number(s) < 1 || Number(s) > 20) throw new UsageError(t('churn.badFactor', { value: sanitizeLine(s) }));
  return Number(s);
}

/** --json and --csv exclude each other. */
export function outputFlag(t: T, args: { json?: boolean; csv?: boolean }): 'json' | 'csv' | 'text' {
  if (args.json && args.csv) throw new UsageError(t('report.jsonOrCsv'));
  return args.json ? 'json' : args.csv ? 'csv' : 'text';
}

/** --owner as an employee (login or code); an unknown one is refused (exit 1). */
export function ownerOf(repo: Repo, t: T, raw: unknown): { id: string; login: string; name: string } | undefined {
  if (raw === undefined) return undefined;
  const e = employeeByLoginOrId(repo, String(raw));
  if (!e) throw new Refused([t('report.unknownOwner', { value: sanitizeLine(String(raw)), choices: repo.all('employees').map((x) => String(x.login)).join(', ') })]);
  return { id: e.id, login: String(e.login), name: String(e.name) };
}

/** Customer names and employee logins: raw for JSON and CSV, in the language for the screen. */
export function namesOf(repo: Repo, t?: T): Names {
  const logins = new Map(repo.unscoped('employees').map((e) => [e.id, String(e.login)]));
  return {
    customer: (id) => {
      const name = String(repo.get('customers', id)?.name ?? '');
      return t ? nameInLanguage(t, name) : name;
    },
    login: (id) => (id ? logins.get(id) : undefined),
  };
}

export const ownerText = (t: T, owner: { login: string; name: string } | undefined) => (owner ? `${sanitizeLine(owner.name)} (${owner.login})` : t('funnel.allOwners'));

/** Runs a report's work; an actor who may not see customers or orders is refused (exit 1). */
export function careWork<R>(t: T, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnalyticsRefused) throw new Refused([t('cli.refused'), `  ${errorMessage(t, e.error)}`]);
    throw e;
  }
}

/** The care kinds' own flags on `report <kind>` (--as-of and --csv are every kind's), and the
 *  KPI definitions under report --help. */
export const careReportOptions = (y: Argv, t: T): Argv =>
  y
    .option('days', { type: 'string', describe: t('cli.help.reportDays') })
    .option('factor', { type: 'string', describe: t('cli.help.reportFactor') })
    .option('explain', { type: 'boolean', describe: t('cli.help.reportExplain') })
    .epilogue([t('cli.help.reportKpis'), ...kpiExplain(t)].join('\n'));
