// Opening the workspace for a subcommand: errors become refusals in the user's language.
import { detectLang, makeT, type T } from '../i18n/index.js';
import { Refused, UsageError, type CliIO } from './io.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Repo } from '../services/repo.js';
import type { WorkspaceStore } from '../services/ports.js';
import { openSession as openWorkspaceSession, UnknownUserError } from '../services/session.js';
import { storeErrorText } from '../presentation/store-errors.js';
import { LAB_ID } from '../domain/labs/lab-schema.js';
import { labWorkspaceFile } from '../services/labs.js';

export interface GlobalArgs {
  data?: string;
  lang?: string;
  json?: boolean;
  user?: string;
  /** seconds a writer waits for the lock before refusing (as typed: checked by waitMsOf) */
  wait?: string | number;
  /** a lab's id: its workspace (lab start ID made it) instead of the user's own */
  lab?: string;
}

/** A lab's workspace: labs/ID/workspace.json beside the user's default one (a usage error for
 *  an id that could not be a lab's). */
export function labFileOf(id: string, io: CliIO, t?: T): string {
  if (!LAB_ID.test(id)) {
    const tt = t ?? makeT(detectLang(undefined, undefined, io.env));
    throw new UsageError(tt('lab.badId', { id: sanitizeLine(id) }));
  }
  return labWorkspaceFile(io.backend.resolvePath(undefined, io.env), id);
}

/** The workspace a subcommand works on: --data, else --lab's, else the user's own. */
export function workspaceFileOf(args: GlobalArgs, io: CliIO): string {
  if (args.lab !== undefined && !args.data) return labFileOf(String(args.lab), io, makeT(detectLang(args.lang, undefined, io.env)));
  return io.backend.resolvePath(args.data, io.env);
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

export { storeErrorText };

export interface Session {
  store: WorkspaceStore;
  repo: Repo;
  t: T;
  /** makes the changes durable if anything changed, then releases the lock */
  finish(save: boolean): Promise<void>;
}

export async function openSession(args: GlobalArgs, io: CliIO, mode: 'read' | 'write'): Promise<Session> {
  const file = workspaceFileOf(args, io);
  const waitMs = waitMsOf(args, io);
  if (args.lab !== undefined && !args.data && !io.backend.exists(file)) {
    throw new Refused([makeT(detectLang(args.lang, undefined, io.env))('lab.notStarted', { id: String(args.lab) })]);
  }
  let s;
  try {
    s = await openWorkspaceSession(io.backend, {
      file,
      user: args.user,
      write: mode === 'write',
      create: false,
      now: io.now,
      waitMs,
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
