// What screen 8 draws, as lines of exactly `width` columns: the gradebook (a row per student,
// as many labs' columns as fit beside the flags), the distribution of totals as bars by band
// (charts.ts: `#` only, never an ambiguous-width glyph) and one student's every task check.
import type { T } from '../../../i18n/index.js';
import type { ClassGrades } from '../../../services/grading.js';
import type { LabFlag, StudentGrade } from '../../../domain/grading/gradebook.js';
import { round1 } from '../../../domain/grading/gradebook.js';
import { PARTS } from '../../../domain/grading/weights.js';
import { barChart } from '../../../presentation/charts.js';
import { problemText } from '../../../presentation/gradebook.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { displayWidth, fit, wrapText } from '../../../text/width.js';

const num = (n: number | undefined) => (n === undefined ? '--' : round1(n).toFixed(1));
const flagText = (t: T, flags: readonly LabFlag[]) => flags.map((f) => t(`grade.flag.${f}`)).join(' ');

interface Cols {
  id: number;
  name: number;
  /** how many of the labs' columns fit */
  labs: number;
}

function columns(g: ClassGrades, t: T, width: number): Cols {
  const id = Math.min(12, Math.max(displayWidth(t('grade.col.student')), ...g.students.map((s) => displayWidth(sanitizeLine(s.student)))));
  const name = width < 70 ? 6 : 8;
  // the flags keep at least 10 columns; each lab's score takes 6
  const fixed = id + 1 + name + 1 + 6 + 1 + 8 + 1;
  const labs = Math.max(0, Math.min(g.labs.length, Math.floor((width - fixed - 10) / 6)));
  return { id, name, labs };
}

/** The table's heading line (the labs by number: the line above it names them). */
export function bookHead(g: ClassGrades, t: T, width: number): string {
  const c = columns(g, t, width);
  const labs = g.labs.slice(0, c.labs).map((_, i) => fit(`${t('grade.col.lab')}${i + 1}`, 5, 'right') + ' ').join('');
  return fit(`${fit(t('grade.col.student'), c.id)} ${fit(t('grade.col.name'), c.name)} ${fit(t('grade.col.total'), 6, 'right')} ${fit(t('grade.col.labs'), 8, 'right')} ${labs}${t('grade.col.flags')}`, width);
}

export function bookRow(g: ClassGrades, s: StudentGrade, t: T, width: number): string {
  const c = columns(g, t, width);
  const labs = g.labs.slice(0, c.labs).map((id) => fit(num(s.labs[id]?.score), 5, 'right') + ' ').join('');
  return fit(`${fit(sanitizeLine(s.student), c.id)} ${fit(sanitizeLine(s.name ?? ''), c.name)} ${fit(num(s.total), 6, 'right')} ${fit(num(s.parts.labs), 8, 'right')} ${labs}${flagText(t, s.flags)}`, width);
}

/** "1 ch03-products  2 ch04-customers": what the labs' numbers stand for. */
export function labsLine(g: ClassGrades, t: T, width: number): string {
  return fit(t('grade.labsLine', { labs: g.labs.map((id, i) => `${i + 1} ${id}`).join('  ') || '-' }), width);
}

/** The spread line and a bar per band (<60 … 90-100), the longest bar for the fullest band. */
export function chartLines(g: ClassGrades, t: T, width: number): string[] {
  const d = g.distribution;
  const head = fit(t('grade.spread', { count: d.count, mean: round1(d.mean).toFixed(1), median: round1(d.median).toFixed(1), pass: round1(d.passPct).toFixed(1) }), width);
  const bars = barChart(
    d.buckets.map((b) => ({ label: `  ${b.label}`, value: b.count, text: String(b.count), pct: d.count ? (b.count / d.count) * 100 : 0 })),
    width,
  );
  return [head, ...bars];
}

/** The files set aside (damaged, not a submission, handed in twice), one line each. */
export function problemLines(g: ClassGrades, t: T, width: number): string[] {
  if (!g.problems.length) return [];
  return [fit(t('grade.problems', { count: g.problems.length }), width), ...g.problems.map((p) => fit(`  ${problemText(t, p)}`, width))];
}

/** One student: the totals and parts, then each lab with every task, passed or not and why. */
export function studentLines(g: ClassGrades, s: StudentGrade, t: T, width: number): { text: string; bad?: boolean; bold?: boolean }[] {
  const lang = t.lang === 'en' ? 'en' : 'zh';
  const out: { text: string; bad?: boolean; bold?: boolean }[] = [];
  out.push({ text: fit(t('grade.feedbackHead', { student: sanitizeLine(s.student), name: sanitizeLine(s.name ?? ''), total: num(s.total) }), width), bold: true });
  out.push({ text: fit(PARTS.map((p) => `${t(`grade.part.${p}`)} ${s.missing.includes(p) ? '--' : num(s.parts[p])}`).join('  '), width) });
  for (const id of g.labs) {
    const sub = g.submissions.find((x) => x.student === s.student && x.lab === id);
    out.push({ text: '' });
    if (!sub) {
      out.push({ text: fit(t('grade.feedbackMissing', { lab: id }), width), bad: true });
      continue;
    }
    out.push({ text: fit(t('grade.feedbackLab', { lab: id, score: num(sub.grade.score), earned: sub.grade.earned, total: sub.grade.total, flags: flagText(t, sub.grade.flags) }).trimEnd(), width), bold: true, bad: sub.grade.score === undefined });
    for (const r of sub.results) {
      out.push({ text: fit(`  ${r.passed ? '[Y]' : '[N]'} ${sanitizeLine(r.taskId)}  ${r.earned}/${r.points}`, width), bad: !r.passed });
      // why, on its own line: the reason is what a student reads to see what was missing
      for (const l of wrapText(sanitizeLine(r.reason[lang]), Math.max(10, width - 6))) out.push({ text: fit(`      ${l}`, width), bad: !r.passed });
    }
  }
  return out;
}
