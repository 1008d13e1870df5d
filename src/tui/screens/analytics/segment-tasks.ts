// `t` and `s` on a segment or layer, through the analytics services: a follow-up task (回访)
// for each of its customers (one with the same follow-up open is skipped), and the segment's
// code written to its customers' field (all or nothing: one refusal refuses the lot).
import { followUpsFor, writeCustomerCodes, type CodeField } from '../../../services/analytics-write.js';
import { hotelToday } from '../../../services/analytics-scope.js';
import { errorText, type T } from '../../../i18n/index.js';
import type { EntityName } from '../../../domain/entities.js';
import type { FieldError } from '../../../domain/errors.js';
import type { Repo } from '../../../services/repo.js';
import type { SegmentActions, TabSegment } from './tab-view.js';

const refusal = (repo: Repo, t: T, entity: EntityName, refused: { customerId: string; errors: FieldError[] }[]) =>
  `${refused[0].customerId ? `${refused[0].customerId}: ` : ''}${refused[0].errors.map((e) => errorText(t, entity, e, repo.ws.valueLists)).join('; ')}`;

/** Follow-up tasks for a segment's customers, due today, with the subject `report --tasks` gives
 *  them (so the screen and the command never make the same visit twice). */
export function followUpActions(repo: Repo, t: T, group: (seg: TabSegment) => string): NonNullable<SegmentActions['tasks']> {
  return {
    count: (seg) => seg.customers.length,
    run: (seg) => {
      const r = followUpsFor(repo, seg.customers, { subject: t('report.taskSubject', { group: group(seg) }).slice(0, 200), due: hotelToday(repo) });
      if (r.refused.length) return { error: refusal(repo, t, 'tasks', r.refused) };
      return { created: r.created.length, skipped: r.skipped.length };
    },
  };
}

/** The segment's code written to the field of each of its customers that does not hold it yet. */
export function writeActions(repo: Repo, t: T, field: CodeField): NonNullable<SegmentActions['write']> {
  return {
    count: (seg) => seg.customers.filter((id) => repo.get('customers', id)?.[field] !== seg.code).length,
    run: (seg) => {
      const r = writeCustomerCodes(repo, field, seg.customers, () => seg.code);
      if (r.refused.length) return { error: refusal(repo, t, 'customers', r.refused) };
      return { written: r.written };
    },
  };
}
