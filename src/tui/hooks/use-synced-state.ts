import { useCallback, useRef, useState } from 'react';

/**
 * State whose latest value key handlers can read at once. Ink hands several keys to a
 * handler before React re-renders (a fast "jj", or "/wang" in one read): each key must see
 * what the previous one did, so handlers read `ref.current`, never the render's copy.
 */
export function useSyncedState<S extends object>(init: S | (() => S)) {
  const [state, setState] = useState<S>(init);
  const ref = useRef<S>(state);
  const set = useCallback((patch: Partial<S> | ((s: S) => Partial<S>)) => {
    const p = typeof patch === 'function' ? patch(ref.current) : patch;
    ref.current = { ...ref.current, ...p };
    setState(ref.current);
  }, []);
  return [state, ref, set] as const;
}
