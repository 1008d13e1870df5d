// A working session on one workspace: the store, the records' services and the employee who
// acts. Both shells open one through here; every save goes out as one batch stamped with the
// actor and the time, and is reported done only once the store says it is on disk.
import type { EntityRecord } from '../domain/workspace.js';
import { Repo } from './repo.js';
import { loggedStore } from './lab-log.js';
import type { OpenOptions, StorageBackend, WorkspaceStore } from './ports.js';

export class UnknownUserError extends Error {
  constructor(public login: string, public logins: string[]) {
    super(`unknown user ${login}`);
  }
}

/** A shared hotel: no active employee is bound to the unix login that runs the program. */
export class UnboundUnixUserError extends Error {
  constructor(public unixUser: string) {
    super(`no employee for unix user ${unixUser}`);
  }
}

/** A shared hotel: --user names someone else, and the employee bound to this login is no
 *  administrator. */
export class ActAsRefusedError extends Error {
  constructor(public login: string, public wanted: string) {
    super(`${login} may not act as ${wanted}`);
  }
}

/** The login a session on a shared hotel acts as: the employee bound to the unix login; another
 *  (--user) only for an administrator. A JSON workspace is the user's own: --user as asked. */
export function sharedLogin(store: WorkspaceStore, wanted: string | undefined): string | undefined {
  if (!store.shared) return wanted;
  const unix = store.shared.unixUser;
  const me = store.data.employees.find((e) => e.unixUser === unix && e.active !== false);
  if (!me) throw new UnboundUnixUserError(unix);
  if (wanted === undefined || wanted.toLowerCase() === me.login.toLowerCase()) return me.login;
  const role = store.data.roles.find((r) => r.id === me.roleId);
  if (!role?.isAdmin) throw new ActAsRefusedError(me.login, wanted);
  return wanted;
}

export interface SessionOptions extends OpenOptions {
  file: string;
  /** the login to act as; default the workspace's administrator */
  user?: string;
}

export interface Session {
  readonly store: WorkspaceStore;
  readonly repo: Repo;
  readonly actor: EntityRecord;
  /** makes the repo's pending changes durable, as one batch */
  commit(): Promise<void>;
  /** releases the workspace, folding the journal into the snapshot unless told not to; call
   *  commit() first, or what is pending stays in memory only */
  close(opts?: { compact?: boolean }): Promise<void>;
}

export function sessionOver(store: WorkspaceStore, opts: { user?: string; clock?: () => Date } = {}): Session {
  opts = { ...opts, user: sharedLogin(store, opts.user) };
  const probe = new Repo(store.data);
  const actor = probe.actor(opts.user);
  if (!actor) throw new UnknownUserError(opts.user ?? store.data.settings.adminLogin, probe.all('employees').map((e) => String(e.login)));
  const repo = new Repo(store.data, { clock: opts.clock, actor: String(actor.login) });
  const commit = async () => {
    const batch = repo.drainBatch();
    if (batch.changes.length) await store.commit(batch);
  };
  return {
    store,
    repo,
    actor,
    commit,
    async close(o) {
      await store.close(o);
    },
  };
}

export async function openSession(backend: StorageBackend, opts: SessionOptions): Promise<Session> {
  // a lab's workspace: every save is first added to its tamper-evident log (lab-log.ts)
  const store = loggedStore(await backend.open(opts.file, opts), backend);
  try {
    return sessionOver(store, { user: opts.user, clock: opts.now });
  } catch (e) {
    await store.close({ compact: false });
    throw e;
  }
}
