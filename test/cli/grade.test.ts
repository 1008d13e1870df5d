// grade DIR on the built CLI, as an instructor grades a class: two students' real submissions
// (made with lab start, subcommands and lab submit), one with a hand-edited workspace, one late,
// a damaged file and the same lab handed in twice; the scores file, the weights, the gradebook
// CSV and the feedback; usage errors and refusals write nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { asStudent } from '../helpers/lab-chain.js';

const LAB = 'ch03-products';

/** One student's submission, made the way a student makes it, saved as LAB.STUDENT.json */
function submit(sub: string, student: string, work: string[][]): string {
  const env = { XDG_DATA_HOME: tmpDir() };
  expect(runBin(['lab', 'start', LAB], env).code).toBe(0);
  for (const args of work) expect(runBin([...args, '--lab', LAB], env).code).toBe(0);
  const out = tmpDir();
  expect(runBin(['lab', 'submit', LAB, '--to', out], env).code).toBe(0);
  const [made] = fs.readdirSync(out);
  // the file is named by the login; these students share one account here
  const sheet = asStudent(JSON.parse(fs.readFileSync(path.join(out, made), 'utf8')), student);
  const file = path.join(sub, `${LAB}.${student}.json`);
  fs.writeFileSync(file, JSON.stringify(sheet), { mode: 0o640 });
  return file;
}

const FULL = [
  ['add', 'categories', '--name', '亲子客房', '--parentId', 'Y0001'],
  ['add', 'products', '--name', '亲子家庭房', '--categoryId', '亲子客房', '--spec', '45㎡ 一大一小床 含儿童乐园', '--unit', '间夜', '--price', '888', '--status', 'active'],
  ['update', 'products', 'G0004', '--price', '138'],
  ['update', 'products', 'G0005', '--status', 'inactive'],
];

