// churn lose ID --reason CODE: the customer moves to the lost stage; the stage history keeps the
// reason (churnReason list), the employee and the time. churn win-back [report churn flags]
// [--due DATE]: one win-back task for each customer the churn warning lists, never twice.
// Both write: printed once on disk; refused (exit 1) with nothing written otherwise.
import { dayNum, dayStr } from '../../domain/analytics/period.js';
import { parseDateText } from '../../domain/parse-input.js';
import { offeredValues } from '../../domain/values.js';
import { errorMessage, errorText, nameInLanguage, valueLabelT, type T } from '../../i18n/index.js';
import { createWinBacks, markLost, workspaceChurn } from '../../services/analytics-churn.js';
import { hotelToday } from '../../services/analytics-scope.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { careWork, asOfFlag, daysFlag, factorFlag, ownerOf, type CareReportArgs } from './report-care-args.js';
import { DEFAULT_VALUE_LISTS } from '../../domain/values.js';

export type ChurnArgs = Omit<CareReportArgs, 'kind'> & { action: string; id?: string; reason?: string; due?: string; subject?: string };

const WIN_BACK_DAYS = 3;

export async function churnCmd(args: ChurnArgs, io: CliIO, t0: T): Promise<number> {
  if (args.action === 'lose') return lose(args, io, t0);
  if (args.action === 'win-back') return winBack(args, io, t0);
  throw new UsageError(t0('churn.unknownAction', { value: sanitizeLine(String(args.action)) }));
}

async function lose(args: ChurnArgs, io: CliIO, t0: T): Promise<number> {
  if (!args.id) throw new UsageError(t0('churn.needId'));
  const choices = offeredValues(DEFAULT_VALUE_LISTS, 'churnReason').map((v) => v.code).join(', ');
  if (args.reason === undefined || Array.isArray(args.reason) || !String(args.reason).trim()) throw new UsageError(t0('churn.needReason', { choices }));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const res = markLost(s.repo, String(args.id), String(args.reason));
    if (!res.ok) throw new Refused([s.t('cli.refused'), ...res.errors.map((e) => `  ${errorText(s.t, 'customers', e, s.repo.ws.valueLists)}`)]);
    return { save: true, ...res };
  });
  const t = s.t;
  if (args.json) io.out(JSON.stringify({ id: r.value.id, stage: r.value.stage, reason: r.reason }, null, 2));
  else io.out(t('churn.lost', { id: r.value.id, name: sanitizeLine(nameInLanguage(t, String(r.value.name ?? ''))), reason: valueLabelT(t, s.repo.ws.valueLists, 'churnReason', r.reason) }));
  return EXIT.ok;
}

async function winBack(args: ChurnArgs, io: CliIO, t0: T): Promise<number> {
  const asOf = asOfFlag(t0, args.asOf);
  const days = daysFlag(t0, args.days);
  const factor = factorFlag(t0, args.factor);
  let due: string | undefined;
  if (args.due !== undefined) {
    due = parseDateText(String(args.due));
    if (!due) throw new UsageError(t0('followUp.badDue', { value: sanitizeLine(String(args.due)) }));
  }
  if (args.subject !== undefined && !String(args.subject).trim()) throw new UsageError(t0('followUp.badSubject'));
  const s = await openSession(args, io, 'write');
  const run = await workThenSave(s, () => {
    const owner = ownerOf(s.repo, s.t, args.owner);
    const report = careWork(s.t, () => workspaceChurn(s.repo, { asOf, days, factor, ownerId: owner?.id }));
    const today = hotelToday(s.repo);
    const r = createWinBacks(s.repo, report.rows, { subject: args.subject?.trim() || s.t('churn.winBackSubject'), due: due ?? dayStr(dayNum(today) + WIN_BACK_DAYS) });
    return { save: r.created.length > 0 && !r.refused.length, ...r };
  });
  if (run.refused.length) {
    throw new Refused([
      s.t('churn.winBackRefused', { count: run.refused.length }),
      ...run.refused.map((x) => `  ${x.customerId}: ${x.errors.map((e) => errorMessage(s.t, e, s.repo.ws.valueLists)).join('; ')}`),
    ]);
  }
  if (args.json) io.out(JSON.stringify({ created: run.created.map((r) => r.id), skipped: run.skipped }, null, 2));
  else {
    io.out(s.t('churn.winBackDone', { count: run.created.length, skipped: run.skipped.length }));
    for (const r of run.created) io.out(`${r.id}  ${String(r.customerId)}  ${String(r.due)}`);
  }
  return EXIT.ok;
}
