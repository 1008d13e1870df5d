import fs from 'node:fs';
import { prepareWorkspace, resolveWorkspacePath } from '../../storage/paths.js';
import { acquireLockWaiting, type LockResult } from '../../storage/lock.js';
import { writeFileDurably } from '../../storage/durable-file.js';
import { emptyWorkspace } from '../../domain/workspace.js';
import { loadDemoWorkspace } from '../../demo.js';
import { normaliseLang, type T } from '../../i18n/index.js';
import { EXIT, Refused, type CliIO } from '../io.js';
import { waitMsOf, type GlobalArgs } from '../open.js';
import { lockedText, storeErrorText } from '../../presentation/store-errors.js';

export async function initCmd(args: GlobalArgs & { demo?: boolean; force?: boolean }, io: CliIO, t: T): Promise<number> {
  const wanted = resolveWorkspacePath(args.data, io.env);
  if (fs.existsSync(wanted) && !args.force) throw new Refused([t('cli.initExists', { file: wanted })]);
  const waitMs = waitMsOf(args, io);
  let file: string;
  let lock: LockResult;
  try {
    file = prepareWorkspace(wanted, { makeDir: true }); // the real file, in a private folder
    lock = await acquireLockWaiting(file, { waitMs, now: io.now() });
  } catch (e) {
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  if (!lock.ok) throw new Refused([lockedText(t, lock.holder)]);
  try {
    const ws = args.demo ? loadDemoWorkspace() : emptyWorkspace(io.now().toISOString());
    const lang = normaliseLang(args.lang);
    if (lang) ws.settings.lang = lang;
    writeFileDurably(file, JSON.stringify(ws));
    const demo = args.demo ? t('cli.initDemo', { count: ws.customers.length }) : '';
    if (args.json) io.out(JSON.stringify({ file, customers: ws.customers.length }));
    else io.out(t('cli.initDone', { file, demo }));
    return EXIT.ok;
  } finally {
    lock.release();
  }
}
