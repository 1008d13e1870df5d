import { emptyWorkspace, type Workspace } from '../../src/domain/workspace.js';
import { Repo } from '../../src/services/repo.js';

export const FIXED_NOW = new Date('2026-10-01T08:00:00.000Z');

/** An empty workspace and its repo at a fixed clock. */
export function freshRepo(): { ws: Workspace; repo: Repo } {
  const ws = emptyWorkspace(FIXED_NOW.toISOString());
  return { ws, repo: new Repo(ws, { clock: () => FIXED_NOW }) };
}
