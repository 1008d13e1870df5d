// A segment's (or layer's) customers, as a customer list inside screen 7: the customers screen's
// columns and keys, only the segment's customers, in the model's order; Enter opens one, Esc
// goes back to the chart.
import type { EntityRecord } from '../../../domain/workspace.js';
import type { Repo } from '../../../services/repo.js';
import type { ScreenConfig } from '../records/RecordScreen.js';
import { customersConfig } from '../customers.js';
import type { TabSegment } from './tab-view.js';
import { fit } from '../../../text/width.js';

export function segmentListConfig(segment: TabSegment, title: string, leave: () => void): ScreenConfig {
  const order = new Map(segment.customers.map((id, i) => [id, i]));
  return {
    ...customersConfig,
    emptyHint: undefined,
    views: [
      {
        id: 'segment',
        label: 'analytics.segmentView',
        // the model's order (best first), among those the filter leaves
        rows: (recs: EntityRecord[], _repo: Repo) => recs.filter((r) => order.has(r.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!),
        banner: (_repo, t, width) => [fit(t('analytics.segmentTitle', { title, count: segment.customers.length }), width)],
      },
    ],
    leave,
    startId: segment.focus,
  };
}
