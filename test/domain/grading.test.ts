// The gradebook's arithmetic against hand-computed figures: seed 001's weights, late days and
// their cap, a changed record, missing parts, the bands of the distribution, and the scores file.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, Weights, shareOfTotal } from '../../src/domain/grading/weights.js';
import { lateness, LateRule } from '../../src/domain/grading/late.js';
import { distribution, gradeStudent, labScore, round1 } from '../../src/domain/grading/gradebook.js';
import { readScores } from '../../src/domain/grading/scores-file.js';
import { parseCsv } from '../../src/text/csv.js';

describe('weights', () => {
  it('seed 001: labs are 35 % of the total, the lab exam 17.5 %', () => {
    expect(Weights.parse(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS);
    expect(shareOfTotal(DEFAULT_WEIGHTS, 'labs')).toBe(35);
    expect(shareOfTotal(DEFAULT_WEIGHTS, 'labExam')).toBe(17.5);
  });
  it('a group that does not sum to 100 is refused, naming it', () => {
    const r = Weights.safeParse({ ...DEFAULT_WEIGHTS, homework: 25 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('coursework: homework + labs + conduct = 105, not 100');
    expect(Weights.safeParse({ ...DEFAULT_WEIGHTS, coursework: 40, final: 60 }).success).toBe(true);
    expect(Weights.safeParse({ ...DEFAULT_WEIGHTS, bonus: 5 }).success).toBe(false);
  });
});

describe('lateness', () => {
  const rule = LateRule.parse({ deadline: '2025-03-14T18:00:00+08:00', graceMinutes: 10, penaltyPerDayPct: 10, maxPenaltyPct: 30, closeAfterDays: 7 });
  it('on time, in the grace, a minute late (one day), four days late (capped), past closing', () => {
    expect(lateness('2025-03-14T10:00:00Z', rule)).toEqual({ late: false, days: 0, penaltyPct: 0, closed: false });
    expect(lateness('2025-03-14T18:09:00+08:00', rule).late).toBe(false);
    expect(lateness('2025-03-14T18:11:00+08:00', rule)).toEqual({ late: true, days: 1, penaltyPct: 10, closed: false });
    expect(lateness('2025-03-18T18:11:00+08:00', rule)).toEqual({ late: true, days: 5, penaltyPct: 30, closed: false });
    expect(lateness('2025-03-22T18:11:00+08:00', rule)).toEqual({ late: true, days: 9, penaltyPct: 100, closed: true });
    expect(lateness('2025-03-22T18:11:00+08:00', undefined).late).toBe(false);
  });
});

describe('gradeStudent', () => {
  it('combines labs and the scores file by the weights (hand-computed)', () => {
    // lab a: 80/100 on time = 80; lab b: 45/50 one day late at 10 % = 81; labs mean 80.5
    const g = gradeStudent(
      {
        student: '2023010101',
        labs: [
          { labId: 'a', earned: 80, total: 100, penaltyPct: 0, flags: [], score: labScore(80, 100, 0, false) },
          { labId: 'b', earned: 45, total: 50, penaltyPct: 10, flags: ['late'], score: labScore(45, 50, 10, false) },
        ],
        other: { homework: 90, conduct: 100, knowledge: 70, labExam: 88, extension: 60 },
      },
      ['a', 'b'],
      DEFAULT_WEIGHTS,
    );
    expect(g.parts.labs).toBeCloseTo(80.5, 10);
    // coursework = 90×.2 + 80.5×.7 + 100×.1 = 18 + 56.35 + 10 = 84.35
    expect(g.coursework).toBeCloseTo(84.35, 10);
    // final = 70×.5 + 88×.35 + 60×.15 = 35 + 30.8 + 9 = 74.8
    expect(g.final).toBeCloseTo(74.8, 10);
    expect(round1(g.total)).toBe(79.6); // (84.35 + 74.8) / 2 = 79.575
    expect(g.missing).toEqual([]);
    expect(g.flags).toEqual(['late']);
  });
  it('a changed record has no score and counts as 0 in the labs mean; a lab not handed in is missing; missing parts are named', () => {
    const g = gradeStudent(
      { student: 's', labs: [{ labId: 'a', earned: 100, total: 100, penaltyPct: 0, flags: ['tampered'], score: labScore(100, 100, 0, true) }], other: { homework: 100 } },
      ['a', 'b'],
      DEFAULT_WEIGHTS,
    );
    expect(g.labs.a.score).toBeUndefined();
    expect(g.parts.labs).toBe(0);
    expect(g.flags).toEqual(['tampered', 'missing']);
    expect(g.missing).toEqual(['conduct', 'knowledge', 'labExam', 'extension']);
    expect(g.total).toBeCloseTo(10, 10); // homework 100 × 20 % × 50 %
  });
});

describe('distribution', () => {
  it('counts totals in the usual bands by the printed figure; mean, median, pass rate', () => {
    const d = distribution([59.94, 59.95, 60, 75, 89.99, 100, 12]);
    expect(d.buckets).toEqual([
      { label: '0-59', count: 2 },
      { label: '60-69', count: 2 },
      { label: '70-79', count: 1 },
      { label: '80-89', count: 0 },
      { label: '90-100', count: 2 },
    ]);
    expect(d.median).toBe(60);
    expect(d.passPct).toBeCloseTo((5 / 7) * 100, 10);
    expect(distribution([]).count).toBe(0);
  });
});

describe('readScores', () => {
  it('reads a scores file with the course\'s Chinese headers', () => {
    const r = readScores(parseCsv('\uFEFF学号,姓名,课后作业,表现与素养,知识点考核,技能实训考核,拓展能力\n2023010101,王芳,90,100,70,88,60\n2023010102,李强,85,,66.5,70,50\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns).toEqual(['homework', 'conduct', 'knowledge', 'labExam', 'extension']);
    expect(r.scores.get('2023010101')).toEqual({ student: '2023010101', name: '王芳', other: { homework: 90, conduct: 100, knowledge: 70, labExam: 88, extension: 60 } });
    expect(r.scores.get('2023010102')!.other).toEqual({ homework: 85, knowledge: 66.5, labExam: 70, extension: 50 });
  });
  it('names every problem by line and column and uses nothing', () => {
    const r = readScores(parseCsv('student,homework,exam,notes\n2023010101,95,abc,x\n,80,80,\n2023010101,101,70,\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'unknownColumn', column: 'notes' },
      { code: 'badScore', line: 2, column: 'exam', value: 'abc' },
      { code: 'noStudent', line: 3 },
      { code: 'repeatedStudent', line: 4, student: '2023010101', first: 2 },
    ]);
    expect(readScores(parseCsv('姓名,作业\n王芳,90\n'))).toMatchObject({ ok: false, problems: [{ code: 'noStudentColumn' }] });
  });
});
