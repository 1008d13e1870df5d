import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDir } from './durable-file.js';
import { checkOwnFile, checkPrivateDir, myUid, UnsafePathError } from './safe-fs.js';

/** Workspace file: --data, else $HOTEL_CRM_DATA, else the per-user data folder (interface.md). */
export function resolveWorkspacePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.HOTEL_CRM_DATA) return path.resolve(env.HOTEL_CRM_DATA);
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'hotel-crm', 'workspace.json');
}

/** The real file behind a workspace path, links resolved once: saving renames a new file over
 *  this name, which would replace a link by a plain file, and two links to one file must share
 *  one lock. A missing file (or a dangling link) resolves to where it would be created. */
export function realWorkspacePath(file: string): string {
  let p = path.resolve(file);
  for (let hops = 0; hops < 32; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      break;
    }
    if (!st.isSymbolicLink()) break;
    // a link planted by another user could point us anywhere (root may make one for us)
    const me = myUid();
    if (me !== undefined && st.uid !== me && st.uid !== 0) throw new UnsafePathError('file-foreign', p);
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  try {
    return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
  } catch {
    return p; // no folder yet: made, then resolved, by prepareWorkspace
  }
}

/** Resolves the workspace to its real file, makes its folder (0700) when asked, and refuses a
 *  folder others can write to or a file that is not ours: before anything is read or locked.
 *  Throws UnsafePathError. */
export function prepareWorkspace(file: string, opts: { makeDir?: boolean } = {}): string {
  let real = realWorkspacePath(file);
  if (opts.makeDir) {
    ensureDir(path.dirname(real));
    real = realWorkspacePath(real);
  }
  checkPrivateDir(path.dirname(real));
  checkOwnFile(real);
  return real;
}
