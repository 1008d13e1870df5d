// tasks generate-care | due: the daily desk from the command line. generate-care is what a
// cron job runs each morning; due lists what an employee has to do, overdue first.
import { parseDateText } from '../../domain/parse-input.js';
import { daysBetween, todayIn } from '../../domain/care.js';
import { recordsToYuan } from '../../domain/money-fields.js';
import { errorText, type T } from '../../i18n/index.js';
import { generateCareTasks } from '../../services/care.js';
import { agendaOrder, type AgendaTask } from '../../domain/agenda.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { followUpCmd } from './follow-up.js';

export type TasksArgs = GlobalArgs & { action: string; today?: string; for?: string; days?: string; where?: string[]; due?: string; subject?: string; channel?: string; owner?: string };

/** --today as a date, checked before anything is opened; none: today in the hotel's zone, later */
function dayOf(t: T, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDateText(String(raw));
  if (!d) throw new UsageError(t('tasks.badToday', { value: sanitizeLine(String(raw)) }));
  return d;
}

export async function tasksCmd(args: TasksArgs, io: CliIO, t0: T): Promise<number> {
  const today = dayOf(t0, args.today);
  if (args.action === 'generate-care') return generateCare(args, io, today);
  if (args.action === 'follow-up') return followUpCmd(args, io, t0);
  return due(args, io, t0, today);
}

async function generateCare(args: TasksArgs, io: CliIO, given: string | undefined): Promise<number> {
  const s = await openSession(args, io, 'write');
  const today = given ?? todayIn(io.now(), s.repo.ws.settings.timeZone);
  const run = await workThenSave(s, () => {
    const r = generateCareTasks(s.repo, { now: io.now(), today });
    return { save: r.created.length > 0, ...r };
  });
  // printed once the tasks are on disk
  if (args.json) io.out(JSON.stringify({ today: run.today, created: recordsToYuan('tasks', run.created), refused: run.refused }, null, 2));
  else {
    io.out(s.t('tasks.careMade', { count: run.created.length, today: run.today }));
    for (const r of run.created) io.out(`${r.id}  ${String(r.due)}  ${sanitizeLine(String(r.subject))}`);
    for (const r of run.refused) io.err(`${r.anniversaryId}: ${r.errors.map((e) => errorText(s.t, 'tasks', e, s.repo.ws.valueLists)).join('; ')}`);
  }
  return run.refused.length ? 1 : 0;
}

async function due(args: TasksArgs, io: CliIO, t0: T, given: string | undefined): Promise<number> {
  const days = args.days === undefined ? 0 : Number(args.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new UsageError(t0('tasks.badDays', { value: sanitizeLine(String(args.days)) }));
  const s = await openSession(args, io, 'read');
  const today = given ?? todayIn(io.now(), s.repo.ws.settings.timeZone);
  const { rows, owner } = await workThenSave(s, () => {
    const login = args.for ?? s.repo.actorLogin;
    const emp = s.repo.all('employees').find((e) => String(e.login).toLowerCase() === login.toLowerCase());
    if (!emp) throw new UsageError(s.t('cli.unknownUser', { value: sanitizeLine(login), choices: s.repo.all('employees').map((e) => String(e.login)).join(', ') }));
    // in the desk's order: by day, then hour, then high priority first
    const open = agendaOrder(
      s.repo.all('tasks').filter((x) => x.ownerId === emp.id && (x.status === 'open' || x.status === 'doing') && typeof x.due === 'string' && daysBetween(today, x.due) <= days) as (EntityRecord & AgendaTask)[],
      today,
    );
    return { save: false, rows: open, owner: emp };
  });
  if (args.json) {
    io.out(JSON.stringify(recordsToYuan('tasks', rows).map((r) => ({ ...r, overdue: String(r.due) < today })), null, 2));
    return 0;
  }
  io.out(s.t('tasks.dueHead', { name: sanitizeLine(String(owner.name)), count: rows.length, today }));
  for (const r of rows) {
    const mark = String(r.due) < today ? s.t('tasks.overdue') : String(r.due) === today ? s.t('tasks.today') : '';
    io.out(`${r.id}  ${String(r.due)}  ${mark ? mark + '  ' : ''}${sanitizeLine(String(r.subject))}`);
  }
  return 0;
}
