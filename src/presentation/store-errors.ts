// A workspace that cannot be opened or written, said in the user's language. Paths, details and
// the lock's holder came from flags, files and other processes: sanitised before they are shown.
import { StoreError, LockedError, UnsafePathError, type LockInfo } from '../services/ports.js';
import { type MessageKey, type Params, type T } from '../i18n/index.js';
import { sharedErrorText } from './shared-errors.js';
import { sanitizeLine } from '../text/sanitize.js';

const clean = (p: Params): Params =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? sanitizeLine(v) : v]));

const LOCK_PROBLEM: Record<NonNullable<LockInfo['problem']>, MessageKey> = {
  unreadable: 'store.lockUnreadable',
  'not-regular': 'store.lockNotRegular',
  foreign: 'store.lockForeign',
  damaged: 'store.lockDamaged',
};

const UNSAFE: Record<UnsafePathError['reason'], MessageKey> = {
  'dir-shared': 'store.dirShared',
  'dir-public': 'store.dirPublic',
  'dir-foreign': 'store.dirForeign',
  'file-foreign': 'store.fileForeign',
  'not-regular': 'store.notRegular',
};

/** Why a writer was refused: who holds the lock, or what is wrong with the lock file. */
export function lockedText(t: T, holder: LockInfo): string {
  if (holder.problem) return t(LOCK_PROBLEM[holder.problem], clean({ file: holder.file ?? '', detail: holder.detail ?? '' }));
  return t('store.locked', clean({ user: holder.user, pid: holder.pid, host: holder.host, since: holder.since }));
}

/** The app's read-only banner (App.tsx should show this rather than readOnly.user itself). */
export function lockBannerText(t: T, holder: LockInfo): string {
  if (holder.problem) return t('app.readOnlyLockProblem', clean({ file: holder.file ?? '' }));
  return t('app.readOnly', clean({ user: holder.user, pid: holder.pid, since: holder.since }));
}

export function storeErrorText(t: T, e: unknown): string | undefined {
  if (e instanceof StoreError) return t(`store.${e.code}`, clean({ file: e.file, detail: e.detail }));
  if (e instanceof LockedError) return lockedText(t, e.holder);
  if (e instanceof UnsafePathError) return t(UNSAFE[e.reason], clean({ file: e.path, dir: e.path }));
  return sharedErrorText(t, e);
}
