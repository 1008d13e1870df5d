// Opening the workspace for a subcommand: errors become refusals in the user's language.
import { detectLang, makeT, type T } from '../i18n/index.js';
import { Refused, type CliIO } from './io.js';
import type { Repo } from '../services/repo.js';
import type { WorkspaceStore } from '../services/ports.js';
import { openSession as openWorkspaceSession, UnknownUserError } from '../services/session.js';
import { storeErrorText } from '../presentation/store-errors.js';

export interface GlobalArgs {
  data?: string;
  lang?: string;
  json?: boolean;
  user?: string;
  wait?: number;
}

export { storeErrorText };

export interface Session {
  store: WorkspaceStore;
  repo: Repo;
  t: T;
  /** makes the changes durable if anything changed, then releases the lock */
  finish(save: boolean): Promise<void>;
}

export async function openSession(args: GlobalArgs, io: CliIO, mode: 'read' | 'write'): Promise<Session> {
  const file = io.backend.resolvePath(args.data, io.env);
  let s;
  try {
    s = await openWorkspaceSession(io.backend, {
      file,
      user: args.user,
      write: mode === 'write',
      create: false,
      now: io.now,
      waitMs: args.wait ? args.wait * 1000 : undefined,
    });
  } catch (e) {
    const t = makeT(detectLang(args.lang, undefined, io.env));
    if (e instanceof UnknownUserError) throw new Refused([t('cli.unknownUser', { value: e.login, choices: e.logins.join(', ') })]);
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const session = s;
  const t = makeT(detectLang(args.lang, session.store.data.settings.lang, io.env));
  const start = session.repo.version;
  return {
    store: session.store,
    repo: session.repo,
    t,
    async finish(save) {
      try {
        if (save && session.repo.version !== start) await session.commit();
      } finally {
        await session.close();
      }
    },
  };
}
