// A shared hotel (PostgreSQL) that cannot be reached or refused a save, said in the user's
// language. Hosts, reasons, logins and field names came from the network and the database:
// sanitised before they are shown.
import { ConflictError, SharedStoreError, type Conflict } from '../services/ports.js';
import { ActAsRefusedError, UnboundUnixUserError } from '../services/session.js';
import { entityLabel, type MessageKey, type T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';

const REASONS: Record<string, MessageKey> = {
  refused: 'pg.reason.refused',
  noSocket: 'pg.reason.noSocket',
  noHost: 'pg.reason.noHost',
  timeout: 'pg.reason.timeout',
  noDatabase: 'pg.reason.noDatabase',
  auth: 'pg.reason.auth',
  denied: 'pg.reason.denied',
  oldHotel: 'pg.reason.oldHotel',
};

const PROBLEMS: Record<SharedStoreError['problem'], MessageKey> = {
  connect: 'pg.connect',
  noHotel: 'pg.noHotel',
  newerSchema: 'pg.newerSchema',
  exists: 'pg.exists',
  failed: 'pg.failed',
};

export function conflictLine(t: T, c: Conflict): string {
  const p = {
    entity: sanitizeLine(entityLabel(t, c.entity)),
    id: sanitizeLine(c.id),
    by: sanitizeLine(c.by ?? '?'),
    at: sanitizeLine(c.at ?? '?'),
    fields: sanitizeLine(c.fields.join(', ') || '-'),
  };
  return t(c.kind === 'deleted' ? 'pg.conflictDeleted' : c.kind === 'created' ? 'pg.conflictCreated' : 'pg.conflictChanged', p);
}

export function sharedErrorText(t: T, e: unknown): string | undefined {
  if (e instanceof SharedStoreError) {
    const reason = REASONS[e.reason] ? t(REASONS[e.reason]) : sanitizeLine(e.reason);
    return t(PROBLEMS[e.problem], { host: sanitizeLine(e.host), database: sanitizeLine(e.database), reason });
  }
  if (e instanceof ConflictError) return [t('pg.conflict'), ...e.conflicts.map((c) => `  ${conflictLine(t, c)}`)].join('\n');
  if (e instanceof UnboundUnixUserError) return t('pg.unbound', { unix: sanitizeLine(e.unixUser) });
  if (e instanceof ActAsRefusedError) return t('pg.actAs', { login: sanitizeLine(e.login), wanted: sanitizeLine(e.wanted) });
  return undefined;
}
