// An import's problems and guesses in the user's language, for the CLI and the app.
import type { EntityName } from '../domain/entities.js';
import { importFields } from '../domain/import-fields.js';
import { entityLabel, errorMessage, type T } from '../i18n/index.js';
import type { ImportIssue, OtherName } from '../services/import.js';
import type { Encoding } from '../text/encoding.js';
import { sanitizeLine } from '../text/sanitize.js';

export const ENC_NAME: Record<Encoding, string> = { utf8: 'UTF-8', 'utf8-bom': 'UTF-8 (BOM)', gb18030: 'GBK/GB18030', utf16le: 'UTF-16' };

export function issueText(t: T, entity: EntityName, e: ImportIssue, lists: Parameters<typeof errorMessage>[2]): string {
  const fi = importFields(entity).find((f) => f.name === e.field);
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


export interface IssueGroup {
  code: string;
  column?: string;
  field?: string;
  count: number;
  /** the first lines with this problem */
  lines: number[];
  /** the distinct values refused (the first few) */
  values: string[];
  first: ImportIssue;
}

const GROUP_LINES = 8;
const GROUP_VALUES = 5;

/** Problems of one kind in one column together: 10 000 rows saying 投诉 is no ticket type are
 *  one finding, with its count, first lines and values. In order of first appearance. */
export function groupIssues(errors: ImportIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const e of errors) {
    const key = `${e.code}\u0000${e.column ?? ''}\u0000${e.field ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: e.code, column: e.column, field: e.field, count: 0, lines: [], values: [], first: e }));
    g.count++;
    if (g.lines.length < GROUP_LINES && !g.lines.includes(e.line)) g.lines.push(e.line);
    if (e.value && g.values.length < GROUP_VALUES && !g.values.includes(e.value)) g.values.push(e.value);
  }
  return [...groups.values()];
}

/** One group in words: the first problem as it is, then how many more and where. */
export function groupText(t: T, entity: EntityName, g: IssueGroup, lists: Parameters<typeof errorMessage>[2]): string[] {
  const out = [issueText(t, entity, g.first, lists)];
  if (g.count > 1) {
    const lines = g.lines.join(', ') + (g.count > g.lines.length ? ', ...' : '');
    const values = g.values.length > 1 ? t('import.groupValues', { values: g.values.map((v) => `"${sanitizeLine(v.length > 20 ? `${v.slice(0, 20)}...` : v)}"`).join(', ') }) : '';
    out.push(sanitizeLine(`    ${t('import.groupMore', { count: g.count, lines })}${values}`));
  }
  return out;
}

const SHOWN_OTHER_NAMES = 3;

/** The rows filed under a record found by code or mobile whose name is not the row's: one line
 *  per entity, with the first few (李娜 → C0001 张伟). */
export function otherNamesText(t: T, others: readonly OtherName[]): string[] {
  const by = new Map<string, OtherName[]>();
  for (const o of others) {
    const list = by.get(o.entity);
    if (list) list.push(o);
    else by.set(o.entity, [o]);
  }
  return [...by].map(([entity, list]) => {
    const shown = list.slice(0, SHOWN_OTHER_NAMES).map((o) => t('import.otherName', { line: o.line, value: sanitizeLine(o.value), id: sanitizeLine(o.id), name: sanitizeLine(o.name) }));
    const more = list.length > SHOWN_OTHER_NAMES ? t('import.otherNamesMore', { count: list.length - SHOWN_OTHER_NAMES }) : '';
    return sanitizeLine(t('import.otherNames', { count: list.length, entity: entityLabel(t, entity), examples: shown.join('; ') + more }));
  });
}
