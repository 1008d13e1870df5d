// The keys of screen 7 (统计分析), as data: tabs, segments, the as-of date, the owner and period,
// RFM's F, a segment's customers, follow-up tasks, the segment written to its customers and a
// churn-warning customer marked lost. `?` stays the app's help, which on
// this screen starts with the definition of the model shown.
import type { MessageKey } from '../../../i18n/index.js';
import type { Command, Why } from '../../keys.js';
import type { TabSegment, TabView } from './tab-view.js';

export interface AnalyticsCtx {
  view: TabView;
  segment?: TabSegment;
  charts: number;
  /** why nothing can be written now (read-only session, bad records) */
  cannotWrite: () => MessageKey | undefined;
  /** the permission the acting employee lacks for `t` (create tasks) / `s` (edit customers) */
  refusedTasks: () => Why | undefined;
  refusedWrite: () => Why | undefined;
  tab: (by: 1 | -1) => void;
  move: (by: number) => void;
  chart: () => void;
  open: () => void;
  tasks: () => void;
  write: () => void;
  asOf: () => void;
  /** o: the owner picker (employees the actor may see); p: the period typed */
  owner: () => void;
  period: () => void;
  /** f on the RFM tab: F counts orders or distinct days */
  frequency: () => void;
  isRfm: boolean;
  /** x on a churn-warning customer: lost, for a reason asked from the churnReason list */
  lose: () => void;
  cannotLose: () => Why | undefined;
}

const needsSegment = (c: AnalyticsCtx): MessageKey | undefined => (c.segment ? undefined : 'analytics.noSegment');
const needsCustomers = (c: AnalyticsCtx): MessageKey | undefined => needsSegment(c) ?? (c.segment!.customers.length ? undefined : 'analytics.segmentEmpty');

export const ANALYTICS_COMMANDS: Command<AnalyticsCtx>[] = [
  { id: 'analytics.nextTab', keys: [']', 'l', 'right'], description: 'help.analyticsNextTab', footer: { label: 'hint.analyticsTab', drop: 4 }, run: (c) => c.tab(1) },
  { id: 'analytics.prevTab', keys: ['[', 'h', 'left'], description: 'help.analyticsPrevTab', footer: { label: 'hint.analyticsTab', drop: 4 }, run: (c) => c.tab(-1) },
  { id: 'analytics.down', keys: ['down', 'j'], moves: true, description: 'help.analyticsDown', footer: { label: 'hint.move', drop: 1 }, run: (c) => c.move(1) },
  { id: 'analytics.up', keys: ['up', 'k'], moves: true, description: 'help.analyticsUp', footer: { label: 'hint.move', drop: 1 }, run: (c) => c.move(-1) },
  { id: 'analytics.first', keys: ['g', 'home'], moves: true, description: 'help.first', run: (c) => c.move(-Infinity) },
  { id: 'analytics.last', keys: ['G', 'end'], moves: true, description: 'help.last', run: (c) => c.move(Infinity) },
  { id: 'analytics.open', keys: ['enter'], description: 'help.analyticsOpen', footer: { label: 'hint.analyticsOpen', drop: 3 }, unavailable: needsCustomers, run: (c) => c.open() },
  {
    id: 'analytics.tasks',
    keys: ['t'],
    description: 'help.analyticsTasks',
    footer: { label: 'hint.analyticsTasks', drop: 3 },
    unavailable: (c) => c.cannotWrite() ?? (c.view.actions.tasks ? needsCustomers(c) : 'analytics.noTasks') ?? c.refusedTasks(),
    run: (c) => c.tasks(),
  },
  {
    id: 'analytics.write',
    keys: ['s'],
    description: 'help.analyticsWrite',
    footer: { label: 'hint.analyticsWrite', drop: 3 },
    unavailable: (c) => c.cannotWrite() ?? (c.view.actions.write ? needsCustomers(c) : 'analytics.noWrite') ?? c.refusedWrite(),
    run: (c) => c.write(),
  },
  { id: 'analytics.chart', keys: ['v'], description: 'help.analyticsChart', footer: { label: 'hint.analyticsChart', drop: 2 }, unavailable: (c) => (c.charts > 1 ? undefined : 'analytics.oneChart'), run: (c) => c.chart() },
  { id: 'analytics.owner', keys: ['o'], description: 'help.analyticsOwner', footer: { label: 'hint.analyticsOwner', drop: 2 }, run: (c) => c.owner() },
  { id: 'analytics.period', keys: ['p'], description: 'help.analyticsPeriod', footer: { label: 'hint.analyticsPeriod', drop: 2 }, run: (c) => c.period() },
  { id: 'analytics.frequency', keys: ['f'], description: 'help.analyticsFrequency', footer: { label: 'hint.analyticsFrequency', drop: 2 }, unavailable: (c) => (c.isRfm ? undefined : 'analytics.notRfm'), run: (c) => c.frequency() },
  {
    id: 'analytics.lose',
    keys: ['x'],
    description: 'help.analyticsLose',
    footer: { label: 'hint.analyticsLose', drop: 3 },
    unavailable: (c) => c.cannotWrite() ?? c.cannotLose(),
    run: (c) => c.lose(),
  },
  { id: 'analytics.asOf', keys: ['a'], description: 'help.analyticsAsOf', footer: { label: 'hint.analyticsAsOf', drop: 2 }, unavailable: (c) => (c.view.asOf ? undefined : 'analytics.notDated'), run: (c) => c.asOf() },
];

export interface PromptCtx {
  keep: () => void;
  cancel: () => void;
}

/** The as-of date being typed: Enter keeps it, Esc leaves it as it was. */
export const AS_OF_COMMANDS: Command<PromptCtx>[] = [
  { id: 'analytics.asOfKeep', keys: ['enter'], description: 'help.analyticsAsOfKeep', footer: { label: 'keys.keep' }, run: (c) => c.keep() },
  { id: 'analytics.asOfCancel', keys: ['esc'], description: 'help.analyticsAsOfCancel', footer: { label: 'keys.clear' }, run: (c) => c.cancel() },
];

/** The period being typed: Enter keeps it (empty: no period), Esc leaves it as it was. */
export const PERIOD_COMMANDS: Command<PromptCtx>[] = [
  { id: 'analytics.periodKeep', keys: ['enter'], description: 'help.analyticsPeriodKeep', footer: { label: 'keys.keep' }, run: (c) => c.keep() },
  { id: 'analytics.periodCancel', keys: ['esc'], description: 'help.analyticsPeriodCancel', footer: { label: 'keys.clear' }, run: (c) => c.cancel() },
];

/** The question before tasks are made or a field written: y does it, any other key does not. */
export const ASK_COMMANDS: Command<PromptCtx>[] = [
  { id: 'analytics.yes', keys: ['y', 'Y'], description: 'help.analyticsYes', footer: { label: 'keys.yes' }, run: (c) => c.keep() },
  { id: 'analytics.no', keys: ['n', 'N', 'esc'], description: 'help.analyticsNo', footer: { label: 'keys.no' }, run: (c) => c.cancel() },
];
