// The instructor's scores file: the parts the app cannot check (homework, conduct, the written
// exam …) as a table with a student column. Headers are read in either language and in the
// course's own words (课后作业, 表现与素养, 知识点考核 …); a bad cell is named by line and column,
// and nothing of a file with problems is used.
import type { Part } from './weights.js';

const HEADERS: Record<'student' | 'name' | Exclude<Part, 'labs'>, string[]> = {
  student: ['student', 'login', 'id', 'student id', 'student_id', 'studentid', '学号', '学生', '账号', '用户名', '登录名'],
  name: ['name', 'student name', '姓名', '学生姓名'],
  homework: ['homework', 'assignments', '作业', '课后作业', '作业成绩'],
  conduct: ['conduct', 'participation', '表现', '表现与素养', '平时表现', '素养'],
  knowledge: ['knowledge', 'exam', 'written exam', 'final exam', '知识点考核', '知识', '期末考试', '笔试', '理论考试'],
  labExam: ['lab exam', 'lab_exam', 'labexam', 'lab skills', 'skills exam', '技能实训考核', '技能考核', '实训考核'],
  extension: ['extension', 'extended', '拓展能力', '拓展', '扩展能力'],
};

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const BY_HEADER = new Map<string, keyof typeof HEADERS>();
for (const [k, names] of Object.entries(HEADERS)) for (const n of names) BY_HEADER.set(norm(n), k as keyof typeof HEADERS);

export type ScoresProblem =
  | { code: 'noStudentColumn'; headers: string[] }
  | { code: 'noScoreColumn'; headers: string[] }
  | { code: 'unknownColumn'; column: string }
  | { code: 'badScore'; line: number; column: string; value: string }
  | { code: 'noStudent'; line: number }
  | { code: 'repeatedStudent'; line: number; student: string; first: number };

export interface OtherScores {
  student: string;
  name?: string;
  other: Partial<Record<Part, number>>;
}

/** The file's rows (the first is the header; each with the line it starts on) as scores per
 *  student, or every problem found. */
export function readScores(rows: readonly { line: number; cells: readonly string[] }[]): { ok: true; scores: Map<string, OtherScores>; columns: Part[] } | { ok: false; problems: ScoresProblem[] } {
  const header = rows[0]?.cells ?? [];
  const problems: ScoresProblem[] = [];
  const cols = header.map((h) => BY_HEADER.get(norm(h)));
  header.forEach((h, i) => {
    if (!cols[i] && h.trim()) problems.push({ code: 'unknownColumn', column: h.trim() });
  });
  const studentAt = cols.indexOf('student');
  if (studentAt < 0) return { ok: false, problems: [{ code: 'noStudentColumn', headers: header.map((h) => h.trim()) }, ...problems] };
  const scoreCols = cols.flatMap((c, i) => (c && c !== 'student' && c !== 'name' ? [{ part: c as Part, i }] : []));
  if (!scoreCols.length) return { ok: false, problems: [{ code: 'noScoreColumn', headers: header.map((h) => h.trim()) }, ...problems] };
  const nameAt = cols.indexOf('name');
  const scores = new Map<string, OtherScores & { line: number }>();
  rows.slice(1).forEach(({ line, cells: row }) => {
    if (row.every((c) => !c.trim())) return;
    const student = (row[studentAt] ?? '').trim();
    if (!student) return problems.push({ code: 'noStudent', line });
    const seen = scores.get(student);
    if (seen) return problems.push({ code: 'repeatedStudent', line, student, first: seen.line });
    const other: Partial<Record<Part, number>> = {};
    for (const { part, i } of scoreCols) {
      const raw = (row[i] ?? '').trim();
      if (raw === '') continue;
      const n = /^\d{1,3}(\.\d{1,2})?$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= 0 && n <= 100)) problems.push({ code: 'badScore', line, column: header[i].trim(), value: raw });
      else other[part] = n;
    }
    const name = nameAt >= 0 ? (row[nameAt] ?? '').trim() || undefined : undefined;
    scores.set(student, { student, name, other, line });
  });
  if (problems.some((p) => p.code !== 'unknownColumn')) return { ok: false, problems };
  return { ok: true, scores: new Map([...scores].map(([k, { line: _l, ...v }]) => [k, v])), columns: scoreCols.map((c) => c.part) };
}
