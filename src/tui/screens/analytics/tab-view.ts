// What one tab of screen 7 shows, as the screen draws it: a few lines of figures, a table of
// segments (or layers) the user moves in, lines below it, and a line chart drawn once the chart
// module is loaded. The figures come from the analytics services; a tab only lays them out.
import type { T } from '../../../i18n/index.js';
import type { Repo } from '../../../services/repo.js';
import type { LinePoint } from '../../../presentation/line-chart.js';

export type TabId = 'stats' | 'pyramid' | 'rfm' | 'kaism' | 'ltv' | 'churn' | 'kpi';

export interface TabSegment {
  /** a stable code (RFM "111", pyramid "vip", a source's code) */
  code: string;
  /** its name, as the lists and the questions show it */
  label: string;
  /** its customers' ids, best first where the model ranks them */
  customers: readonly string[];
  /** a row that is one customer (a mover, a churn warning): Enter opens that customer (Esc
   *  then lists all of the view's customers); `customers` is then the view's whole list */
  focus?: string;
}

/** What `t` and `s` do for a segment: the services of the model, asked when the key is pressed. */
export interface SegmentActions {
  /** follow-up tasks for the segment's customers; how many it would make now */
  tasks?: {
    count: (seg: TabSegment) => number;
    run: (seg: TabSegment) => { created: number; skipped: number } | { error: string };
  };
  /** writes the segment (layer) to its customers' field */
  write?: {
    count: (seg: TabSegment) => number;
    run: (seg: TabSegment) => { written: number } | { error: string };
  };
}

export interface LineSeries {
  title: string;
  points: LinePoint[];
  format: (v: number) => string;
}

export interface TabView {
  /** the day the figures are as of (the model's default when none was asked); none: not dated */
  asOf?: string;
  /** lines of figures above the table (R mean, F mean …), cut to the width by the screen */
  head: string[];
  /** the table's titles, and one line per segment (each exactly the width) */
  header?: string;
  rows: string[];
  segments: TabSegment[];
  /** lines under the table (bars, the 20/80 check, a note) */
  below: string[];
  /** a monthly series drawn by the line chart (stats) */
  line?: LineSeries;
  /** the model's definition, as `?` shows it above the keys */
  about: string[];
  actions: SegmentActions;
  /** the filter's parts this model leaves out (KAISM and lifetime value take the whole history) */
  ignores?: ('period' | 'owner')[];
  /** `x` on a churn-warning customer: mark them lost with a reason */
  lose?: {
    reasons: { code: string; label: string }[];
    run: (customerId: string, reason: string) => { name: string; reason: string } | { error: string };
  };
}

/** The owner and period screen 7 is narrowed to (o, p), as `report --owner --from --to`. */
export interface ScreenFilter {
  ownerId?: string;
  /** YYYY-MM-DD, both included */
  from?: string;
  to?: string;
}

export interface TabInput {
  repo: Repo;
  t: T;
  /** YYYY-MM-DD; undefined: the model's default (the day after the last order) */
  asOf?: string;
  width: number;
  /** the tab's chart, for tabs with several (stats: by source, by state … per month) */
  chart: number;
  filter: ScreenFilter;
  /** RFM's F: orders, or distinct days with a purchase (f) */
  frequency: 'orders' | 'days';
}

export interface TabDef {
  id: TabId;
  build: (i: TabInput) => TabView;
  /** how many charts the tab offers (v goes round them); 1 when none */
  charts?: number;
}
