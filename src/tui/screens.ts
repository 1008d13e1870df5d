// The screens of the app, in the order of their keys. A screen is any component with its own
// commands: a record list is RecordScreen with a configuration; a funnel, charts or a
// gradebook is another component. A screen appears here only once it works.
import { createElement, type ComponentType } from 'react';
import type { MessageKey, T } from '../i18n/index.js';
import type { Repo } from '../services/repo.js';
import type { AnyCommand } from './keys.js';
import { RecordScreen, type ScreenConfig } from './screens/records/RecordScreen.js';
import { CONFIRM_COMMANDS, DETAIL_COMMANDS, FILTER_COMMANDS, LIST_COMMANDS } from './screens/records/commands.js';
import { customersConfig } from './screens/customers.js';
import { contactsConfig } from './screens/contacts.js';
import { tasksConfig } from './screens/tasks.js';
import { funnelConfig } from './screens/funnel.js';
import { leadsConfig } from './screens/leads.js';
import { SalesScreen } from './screens/sales.js';
import { ticketsConfig } from './screens/tickets.js';
import { ordersConfig } from './screens/orders.js';
import { SettingsScreen, SETTINGS_COMMANDS } from './screens/settings/SettingsScreen.js';
import { MATRIX_COMMANDS } from './screens/settings/MatrixEditor.js';
import { rolePermissionsCommand } from './screens/settings/sections.js';
import { VALUES_COMMANDS } from './screens/settings/ValuesSection.js';
import { ORG_COMMANDS } from './screens/settings/OrgSection.js';
import { FIELDS_FORM_COMMANDS } from './screens/settings/FieldsForm.js';
import { AnalyticsScreen, analyticsAbout } from './screens/analytics/AnalyticsScreen.js';
import { ANALYTICS_COMMANDS, AS_OF_COMMANDS, ASK_COMMANDS, PERIOD_COMMANDS } from './screens/analytics/commands.js';
import { GradingScreen } from './screens/grading/GradingScreen.js';
import { GRADING_COMMANDS, PATH_COMMANDS, STUDENT_COMMANDS, TEAM_COMMANDS } from './screens/grading/commands.js';

export interface ScreenProps {
  /** false while a dialog or the help covers the screen: it keeps its state but takes no key */
  active: boolean;
  height: number;
  width: number;
}

/** A titled group of commands, as the help overlay and the README show them. */
export interface KeySection {
  title: MessageKey;
  commands: readonly AnyCommand[];
}

export interface ScreenDef {
  name: string;
  /** '1'..'9' */
  key: string;
  title: MessageKey;
  component: ComponentType<ScreenProps>;
  /** the screen's own commands */
  bindings: readonly AnyCommand[];
  /** commands it shares with screens of its kind (every record list has the same list keys) */
  shared?: readonly KeySection[];
  /** figures shown beside its title in the screen bar, kept up to date by every change */
  badge?: (repo: Repo, t: T) => string;
  /** lines the help overlay shows before the keys (analytics: the definition of the model shown) */
  about?: (t: T, width: number) => string[];
}

export const RECORD_SECTIONS: readonly KeySection[] = [
  { title: 'keys.section.list', commands: LIST_COMMANDS },
  { title: 'keys.section.filter', commands: FILTER_COMMANDS },
  { title: 'keys.section.detail', commands: DETAIL_COMMANDS },
  { title: 'keys.section.confirm', commands: CONFIRM_COMMANDS },
];

function recordScreen(name: string, key: string, title: MessageKey, config: ScreenConfig): ScreenDef {
  const component = (p: ScreenProps) => createElement(RecordScreen, { ...p, config });
  component.displayName = `RecordScreen(${name})`;
  return { name, key, title, component, bindings: config.commands ?? [], shared: RECORD_SECTIONS, badge: config.badge };
}

export const SCREENS: readonly ScreenDef[] = [
  recordScreen('customers', '1', 'screen.customers', customersConfig),
  recordScreen('contacts', '2', 'screen.contacts', contactsConfig),
  recordScreen('tasks', '3', 'screen.tasks', tasksConfig),
  // the funnel with its leads as a second view (L / F)
  { name: 'funnel', key: '4', title: 'screen.funnel', component: SalesScreen, bindings: [...(funnelConfig.commands ?? []), ...(leadsConfig.commands ?? [])], shared: RECORD_SECTIONS },
  recordScreen('orders', '5', 'screen.orders', ordersConfig),
  recordScreen('tickets', '6', 'screen.tickets', ticketsConfig),
  {
    name: 'analytics',
    key: '7',
    title: 'screen.analytics',
    component: AnalyticsScreen,
    bindings: ANALYTICS_COMMANDS,
    // a segment's customers are a customer list: the help shows its keys while it is open
    shared: [
      { title: 'analytics.section.asOf', commands: AS_OF_COMMANDS },
      { title: 'analytics.section.period', commands: PERIOD_COMMANDS },
      { title: 'analytics.section.ask', commands: ASK_COMMANDS },
    ],
    about: analyticsAbout,
  },
  {
    name: 'grading',
    key: '8',
    title: 'screen.grading',
    component: GradingScreen,
    bindings: GRADING_COMMANDS,
    shared: [
      { title: 'grading.section.student', commands: STUDENT_COMMANDS },
      { title: 'grading.section.path', commands: PATH_COMMANDS },
      { title: 'grading.section.team', commands: TEAM_COMMANDS },
    ],
  },
  {
    name: 'settings',
    key: '9',
    title: 'screen.settings',
    component: SettingsScreen,
    bindings: [...SETTINGS_COMMANDS, rolePermissionsCommand(() => {})],
    shared: [
      ...RECORD_SECTIONS,
      { title: 'settings.section.matrix', commands: MATRIX_COMMANDS },
      { title: 'settings.valuesTitle', commands: VALUES_COMMANDS },
      { title: 'settings.orgTitle', commands: [...ORG_COMMANDS, ...FIELDS_FORM_COMMANDS] },
    ],
  },
];
