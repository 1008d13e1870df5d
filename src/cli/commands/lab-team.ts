// `hotel-crm lab start ID --team --data postgres://…/hotel`: the administrator loads a lab's
// starting data into the team's shared hotel as one save (the history holds it, so grading can
// replay from it) and records in the hotel's settings which lab runs since when. Students keep
// working as their employees; the app's lab panel shows the team's progress.
import type { T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { labProblemText } from '../../presentation/lab-problems.js';
import { LabStartError } from '../../services/labs.js';
import { teamLabWorkspace, teamStartBatch } from '../../services/team-lab.js';
import type { Lab } from '../../domain/labs/lab-schema.js';
import { sanitizeLine } from '../../text/sanitize.js';

const isUrl = (s: string | undefined): s is string => !!s && /^postgres(ql)?:\/\//i.test(s);
const shown = (url: string) => url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1@').replace(/([?&]password=)[^&#]*/i, '$1***');

export async function startTeamLab(lab: Lab, args: GlobalArgs & { force?: boolean }, io: CliIO, t: T): Promise<number> {
  const url = args.data ?? io.env.HOTEL_CRM_DATA;
  if (!isUrl(url)) throw new UsageError(t('lab.team.needShared', { id: lab.id }));
  const s = await openSession({ ...args, data: url }, io, 'write');
  try {
    const hotel = s.store.data;
    const actor = s.repo.unscoped('employees').find((e) => String(e.login).toLowerCase() === s.repo.actorLogin.toLowerCase());
    const role = actor ? s.repo.unscoped('roles').find((r) => r.id === actor.roleId) : undefined;
    if (role?.isAdmin !== true) throw new Refused([t('lab.team.adminOnly', { login: sanitizeLine(s.repo.actorLogin) })]);
    if (hotel.settings.lab && !args.force) {
      throw new Refused([t('lab.team.running', { lab: hotel.settings.lab, since: hotel.settings.labSince ?? '-', id: lab.id })]);
    }
    const now = io.now();
    let next;
    try {
      next = teamLabWorkspace(hotel, lab, () => io.backend.loadDemo(), now);
    } catch (e) {
      if (e instanceof LabStartError) throw new Refused(e.problems.map((p) => labProblemText(t, p)));
      throw e;
    }
    const batch = teamStartBatch(hotel, next, s.repo.actorLogin, now);
    try {
      // one transaction: the hotel is the lab's start, or (refused) as it was
      await s.store.commit(batch);
    } catch (e) {
      const msg = storeErrorText(t, e);
      if (msg) throw new Refused([msg]);
      throw e;
    }
    const bound = next.employees.filter((e) => e.unixUser).map((e) => String(e.login));
    if (args.json) io.out(JSON.stringify({ id: lab.id, url: shown(url), since: next.settings.labSince, employees: bound }));
    else io.out(t('lab.team.started', { id: lab.id, url: sanitizeLine(shown(url)), count: bound.length, logins: bound.map(sanitizeLine).join(', ') }));
    return EXIT.ok;
  } finally {
    await s.finish(false);
  }
}
