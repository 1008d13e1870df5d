// report rfm [--as-of DATE] [--from DATE] [--to DATE] [--owner LOGIN] [--frequency orders|days]
//            [--json | --csv] [--write] [--tasks SEGMENT --due DATE [--subject TEXT]]
// The eight RFM segments; --write puts each customer's segment code into their rfmSegment
// field, --tasks makes a follow-up for every customer of one segment. Both in one save.
import { FREQUENCIES, rfmCodeAt, rfmCustomers, type Frequency } from '../../domain/analytics/rfm.js';
import { resolveValue } from '../../domain/values.js';
import { valueLabelT } from '../../i18n/index.js';
import { workspaceRfm } from '../../services/analytics-rfm.js';
import { writeCustomerCodes } from '../../services/analytics-write.js';
import { rfmCsv, rfmJson, rfmText } from '../../presentation/analytics-rfm.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { EXIT, UsageError } from '../io.js';
import { openSession } from '../open.js';
import { analyticsWork, outCsv, filterOf, hotelToday, ownerFlag, periodFlags } from './report-common.js';
import { codeActions, codeActionsFlags, printActions } from './report-actions.js';
import type { ReportKind } from './report-kind.js';

export const rfmReport: ReportKind = {
  kind: 'rfm',
  options: (y, t) =>
    codeActionsFlags(y, t).option('frequency', { type: 'string', describe: t('cli.help.reportFrequency') }),
  async run(args, io, t0) {
    const p = periodFlags(args, t0);
    let frequency: Frequency = 'orders';
    if (args.frequency !== undefined) {
      const f = String(args.frequency).trim().toLowerCase();
      const known: Record<string, Frequency> = { orders: 'orders', order: 'orders', 订单: 'orders', 次数: 'orders', days: 'days', day: 'days', 天数: 'days' };
      if (!known[f]) throw new UsageError(t0('report.badFrequency', { value: sanitizeLine(String(args.frequency)), choices: FREQUENCIES.join(', ') }));
      frequency = known[f];
    }
    const act = codeActions(args, t0);
    const s = await openSession(args, io, act.writes ? 'write' : 'read');
    const res = await workThenSave(s, () =>
      analyticsWork(s, () => {
        const owner = ownerFlag(s, args.owner);
        const report = workspaceRfm(s.repo, { ...filterOf(p, owner), frequency }, hotelToday(s, io.now()));
        const lists = s.repo.ws.valueLists;
        let segment: string | undefined;
        if (act.tasksFor !== undefined) {
          segment = resolveValue(lists, 'rfmSegment', act.tasksFor);
          if (!segment) throw new UsageError(s.t('report.badSegment', { value: sanitizeLine(act.tasksFor), choices: (lists.rfmSegment ?? []).map((v) => `${v.code} ${v.zh}`).join(', ') || '111..000' }));
        }
        const done = act.apply(s, {
          write: () => writeCustomerCodes(s.repo, 'rfmSegment', report.rows.ids, (i) => rfmCodeAt(report.rows, i)),
          members: () => rfmCustomers(report.rows, segment!),
          groupName: () => valueLabelT(s.t, lists, 'rfmSegment', segment),
        });
        return { save: done.save, report, owner, done };
      }),
    );
    const lists = s.repo.ws.valueLists;
    const scope = { owner: res.owner, from: p.from, to: p.to };
    if (p.format === 'json') io.out(JSON.stringify({ ...rfmJson(res.report, lists, scope, s.t), ...res.done.json }, null, 2));
    else if (p.format === 'csv') outCsv(io, rfmCsv(res.report, s.t, lists));
    else for (const l of rfmText(res.report, s.t, lists, scope)) io.out(l);
    printActions(s, io, res.done, p.format);
    return EXIT.ok;
  },
};
