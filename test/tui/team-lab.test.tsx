// A team lab on a shared hotel in the app: the lab panel names who did each done task, and
// screen 8 shows the team's gradebook from the hotel's history (a row per employee) instead of
// asking for a folder. The history is the grading port's (a fake here; PostgreSQL in
// test/cli/pg-team.test.ts).
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { Repo } from '../../src/services/repo.js';
import { creditTeam, type HistoryBatch } from '../../src/domain/grading/team-credit.js';
import type { Change } from '../../src/domain/change.js';
import { ENTITY_NAMES } from '../../src/domain/entities.js';
import type { GradingPorts } from '../../src/tui/screens/grading/ports.js';
import type { TeamGrading } from '../../src/services/team-lab.js';

const lab = findLab('ch04-customers')!;
const START = new Date('2026-11-26T02:00:00.000Z');

/** The lab started on the hotel, then stu01 creates the new customer: the hotel now, and its history. */
function teamHotel() {
  const ws = labStartWorkspace(lab, loadDemoWorkspace, START);
  ws.settings.labSince = START.toISOString();
  const start: HistoryBatch = { batch: 1, by: 'admin', at: START.toISOString(), changes: [{ op: 'settings', s: structuredClone(ws.settings) } as Change, ...ENTITY_NAMES.flatMap((e) => (ws[e] as { id: string }[]).map((r) => ({ op: 'put', e, r: structuredClone(r) }) as Change))] };
  const at = new Date('2026-11-26T02:15:00.000Z');
  const repo = new Repo(ws, { clock: () => at });
  const made = repo.create('customers', { name: '林晓峰', kind: 'individual', gender: 'male', phone: '13812345678', city: '杭州', source: 'referral' });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const save: HistoryBatch = { batch: 2, by: 'stu01', at: at.toISOString(), changes: repo.drainChanges() };
  const team: TeamGrading = { lab, grade: creditTeam(lab, [start, save]), skipped: 0, timeZone: 'Asia/Shanghai' };
  return { ws, team };
}

async function until(app: Awaited<ReturnType<typeof renderApp>>, pred: (frame: string) => boolean, what: string) {
  for (let i = 0; i < 200 && !pred(app.frame()); i++) await new Promise((r) => setTimeout(r, 50));
  if (!pred(app.frame())) throw new Error(`${what} never showed:\n${app.frame()}`);
}

describe('a team lab in the app', () => {
  it('the lab panel names the employee who did each done task', async () => {
    const { ws, team } = teamHotel();
    let reads = 0;
    const grading: GradingPorts = { demo: loadDemoWorkspace, writeFile: () => {}, team: async () => (reads++, team), hotel: 'postgres://hotel@/hotel' };
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 30, grading });
    await until(app, (f) => f.includes('by stu01'), 'the credited employee');
    const line = app.frame().split('\n').find((l) => /\[x\] 1 /.test(l)) ?? '';
    expect(line).toContain('by stu01');
    expect(app.frame().split('\n').find((l) => /\[ \] 2 /.test(l))).not.toContain('by ');
    expect(reads).toBeGreaterThan(0);
    app.unmount?.();
  });

  it('screen 8 on a shared hotel shows the team gradebook, a row per employee, in Chinese too', async () => {
    const { ws, team } = teamHotel();
    const grading: GradingPorts = { demo: loadDemoWorkspace, writeFile: () => {}, team: async () => team, hotel: 'postgres://hotel@/hotel' };
    const app = await renderApp({ ws, lang: 'en', cols: 100, rows: 40, grading, startScreen: 'grading' });
    await until(app, (f) => f.includes('Team score'), 'the team gradebook');
    const f = app.frame();
    expect(f).toContain('Team score 30/100 (1 of 4 tasks done)');
    expect(f).toMatch(/stu01\s+30\s+1\s+new \(2026-11-26 10:15/);
    expect(f).not.toContain('Press o');
    const zh = await renderApp({ ws, lang: 'zh-CN', cols: 100, rows: 40, grading, startScreen: 'grading' });
    await until(zh, (x) => x.includes('团队得分'), 'the team gradebook in Chinese');
    expect(zh.frame()).toContain('团队得分 30/100');
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`at 80x24 the employees below the tasks are reached by scrolling; the title stays (${lang})`, async () => {
      const { ws, team } = teamHotel();
      const grading: GradingPorts = { demo: loadDemoWorkspace, writeFile: () => {}, team: async () => team, hotel: 'postgres://hotel@/hotel' };
      const app = await renderApp({ ws, lang, cols: 80, rows: 24, grading, startScreen: 'grading' });
      await until(app, (f) => f.includes(lang === 'en' ? 'Team score' : '团队得分'), 'the team gradebook');
      // the lab panel and four tasks fill the screen: stu01's row is below it
      expect(app.frame()).not.toMatch(/stu01\s+30\s+1\s+new/);
      await press(app, 'grading.teamEnd');
      expect(app.frame()).toMatch(/stu01\s+30\s+1\s+new/);
      expect(app.frame()).toContain('ch04-customers');
      await press(app, 'grading.teamHome');
      expect(app.frame()).toContain(lang === 'en' ? 'Team score' : '团队得分');
      app.unmount?.();
    });
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`e writes the team gradebook CSV to a typed path, said once written; a failed write says why (${lang}, 80x24)`, async () => {
      const { ws, team } = teamHotel();
      const written: { file: string; text: string; mode?: number }[] = [];
      let fail = false;
      const writeFile = (file: string, bytes: Uint8Array, mode?: number) => {
        if (fail) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        written.push({ file, text: new TextDecoder().decode(bytes), mode });
      };
      const grading: GradingPorts = { demo: loadDemoWorkspace, writeFile, team: async () => team, hotel: 'postgres://hotel@/hotel' };
      const app = await renderApp({ ws, lang, cols: 80, rows: 24, grading, startScreen: 'grading' });
      await until(app, (f) => f.includes(lang === 'en' ? 'Team score' : '团队得分'), 'the team gradebook');
      await press(app, 'grading.teamExport');
      expect(app.frame()).toContain(lang === 'en' ? 'Gradebook CSV to: team-ch04-customers.csv' : 'team-ch04-customers.csv');
      // the offered name is selected: what is typed replaces it
      await app.type('/srv/class/团队.csv');
      await press(app, 'grading.pathKeep');
      expect(written).toHaveLength(1);
      expect(written[0].file).toBe('/srv/class/团队.csv');
      expect(written[0].mode).toBe(0o640);
      expect(written[0].text).toContain('stu01');
      expect(app.frame()).toContain('/srv/class/团队.csv');
      expect(app.frame()).toContain(lang === 'en' ? 'Saved the team gradebook' : '团队成绩表已保存');
      // keys work again on the gradebook
      await press(app, 'grading.teamEnd');
      expect(app.frame()).toMatch(/stu01\s+30\s+1\s+new/);
      fail = true;
      await press(app, 'grading.teamExport', 'grading.pathKeep');
      expect(written).toHaveLength(1);
      expect(app.frame()).not.toContain(lang === 'en' ? 'Saved the team gradebook' : '团队成绩表已保存');
      expect(app.frame()).toContain(lang === 'en' ? 'was not saved to team-ch04-customers.csv' : '成绩册未能保存到 team-ch04-customers.csv');
      app.unmount?.();
    });
  }
});
