// One change to a workspace, as the journal records it and a backend applies it. Every entry
// is idempotent (put a whole record, delete an id, set the counters, set the settings).
import type { Workspace } from './workspace.js';

export type Change =
  | { op: 'put'; e: string; r: Record<string, unknown> & { id: string } }
  | { op: 'del'; e: string; id: string }
  | { op: 'counters'; c: Record<string, number> }
  | { op: 'settings'; s: Workspace['settings'] };
