// Screen 8 in a real terminal (tmux, the built app): a submission made with lab start, a save
// and lab submit, graded by `--grade DIR`; the drill-down says which task passed and why; `e`
// writes the gradebook to the path typed over the one offered. Chinese at 80x24, English at 60.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { tmpDir } from '../helpers/tmp.js';
import { runBin } from '../helpers/cli.js';
import { displayWidth } from '../../src/text/width.js';

afterAll(() => TmuxSession.killServer());

const LAB = 'ch03-products';
const fitsIn = (screen: string, cols: number) => {
  for (const l of screen.split('\n')) expect(displayWidth(l.trimEnd()), l).toBeLessThanOrEqual(cols);
};

/** one real submission: the breakfast's price set (20 of 100 points); returns the folder and the student */
function handIn(): { dir: string; student: string } {
  const env = { XDG_DATA_HOME: tmpDir() };
  expect(runBin(['lab', 'start', LAB], env).code).toBe(0);
  expect(runBin(['update', 'products', 'G0004', '--price', '138', '--lab', LAB], env).code).toBe(0);
  const dir = tmpDir();
  expect(runBin(['lab', 'submit', LAB, '--to', dir], env).code).toBe(0);
  const [made] = fs.readdirSync(dir);
  return { dir, student: String(JSON.parse(fs.readFileSync(path.join(dir, made), 'utf8')).student) };
}

describe('screen 8 in a real terminal', { timeout: 90_000 }, () => {
  for (const [lang, cols, saved, head] of [
    ['zh-CN', 80, '已保存到', '实训：1 ch03-products'],
    ['en', 60, 'Saved the gradebook', 'Labs: 1 ch03-products'],
  ] as const) {
    it(`${lang} at ${cols}x24: --grade DIR shows the gradebook, Enter the checks, e the CSV on disk`, async () => {
      const { dir, student } = handIn();
      const ws = path.join(tmpDir(), 'workspace.json');
      expect(runBin(['--data', ws, 'init', '--demo']).code).toBe(0);
      const s = TmuxSession.start(`grading-${lang}`, ['--data', ws, '--lang', lang, '--grade', dir], { cols, rows: 24 });
      const book = await s.waitFor(head, 20_000);
      const row = book.split('\n').find((l) => l.startsWith(student))!;
      // total 7.0 of the course's weights, lab average 20.0
      expect(row).toMatch(/7\.0\s+20\.0\s+20\.0/);
      fitsIn(book, cols);
      s.keys('Enter');
      const checks = await s.waitFor('[Y] price');
      expect(checks).toMatch(/\[Y\] price\s+20\/20/);
      expect(checks).toMatch(/\[N\] category\s+0\/25/);
      // why: the products that match, by their code
      expect(checks).toContain('G0004');
      fitsIn(checks, cols);
      s.keys('Escape');
      await s.waitFor(head);
      const out = path.join(tmpDir(), lang === 'en' ? 'book.csv' : '成绩册.csv');
      s.keys('e');
      await s.waitFor(lang === 'en' ? 'Gradebook CSV to:' : '成绩册 CSV 保存到');
      // typed over the path offered
      s.type(out);
      s.keys('Enter');
      await s.waitFor(saved);
      expect(fs.readFileSync(out, 'utf8')).toContain(`${student},`);
      expect(fs.statSync(out).mode & 0o777).toBe(0o640);
      s.keys('q');
      await s.waitFor('EXIT=0');
      s.kill();
    });
  }
});
