import { emptyWorkspace } from '../../domain/workspace.js';
import { normaliseLang, type T } from '../../i18n/index.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { EXIT, Refused, type CliIO } from '../io.js';
import { waitMsOf, type GlobalArgs } from '../open.js';
import { machineTimeZone } from '../../services/time-zone.js';
import { demoForToday } from '../../services/demo-today.js';
import { maskPassword } from '../../text/url-password.js';

export async function initCmd(args: GlobalArgs & { demo?: boolean; force?: boolean }, io: CliIO, t: T): Promise<number> {
  const file = io.backend.resolvePath(args.data, io.env);
  const waitMs = waitMsOf(args, io);
  // a database URL's password never reaches the screen
  const shown = maskPassword(file);
  if (io.backend.exists(file) && !args.force) throw new Refused([t('cli.initExists', { file: shown })]);
  // the demo's desk dated today: overdue, today's and next week's tasks whatever the date
  const ws = args.demo ? demoForToday(io.backend.loadDemo(), io.now()) : emptyWorkspace(io.now().toISOString());
  // exports write times on the hotel's clock: this machine's zone, as the workspace is made
  ws.settings.timeZone ??= machineTimeZone();
  const lang = normaliseLang(args.lang);
  if (lang) ws.settings.lang = lang;
  try {
    await io.backend.create(file, ws, io.now(), { waitMs, replace: !!args.force });
  } catch (e) {
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const demo = args.demo ? t('cli.initDemo', { count: ws.customers.length }) : '';
  if (args.json) io.out(JSON.stringify({ file: shown, customers: ws.customers.length }));
  else io.out(t('cli.initDone', { file: shown, demo }));
  return EXIT.ok;
}
