// `hotel-crm grade --data postgres://…/hotel [--lab ID] [--json] [--csv FILE]`: a team lab graded
// from the shared hotel's history, each task credited to the employee whose save made it pass.
// Reads only; the CSV is written whole and durably before it is reported.
import type { T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import type { GlobalArgs } from '../open.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { teamGradeCsv, teamGradeJson, teamGradeLines } from '../../presentation/team-gradebook.js';
import { gradeTeam, TeamGradeError } from '../../services/team-lab.js';
import { findLab, shippedLabs } from '../../services/labs.js';
import { machineTimeZone } from '../../services/time-zone.js';
import { sanitizeLine } from '../../text/sanitize.js';

const shown = (url: string) => url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1@').replace(/([?&]password=)[^&#]*/i, '$1***');

export async function gradeTeamCmd(args: GlobalArgs & { csv?: unknown }, io: CliIO, t: T): Promise<number> {
  const data = io.backend.resolvePath(args.data, io.env);
  if (args.csv !== undefined && typeof args.csv !== 'string') throw new UsageError(t('cli.repeatedFlag', { flag: 'csv' }));
  const csv = args.csv as string | undefined;
  if (args.lab !== undefined && !findLab(String(args.lab))) {
    throw new UsageError(t('grade.team.unknownLab', { lab: sanitizeLine(String(args.lab)), ids: shippedLabs().map((l) => l.id).join(', ') }));
  }
  let g;
  try {
    g = await gradeTeam(io.backend, data, args.lab === undefined ? undefined : String(args.lab));
  } catch (e) {
    if (e instanceof TeamGradeError) {
      const p = e.problem;
      if (p.code === 'notShared') throw new Refused([t('grade.team.notShared', { file: sanitizeLine(data) })]);
      if (p.code === 'noLab') throw new Refused([t('grade.team.noLab')]);
      throw new Refused([t('grade.team.unknownLab', { lab: sanitizeLine(p.lab), ids: shippedLabs().map((l) => l.id).join(', ') })]);
    }
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const zone = g.timeZone ?? machineTimeZone();
  const url = shown(data);
  if (csv !== undefined) io.backend.writeFile(csv, teamGradeCsv(g, t, zone), 0o640);
  if (args.json) {
    io.out(JSON.stringify(teamGradeJson(g, url), null, 2));
    return EXIT.ok;
  }
  for (const l of teamGradeLines(g, t, zone, url)) io.out(l);
  if (csv !== undefined) io.out(t('grade.wrote', { file: sanitizeLine(csv) }));
  return EXIT.ok;
}
