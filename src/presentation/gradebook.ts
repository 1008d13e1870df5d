// A graded class as people read it: the gradebook table and the spread of totals on the
// terminal, the gradebook as a CSV for Excel/WPS (UTF-8 with BOM, formulas neutralised), and
// each student's feedback: every task of every lab, passed or not and why.
import type { T } from '../i18n/index.js';
import type { ClassGrades, FileProblem } from '../services/grading.js';
import type { LabFlag, StudentGrade } from '../domain/grading/gradebook.js';
import { round1 } from '../domain/grading/gradebook.js';
import { PARTS, type Part } from '../domain/grading/weights.js';
import { safeCell, stringifyCsv } from '../text/csv.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, fit } from '../text/width.js';

const partKey = (p: Part) => `grade.part.${p}` as const;
const flagText = (t: T, flags: readonly LabFlag[]) => flags.map((f) => t(`grade.flag.${f}`)).join(' ');
const num = (n: number | undefined) => (n === undefined ? '--' : round1(n).toFixed(1));

/** The gradebook table, a line per student, at most `width` columns. */
export function gradebookLines(g: ClassGrades, t: T, width: number): string[] {
  const idW = Math.min(12, Math.max(displayWidth(t('grade.col.student')), ...g.students.map((s) => displayWidth(s.student))));
  const nameW = 8;
  const head = `${fit(t('grade.col.student'), idW)}  ${fit(t('grade.col.name'), nameW)}  ${fit(t('grade.col.total'), 6)}  ${fit(t('grade.col.labs'), 8)}  ${t('grade.col.perLab')} ${g.labs.map((_, i) => String(i + 1).padEnd(5)).join('')} ${t('grade.col.flags')}`;
  const lines = [fit(head, width)];
  for (const s of g.students) {
    const perLab = g.labs.map((id) => fit(num(s.labs[id]?.score), 5)).join('');
    lines.push(fit(`${fit(sanitizeLine(s.student), idW)}  ${fit(sanitizeLine(s.name ?? ''), nameW)}  ${fit(num(s.total), 6)}  ${fit(num(s.parts.labs), 8)}  ${' '.repeat(displayWidth(t('grade.col.perLab')))} ${perLab} ${flagText(t, s.flags)}`, width));
  }
  return lines;
}

/** "分布  0-59 ##  60-69 ####": the totals' bands as bars scaled to the width. */
export function distributionLines(g: ClassGrades, t: T, width: number): string[] {
  const d = g.distribution;
  const most = Math.max(1, ...d.buckets.map((b) => b.count));
  const barW = Math.max(4, width - 20);
  return [
    t('grade.spread', { count: d.count, mean: round1(d.mean).toFixed(1), median: round1(d.median).toFixed(1), pass: round1(d.passPct).toFixed(1) }),
    ...d.buckets.map((b) => fit(`  ${b.label.padEnd(7)} ${String(b.count).padStart(4)}  ${'#'.repeat(Math.round((b.count / most) * barW))}`, width)),
  ];
}

export function problemText(t: T, p: FileProblem): string {
  const file = sanitizeLine(p.file);
  switch (p.code) {
    case 'unreadable':
      return t('grade.problem.unreadable', { file, reason: sanitizeLine(p.reason) });
    case 'tooLarge':
      return t('grade.problem.tooLarge', { file, mb: (p.bytes / 1048576).toFixed(1) });
    case 'notJson':
      return t('grade.problem.notJson', { file });
    case 'notSubmission':
      return t('grade.problem.notSubmission', { file });
    case 'unknownLab':
      return t('grade.problem.unknownLab', { file, lab: sanitizeLine(p.lab) });
    case 'superseded':
      return t('grade.problem.superseded', { file, by: sanitizeLine(p.by) });
  }
}

/** The gradebook as CSV: a row per student, each lab's score, every part, the totals and the flags. */
export function gradebookCsv(g: ClassGrades, t: T): Uint8Array {
  const header = [
    t('grade.col.student'), t('grade.col.name'),
    ...g.labs.map((id) => `${t('grade.col.lab')} ${id}`),
    ...PARTS.map((p) => t(partKey(p))),
    t('grade.col.coursework'), t('grade.col.final'), t('grade.col.total'), t('grade.col.flags'),
  ];
  const rows = g.students.map((s) => [
    s.student, s.name ?? '',
    // no score (a changed record, not handed in) is an empty cell: the flags say why
    ...g.labs.map((id) => (s.labs[id]?.score === undefined ? '' : num(s.labs[id]!.score))),
    ...PARTS.map((p) => (s.missing.includes(p) ? '' : round1(s.parts[p]).toFixed(1))),
    round1(s.coursework).toFixed(1), round1(s.final).toFixed(1), round1(s.total).toFixed(1), flagText(t, s.flags),
  ]);
  const text = '\uFEFF' + stringifyCsv([header, ...rows].map((r) => r.map((c) => safeCell(c))));
  return Buffer.from(text, 'utf8');
}

/** One student's feedback: the totals, then every lab's tasks, passed or not, with what was found. */
export function feedbackText(g: ClassGrades, s: StudentGrade, t: T): string {
  const lang = t.lang === 'en' ? 'en' : 'zh';
  const out = [t('grade.feedbackHead', { student: sanitizeLine(s.student), name: sanitizeLine(s.name ?? ''), total: num(s.total) })];
  out.push(PARTS.map((p) => `${t(partKey(p))} ${s.missing.includes(p) ? '--' : num(s.parts[p])}`).join('  '));
  for (const id of g.labs) {
    const sub = g.submissions.find((x) => x.student === s.student && x.lab === id);
    out.push('');
    if (!sub) {
      out.push(t('grade.feedbackMissing', { lab: id }));
      continue;
    }
    out.push(t('grade.feedbackLab', { lab: id, score: num(sub.grade.score), earned: sub.grade.earned, total: sub.grade.total, flags: flagText(t, sub.grade.flags) }).trimEnd());
    for (const r of sub.results) out.push(`  ${r.passed ? '[Y]' : '[N]'} ${r.taskId}  ${r.earned}/${r.points}  ${sanitizeLine(r.reason[lang])}`);
  }
  return out.join('\n') + '\n';
}
