// An import's problems and guesses in the user's language, for the CLI and the app.
import { entityFields, type EntityName } from '../domain/entities.js';
import { errorMessage, type T } from '../i18n/index.js';
import type { ImportIssue } from '../services/import.js';
import type { Encoding } from '../text/encoding.js';
import { sanitizeLine } from '../text/sanitize.js';

export const ENC_NAME: Record<Encoding, string> = { utf8: 'UTF-8', 'utf8-bom': 'UTF-8 (BOM)', gb18030: 'GBK/GB18030', utf16le: 'UTF-16' };

export function issueText(t: T, entity: EntityName, e: ImportIssue, lists: Parameters<typeof errorMessage>[2]): string {
  const fi = entityFields(entity).find((f) => f.name === e.field);
  let message = errorMessage(t, { field: e.field ?? '', code: e.code, params: e.params }, lists);
  if (e.code === 'noColumns' || e.code === 'duplicateInFile' || e.code === 'duplicateExisting') message = t(`err.${e.code}` as 'err.noColumns', e.params);
  // column names and values come from the file: one line, no control sequences
  const column = e.column !== undefined ? sanitizeLine(e.column) : fi ? t.l(fi.label) : '';
  const value = e.value ? sanitizeLine(e.value) : '';
  return sanitizeLine(t('import.rowError', {
    line: e.line,
    column: column ? t('import.column', { column }) : '',
    value: value ? t('import.value', { value: value.length > 40 ? `${value.slice(0, 40)}...` : value }) : '',
    message,
  }));
}

