// --write and --tasks of `report rfm|pyramid`: the segment or layer written to the customers,
// follow-up tasks for one segment or layer. Flags checked before the workspace is opened.
import type { Argv } from 'yargs';
import { parseDateText } from '../../domain/parse-input.js';
import { errorText, type T } from '../../i18n/index.js';
import { followUpsFor, type WriteRun } from '../../services/analytics-write.js';
import type { FollowUpRun } from '../../services/follow-up.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { Refused, UsageError, type CliIO } from '../io.js';
import type { Session } from '../open.js';
import type { ReportArgs } from './report-kind.js';

export const codeActionsFlags = (y: Argv, t: T): Argv =>
  y
    .option('write', { type: 'boolean', describe: t('cli.help.reportWrite') })
    .option('tasks', { type: 'string', describe: t('cli.help.reportTasks') })
    .option('due', { type: 'string', describe: t('cli.help.followUpDue') })
    .option('subject', { type: 'string', describe: t('cli.help.followUpSubject') });

export interface ActionsDone {
  save: boolean;
  write?: WriteRun;
  tasks?: FollowUpRun;
  json: Record<string, unknown>;
}

export function codeActions(args: ReportArgs, t0: T) {
  const write = !!args.write;
  const tasksFor = args.tasks === undefined ? undefined : String(args.tasks).trim();
  let due: string | undefined;
  if (tasksFor !== undefined) {
    if (!tasksFor) throw new UsageError(t0('report.needGroup'));
    if (args.due === undefined) throw new UsageError(t0('followUp.needDue'));
    due = parseDateText(String(args.due));
    if (!due) throw new UsageError(t0('followUp.badDue', { value: sanitizeLine(String(args.due)) }));
  } else if (args.due !== undefined || args.subject !== undefined) throw new UsageError(t0('report.dueWithoutTasks'));
  if (args.subject !== undefined && !String(args.subject).trim()) throw new UsageError(t0('followUp.badSubject'));
  return {
    writes: write || tasksFor !== undefined,
    tasksFor,
    apply(s: Session, how: { write: () => WriteRun; members: () => string[]; groupName: () => string }): ActionsDone {
      const done: ActionsDone = { save: false, json: {} };
      if (write) {
        done.write = how.write();
        if (done.write.refused.length) throw refusedText(s, done.write.refused);
        done.json.written = { written: done.write.written, cleared: done.write.cleared, unchanged: done.write.unchanged };
      }
      if (tasksFor !== undefined) {
        const subject = args.subject !== undefined ? String(args.subject).trim() : s.t('report.taskSubject', { group: how.groupName() });
        done.tasks = followUpsFor(s.repo, how.members(), { subject, due: due! });
        if (done.tasks.refused.length) throw refusedText(s, done.tasks.refused, 'tasks');
        done.json.tasks = { created: done.tasks.created.map((r) => r.id), skipped: done.tasks.skipped };
      }
      done.save = (done.write ? done.write.written + done.write.cleared > 0 : false) || (done.tasks ? done.tasks.created.length > 0 : false);
      return done;
    },
  };
}

function refusedText(s: Session, refused: { customerId: string; errors: Parameters<typeof errorText>[2][] }[], entity = 'customers'): Refused {
  return new Refused([
    s.t('report.actionRefused', { count: refused.length }),
    ...refused.slice(0, 10).map((x) => `${x.customerId ? `${x.customerId}: ` : ''}${x.errors.map((e) => errorText(s.t, entity, e, s.repo.ws.valueLists)).join('; ')}`),
  ]);
}

/** What was written and made, once it is on disk (stderr under --json/--csv: stdout is data). */
export function printActions(s: Session, io: CliIO, done: ActionsDone, format: 'text' | 'json' | 'csv'): void {
  const say = format === 'text' ? io.out : io.err;
  if (done.write) say(s.t('report.written', { written: done.write.written, cleared: done.write.cleared, unchanged: done.write.unchanged }));
  if (done.tasks) {
    say(s.t('followUp.created', { count: done.tasks.created.length, skipped: done.tasks.skipped.length }));
    if (format === 'text') for (const r of done.tasks.created.slice(0, 20)) say(`${r.id}  ${String(r.customerId)}  ${String(r.due)}`);
  }
}
