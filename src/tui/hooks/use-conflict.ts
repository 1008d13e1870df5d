// A save someone else overtook, settled by the person (a shared hotel). The refused batch and
// the records as saved now are kept here until they choose; every choice goes through the
// conflict service, and the records it read again reach the screens as a new Repo.
import { useRef, useState, type MutableRefObject } from 'react';
import { Repo } from '../../services/repo.js';
import type { Batch } from '../../domain/change.js';
import type { WorkspaceStore } from '../../services/ports.js';
import { editMerged, keepMine, openConflict, takeTheirs, type Settling } from '../../services/conflicts.js';
import { entityLabel, errorText, type T } from '../../i18n/index.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { ConflictCtx } from '../components/commands.js';
import type { Notice } from '../context.js';

export interface ConflictState {
  settling: Settling;
  /** edit chosen: the form of the record, theirs with my changed fields over it */
  form?: { entity: Settling['cases'][number]['entity']; id: string; preset: Record<string, unknown>; clashes: string[] };
  error?: string;
}

export function useConflict(
  store: WorkspaceStore,
  repoRef: MutableRefObject<Repo>,
  setRepo: (r: Repo) => void,
  changed: (done?: string) => void,
  notify: (n: Notice) => void,
  t: T,
) {
  const [state, setState] = useState<ConflictState | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busy = useRef(false);

  /** the records read again: the screens get a new Repo, with any change made meanwhile kept */
  const fresh = () => {
    const old = repoRef.current;
    const next = new Repo(store.data, { actor: old.actorLogin });
    next.version = old.version + 1;
    next.requeue(old.drainChanges());
    repoRef.current = next;
    setRepo(next);
    return next;
  };

  /** true when the refusal is one the person settles (the dialog opens) */
  const open = async (err: unknown, batch: Batch): Promise<boolean> => {
    const settling = await openConflict(store, err, batch).catch(() => undefined);
    if (!settling) return false;
    fresh();
    setState({ settling });
    return true;
  };

  const who = (s: Settling) => sanitizeLine(s.cases[0].by ?? '?');
  const ids = (s: Settling) => s.cases.map((c) => sanitizeLine(c.id)).join(', ');

  const ctx: ConflictCtx = {
    keepMine: () => {
      const cur = stateRef.current;
      if (!cur || busy.current) return;
      const s = cur.settling;
      const res = keepMine(repoRef.current, s);
      if (!res.ok) {
        const reason = res.errors.map((e) => errorText(t, res.entity, e, repoRef.current.ws.valueLists)).join('; ');
        return setState({ ...cur, error: t('conflict.refused', { reason }) });
      }
      const c = s.cases[0];
      setState(null);
      changed(t(c.kind === 'deleted' ? 'conflict.recreated' : 'conflict.keptMine', { by: who(s), entity: entityLabel(t, c.entity), id: ids(s) }));
    },
    takeTheirs: () => {
      const cur = stateRef.current;
      if (!cur || busy.current) return;
      busy.current = true;
      const s = cur.settling;
      void takeTheirs(store, s)
        .then(() => {
          fresh();
          setState(null);
          notify({ text: t(s.cases[0].kind === 'deleted' ? 'conflict.discarded' : 'conflict.tookTheirs', { by: who(s), id: ids(s) }), kind: 'ok' });
        })
        .catch((e: unknown) => setState({ ...cur, error: t('conflict.refused', { reason: sanitizeLine(e instanceof Error ? e.message : String(e)) }) }))
        .finally(() => {
          busy.current = false;
        });
    },
    edit: () => {
      const cur = stateRef.current;
      if (!cur || busy.current) return;
      const form = editMerged(repoRef.current, cur.settling);
      if (!form) return;
      // the rest of the action (nobody else touched it) is saved now; the record with the form
      changed();
      setState({ ...cur, form, error: undefined });
    },
    editRefused: () => {
      const s = stateRef.current?.settling;
      return s && (s.cases.length !== 1 || !s.cases[0].merge) ? 'conflict.editOne' : undefined;
    },
  };
  return { state, open, ctx, close: () => setState(null) };
}
