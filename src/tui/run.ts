// Starts the full-screen app: opens the workspace (read-only if another session holds it),
// switches to the alternate screen and restores the terminal on every way out.
import React from 'react';
import { render } from 'ink';
import type { StorageBackend } from '../services/ports.js';
import { detectLang, makeT } from '../i18n/index.js';
import { storeErrorText } from '../presentation/store-errors.js';
import { App } from './App.js';
import { sessionOver, UnknownUserError } from '../services/session.js';
import { useWorkspaceClock } from '../services/time-zone.js';
import { sanitizeText } from '../text/sanitize.js';
import { makeTheme } from './theme.js';
import { keyStdin } from './stdin-filter.js';
import { demoForToday } from '../services/demo-today.js';
import { labWorkspaceFile } from '../services/labs.js';
import { loggedStore } from '../services/lab-log.js';
import { LAB_ID } from '../domain/labs/lab-schema.js';
import { ENTITY_NAMES } from '../domain/entities.js';

export interface RunOptions {
  data?: string;
  /** a started lab's id: its workspace (without --data) */
  lab?: string;
  lang?: string;
  user?: string;
  ascii: boolean;
  /** create the workspace with the demo hotel when there is none yet */
  demo: boolean;
  /** run the process's clock in the workspace's time zone (the program, not a test, owns it) */
  processClock?: boolean;
  /** --grade DIR: open screen 8 and grade this folder of submissions */
  grade?: string;
  /** the program's own file, for grading's worker threads */
  workerScript?: string;
  /** told how many records the opened workspace holds (main.ts tunes the JS engine by it) */
  opened?: (records: number) => void;
}

// the alternate screen, and bracketed paste so a pasted newline is text, not Enter
const ALT_ON = '\u001b[?1049h\u001b[H\u001b[?2004h';
const ALT_OFF = '\u001b[?2004l\u001b[?1049l';

export async function runApp(backend: StorageBackend, o: RunOptions): Promise<number> {
  // the demo's desk dated today (its tasks and birthdays move with the date)
  const loadDemoWorkspace = () => demoForToday(backend.loadDemo(), new Date());
  let file = backend.resolvePath(o.data);
  if (o.lab !== undefined && !o.data) {
    // a lab's workspace is made by `lab start`, with the lab's data: never an empty one here
    const t = makeT(detectLang(o.lang, undefined));
    if (!LAB_ID.test(o.lab)) {
      process.stderr.write(sanitizeText(t('lab.badId', { id: o.lab })) + '\n');
      return 2;
    }
    file = labWorkspaceFile(file, o.lab);
    if (!backend.exists(file)) {
      process.stderr.write(sanitizeText(t('lab.notStarted', { id: o.lab })) + '\n');
      return 1;
    }
  }
  let store;
  try {
    store = await backend.open(file, { create: true, write: true, fallbackReadOnly: true, deferValidation: true });
  } catch (e) {
    const msg = storeErrorText(makeT(detectLang(o.lang, undefined)), e);
    if (!msg) throw e;
    process.stderr.write(msg + '\n');
    return 1;
  }
  // a lab's workspace: every save is first added to its tamper-evident log
  store = loggedStore(store, backend);
  if (o.demo && store.created && !store.readOnlyBecause) {
    const ws = loadDemoWorkspace();
    store.replace(ws);
    await store.save();
  }
  o.opened?.(ENTITY_NAMES.reduce((n, e) => n + (store.data[e]?.length ?? 0), 0));
  if (o.processClock) useWorkspaceClock(store.data);
  const lang = detectLang(o.lang, store.data.settings.lang);
  let actor;
  try {
    // the same rule as the CLI's: --user LOGIN, else the workspace's administrator
    actor = sessionOver(store, { user: o.user }).actor;
  } catch (e) {
    // a shared hotel: no employee bound to this login, or --user without the right to it
    const shared = e instanceof UnknownUserError ? undefined : storeErrorText(makeT(lang), e);
    if (!(e instanceof UnknownUserError) && !shared) throw e;
    process.stderr.write((shared ?? sanitizeText(makeT(lang)('cli.unknownUser', { value: (e as UnknownUserError).login, choices: (e as UnknownUserError).logins.join(', ') }))) + '\n');
    await store.close({ compact: false });
    return 1;
  }
  const ascii = o.ascii || process.env.HOTEL_CRM_ASCII === '1' || !!store.data.settings.ascii;
  const out = process.stdout;

  let restored = false;
  const restore = async (compact: boolean) => {
    if (restored) return;
    restored = true;
    out.write(ALT_OFF);
    await store.close({ compact });
  };
  // a dropped SSH session (SIGHUP) or a kill: what was typed is in the journal, the lock is freed
  const flush = { current: async () => {} };
  // a terminal that went away (SSH dropped) fails writes with EIO: nothing left to show them to
  out.on('error', () => {});
  let unmount = () => {};
  let dying = false;
  const die = (code: number) => () => {
    if (dying) return;
    dying = true;
    unmount();
    void flush
      .current()
      .catch(() => {})
      .then(() => restore(false))
      .finally(() => process.exit(code));
  };
  // `on`, not `once`: Ink's signal-exit kills the process at once when it finds no other
  // listener for the signal, before our flush and restore could run
  process.on('SIGTERM', die(143));
  process.on('SIGHUP', die(129));
  process.once('uncaughtException', (e) => {
    void restore(false).finally(() => {
      process.stderr.write(`hotel-crm: ${process.env.HOTEL_CRM_DEBUG ? (e.stack ?? e) : e.message}\n`);
      process.exit(1);
    });
  });

  out.write(ALT_ON);
  const size = () => ({ cols: out.columns || 80, rows: out.rows || 24 });
  const stdin = keyStdin(process.stdin);
  // screen 8: the demo as shipped (each lab's start dates it), durable writes, the worker threads
  // a shared hotel: screen 8 and the lab panel grade its team lab from the history (loaded when first asked)
  const team = store.shared && backend.readHistory ? async () => (await import('../services/team-lab.js')).gradeTeam(backend, file) : undefined;
  const grading = { demo: () => backend.loadDemo(), writeFile: backend.writeFile.bind(backend), workerScript: o.workerScript, dir: o.grade, team, hotel: store.file };
  const element = (s: { cols: number; rows: number }) =>
    React.createElement(App, { store, lang, user: String(actor.login), theme: makeTheme(), ascii, size: s, loadDemo: loadDemoWorkspace, flush, careOnStart: true, grading, startScreen: o.grade === undefined ? undefined : 'grading' });
  const inst = render(element(size()), { stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 60 });
  unmount = () => inst.unmount();
  const onResize = () => inst.rerender(element(size()));
  out.on('resize', onResize);
  try {
    await inst.waitUntilExit();
  } finally {
    out.off('resize', onResize);
    stdin.pause();
    await flush.current().catch(() => {});
    await restore(true);
  }
  return 0;
}
