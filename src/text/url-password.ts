// A database URL may carry a password (postgres://USER:SECRET@HOST/DB or ?password=SECRET).
// Whatever a user sees (a message, the status line, --json output) shows it as ***: a screen
// shared with the class or a terminal log must never give it away.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/i;
const QUERY = /([?&]password=)[^&#]*/gi;

export function maskPassword(url: string): string {
  return url.replace(USERINFO, '$1:***@').replace(QUERY, '$1***');
}
