// The student inside the hash chain (lab start writes the account into the log's first event;
// grading compares it with the file's student) and grading in worker threads (the same
// gradebook as in one thread, in the same order), on the built CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { asStudent } from '../helpers/lab-chain.js';
import { canonical } from '../../src/services/lab-log.js';
import crypto from 'node:crypto';

const LAB = 'ch03-products';

/** a real submission: lab start, two saves, lab submit */
function handIn(): { sheet: Record<string, unknown> & { student: string; events: Record<string, unknown>[] } } {
  const env = { XDG_DATA_HOME: tmpDir() };
  expect(runBin(['lab', 'start', LAB], env).code).toBe(0);
  expect(runBin(['update', 'products', 'G0004', '--price', '138', '--lab', LAB], env).code).toBe(0);
  expect(runBin(['update', 'products', 'G0005', '--status', 'inactive', '--lab', LAB], env).code).toBe(0);
  const out = tmpDir();
  expect(runBin(['lab', 'submit', LAB, '--to', out], env).code).toBe(0);
  const [made] = fs.readdirSync(out);
  return { sheet: JSON.parse(fs.readFileSync(path.join(out, made), 'utf8')) };
}

const grade = (dir: string, env: Record<string, string> = {}) => {
  const r = runBin(['grade', dir, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { text: r.stdout, json: JSON.parse(r.stdout) };
};

describe('the student in the lab log', { timeout: 180_000 }, () => {
  it('lab start names the account in the first event; a copy handed in under another name scores nothing and is flagged; a log without a student is graded and flagged', () => {
    const { sheet } = handIn();
    const me = os.userInfo().username;
    expect(sheet.events[0]).toMatchObject({ kind: 'start', student: { unixUser: me } });
    expect((sheet.events[0].student as { login: string }).login).toBe(sheet.student);
    const dir = tmpDir();
    // the student's own file, a copy with only the name changed, and one resealed for its student
    fs.writeFileSync(path.join(dir, `${LAB}.${sheet.student}.json`), JSON.stringify(sheet));
    fs.writeFileSync(path.join(dir, `${LAB}.2023010199.json`), JSON.stringify({ ...sheet, student: '2023010199' }));
    fs.writeFileSync(path.join(dir, `${LAB}.2023010150.json`), JSON.stringify(asStudent(sheet, '2023010150')));
    // an older log: its first event names nobody (sealed again without it, as older versions wrote it)
    let prev = '';
    const old = sheet.events.map((e, i) => {
      const { hash: _h, student: _s, ...rest } = e as Record<string, unknown>;
      const body = { ...rest, prev, ...(i === 0 ? {} : { student: _s }) };
      prev = crypto.createHash('sha256').update(`${prev}\n${canonical(body)}`).digest('hex');
      return { ...body, hash: prev };
    });
    fs.writeFileSync(path.join(dir, `${LAB}.2023010160.json`), JSON.stringify({ ...sheet, student: '2023010160', events: old }));

    const { json } = grade(dir);
    const st = (id: string) => json.students.find((s: { student: string }) => s.student === id);
    expect(st(sheet.student).labs[LAB]).toMatchObject({ score: 40, flags: [] });
    expect(st('2023010150').labs[LAB]).toMatchObject({ score: 40, flags: [] });
    expect(st('2023010199').labs[LAB]).toMatchObject({ score: null, flags: ['otherStudent'] });
    expect(st('2023010199').total).toBe(0);
    expect(st('2023010160').labs[LAB]).toMatchObject({ score: 40, flags: ['noStudent'] });

    const zh = runBin(['grade', dir, '--lang', 'zh-CN']);
    expect(zh.stdout).toMatch(/2023010199.*学生不符/);
    expect(zh.stdout).toMatch(/2023010160.*记录无学生信息/);
    const en = runBin(['grade', dir, '--lang', 'en']);
    expect(en.stdout).toMatch(/2023010199.*another student's record/);
    expect(en.stdout).toMatch(/2023010160.*no student in record/);
  });

  it('grading in worker threads gives the gradebook of one thread, byte for byte, whatever the number of workers', () => {
    const { sheet } = handIn();
    const dir = tmpDir();
    for (let i = 0; i < 48; i++) {
      const id = `2023${String(i).padStart(6, '0')}`;
      // a few variations, so that order matters: a damaged file, a copy under another name, a repeat
      const s = i % 7 === 3 ? { ...sheet, student: id } : asStudent(sheet, id);
      fs.writeFileSync(path.join(dir, `${LAB}.${id}.json`), i === 11 ? '{"format":' : JSON.stringify(s));
    }
    fs.writeFileSync(path.join(dir, `${LAB}.2023000005-again.json`), JSON.stringify(asStudent(sheet, '2023000005')));
    const one = grade(dir, { HOTEL_CRM_GRADE_WORKERS: '0' });
    const two = grade(dir, { HOTEL_CRM_GRADE_WORKERS: '2' });
    const four = grade(dir, { HOTEL_CRM_GRADE_WORKERS: '4' });
    expect(one.json.students).toHaveLength(47); // the damaged one is no student
    expect(one.json.problems.map((p: { code: string }) => p.code).sort()).toEqual(['notJson', 'superseded']);
    expect(two.text).toBe(one.text);
    expect(four.text).toBe(one.text);
  });
});
