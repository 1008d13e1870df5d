// The time zone a workspace's times are shown in: its own setting, else this machine's.
import { isTimeZone } from '../domain/zoned-time.js';
import type { Workspace } from '../domain/workspace.js';

/** The zone of this process (TZ, else the system's), UTC if Intl cannot tell. */
export function machineTimeZone(): string {
  const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return z && isTimeZone(z) ? z : 'UTC';
}

export function workspaceTimeZone(ws: Pick<Workspace, 'settings'>): string {
  const z = ws.settings?.timeZone;
  return z && isTimeZone(z) ? z : machineTimeZone();
}
