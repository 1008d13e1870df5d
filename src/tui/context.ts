import { createContext, useContext } from 'react';
import type { Repo } from '../services/repo.js';
import type { MessageKey, T } from '../i18n/index.js';
import type { Theme } from './theme.js';
import type { LockInfo } from '../services/ports.js';

export type Notice = { text: string; kind: 'info' | 'ok' | 'error' };

export interface AppServices {
  repo: Repo;
  t: T;
  theme: Theme;
  ascii: boolean;
  /** set when another process holds the workspace */
  readOnly?: LockInfo;
  size: { cols: number; rows: number };
  /** the frame row where the screen's body starts (below the bar and any banner) */
  bodyTop: number;
  /** tells the app that records changed: it redraws, then saves; `done` is shown once the
   *  change is on disk (the status line says "saving" until then) */
  changed: (done?: string) => void;
  notify: (text: string, kind?: Notice['kind']) => void;
  /** refuses a write in a read-only session, with a message; true if writing may go on */
  canWrite: () => boolean;
  /** why nothing can be written now (read-only, bad records), for commands that write */
  cannotWrite: () => MessageKey | undefined;
  /** resolves once every record of the workspace has been checked */
  whenValidated: () => Promise<void>;
  openScreen: (name: string, args?: { focusId?: string; action?: 'new' }) => void;
  /** a shared hotel: who last saved a record that others' saves brought in */
  changedBy?: (entity: string, id: string) => string | undefined;
  /** a request another screen left for this one (open a record, start a new one) */
  request?: { focusId?: string; action?: 'new'; seq: number };
}

export const AppContext = createContext<AppServices | null>(null);
AppContext.displayName = 'AppContext';

export function useApp(): AppServices {
  const c = useContext(AppContext);
  if (!c) throw new Error('useApp outside <AppContext.Provider>');
  return c;
}
