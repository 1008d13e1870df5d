// "Saved" means on disk: a command computes what it will print, the workspace is saved and
// released, and only then is the result printed. A save that fails becomes a refusal in the
// user's language (exit 1), and nothing on stdout claims otherwise.
import { Refused } from './io.js';
import type { Session } from './open.js';
import { storeErrorText } from '../presentation/store-errors.js';
import { fsErrorCode, fsReasonText } from '../presentation/fs-errors.js';

export interface Outcome {
  /** whether the command changed the workspace */
  save: boolean;
}

/** Runs the work on an open session, then saves (when the outcome says so) and releases it.
 *  Resolves only once the save is on disk; on any failure the lock is still released. */
export async function workThenSave<R extends Outcome>(s: Session, work: () => R | Promise<R>): Promise<R> {
  let r: R;
  try {
    r = await work();
  } catch (e) {
    await s.finish(false).catch(() => undefined); // nothing was changed: a failing close says nothing new
    throw e;
  }
  try {
    await s.finish(r.save);
  } catch (e) {
    if (!r.save) throw e;
    throw new Refused([saveFailedText(s, e)]);
  }
  return r;
}

function saveFailedText(s: Session, e: unknown): string {
  const errno = fsErrorCode(e);
  const reason = errno ? fsReasonText(s.t, errno) : (storeErrorText(s.t, e) ?? String((e as Error)?.message ?? e));
  // the reason may be a sentence of its own: its full stop would stand beside the message's
  return s.t('cli.saveFailed', { file: s.store.file, reason: reason.replace(/[.。]\s*$/, '') });
}
