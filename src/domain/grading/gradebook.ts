// A class's gradebook from what grading found: each student's labs (checked by the app from
// their submissions) and the other parts (homework, conduct, the exam) from the instructor's
// scores file, combined by the weights. Pure: the grading service reads the files.
import { COURSEWORK, FINAL, PARTS, type Part, type Weights } from './weights.js';

/** why a lab's score is not simply its tasks' points */
/** otherStudent: the log says another student started the lab (scores nothing); noStudent: a log
 *  from before logs named the student (graded, flagged) */
export type LabFlag = 'late' | 'closed' | 'tampered' | 'duplicate' | 'missing' | 'otherStudent' | 'noStudent';

export interface LabGrade {
  labId: string;
  earned: number;
  total: number;
  /** 0-100 after the late penalty; undefined when it cannot be trusted (a changed record) */
  score?: number;
  penaltyPct: number;
  flags: LabFlag[];
}

export interface StudentInput {
  student: string;
  name?: string;
  labs: LabGrade[];
  /** the parts the app cannot check, 0-100, from the scores file */
  other: Partial<Record<Part, number>>;
}

export interface StudentGrade {
  student: string;
  name?: string;
  labs: Record<string, LabGrade>;
  /** each part 0-100 (labs: the mean over the course's labs, a missing or untrusted one as 0) */
  parts: Record<Part, number>;
  coursework: number;
  final: number;
  total: number;
  /** parts with no score in the file, counted as 0 */
  missing: Part[];
  flags: LabFlag[];
}

/** A lab's 0-100 score from its points and lateness; none for a record that was changed by hand. */
export function labScore(earned: number, total: number, penaltyPct: number, tampered: boolean): number | undefined {
  if (tampered) return undefined;
  if (total <= 0) return 0;
  return ((earned / total) * 100 * (100 - penaltyPct)) / 100;
}

/** A figure as the gradebook prints it: one decimal, halves up. */
export const round1 = (n: number): number => Math.round(n * 10 + 1e-9) / 10;

export function gradeStudent(input: StudentInput, labIds: readonly string[], w: Weights): StudentGrade {
  const labs: Record<string, LabGrade> = {};
  for (const l of input.labs) labs[l.labId] = l;
  const labMean = labIds.length ? labIds.reduce((a, id) => a + (labs[id]?.score ?? 0), 0) / labIds.length : 0;
  const parts = {} as Record<Part, number>;
  const missing: Part[] = [];
  for (const p of PARTS) {
    if (p === 'labs') parts.labs = labMean;
    else if (input.other[p] === undefined) {
      parts[p] = 0;
      if (w[p] > 0) missing.push(p);
    } else parts[p] = input.other[p]!;
  }
  const weigh = (keys: readonly Part[]) => keys.reduce((a, k) => a + (parts[k] * w[k]) / 100, 0);
  const coursework = weigh(COURSEWORK);
  const final = weigh(FINAL);
  const flags = [...new Set(input.labs.flatMap((l) => l.flags))];
  for (const id of labIds) if (!labs[id] && !flags.includes('missing')) flags.push('missing');
  return {
    student: input.student,
    name: input.name,
    labs,
    parts,
    coursework,
    final,
    total: (coursework * w.coursework + final * w.final) / 100,
    missing,
    flags,
  };
}

export const BUCKETS = [
  { label: '0-59', min: 0, max: 60 },
  { label: '60-69', min: 60, max: 70 },
  { label: '70-79', min: 70, max: 80 },
  { label: '80-89', min: 80, max: 90 },
  { label: '90-100', min: 90, max: Infinity },
] as const;

export interface Distribution {
  buckets: { label: string; count: number }[];
  count: number;
  mean: number;
  median: number;
  /** share of students at 60 or more, in percent */
  passPct: number;
}

/** How totals spread over the usual bands (by the printed figure: 59.95 prints 60.0 and passes). */
export function distribution(totals: readonly number[]): Distribution {
  const r = totals.map(round1);
  const sorted = [...r].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? 0 : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return {
    buckets: BUCKETS.map((b) => ({ label: b.label, count: r.filter((x) => x >= b.min && x < b.max).length })),
    count: n,
    mean: n ? r.reduce((a, x) => a + x, 0) / n : 0,
    median,
    passPct: n ? (r.filter((x) => x >= 60).length / n) * 100 : 0,
  };
}
