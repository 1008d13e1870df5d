// One stdin listener for the whole app; components register key handlers with useKeys.
// Registration happens in a layout effect, during the commit, so a form opened by one key
// already receives the next key, even when both arrive in the same read (Ink's own useInput
// subscribes in a passive effect, and keys typed right after a screen change were lost).
import React, { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;
interface Entry {
  fn: { current: KeyHandler };
  active: { current: boolean };
}

const KeysContext = createContext<{ add: (e: Entry) => () => void } | null>(null);
KeysContext.displayName = 'KeysContext';

export function KeysRoot({ children }: { children: React.ReactNode }) {
  const entries = useRef<Entry[]>([]);
  const api = useRef({
    add: (e: Entry) => {
      entries.current.push(e);
      return () => {
        entries.current = entries.current.filter((x) => x !== e);
      };
    },
  });
  useInput((input, key) => {
    for (const e of [...entries.current]) if (e.active.current) e.fn.current(input, key);
  });
  return <KeysContext.Provider value={api.current}>{children}</KeysContext.Provider>;
}

export function useKeys(handler: KeyHandler, opts: { isActive?: boolean } = {}): void {
  const ctx = useContext(KeysContext);
  if (!ctx) throw new Error('useKeys outside <KeysRoot>');
  const fn = useRef(handler);
  const active = useRef(opts.isActive ?? true);
  // the latest render's handler and state take the next key
  fn.current = handler;
  active.current = opts.isActive ?? true;
  useLayoutEffect(() => ctx.add({ fn, active }), [ctx]);
}
