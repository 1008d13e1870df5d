// Opening the workspace for a subcommand: errors become refusals in the user's language.
import { openStore, type Store } from '../storage/store.js';
import { resolveWorkspacePath } from '../storage/paths.js';
import { detectLang, makeT, type T } from '../i18n/index.js';
import { Refused, UsageError, type CliIO } from './io.js';
import { Repo } from '../services/repo.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface GlobalArgs {
  data?: string;
  lang?: string;
  json?: boolean;
  user?: string;
  /** seconds a writer waits for the lock before refusing (as typed: checked by waitMsOf) */
  wait?: string | number;
}

/** --wait in milliseconds: a usage error (exit 2, nothing done) unless a number of seconds. */
export function waitMsOf(args: GlobalArgs, io: CliIO): number {
  if (args.wait === undefined) return 0;
  const raw = String(args.wait).trim();
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    const t = makeT(detectLang(args.lang, undefined, io.env));
    throw new UsageError(t('cli.badWait', { value: sanitizeLine(raw) }));
  }
  return Math.min(Number(raw), 24 * 3600) * 1000;
}

export { storeErrorText } from '../presentation/store-errors.js';
import { storeErrorText } from '../presentation/store-errors.js';

export interface Session {
  store: Store;
  repo: Repo;
  t: T;
  /** saves if anything changed, and releases the lock */
  finish(save: boolean): Promise<void>;
}

export async function openSession(args: GlobalArgs, io: CliIO, mode: 'read' | 'write'): Promise<Session> {
  const file = resolveWorkspacePath(args.data, io.env);
  const waitMs = waitMsOf(args, io);
  let store: Store;
  try {
    store = await openStore(file, { write: mode === 'write', create: false, now: io.now, waitMs });
  } catch (e) {
    const t = makeT(detectLang(args.lang, undefined, io.env));
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const t = makeT(detectLang(args.lang, store.data.settings.lang, io.env));
  const repo = new Repo(store.data, { clock: io.now });
  if (!repo.actor(args.user)) {
    await store.close();
    throw new Refused([t('cli.unknownUser', { value: args.user ?? store.data.settings.adminLogin, choices: repo.all('employees').map((e) => e.login).join(', ') })]);
  }
  const start = repo.version;
  return {
    store,
    repo,
    t,
    async finish(save) {
      try {
        if (save && repo.version !== start) await store.save();
      } finally {
        await store.close();
      }
    },
  };
}