describe('grade DIR', { timeout: 240_000 }, () => {
  it('grades a class: full and partial marks, a changed record, a late one, a damaged file and a repeat; gradebook and feedback', () => {
    const sub = tmpDir();
    const a = submit(sub, '2023010101', FULL);
    submit(sub, '2023010102', FULL.slice(0, 1));
    // a copy of a full submission whose workspace was then edited by hand
    const forged = JSON.parse(fs.readFileSync(a, 'utf8'));
    forged.student = '2023010103';
    const p = forged.workspace.products.find((x: { id: string }) => x.id === 'G0006');
    p.price = 1;
    fs.writeFileSync(path.join(sub, `${LAB}.2023010103.json`), JSON.stringify(forged));
    // handed in again by the first student, half a day after the deadline
    const again = JSON.parse(fs.readFileSync(a, 'utf8'));
    const later = new Date(Date.now() + 1.5 * 86_400_000);
    again.submittedAt = later.toISOString();
    const againFile = path.join(sub, `${LAB}.2023010101-again.json`);
    fs.writeFileSync(againFile, JSON.stringify(again));
    fs.utimesSync(againFile, later, later);
    fs.writeFileSync(path.join(sub, `${LAB}.2023010104.json`), '{"format": "hotel-crm-lab-sub');
    fs.writeFileSync(path.join(sub, 'notes.txt'), 'not a submission');
    const scores = path.join(tmpDir(), 'scores.csv');
    fs.writeFileSync(scores, '\uFEFF学号,姓名,课后作业,表现与素养,知识点考核,技能实训考核,拓展能力\n2023010101,王芳,90,100,70,88,60\n2023010102,李强,80,90,60,70,50\n2023010105,赵磊,70,80,50,60,40\n');
    const out = path.join(tmpDir(), 'gradebook.csv');
    const feedback = path.join(tmpDir(), 'feedback');
    const deadline = new Date(Date.now() + 86_400_000);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const local = `${deadline.getFullYear()}-${p2(deadline.getMonth() + 1)}-${p2(deadline.getDate())} ${p2(deadline.getHours())}:${p2(deadline.getMinutes())}`;

    const r = runBin(['grade', sub, '--scores', scores, '--deadline', local, '--out', out, '--feedback', feedback, '--json', '--lang', 'zh-CN']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    const st = (id: string) => g.students.find((s: { student: string }) => s.student === id);
    // the repeat is the later one: graded, a day late (10 % off), flagged twice over
    expect(st('2023010101').labs[LAB]).toMatchObject({ earned: 100, total: 100, penaltyPct: 10, score: 90 });
    expect(st('2023010101').flags).toEqual(expect.arrayContaining(['late', 'duplicate']));
    // labs 90 → coursework 90×.2 + 90×.7 + 100×.1 = 91; final 70×.5 + 88×.35 + 60×.15 = 74.8; total 82.9
    expect(st('2023010101')).toMatchObject({ name: '王芳', coursework: 91, final: 74.8, total: 82.9 });
    expect(st('2023010102').labs[LAB]).toMatchObject({ earned: 25, score: 25, flags: [] });
    expect(st('2023010103').labs[LAB]).toMatchObject({ score: null, flags: ['tampered'] });
    expect(g.submissions.find((x: { student: string }) => x.student === '2023010103')).toMatchObject({ verified: false, problem: 'content' });
    // in the scores file only: graded with no lab
    expect(st('2023010105')).toMatchObject({ name: '赵磊', flags: ['missing'] });
    expect(g.problems).toEqual(expect.arrayContaining([
      { file: `${LAB}.2023010104.json`, code: 'notJson' },
      { file: `${LAB}.2023010101.json`, code: 'superseded', by: `${LAB}.2023010101-again.json` },
    ]));
    expect(g.distribution.count).toBe(4);

    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF学号,姓名,实训 ch03-products,课后作业,技能实训,表现与素养')).toBe(true);
    expect(csv).toContain('2023010101,王芳,90.0,90.0,90.0,100.0,70.0,88.0,60.0,91.0,74.8,82.9,迟交 重复提交');
    expect(csv).toContain('2023010103,,,,0.0,,,,,0.0,0.0,0.0,记录被改动');
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    const fb = fs.readFileSync(path.join(feedback, '2023010102.txt'), 'utf8');
    expect(fb).toContain('[Y] category  25/25');
    expect(fb).toMatch(/\[N\] product {2}0\/35 {2}\S/);

    // the text report in English names the problems
    const text = runBin(['grade', sub, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${LAB}.2023010104.json: not JSON (damaged?); not graded`);
    expect(text.stdout).toContain('record changed');
  });

  it('usage errors exit 2 and refusals exit 1, writing nothing', () => {
    const sub = tmpDir();
    const out = path.join(tmpDir(), 'gradebook.csv');
    expect(runBin(['grade', path.join(sub, 'nope'), '--out', out]).code).toBe(2);
    expect(runBin(['grade', sub, '--deadline', 'friday', '--out', out]).code).toBe(2);
    expect(runBin(['grade', sub, '--labs', 'ch99-nothing', '--out', out]).code).toBe(2);
    const weights = path.join(tmpDir(), 'w.json');
    fs.writeFileSync(weights, JSON.stringify({ coursework: 50, final: 50, homework: 30, labs: 70, conduct: 10, knowledge: 50, labExam: 35, extension: 15 }));
    const w = runBin(['grade', sub, '--weights', weights, '--out', out, '--lang', 'en']);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('coursework: homework + labs + conduct = 110, not 100');
    const scores = path.join(tmpDir(), 'scores.csv');
    fs.writeFileSync(scores, '学号,课后作业\n2023010101,九十\n');
    const s = runBin(['grade', sub, '--scores', scores, '--out', out, '--lang', 'zh-CN']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('第 2 行 课后作业：“九十”不是 0 到 100 的成绩');
    expect(fs.existsSync(out)).toBe(false);
  });
});
