// A workspace made from the demo hotel (init --demo, --demo, D on the first screen) is dated
// on the day it is made, in the hotel's time zone: the shipped file is arranged around
// DEMO_ANCHOR and moved by the days since (domain/demo-shift.ts).
import { daysBetween, todayIn } from '../domain/care.js';
import { DEMO_ANCHOR, shiftWorkspace } from '../domain/demo-shift.js';
import type { Workspace } from '../domain/workspace.js';
import { workspaceTimeZone } from './time-zone.js';

export function demoForToday(demo: Workspace, now: Date): Workspace {
  const zone = workspaceTimeZone(demo);
  const ws = shiftWorkspace(demo, daysBetween(DEMO_ANCHOR, todayIn(now, zone)));
  ws.settings.timeZone ??= zone;
  return ws;
}
