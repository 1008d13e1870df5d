import { render } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import { memoryStore } from '../../src/storage/store.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Lang } from '../../src/i18n/index.js';
import type { LockInfo } from '../../src/storage/lock.js';
import { loadDemoWorkspace } from '../../src/demo.js';

export const KEY = {
  up: '\u001b[A', down: '\u001b[B', enter: '\r', esc: '\u001b', tab: '\t', shiftTab: '\u001b[Z', backspace: '\u007f',
  ctrlS: '\u0013', ctrlC: '\u0003', ctrlU: '\u0015', pageDown: '\u001b[6~',
};

const tick = () => new Promise((r) => setTimeout(r, 15));

export interface RenderOpts {
  ws?: Workspace;
  lang?: Lang;
  cols?: number;
  rows?: number;
  readOnly?: LockInfo;
  /** a store of the test's own (e.g. one whose saves the test completes by hand) */
  store?: ReturnType<typeof memoryStore>;
}

/** The whole app over an in-memory store, with keys in and frames out. */
export async function renderApp(opts: RenderOpts = {}) {
  const ws = opts.ws ?? loadDemoWorkspace();
  const store = opts.store ?? memoryStore(ws);
  if (opts.readOnly) Object.assign(store, { readOnlyBecause: opts.readOnly });
  let quit = false;
  const r = render(
    <App
      store={store}
      lang={opts.lang ?? 'zh-CN'}
      theme={{}}
      ascii={false}
      size={{ cols: opts.cols ?? 80, rows: opts.rows ?? 24 }}
      loadDemo={loadDemoWorkspace}
      schedule={(fn) => fn()}
      onQuit={() => {
        quit = true;
      }}
    />,
  );
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
    async type(text: string) {
      r.stdin.write(text);
      await tick();
    },
    quitted: () => quit,
    unmount: () => r.unmount(),
  };
}
