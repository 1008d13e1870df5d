// A shared hotel is named by a PostgreSQL URL (postgres://USER@HOST/DB, or a unix socket
// folder: postgres://USER@/hotel?host=/var/run/postgresql). Messages name the server and the
// database, never the password. WHATWG URL refuses a user without a host, so parsed by hand.
import { maskPassword } from '../../text/url-password.js';

export function isPostgresUrl(s: string | undefined): s is string {
  return !!s && /^postgres(ql)?:\/\//i.test(s);
}

const PARTS = /^postgres(?:ql)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?/i;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The server and database a URL names, for messages (libpq's defaults when left out). */
export function whereOf(url: string): { host: string; database: string } {
  const m = PARTS.exec(url);
  if (!m) return { host: '?', database: '?' };
  const query = new URLSearchParams(m[4] ?? '');
  const host = query.get('host') || decode(m[2] ?? '') || process.env.PGHOST || 'localhost';
  const database = decode(m[3] ?? '') || query.get('dbname') || process.env.PGDATABASE || decode((m[1] ?? '').split(':')[0]) || '?';
  return { host, database };
}

/** The URL with its password masked (***): what the status line and messages show as the workspace. */
export function displayUrl(url: string): string {
  return maskPassword(url);
}
