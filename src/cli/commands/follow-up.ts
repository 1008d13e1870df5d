// tasks follow-up: a follow-up visit (回访) for every customer a --where finds, in one save.
// Customers that already have it open are skipped and counted; the ids are printed once on disk.
import { entityFields } from '../../domain/entities.js';
import { parseFieldText } from '../../domain/parse-input.js';
import { parseDateText } from '../../domain/parse-input.js';
import { valueLabel } from '../../domain/values.js';
import { errorText, type T } from '../../i18n/index.js';
import { createFollowUps } from '../../services/follow-up.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession } from '../open.js';
import { parseWhere, whereRecords } from './records.js';
import type { TasksArgs } from './tasks.js';

export async function followUpCmd(args: TasksArgs, io: CliIO, t0: T): Promise<number> {
  // what needs no workspace is checked before it is opened
  if (!args.where?.length) throw new UsageError(t0('followUp.needWhere'));
  if (args.due === undefined) throw new UsageError(t0('followUp.needDue'));
  const due = parseDateText(String(args.due));
  if (!due) throw new UsageError(t0('followUp.badDue', { value: sanitizeLine(String(args.due)) }));
  if (args.subject !== undefined && !String(args.subject).trim()) throw new UsageError(t0('followUp.badSubject'));
  const s = await openSession(args, io, 'write');
  const run = await workThenSave(s, () => {
    const lists = s.repo.ws.valueLists;
    const conds = parseWhere(s.t, 'customers', args.where!, lists);
    const fields = entityFields('tasks');
    const flag = (name: string, raw: string | undefined): string | undefined => {
      if (raw === undefined) return undefined;
      const r = parseFieldText(fields.find((f) => f.name === name)!, String(raw), { lists, resolveRef: s.repo.resolveRef });
      if ('error' in r) throw new UsageError(errorText(s.t, 'tasks', r.error, lists));
      return r.value as string | undefined;
    };
    const channel = flag('channel', args.channel);
    const ownerId = flag('ownerId', args.owner);
    const subject = args.subject?.trim() || valueLabel(lists, 'taskType', 'followup', s.t.lang === 'en' ? 'en' : 'zh');
    const customers = whereRecords(s.repo, 'customers', conds);
    const r = createFollowUps(s.repo, customers.map((c) => c.id), { subject, due, channel, ownerId });
    return { save: r.created.length > 0 && !r.refused.length, ...r };
  });
  if (run.refused.length) {
    throw new Refused([
      s.t('followUp.refused', { count: run.refused.length }),
      ...run.refused.map((x) => `${x.customerId}: ${x.errors.map((e) => errorText(s.t, 'tasks', e, s.repo.ws.valueLists)).join('; ')}`),
    ]);
  }
  // printed once the tasks are on disk
  if (args.json) io.out(JSON.stringify({ created: run.created.map((r) => r.id), skipped: run.skipped }, null, 2));
  else {
    io.out(s.t('followUp.created', { count: run.created.length, skipped: run.skipped.length }));
    for (const r of run.created) io.out(`${r.id}  ${String(r.customerId)}  ${String(r.due)}`);
  }
  return EXIT.ok;
}
