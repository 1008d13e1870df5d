import fs from 'node:fs';
import path from 'node:path';
import { resolveWorkspacePath } from '../../storage/paths.js';
import { acquireLock } from '../../storage/lock.js';
import { writeFileDurably } from '../../storage/durable-file.js';
import { emptyWorkspace } from '../../domain/workspace.js';
import { loadDemoWorkspace } from '../../demo.js';
import { normaliseLang, type T } from '../../i18n/index.js';
import { EXIT, Refused, type CliIO } from '../io.js';
import type { GlobalArgs } from '../open.js';

export async function initCmd(args: GlobalArgs & { demo?: boolean; force?: boolean }, io: CliIO, t: T): Promise<number> {
  const file = resolveWorkspacePath(args.data, io.env);
  if (fs.existsSync(file) && !args.force) throw new Refused([t('cli.initExists', { file })]);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const lock = acquireLock(file, io.now());
  if (!lock.ok) throw new Refused([t('store.locked', { ...lock.holder })]);
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
