// Screen 8 (实训评分) as the instructor uses it: a folder of real submissions (made through the
// lab log, as `lab start` and the app make them) with full and partial marks, a changed record,
// a copy under another name and a damaged file; the gradebook, the spread as bars by band, one
// student's every check, the CSV on disk before "saved"; Chinese at 80x24, English at 60
// columns; nothing of it for an employee who is not an administrator.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { tmpDir } from '../helpers/tmp.js';
import { memoryStore } from '../../src/storage/store.js';
import { fileBackend } from '../../src/storage/backend.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { labLogFile, loggedStore, parseLog, startEvent, SUBMISSION_FORMAT } from '../../src/services/lab-log.js';
import { sessionOver } from '../../src/services/session.js';
import type { Repo } from '../../src/services/repo.js';
import type { StorageBackend } from '../../src/services/ports.js';
import { displayWidth } from '../../src/text/width.js';

const LAB = 'ch03-products';
const NOW = new Date('2026-11-20T02:00:00.000Z');

const must = <V,>(r: { ok: true; value: V } | { ok: false; errors: unknown }): V => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const byName = (r: Repo, e: 'categories' | 'products', name: string) => r.all(e).find((x) => String(x.name).includes(name))!.id;
const STEPS: ((r: Repo) => void)[] = [
  (r) => void must(r.create('categories', { name: '亲子客房', parentId: byName(r, 'categories', '客房') })),
  (r) => void must(r.create('products', { name: '亲子家庭房', categoryId: byName(r, 'categories', '亲子客房'), spec: '45㎡ 一大一小床 含儿童乐园', unit: '间夜', price: 88800, status: 'active' })),
  (r) => void must(r.update('products', byName(r, 'products', '自助早餐'), { price: 13800 })),
  (r) => void must(r.update('products', byName(r, 'products', '中式宴会套餐'), { status: 'inactive' })),
];

/** A student's submission: the lab's start, `steps` of the solution saved one by one through the lab log. */
async function handIn(student: string, steps: number): Promise<Record<string, unknown>> {
  const ws = labStartWorkspace(findLab(LAB)!, loadDemoWorkspace, NOW);
  const files = new Map<string, string>();
  const backend = { appendLine: (f: string, l: string) => files.set(f, (files.get(f) ?? '') + l + '\n'), readPrivate: (f: string) => files.get(f) } as unknown as StorageBackend;
  const store = memoryStore(ws, `/home/${student}/labs/${LAB}/workspace.json`);
  files.set(labLogFile(store.file), JSON.stringify(startEvent(LAB, ws, NOW.toISOString(), 'admin', { login: student, unixUser: student })) + '\n');
  const s = sessionOver(loggedStore(store, backend), { user: 'admin', clock: () => NOW });
  for (const step of STEPS.slice(0, steps)) {
    step(s.repo);
    await s.commit();
  }
  return JSON.parse(JSON.stringify({ format: SUBMISSION_FORMAT, version: 1, lab: LAB, student, submittedAt: NOW.toISOString(), workspace: store.data, events: parseLog(files.get(labLogFile(store.file))!).events }));
}

async function classFolder(): Promise<string> {
  const dir = tmpDir();
  const put = (name: string, v: unknown) => fs.writeFileSync(path.join(dir, name), typeof v === 'string' ? v : JSON.stringify(v));
  const full = await handIn('2023010101', 4);
  put(`${LAB}.2023010101.json`, full);
  put(`${LAB}.2023010102.json`, await handIn('2023010102', 2));
  // a full one edited by hand afterwards
  const edited = await handIn('2023010103', 4);
  (edited.workspace as { products: { id: string; price: number }[] }).products[0].price = 1;
  put(`${LAB}.2023010103.json`, edited);
  // the first student's file handed in under another number
  put(`${LAB}.2023010104.json`, { ...full, student: '2023010104' });
  put(`${LAB}.2023010105.json`, '{"format": "hotel-crm-lab-sub');
  return dir;
}

async function until(app: Awaited<ReturnType<typeof renderApp>>, pred: (frame: string) => boolean, what: string) {
  for (let i = 0; i < 600 && !pred(app.frame()); i++) await new Promise((r) => setTimeout(r, 50));
  if (!pred(app.frame())) throw new Error(`${what} never showed:\n${app.frame()}`);
}

