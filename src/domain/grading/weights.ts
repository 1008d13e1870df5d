// How a course's total is made (seed 001, 考核评价): total = coursework 50% + final 50%;
// coursework = homework 20% + lab work 70% + conduct 10%; final = knowledge 50% + lab skills
// exam 35% + extension 15%. Schools weigh differently, so every figure is a setting: a weights
// file checked here, each group summing to 100.
import { z } from 'zod';

/** the parts of a student's total; `labs` is the one the app checks itself, the rest come from a scores file */
export const PARTS = ['homework', 'labs', 'conduct', 'knowledge', 'labExam', 'extension'] as const;
export type Part = (typeof PARTS)[number];
export const COURSEWORK: readonly Part[] = ['homework', 'labs', 'conduct'];
export const FINAL: readonly Part[] = ['knowledge', 'labExam', 'extension'];

const pct = z.number().min(0).max(100);

export const Weights = z
  .strictObject({
    coursework: pct,
    final: pct,
    homework: pct,
    labs: pct,
    conduct: pct,
    knowledge: pct,
    labExam: pct,
    extension: pct,
  })
  .superRefine((w, ctx) => {
    const group = (name: string, keys: readonly (keyof typeof w)[]) => {
      const sum = keys.reduce((a, k) => a + w[k], 0);
      // weights are whole or tenths of a percent: compared in tenths, never as floats
      if (Math.round(sum * 10) !== 1000) ctx.addIssue({ code: 'custom', path: [keys[0]], message: `${name}: ${keys.join(' + ')} = ${Math.round(sum * 10) / 10}, not 100` });
    };
    group('total', ['coursework', 'final']);
    group('coursework', COURSEWORK);
    group('final', FINAL);
  });
export type Weights = z.infer<typeof Weights>;

export const DEFAULT_WEIGHTS: Weights = { coursework: 50, final: 50, homework: 20, labs: 70, conduct: 10, knowledge: 50, labExam: 35, extension: 15 };

/** Each part's share of the total, in percent (labs: 50 × 70 / 100 = 35). */
export function shareOfTotal(w: Weights, part: Part): number {
  const group = COURSEWORK.includes(part) ? w.coursework : w.final;
  return (group * w[part]) / 100;
}
