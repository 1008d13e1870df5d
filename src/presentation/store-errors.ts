// A workspace that cannot be opened or written, said in the user's language.
import { StoreError, LockedError } from '../services/ports.js';
import type { T } from '../i18n/index.js';

export function storeErrorText(t: T, e: unknown): string | undefined {
  if (e instanceof StoreError) return t(`store.${e.code}`, { file: e.file, detail: e.detail });
  if (e instanceof LockedError) return t('store.locked', { ...e.holder });
  return undefined;
}
