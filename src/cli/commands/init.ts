import fs from 'node:fs';
import { resolveWorkspacePath } from '../../storage/paths.js';
import { createWorkspace } from '../../storage/store.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { emptyWorkspace } from '../../domain/workspace.js';
import { loadDemoWorkspace } from '../../demo.js';
import { normaliseLang, type T } from '../../i18n/index.js';
import { EXIT, Refused, type CliIO } from '../io.js';
import type { GlobalArgs } from '../open.js';

export async function initCmd(args: GlobalArgs & { demo?: boolean; force?: boolean }, io: CliIO, t: T): Promise<number> {
  const file = resolveWorkspacePath(args.data, io.env);
  if (fs.existsSync(file) && !args.force) throw new Refused([t('cli.initExists', { file })]);
  const ws = args.demo ? loadDemoWorkspace() : emptyWorkspace(io.now().toISOString());
  const lang = normaliseLang(args.lang);
  if (lang) ws.settings.lang = lang;
  try {
    // the old workspace's journal goes with it (--force): nothing of it is replayed into this one
    await createWorkspace(file, ws, { now: io.now });
  } catch (e) {
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const demo = args.demo ? t('cli.initDemo', { count: ws.customers.length }) : '';
  if (args.json) io.out(JSON.stringify({ file, customers: ws.customers.length }));
  else io.out(t('cli.initDone', { file, demo }));
  return EXIT.ok;
}
