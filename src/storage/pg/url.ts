// A shared hotel is named by a PostgreSQL URL (postgres://USER@HOST/DB, or a unix socket
// folder: postgres:///hotel?host=/var/run/postgresql). Messages name the server and the
// database, never the password.
export function isPostgresUrl(s: string | undefined): s is string {
  return !!s && /^postgres(ql)?:\/\//i.test(s);
}

/** The server and database a URL names, for messages (defaults as libpq's). */
export function whereOf(url: string): { host: string; database: string } {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('host');
    const host = socket || (u.hostname ? `${decodeURIComponent(u.hostname)}${u.port ? `:${u.port}` : ''}` : process.env.PGHOST || 'localhost');
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || process.env.PGDATABASE || 'postgres';
    return { host, database };
  } catch {
    return { host: '?', database: '?' };
  }
}

/** The URL without its password: what the status line and messages show as the workspace. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://?';
  }
}
