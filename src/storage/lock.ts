// One writer per workspace: a lock file created with O_EXCL that names its holder. No timer
// refreshes it (idle CPU stays 0); a lock whose process is gone on this host is taken over.
import fs from 'node:fs';
import os from 'node:os';

export interface LockInfo {
  host: string;
  pid: number;
  user: string;
  since: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: LockInfo };

export const lockPathFor = (file: string) => `${file}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): LockInfo | 'stale' | 'gone' {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const h = JSON.parse(text) as LockInfo;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string') return 'stale';
    if (h.host === os.hostname() && !alive(h.pid)) return 'stale';
    return h;
  } catch {
    // a holder killed between create and write leaves an empty file: stale once it is not fresh
    const age = Date.now() - fs.statSync(lockFile).mtimeMs;
    return age > 2000 ? 'stale' : { host: os.hostname(), pid: 0, user: '?', since: new Date().toISOString() };
  }
}

export function acquireLock(file: string, now = new Date()): LockResult {
  const lockFile = lockPathFor(file);
  const me: LockInfo = { host: os.hostname(), pid: process.pid, user: os.userInfo().username, since: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          try {
            const h = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockInfo;
            if (h.pid === me.pid && h.host === me.host) fs.rmSync(lockFile, { force: true });
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(lockFile);
      if (holder === 'gone') continue;
      if (holder === 'stale') {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      return { ok: false, holder };
    }
  }
  const holder = readHolder(lockFile);
  return { ok: false, holder: typeof holder === 'string' ? { host: '?', pid: 0, user: '?', since: '' } : holder };
}
