import { render } from 'ink-testing-library';
import { displayWidth } from '../../src/text/width.js';
import { App } from '../../src/tui/App.js';
import { memoryStore } from '../../src/storage/store.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Lang } from '../../src/i18n/index.js';
import type { LockInfo } from '../../src/storage/lock.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { keysPending } from '../../src/tui/hooks/use-keys.js';
import { SCREENS, type ScreenDef } from '../../src/tui/screens.js';
import { appSections } from '../../src/tui/key-doc.js';
import type { GradingPorts } from '../../src/tui/screens/grading/ports.js';

export const KEY = {
  up: '\u001b[A', down: '\u001b[B', enter: '\r', esc: '\u001b', tab: '\t', shiftTab: '\u001b[Z', backspace: '\u007f',
  ctrlS: '\u0013', ctrlC: '\u0003', ctrlU: '\u0015', pageDown: '\u001b[6~',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until the keys written are handled and what they did is drawn. */
async function tick() {
  await sleep(15);
  for (let i = 0; i < 400 && keysPending(); i++) await sleep(5);
}

const SEQUENCES: Record<string, string> = {
  up: '\u001b[A', down: '\u001b[B', left: '\u001b[D', right: '\u001b[C', pgup: '\u001b[5~', pgdn: '\u001b[6~', home: '\u001b[H', end: '\u001b[F',
  enter: '\r', esc: '\u001b', tab: '\t', 'shift+tab': '\u001b[Z', space: ' ', backspace: '\u007f',
};

/** Every command the app declares, by id. */
const COMMANDS = new Map(
  [...SCREENS.flatMap((s) => [...s.bindings, ...(s.shared ?? []).flatMap((x) => x.commands)]), ...appSections(SCREENS).flatMap((x) => x.commands)].map((c) => [c.id, c]),
);

/** What the terminal sends for the first key of a command ('list.down' is the Down arrow). */
export function keyOf(id: string): string {
  const c = COMMANDS.get(id);
  if (!c || !c.keys.length) throw new Error(`no command "${id}" with a key`);
  const k = c.keys[0];
  if (SEQUENCES[k]) return SEQUENCES[k];
  if (k.startsWith('ctrl+')) return String.fromCharCode(k.charCodeAt(5) - 96);
  return k;
}

export interface RenderOpts {
  ws?: Workspace;
  lang?: Lang;
  cols?: number;
  rows?: number;
  readOnly?: LockInfo;
  screens?: readonly ScreenDef[];
  /** plain mode (--ascii, HOTEL_CRM_ASCII=1 or the workspace setting) */
  ascii?: boolean;
  /** make the day's care tasks at start, as the app run from a terminal does */
  careOnStart?: boolean;
  /** the login the app acts as (default: the administrator) */
  user?: string;
  /** a store of the test's own (e.g. one whose saves the test completes by hand) */
  store?: ReturnType<typeof memoryStore>;
  /** screen 8's ports (the demo, a durable writer, worker threads, --grade DIR) */
  grading?: GradingPorts;
  /** the screen shown first, by name */
  startScreen?: string;
}

/** The whole app over an in-memory store, with keys in and frames out. */
export async function renderApp(opts: RenderOpts = {}) {
  const ws = opts.ws ?? loadDemoWorkspace();
  const store = opts.store ?? memoryStore(ws);
  if (opts.readOnly) Object.assign(store, { readOnlyBecause: opts.readOnly });
  let quit = false;
  const tree = (size: { cols: number; rows: number }) => (
    <App
      store={store}
      lang={opts.lang ?? 'zh-CN'}
      theme={{}}
      ascii={opts.ascii ?? false}
      size={size}
      loadDemo={loadDemoWorkspace}
      screens={opts.screens}
      user={opts.user}
      careOnStart={opts.careOnStart}
      grading={opts.grading}
      startScreen={opts.startScreen}
      schedule={(fn) => fn()}
      onQuit={() => {
        quit = true;
      }}
    />
  );
  const r = render(tree({ cols: opts.cols ?? 80, rows: opts.rows ?? 24 }));
  // Ink lays the frame out in the terminal's width: the fake terminal is as wide as the app's
  let columns = opts.cols ?? 80;
  Object.defineProperty(r.stdout, 'columns', { get: () => columns, configurable: true });
  // (read on every commit; the app's own Box has the given width from the first frame)
  await tick();
  return {
    store,
    ws,
    frame: () => r.lastFrame() ?? '',
    lines: () => (r.lastFrame() ?? '').split('\n'),
    /** each key written as its own read, as a person types */
    async press(...keys: string[]) {
      for (const k of keys) {
        r.stdin.write(k);
        await tick();
      }
    },
    /** presses the first key of each command named ('list.down', 'record.new', 'form.save') */
    async command(...ids: string[]) {
      for (const id of ids) {
        r.stdin.write(keyOf(id));
        await tick();
      }
    },
    /** keys typed ahead: each its own read, one right after the other with no wait between
     *  (as a person types while the app is busy); returns the frame drawn just after them,
     *  then waits until everything is handled and drawn */
    async typeAhead(...keys: string[]): Promise<string> {
      for (const k of keys) r.stdin.write(k);
      await sleep(5);
      const early = r.lastFrame() ?? '';
      await tick();
      return early;
    },
    async type(text: string) {
      r.stdin.write(text);
      await tick();
    },
    /** the terminal resized: the app is drawn again at the new size */
    async resize(cols: number, rows: number) {
      columns = cols;
      r.rerender(tree({ cols, rows }));
      // until a frame of the new width is drawn (the status line spans the terminal), at most 1 s
      for (let i = 0; i < 200; i++) {
        await new Promise((res) => setTimeout(res, i === 0 ? 0 : 5));
        if ((r.lastFrame() ?? '').split('\n').some((l) => displayWidth(l) === cols)) break;
      }
    },
    quitted: () => quit,
    /** how many screens the app has (Tab goes round them) */
    screenCount: () => (opts.screens ?? SCREENS).length,
    unmount: () => r.unmount(),
  };
}

/** Presses keys by command name: `press(app, 'list.down', 'record.edit')`. */
export const press = (app: Awaited<ReturnType<typeof renderApp>>, ...ids: string[]) => app.command(...ids);