const ports = (dir?: string) => ({ demo: loadDemoWorkspace, writeFile: fileBackend.writeFile.bind(fileBackend), dir });

describe('screen 8, grading', { timeout: 120_000 }, () => {
  it('zh-CN 80x24, --grade DIR: the gradebook with its flags, the spread by band, a student\'s checks, the CSV saved', async () => {
    const dir = await classFolder();
    const app = await renderApp({ lang: 'zh-CN', grading: ports(dir), startScreen: 'grading' });
    await until(app, (f) => f.includes('2023010104'), 'the gradebook');
    const lines = app.lines();
    const row = (id: string) => lines.find((l) => l.startsWith(id)) ?? '';
    expect(lines.some((l) => l.includes('实训评分'))).toBe(true);
    expect(app.frame()).toContain('4 名学生');
    // total (labs are 70 % of the coursework, half the total, by seed 001's weights), labs, the lab
    expect(row('2023010101')).toMatch(/2023010101\s+35\.0\s+100\.0\s+100\.0\s*$/);
    expect(row('2023010102')).toMatch(/2023010102\s+21\.0\s+60\.0\s+60\.0\s*$/);
    expect(row('2023010103')).toContain('记录被改动');
    expect(row('2023010104')).toContain('学生不符');
    // the spread: a bar per band, the full marks' band drawn, the damaged file named
    expect(app.frame()).toMatch(/0-59\s+4\s+100\.0%\s+#+/);
    expect(app.frame()).toMatch(/90-100\s+0\s+0\.0%\s*\n/);
    expect(app.frame()).toContain(`${LAB}.2023010105.json`);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.length).toBeLessThanOrEqual(24);

    // the second student: every task, passed or not, and why
    await press(app, 'grading.down', 'grading.open');
    expect(app.frame()).toContain('2023010102');
    expect(app.frame()).toMatch(/\[Y\] category\s+25\/25/);
    expect(app.frame()).toMatch(/\[N\] price\s+0\/20/);
    expect(app.frame()).toMatch(/\[N\] retire\s+0\/20/);
    await press(app, 'grading.back');
    expect(app.frame()).toMatch(/0-59\s+4/);

    // e: the gradebook as CSV, to a path typed over the one offered; said once it is on disk
    const out = path.join(tmpDir(), '成绩册.csv');
    await press(app, 'grading.export');
    expect(app.frame()).toContain('成绩册 CSV 保存到');
    // the path offered is selected: what is typed replaces it (it was once appended to it)
    await app.type(out);
    await press(app, 'grading.pathKeep');
    expect(app.frame()).toContain(`已保存到 ${out}`);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF学号')).toBe(true);
    expect(csv).toMatch(/2023010101,,100\.0,/);
    expect(csv).toContain('学生不符');
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    app.unmount();
  });

  it('en at 60 columns: the folder asked on the screen, then the gradebook and the chart within 60 columns', async () => {
    const dir = await classFolder();
    const app = await renderApp({ lang: 'en', cols: 60, rows: 24, grading: ports() });
    await press(app, 'screen.grading');
    expect(app.frame()).toContain('Press o and give the folder');
    await press(app, 'grading.folder');
    expect(app.frame()).toContain('Submissions folder:');
    await app.type(dir);
    await press(app, 'grading.pathKeep');
    await until(app, (f) => f.includes('2023010104'), 'the gradebook');
    const lines = app.lines();
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(app.frame()).toContain('record changed');
    expect(app.frame()).toContain("another student's");
    expect(app.frame()).toMatch(/0-59\s+4\s+100\.0%\s+#+/);
    await press(app, 'grading.open');
    expect(app.frame()).toMatch(/\[Y\] retire\s+20\/20/);
    app.unmount();
  });

  it('an employee who is not an administrator sees why, and none of its actions run', async () => {
    const dir = await classFolder();
    const app = await renderApp({ lang: 'zh-CN', user: 'zhangli', grading: ports(dir), startScreen: 'grading' });
    await new Promise((r) => setTimeout(r, 300));
    expect(app.frame()).toContain('实训评分仅限教师使用');
    expect(app.frame()).not.toContain('2023010101');
    await press(app, 'grading.folder');
    expect(app.frame()).not.toContain('提交文件夹：');
    app.unmount();
  });
});
