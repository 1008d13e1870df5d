// One stdin listener for the whole app, and layers of commands under it. A key goes to the
// layers from the top (system, dialog, form, screen, global); the first layer that binds it
// runs the command and nobody else sees the key. A layer may also take text (a field being
// typed in) or be modal (it swallows every key it does not bind: a dialog, a form).
//
// Layers register in a layout effect, during the commit. Ink draws after its input handler
// returns, in a later task; a key that arrives before that (two reads in one burst, or "jj"
// and "n王" in one read) waits until what the previous key did is committed, so a form opened
// by one key receives the next, and every key acts on the state the user sees.
import React, { createContext, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useInput, type Key } from 'ink';
import { bound, eachChar, keyNameOf, PASTE, type AnyCommand, type Command, type Why } from '../keys.js';

export type Layer = 'system' | 'dialog' | 'form' | 'screen' | 'global';
const ORDER: Layer[] = ['system', 'dialog', 'form', 'screen', 'global'];

export interface LayerState {
  commands: readonly AnyCommand[];
  ctx: unknown;
  active: boolean;
  /** takes a key no command binds (text for a field); true when it did */
  other?: (input: string, key: Key) => boolean;
  /** swallows every key it does not bind */
  modal: boolean;
}

export interface Entry {
  layer: Layer;
  seq: number;
  state: { current: LayerState };
}

interface Root {
  add: (e: Entry) => () => void;
  changed: () => void;
  subscribe: (fn: () => void) => () => void;
  version: () => number;
  /** active layers, the one that sees keys first first */
  layers: () => Entry[];
  nextSeq: () => number;
  /** the app's hooks: before each key (a notice goes away), and when a command is refused */
  hooks: { before?: (input: string, key: Key) => void; refused?: (why: Why) => void };
  /** true while a slow job (useBusy) runs and until the keys read during it are gone: those
   *  were pressed at a frame that did not yet show the job's result */
  deaf: boolean;
}

const KeysContext = createContext<Root | null>(null);
KeysContext.displayName = 'KeysContext';

function makeRoot(): Root {
  let entries: Entry[] = [];
  let seq = 0;
  let version = 0;
  const listeners = new Set<() => void>();
  const root: Root = {
    add: (e) => {
      entries.push(e);
      root.changed();
      return () => {
        entries = entries.filter((x) => x !== e);
        root.changed();
      };
    },
    changed: () => {
      version++;
      for (const l of [...listeners]) l();
    },
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    version: () => version,
    layers: () =>
      entries
        .filter((e) => e.state.current.active)
        .sort((a, b) => ORDER.indexOf(a.layer) - ORDER.indexOf(b.layer) || b.seq - a.seq),
    nextSeq: () => ++seq,
    hooks: {},
    deaf: false,
  };
  return root;
}

/** Runs a command, or says why it cannot run now. */
export function runCommand(root: Pick<Root, 'hooks'>, cmd: AnyCommand, ctx: unknown): void {
  const why = cmd.unavailable?.(ctx);
  if (why) root.hooks.refused?.(why);
  else cmd.run(ctx);
}

/** Handles one read: false when no layer took it. `rest` is what is left after one key. */
function dispatch(root: Root, input: string, key: Key): { took: boolean; rest?: string; moved?: boolean } {
  if (input.startsWith(PASTE)) {
    // a paste is text for the field that has focus; with none, it is dropped, never run as keys
    const text = input.slice(PASTE.length);
    for (const e of root.layers()) {
      const s = e.state.current;
      if (s.other?.(text, key) || s.modal) break;
    }
    return { took: true };
  }
  const chars = eachChar(input);
  const rest = chars.length > 1 ? chars.slice(1).join('') : undefined;
  const name = keyNameOf(chars[0], key);
  for (const e of root.layers()) {
    const s = e.state.current;
    const cmd = bound(s.commands, name);
    if (cmd) {
      runCommand(root, cmd, s.ctx);
      return { took: true, rest, moved: cmd.moves };
    }
    if (s.other?.(input, key)) return { took: true };
    if (s.modal) return { took: true, rest };
  }
  return { took: false, rest };
}

