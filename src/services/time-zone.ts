// The time zone a workspace's times are shown in: its own setting, else this machine's.
import { readlinkSync } from 'node:fs';
import { isTimeZone, setLocalZone } from '../domain/zoned-time.js';
import type { Workspace } from '../domain/workspace.js';

/** The zone of this process (TZ, else the system's /etc/localtime), UTC if neither tells.
 *  Asked of the system rather than of Intl: ICU's date formatter weighs 8 MB once touched. */
export function machineTimeZone(): string {
  const env = process.env.TZ?.replace(/^:/, '');
  if (env && isTimeZone(env)) return env;
  try {
    const link = readlinkSync('/etc/localtime').split('/zoneinfo/')[1];
    if (link && isTimeZone(link)) return link;
  } catch {
    // not a link (or no such file): ask Intl
  }
  const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return z && isTimeZone(z) ? z : 'UTC';
}

export function workspaceTimeZone(ws: Pick<Workspace, 'settings'>): string {
  const z = ws.settings?.timeZone;
  return z && isTimeZone(z) ? z : machineTimeZone();
}

/** Runs this process's clock in the workspace's zone: Date's local fields then give the hotel's
 *  wall time (today's date for the desk, offsets for times), with no date formatter loaded.
 *  For a program that works on one workspace (the app), never for a library call. */
export function useWorkspaceClock(ws: Pick<Workspace, 'settings'>): void {
  const zone = workspaceTimeZone(ws);
  if (process.env.TZ !== zone) process.env.TZ = zone;
  setLocalZone(zone);
}
