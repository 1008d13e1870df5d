import os from 'node:os';
import path from 'node:path';

/** Workspace file: --data, else $HOTEL_CRM_DATA, else the per-user data folder (interface.md). */
export function resolveWorkspacePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.HOTEL_CRM_DATA) return path.resolve(env.HOTEL_CRM_DATA);
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'hotel-crm', 'workspace.json');
}
