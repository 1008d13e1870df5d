// Why a file named for import (or its mapping file) could not be read, in the user's language:
// the system's code when there is one (ENOENT → 文件或文件夹不存在), else its own words, sanitised.
import type { T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fsReasonText } from './fs-errors.js';

export function unreadableText(t: T, file: string, r: { reason: string; errno?: string }): string {
  const reason = r.errno && /^E[A-Z]+$/.test(r.errno) ? fsReasonText(t, r.errno) : sanitizeLine(r.reason);
  return t('import.unreadable', { file: sanitizeLine(file), reason });
}
