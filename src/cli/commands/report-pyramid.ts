// report pyramid [--as-of DATE] [--from DATE] [--to DATE] [--owner LOGIN] [--shares 1,4,15]
//                [--json | --csv] [--write] [--tasks LAYER --due DATE [--subject TEXT]]
// The customer pyramid, the 20/80 check and who moved since the previous period; --write puts
// each customer's layer into their pyramidLayer field, --tasks visits one layer.
import { layerCustomers, parseShares, PYRAMID_LAYERS, NO_LAYER } from '../../domain/analytics/pyramid.js';
import { resolveValue } from '../../domain/values.js';
import { valueLabelT } from '../../i18n/index.js';
import { workspacePyramid } from '../../services/analytics-pyramid.js';
import { writeCustomerCodes } from '../../services/analytics-write.js';
import { pyramidCsv, pyramidJson, pyramidText } from '../../presentation/analytics-pyramid.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, UsageError } from '../io.js';
import { openSession } from '../open.js';
import { analyticsWork, outCsv, filterOf, hotelToday, ownerFlag, periodFlags } from './report-common.js';
import { codeActions, codeActionsFlags, printActions } from './report-actions.js';
import type { ReportKind } from './report-kind.js';

export const pyramidReport: ReportKind = {
  kind: 'pyramid',
  options: (y, t) => codeActionsFlags(y, t).option('shares', { type: 'string', describe: t('cli.help.reportShares') }),
  async run(args, io, t0) {
    const p = periodFlags(args, t0);
    let sharesBp: number[] | undefined;
    if (args.shares !== undefined) {
      sharesBp = parseShares(String(args.shares));
      if (!sharesBp) throw new UsageError(t0('report.badShares', { value: sanitizeLine(String(args.shares)) }));
    }
    const act = codeActions(args, t0);
    const s = await openSession(args, io, act.writes ? 'write' : 'read');
    const res = await workThenSave(s, () =>
      analyticsWork(s, () => {
        const owner = ownerFlag(s, args.owner);
        const report = workspacePyramid(s.repo, { ...filterOf(p, owner), sharesBp }, hotelToday(s, io.now()));
        const lists = s.repo.ws.valueLists;
        let layer: string | undefined;
        if (act.tasksFor !== undefined) {
          layer = resolveValue(lists, 'pyramidLayer', act.tasksFor);
          if (!layer) throw new UsageError(s.t('report.badLayer', { value: sanitizeLine(act.tasksFor), choices: PYRAMID_LAYERS.join(', ') }));
        }
        const rows = report.rows;
        const done = act.apply(s, {
          write: () => writeCustomerCodes(s.repo, 'pyramidLayer', rows.ids, (i) => (rows.layer[i] === NO_LAYER ? undefined : PYRAMID_LAYERS[rows.layer[i]])),
          members: () => layerCustomers(rows, layer!),
          groupName: () => valueLabelT(s.t, lists, 'pyramidLayer', layer),
        });
        return { save: done.save, report, owner, done };
      }),
    );
    const lists = s.repo.ws.valueLists;
    const scope = { owner: res.owner, from: p.from, to: p.to };
    if (p.format === 'json') io.out(JSON.stringify({ ...pyramidJson(res.report, lists, scope), ...res.done.json }, null, 2));
    else if (p.format === 'csv') outCsv(io, pyramidCsv(res.report, s.t, lists));
    else for (const l of pyramidText(res.report, s.t, lists, scope)) io.out(l);
    printActions(s, io, res.done, p.format);
    return EXIT.ok;
  },
};
