// The app's own commands: switching screens, the palette, help, quitting, and the actions
// that only the palette offers (import, language).
import type { EntityName } from '../domain/entities.js';
import type { MessageKey } from '../i18n/index.js';
import type { Command } from './keys.js';
import type { ScreenDef } from './screens.js';

export type Overlay = null | 'help' | 'palette' | 'switchUser' | { import: EntityName };

export interface AppCtx {
  goTo: (screen: number) => void;
  step: (by: 1 | -1) => void;
  open: (o: Overlay) => void;
  quit: () => void;
  loadDemo: () => void;
  /** why the demo cannot be loaded now */
  demoRefused: () => MessageKey | undefined;
  toggleLang: () => void;
  cannotWrite: () => MessageKey | undefined;
  /** shows or hides the lab panel */
  toggleLab: () => void;
  /** why there is no lab panel (the workspace is no lab's) */
  labRefused: () => MessageKey | undefined;
}

/** Keys no layer can take: Ctrl+C always quits. */
export const SYSTEM_COMMANDS: Command<AppCtx>[] = [
  { id: 'app.forceQuit', keys: ['ctrl+c'], description: 'help.forceQuit', footer: { label: 'hint.quit' }, run: (c) => c.quit() },
];

export function globalCommands(screens: readonly ScreenDef[]): Command<AppCtx>[] {
  return [
    ...screens.map((s, i): Command<AppCtx> => ({
      id: `screen.${s.name}`,
      keys: [s.key],
      label: (t) => t('palette.goto', { screen: t(s.title) }),
      run: (c) => c.goTo(i),
    })),
    { id: 'app.nextScreen', keys: ['tab'], description: 'keys.nextScreen', run: (c) => c.step(1) },
    { id: 'app.prevScreen', keys: ['shift+tab'], description: 'keys.prevScreen', run: (c) => c.step(-1) },
    { id: 'app.help', keys: ['?'], description: 'palette.help', footer: { label: 'hint.help' }, run: (c) => c.open('help') },
    { id: 'app.palette', keys: [':'], description: 'keys.palette', footer: { label: 'hint.palette', drop: 1 }, run: (c) => c.open('palette') },
    { id: 'app.quit', keys: ['q'], description: 'palette.quit', footer: { label: 'hint.quit' }, run: (c) => c.quit() },
    { id: 'app.demo', keys: ['D'], description: 'palette.loadDemo', unavailable: (c) => c.demoRefused(), run: (c) => c.loadDemo() },
    { id: 'import.customers', keys: [], description: 'keys.importCustomers', unavailable: (c) => c.cannotWrite(), run: (c) => c.open({ import: 'customers' }) },
    { id: 'import.contacts', keys: [], description: 'keys.importContacts', unavailable: (c) => c.cannotWrite(), run: (c) => c.open({ import: 'contacts' }) },
    // an order history or a feedback export brings its customers (a mapping file with createMissing)
    { id: 'import.orders', keys: [], description: 'keys.importOrders', unavailable: (c) => c.cannotWrite(), run: (c) => c.open({ import: 'orders' }) },
    { id: 'import.tickets', keys: [], description: 'keys.importTickets', unavailable: (c) => c.cannotWrite(), run: (c) => c.open({ import: 'tickets' }) },
    { id: 'app.language', keys: [], description: 'palette.language', run: (c) => c.toggleLang() },
    // act as another employee: what the lists show and what may be changed follow their role
    { id: 'app.switchUser', keys: [], description: 'palette.switchUser', run: (c) => c.open('switchUser') },
    // the lab (实训) this workspace was started for: its tasks, ticked as the data shows them done
    { id: 'app.labPanel', keys: ['ctrl+l'], description: 'keys.labPanel', unavailable: (c) => c.labRefused(), run: (c) => c.toggleLab() },
  ];
}
