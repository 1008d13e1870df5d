// The employee's desk (syllabus ch. 7): what is overdue, due today and due this week, and the
// moves a desk offers (postpone a day or a week). Pure: the caller says what day it is.
import { byCode } from './compare.js';
import { daysBetween } from './care.js';

export interface AgendaTask {
  id: string;
  due?: string;
  /** HH:MM on the due day */
  dueTime?: string;
  /** high, normal (the default), low */
  priority?: string;
  status: string;
  ownerId?: string;
}

const RANK: Record<string, number> = { high: 0, normal: 1, low: 2 };
const rank = (t: AgendaTask) => RANK[t.priority ?? 'normal'] ?? 1;

export const isOpenTask = (t: AgendaTask) => t.status === 'open' || t.status === 'doing';

export type AgendaBucket = 'overdue' | 'today' | 'week' | 'later' | 'undated' | 'closed';

/** Where a task stands on the desk on `today`. */
export function bucketOf(t: AgendaTask, today: string): AgendaBucket {
  if (!isOpenTask(t)) return 'closed';
  if (!t.due) return 'undated';
  const d = daysBetween(today, t.due);
  return d < 0 ? 'overdue' : d === 0 ? 'today' : d <= 7 ? 'week' : 'later';
}

export interface AgendaCounts {
  overdue: number;
  today: number;
  week: number;
}

export function agendaCounts(tasks: readonly AgendaTask[], today: string): AgendaCounts {
  const c: AgendaCounts = { overdue: 0, today: 0, week: 0 };
  for (const t of tasks) {
    const b = bucketOf(t, today);
    if (b === 'overdue' || b === 'today' || b === 'week') c[b]++;
  }
  return c;
}

const ORDER: AgendaBucket[] = ['overdue', 'today', 'week', 'later', 'undated', 'closed'];

/** The desk's order: overdue, today, this week, later, undated, then closed ones; within, by
 *  due date, then the hour (a task with none after those with one), then high priority first. */
export function agendaOrder<T extends AgendaTask>(tasks: readonly T[], today: string): T[] {
  return [...tasks].sort(
    (a, b) =>
      ORDER.indexOf(bucketOf(a, today)) - ORDER.indexOf(bucketOf(b, today)) ||
      byCode(String(a.due ?? ''), String(b.due ?? '')) ||
      byCode(a.dueTime ?? '99:99', b.dueTime ?? '99:99') ||
      rank(a) - rank(b) ||
      byCode(a.id, b.id),
  );
}

/** The new due date of a task put off by `days`: counted from today when it is already late
 *  (a task put off a day is due tomorrow, not yesterday + 1). */
export function postponed(due: string | undefined, today: string, days: number): string {
  const from = !due || due < today ? today : due;
  const [y, m, d] = from.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}