/** Renders nothing; its layout effect runs after every layer below the root has registered. */
function CommitProbe({ onCommit, bump }: { onCommit: () => void; bump: { current: () => void } }) {
  const [, setN] = useState(0);
  bump.current = () => setN((n) => n + 1);
  useLayoutEffect(onCommit);
  return null;
}

const roots = new Set<{ current: { items: unknown[]; waiting: boolean } }>();

/** slow jobs under way (useBusy) */
let busyJobs = 0;
export const busyJobStarted = () => void busyJobs++;
export const busyJobEnded = () => void busyJobs--;

/** True while keys wait to be handled, what a key did is not yet drawn, or a slow job runs
 *  (tests wait on it). */
export const keysPending = () => busyJobs > 0 || [...roots].some((q) => q.current.waiting || q.current.items.length > 0);

export function KeysRoot({ children }: { children: React.ReactNode }) {
  const root = useRef<Root>(null as unknown as Root);
  root.current ??= makeRoot();
  // keys wait here while what the previous key did is not yet drawn (Ink renders after the
  // input handler returns, in a later task): each key acts on the layers the user sees
  const queue = useRef<{ items: [string, Key][]; waiting: boolean }>({ items: [], waiting: false });
  const bump = useRef(() => {});
  useLayoutEffect(() => {
    roots.add(queue);
    return () => void roots.delete(queue);
  }, []);
  const drain = () => {
    const q = queue.current;
    // keys typed ahead of a slow job's result act on nothing (useBusy)
    if (root.current.deaf) q.items.length = 0;
    while (q.items.length && !q.waiting) {
      const [input, key] = q.items.shift()!;
      const { took, rest, moved } = dispatch(root.current, input, key);
      // a command that began a slow job: the keys after it were typed ahead of its result
      if (root.current.deaf) q.items.length = 0;
      else if (rest) q.items.unshift([rest, key]);
      // a move changes no layer and reads the latest state: a burst of them is drawn once
      if (took && !moved) {
        q.waiting = true;
        bump.current();
      }
    }
  };
  useInput((input, key) => {
    // every key, Ctrl+C too: the job's result is drawn first, and the next key acts on it
    if (root.current.deaf) return;
    root.current.hooks.before?.(input, key);
    queue.current.items.push([input, key]);
    drain();
  });
  return (
    <KeysContext.Provider value={root.current}>
      {children}
      <CommitProbe
        bump={bump}
        onCommit={() => {
          queue.current.waiting = false;
          drain();
        }}
      />
    </KeysContext.Provider>
  );
}

export function useKeysRoot(): Root {
  const root = useContext(KeysContext);
  if (!root) throw new Error('useCommands outside <KeysRoot>');
  return root;
}

/**
 * Registers a layer of commands. `ctx` is what the commands act on; the latest render's ctx
 * and commands take the next key.
 */
export function useCommands<C>(
  layer: Layer,
  commands: readonly Command<C>[],
  ctx: C,
  opts: { active?: boolean; other?: (input: string, key: Key) => boolean; modal?: boolean } = {},
): void {
  const root = useKeysRoot();
  const state = useRef<LayerState>(null as unknown as LayerState);
  state.current = { commands: commands as readonly AnyCommand[], ctx, active: opts.active ?? true, other: opts.other, modal: opts.modal ?? false };
  const seq = useRef(0);
  useLayoutEffect(() => {
    seq.current = root.nextSeq();
    return root.add({ layer, seq: seq.current, state });
  }, [root, layer]);
  // the footer follows what this layer offers now
  const sig = useRef('');
  useLayoutEffect(() => {
    const s = state.current;
    const next = `${s.active}|${s.commands.map((c) => (c.footer && c.unavailable?.(s.ctx) ? `-${c.id}` : c.id)).join(',')}`;
    if (next !== sig.current) {
      sig.current = next;
      root.changed();
    }
  });
}

/** The active layers, re-read whenever one of them changes (for the footer). */
export function useActiveLayers(): Entry[] {
  const root = useKeysRoot();
  useSyncExternalStore(root.subscribe, root.version);
  return root.layers();
}
