// Labs in team mode on a shared hotel: the administrator loads a lab's starting data into the
// team's hotel (one save, through the port, so the history holds it), and grading replays the
// history to credit each task to the employee who did it (domain/grading/team-credit.ts).
//
// Why `lab start ID --team --data URL` rather than `server init URL --lab ID`: init drops the
// whole schema, history included, and would lose the previous labs' grading and the students'
// bindings to their server logins; a lab started on the hotel keeps both, is refused to anyone
// but an administrator of that hotel, and is itself one save in the append-only history.
import type { Batch, Change } from '../domain/change.js';
import { ENTITY_NAMES } from '../domain/entities.js';
import type { EntityRecord, Workspace } from '../domain/workspace.js';
import type { Lab } from '../domain/labs/lab-schema.js';
import { creditTeam, type TeamGrade } from '../domain/grading/team-credit.js';
import { Repo } from './repo.js';
import { findLab, labStartWorkspace } from './labs.js';
import type { StorageBackend } from './ports.js';

/** The hotel as the lab starts it: the lab's starting workspace, with the hotel's employees who
 *  work under a server login kept (the same login takes over the lab's employee of that login;
 *  the others are added), so every student can go on working as themselves. */
export function teamLabWorkspace(hotel: Workspace, lab: Lab, demo: () => Workspace, now: Date): Workspace {
  const ws = labStartWorkspace(lab, demo, now);
  ws.settings = { ...hotel.settings, lab: lab.id, labSince: now.toISOString() };
  ws.organisation = hotel.organisation;
  const repo = new Repo(ws, { clock: () => now });
  const lower = (s: unknown) => String(s).toLowerCase();
  for (const e of hotel.employees) {
    if (!e.unixUser || e.active === false) continue;
    // a server login is one employee's: the lab's data may not hold it already
    for (const other of ws.employees) if (other.unixUser === e.unixUser) delete other.unixUser;
    const same = ws.employees.find((x) => lower(x.login) === lower(e.login));
    const role = ws.roles.some((r) => r.id === e.roleId) ? e.roleId : undefined;
    if (same) {
      same.unixUser = e.unixUser;
      same.active = true;
      if (role && !(lower(same.login) === lower(ws.settings.adminLogin))) same.roleId = role;
      continue;
    }
    const fallback = ws.roles.find((r) => !r.isAdmin)?.id ?? ws.roles[0]?.id;
    const r = repo.create('employees', {
      login: e.login,
      name: e.name,
      roleId: role ?? fallback,
      active: true,
      unixUser: e.unixUser,
      ...(e.phone ? { phone: e.phone } : {}),
      ...(e.email ? { email: e.email } : {}),
    });
    if (!r.ok) throw new Error(`team lab: employee ${e.login}: ${r.errors.map((x) => x.code).join(', ')}`);
  }
  repo.drainChanges();
  return ws;
}

/** The one save that turns the hotel into the lab's start: every record of the new state put,
 *  every other record deleted, its settings, profile, value lists and counters. Whole, so that
 *  replaying the history from it gives exactly the hotel the students start from. */
export function teamStartBatch(hotel: Workspace, next: Workspace, by: string, now: Date): Batch {
  const changes: Change[] = [];
  for (const e of ENTITY_NAMES) {
    const keep = new Set((next[e] as EntityRecord[]).map((r) => r.id));
    for (const r of hotel[e] as EntityRecord[]) if (!keep.has(r.id)) changes.push({ op: 'del', e, id: r.id });
    for (const r of next[e] as EntityRecord[]) changes.push({ op: 'put', e, r });
  }
  changes.push({ op: 'settings', s: next.settings });
  changes.push({ op: 'org', o: next.organisation });
  for (const [n, items] of Object.entries(next.valueLists)) changes.push({ op: 'values', n, items });
  const counters = { ...next.counters };
  for (const [k, v] of Object.entries(hotel.counters)) counters[k] = Math.max(v, counters[k] ?? 0);
  changes.push({ op: 'counters', c: counters });
  return { at: now.toISOString(), by, changes };
}

export type TeamGradeProblem =
  /** the backend keeps no shared history (a JSON workspace) */
  | { code: 'notShared' }
  /** no lab named, and none runs on the hotel */
  | { code: 'noLab' }
  | { code: 'unknownLab'; lab: string };
export class TeamGradeError extends Error {
  constructor(public problem: TeamGradeProblem) {
    super(problem.code);
  }
}

export interface TeamGrading {
  lab: Lab;
  grade: TeamGrade;
  /** changes of the history this version could not read (left out) */
  skipped: number;
  /** the hotel's time zone, as its settings last said (undefined: the machine's) */
  timeZone?: string;
}

/** The hotel's settings now: the last its history holds (the lab it runs, its time zone). */
const lastSettings = (batches: readonly Batch[]): { lab?: string; timeZone?: string } | undefined => {
  for (let i = batches.length - 1; i >= 0; i--) {
    const s = batches[i].changes.find((c) => c.op === 'settings');
    if (s && s.op === 'settings') return s.s;
  }
  return undefined;
};

/** Grades a team lab from the shared hotel's history (the lab it runs, unless one is named). */
export async function gradeTeam(backend: StorageBackend, url: string, labId?: string): Promise<TeamGrading> {
  if (!backend.readHistory) throw new TeamGradeError({ code: 'notShared' });
  const { batches, skipped } = await backend.readHistory(url);
  const settings = lastSettings(batches);
  const id = labId ?? settings?.lab;
  if (!id) throw new TeamGradeError({ code: 'noLab' });
  const lab = findLab(id);
  if (!lab) throw new TeamGradeError({ code: 'unknownLab', lab: id });
  return { lab, grade: creditTeam(lab, batches), skipped, timeZone: settings?.timeZone };
}
