// A team lab's gradebook in words: the team's score, each task with who did it and when, and a
// row per employee with the tasks credited to them. Logins and lab texts come from the shared
// hotel (anyone with a login there wrote them): sanitised before they reach the terminal.
import type { T } from '../i18n/index.js';
import type { TeamGrading } from '../services/team-lab.js';
import { localTimeText } from '../domain/zoned-time.js';
import { sanitizeLine } from '../text/sanitize.js';
import { fit } from '../text/width.js';
import { safeCell, stringifyCsv } from '../text/csv.js';

const when = (iso: string | undefined, zone: string) => (iso ? localTimeText(iso, zone) : '');

/** The lines `grade --data` prints and screen 8 shows (cut to the width). */
export function teamGradeLines(g: TeamGrading, t: T, zone: string, url: string, width = 100): string[] {
  const lang = t.lang === 'en' ? 'en' : 'zh';
  const r = g.grade;
  const out: string[] = [t('grade.team.head', { id: g.lab.id, title: sanitizeLine(g.lab.title[lang]) })];
  out.push(r.started
    ? t('grade.team.started', { url: sanitizeLine(url), since: when(r.since, zone), by: sanitizeLine(r.startedBy ?? ''), saves: r.saves })
    : t('grade.team.notStarted', { url: sanitizeLine(url), id: g.lab.id }));
  out.push(t('grade.team.score', { earned: r.earned, total: r.total, passed: r.tasks.filter((x) => x.passed).length, count: r.tasks.length }));
  out.push('');
  out.push(t('grade.team.tasksHead'));
  g.lab.tasks.forEach((task, i) => {
    const c = r.tasks[i];
    const undone = c.undone ? `  (${t('grade.team.undone', { count: c.undone })})` : '';
    out.push(`${fit(`${i + 1} ${task.id}`, 12)} ${fit(`${c.earned}/${c.points}`, 7)} ${c.passed ? '[x]  ' : '[ ]  '}${fit(sanitizeLine(c.by ?? (c.passed ? '-' : '')), 13)} ${when(c.at, zone)}${undone}`);
    out.push(`    ${sanitizeLine(task.description[lang])}`);
  });
  out.push('');
  if (!r.employees.length) out.push(t('grade.team.noSaves'));
  else {
    out.push(t('grade.team.employeesHead'));
    for (const e of r.employees) {
      const tasks = e.tasks.map((x) => `${x.taskId} (${when(x.at, zone)})`).join(', ') || '-';
      out.push(`${fit(sanitizeLine(e.login), 13)} ${fit(String(e.points), 7)} ${fit(String(e.saves), 6)} ${tasks}`);
    }
  }
  if (g.skipped) out.push('', t('grade.team.skipped', { count: g.skipped }));
  return out.map((l) => fit(l, width).trimEnd());
}

/** The team gradebook as CSV (UTF-8 with a BOM, as Excel opens it): a row per employee, then
 *  the team's row. */
export function teamGradeCsv(g: TeamGrading, t: T, zone: string): Uint8Array {
  const r = g.grade;
  const header = [t('grade.team.col.employee'), t('grade.team.col.points'), t('grade.team.col.tasks'), t('grade.team.col.saves'), t('grade.team.col.first'), t('grade.team.col.last')];
  const rows = r.employees.map((e) => [e.login, String(e.points), e.tasks.map((x) => `${x.taskId} ${when(x.at, zone)}`).join('; '), String(e.saves), when(e.first, zone), when(e.last, zone)]);
  rows.push([t('grade.team.col.team'), `${r.earned}/${r.total}`, r.tasks.filter((x) => x.passed).map((x) => x.taskId).join('; '), String(r.saves), '', '']);
  return Buffer.from('\uFEFF' + stringifyCsv([header, ...rows].map((row) => row.map((c) => safeCell(c)))), 'utf8');
}

/** The JSON `grade --data --json` prints. */
export function teamGradeJson(g: TeamGrading, url: string) {
  const r = g.grade;
  return {
    lab: g.lab.id,
    hotel: url,
    started: r.started,
    since: r.since ?? null,
    startedBy: r.startedBy ?? null,
    earned: r.earned,
    total: r.total,
    saves: r.saves,
    tasks: r.tasks.map((x) => ({ id: x.taskId, points: x.points, earned: x.earned, passed: x.passed, by: x.by ?? null, at: x.at ?? null, undone: x.undone, reason: x.result.reason })),
    employees: r.employees.map((e) => ({ login: e.login, points: e.points, saves: e.saves, first: e.first ?? null, last: e.last ?? null, tasks: e.tasks })),
    skipped: g.skipped,
  };
}
