// tickets advance ID [--note TEXT] [--to STATUS] | tickets reopen ID [--note TEXT]: a ticket's
// next handling step (or a named one the flow allows) from the command line. The step log entry
// (employee, time) is the service's; the new status is printed once it is on disk.
import { recordToYuan } from '../../domain/money-fields.js';
import { errorText, valueLabelT, type T } from '../../i18n/index.js';
import { advanceTicket, reopenTicket } from '../../services/tickets.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';

export type TicketsArgs = GlobalArgs & { action: string; id?: string; note?: string; to?: string };

export async function ticketsCmd(args: TicketsArgs, io: CliIO, t0: T): Promise<number> {
  if (!args.id) throw new UsageError(t0('tickets.needId'));
  if (args.action === 'reopen' && args.to !== undefined) throw new UsageError(t0('tickets.reopenNoTo'));
  const s = await openSession(args, io, 'write');
  const rec = await workThenSave(s, () => {
    const r = args.action === 'reopen' ? reopenTicket(s.repo, String(args.id), args.note) : advanceTicket(s.repo, String(args.id), { to: args.to, note: args.note });
    if (!r.ok) throw new Refused([s.t('cli.refused'), ...r.errors.map((e) => `  ${errorText(s.t, 'tickets', e, s.repo.ws.valueLists)}`)]);
    return { save: true, rec: r.value };
  });
  if (args.json) io.out(JSON.stringify(recordToYuan('tickets', rec.rec), null, 2));
  else io.out(s.t('tickets.advanced', { id: rec.rec.id, status: sanitizeLine(valueLabelT(s.t, s.repo.ws.valueLists, 'ticketStatus', String(rec.rec.status))) }));
  return EXIT.ok;
}
