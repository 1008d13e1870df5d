// A failed file operation (full disk, no permission, a folder in the way) said in the user's
// language, with the path it concerned. Node's own message is English and names a syscall.
import type { MessageKey, T } from '../i18n/index.js';

const KNOWN = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'ENOENT', 'EIO']);

/** The errno code of a Node file-system error, if that is what e is. */
export function fsErrorCode(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const { code, syscall } = e as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string' ? code : undefined;
}

export function fsReasonText(t: T, code: string): string {
  return KNOWN.has(code) ? t(`fs.${code}` as MessageKey) : t('fs.other', { code });
}

/** The path a Node file-system error names: for a rename the target (the source is a temp file). */
export function fsErrorPath(e: unknown): string | undefined {
  const { path, dest } = (e ?? {}) as { path?: unknown; dest?: unknown };
  return typeof dest === 'string' ? dest : typeof path === 'string' ? path : undefined;
}
