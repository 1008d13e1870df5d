// `t` on a segment: a follow-up task (回访) for each of its customers, through the follow-up
// service (a customer that has the same follow-up open is skipped; all or nothing).
import { hotelToday } from '../../../services/analytics-scope.js';
import { createFollowUps, alreadyOpen } from '../../../services/follow-up.js';
import { errorText, type T } from '../../../i18n/index.js';
import type { Repo } from '../../../services/repo.js';
import type { SegmentActions, TabSegment } from './tab-view.js';

/** Follow-up tasks (回访) for a segment's customers, subject the segment and its strategy; the
 *  follow-up service skips a customer that has the same one open. */
export function followUpActions(repo: Repo, t: T, subject: (seg: TabSegment) => string): NonNullable<SegmentActions['tasks']> {
  const spec = (seg: TabSegment) => ({ subject: subject(seg).slice(0, 200), due: hotelToday(repo) });
  return {
    count: (seg) => seg.customers.length - alreadyOpen(repo, seg.customers, spec(seg)).size,
    run: (seg) => {
      const r = createFollowUps(repo, seg.customers, spec(seg));
      if (r.refused.length) return { error: `${r.refused[0].customerId}: ${r.refused[0].errors.map((e) => errorText(t, 'tasks', e, repo.ws.valueLists)).join('; ')}` };
      return { created: r.created.length, skipped: r.skipped.length };
    },
  };
}
