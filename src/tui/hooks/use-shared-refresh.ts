// A shared hotel: what other employees save appears on open screens. The store calls back on
// each save in the database (LISTEN/NOTIFY); the changes are pulled into the workspace once no
// change of this session's own is waiting to be saved, and the screens get a new Repo.
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { WorkspaceStore } from '../../services/ports.js';

export function useSharedRefresh(store: WorkspaceStore, pendingSave: MutableRefObject<boolean>, onFresh: () => void): void {
  const fresh = useRef(onFresh);
  fresh.current = onFresh;
  useEffect(() => {
    const { watch, refresh } = store;
    if (!watch || !refresh) return;
    let busy = false;
    let again = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pull = async (): Promise<void> => {
      if (stopped) return;
      if (busy) {
        again = true;
        return;
      }
      // this session's own change is about to be saved: look once it is
      if (pendingSave.current) {
        timer ??= setTimeout(() => {
          timer = undefined;
          void pull();
        }, 50);
        return;
      }
      busy = true;
      try {
        if (await refresh.call(store)) fresh.current();
      } catch {
        // the next save says what is wrong with the connection; nothing to show here
      } finally {
        busy = false;
        if (again) {
          again = false;
          void pull();
        }
      }
    };
    const off = watch.call(store, () => void pull());
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      off();
    };
  }, [store, pendingSave]);
}
