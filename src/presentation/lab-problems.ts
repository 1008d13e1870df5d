// A lab file's problems in the user's language, each with where it is in the file
// (tasks[1].check.where[0].field), so an instructor can find and fix it without code.
import type { T } from '../i18n/index.js';
import type { LabFileProblem } from '../services/labs.js';

export function labPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const CUSTOM: Record<string, 'lab.problem.oneOperator' | 'lab.problem.exactlyAlone' | 'lab.problem.duplicateTask'> = {
  oneOperator: 'lab.problem.oneOperator', exactlyAlone: 'lab.problem.exactlyAlone', duplicateTask: 'lab.problem.duplicateTask',
};

export function labProblemText(t: T, p: LabFileProblem): string {
  if (p.code === 'json') return t('lab.problem.json', { detail: p.detail });
  const where = labPath(p.path) || '(file)';
  let what: string;
  if (p.code === 'schema') {
    const x = p.params;
    if (x.missing) what = t('lab.problem.missing');
    else if (p.issue === 'invalid_type') what = t('lab.problem.type', { expected: x.expected });
    else if (p.issue === 'unrecognized_keys') what = t('lab.problem.keys', { keys: x.keys });
    else if (p.issue === 'invalid_value') what = t('lab.problem.oneOf', { values: x.values });
    else if (p.issue === 'too_small' || p.issue === 'too_big') what = t('lab.problem.limit', { limit: x.limit });
    else if (p.issue === 'invalid_format') what = t('lab.problem.format');
    else if (p.issue === 'custom' && CUSTOM[x.message]) what = t(CUSTOM[x.message]);
    else what = t('lab.problem.invalid');
  } else if (p.code === 'start') {
    what = t('lab.problem.start', { entity: p.entity, detail: p.issues.map((i) => `${i.line ? `#${i.line} ` : ''}${i.field ?? i.column ?? ''} ${i.code}${i.value ? ` "${i.value}"` : ''}`.trim()).join('; ') });
  } else {
    const key = `lab.problem.${p.code}` as const;
    what = t(key, p.params);
  }
  return `${where}: ${what}`;
}
