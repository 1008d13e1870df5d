// report stats --by FIELD [--by month] [--sum FIELD] [--entity customers|orders|…] [--date FIELD]
//              [--from DATE] [--to DATE] [--as-of DATE] [--owner LOGIN] [--json | --csv]
// Counts (and sums) any entity's records by any of its fields or by month. An unknown entity
// or field is a usage error (exit 2) that lists the ones there are.
import { resolveStatsSpec, workspaceStats } from '../../services/analytics-stats.js';
import { statsCsv, statsJson, statsText } from '../../presentation/analytics-stats.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, UsageError } from '../io.js';
import { openSession } from '../open.js';
import { analyticsWork, outCsv, filterOf, ownerFlag, periodFlags } from './report-common.js';
import type { ReportKind } from './report-kind.js';
import type { EntityName } from '../../domain/entities.js';

export const statsReport: ReportKind = {
  kind: 'stats',
  options: (y, t) =>
    y
      .option('by', { type: 'string', array: true, describe: t('cli.help.reportBy') })
      .option('sum', { type: 'string', describe: t('cli.help.reportSum') })
      .option('entity', { type: 'string', describe: t('cli.help.reportEntity') })
      .option('date', { type: 'string', describe: t('cli.help.reportDate') }),
  async run(args, io, t0) {
    const p = periodFlags(args, t0);
    const by = ((args.by as unknown[] | undefined) ?? []).map(String);
    if (!by.length) throw new UsageError(t0('report.needBy'));
    const r = resolveStatsSpec(String(args.entity ?? 'customers').trim(), by, args.sum === undefined ? undefined : String(args.sum), args.date === undefined ? undefined : String(args.date));
    if ('error' in r) {
      const e = r.error;
      throw new UsageError(t0(e.flag === 'entity' ? 'report.badEntity' : 'report.badField', { flag: e.flag, value: sanitizeLine(e.value), choices: e.choices.join(', ') }));
    }
    const s = await openSession(args, io, 'read');
    const res = await workThenSave(s, () =>
      analyticsWork(s, () => {
        const owner = ownerFlag(s, args.owner);
        return { save: false, owner, report: workspaceStats(s.repo, r.spec, filterOf(p, owner)) };
      }),
    );
    const lists = s.repo.ws.valueLists;
    const scope = { owner: res.owner, from: p.from, to: p.to };
    const refName = (entity: string, id: string) => {
      const rec = s.repo.get(entity as EntityName, id);
      const n = rec ? (rec.name ?? rec.title ?? rec.subject) : undefined;
      return typeof n === 'string' ? n : undefined;
    };
    if (p.format === 'json') io.out(JSON.stringify(statsJson(res.report, s.t, lists, scope, refName), null, 2));
    else if (p.format === 'csv') outCsv(io, statsCsv(res.report, s.t, lists, refName));
    else for (const l of statsText(res.report, s.t, lists, scope, refName)) io.out(l);
    return EXIT.ok;
  },
};
