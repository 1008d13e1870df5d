// Tasks (任务): the employee's desk of syllabus ch. 7. Overdue first, then today and this week;
// complete with a result and the customer's need, put off a day or a week, hand to someone else.
import { agendaCounts, agendaOrder, isOpenTask, postponed, type AgendaTask } from '../../domain/agenda.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { todayIn, upcomingAnniversaries, type CareAnniversary } from '../../domain/care.js';
import { errorText, valueLabelT, type MessageKey, type T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, type RecordCommand, type RecordCtx } from './records/commands.js';

// the day in the hotel's time zone (set at init), as the care rules count it
let zone: string | undefined;
const today = () => todayIn(new Date(), zone);
// whether the list is wide enough for a task's hour beside its day (set as the columns are laid out)
let withHour = true;

// counted once per version of the records and day, not on every frame
let counted: { repo: Repo; version: number; day: string; c: ReturnType<typeof agendaCounts>; anniversaries: number } | undefined;

/** the birthdays and anniversaries of the customers the employee sees, in the agenda's 7 days */
function comingAnniversaries(repo: Repo, day: string) {
  return upcomingAnniversaries(repo.all('anniversaries') as unknown as (EntityRecord & CareAnniversary)[], day, 7);
}

/** "overdue 2 · today 1 · 7 days 4 · anniversaries 3": what the desk holds (the list head). */
export function deskSummary(repo: Repo, t: T): string {
  zone = repo.ws.settings.timeZone;
  const day = today();
  if (!counted || counted.repo !== repo || counted.version !== repo.version || counted.day !== day) {
    counted = { repo, version: repo.version, day, c: agendaCounts(repo.all('tasks') as never, day), anniversaries: comingAnniversaries(repo, day).length };
  }
  const { c } = counted;
  return t('tasks.summary', { overdue: c.overdue, today: c.today, week: c.week, anniversaries: counted.anniversaries });
}

// the acting employee's own counts, once per version of the records, day and employee
let mine: { repo: Repo; version: number; day: string; me?: string; c: ReturnType<typeof agendaCounts> } | undefined;

/** "late 2 today 1": the acting employee's own desk, beside the screen's title in the screen bar. */
export function myDeskBadge(repo: Repo, t: T): string {
  zone = repo.ws.settings.timeZone;
  const day = today();
  const me = repo.whoActs().employee?.id;
  if (!mine || mine.repo !== repo || mine.version !== repo.version || mine.day !== day || mine.me !== me) {
    mine = { repo, version: repo.version, day, me, c: agendaCounts((me ? repo.unscoped('tasks').filter((x) => x.ownerId === me) : []) as never, day) };
  }
  return t('tasks.badge', { overdue: mine.c.overdue, today: mine.c.today });
}

function postpone(days: number) {
  return ({ app, record }: RecordCtx) => {
    const { repo, t } = app;
    const due = postponed(record!.due as string | undefined, today(), days);
    const r = repo.update('tasks', record!.id, { due });
    if (!r.ok) return app.notify(r.errors.map((e) => errorText(t, 'tasks', e, repo.ws.valueLists)).join('; '), 'error');
    app.changed(t('tasks.postponed', { id: record!.id, due }));
  };
}

/** a done or cancelled task is not put off or handed on (it is reopened by editing it) */
const needsOpen = (c: RecordCtx): MessageKey | undefined => needsBoth(c) ?? (isOpenTask(c.record as never) ? undefined : 'tasks.closed');

/** the agenda's fourth part: whose birthday or anniversary falls in the coming 7 days; Enter opens the customer */
const ANNIVERSARIES: RecordCommand = {
  id: 'tasks.anniversaries',
  keys: ['a'],
  description: 'help.taskAnniversaries',
  footer: { label: 'hint.taskAnniversaries', drop: 2 },
  run: ({ app, back, setMode }) => {
    const { repo, t } = app;
    zone = repo.ws.settings.timeZone;
    const day = today();
    const coming = comingAnniversaries(repo, day);
    if (!coming.length) return app.notify(t('tasks.noAnniversaries'), 'ok');
    const name = (e: 'customers' | 'contacts', id: unknown) => (id ? String(repo.get(e, String(id))?.name ?? '') : '');
    setMode({
      kind: 'pick',
      title: t('tasks.anniversariesTitle', { count: coming.length }),
      items: coming.map(({ anniversary: a, on, inDays }) => {
        const who = [name('customers', a.customerId), name('contacts', a.contactId)].filter(Boolean).join(' · ');
        const when = inDays === 0 ? t('tasks.annToday') : t('tasks.annInDays', { days: inDays });
        return {
          value: a.customerId,
          label: `${on.slice(5)} ${when}  ${valueLabelT(t, repo.ws.valueLists, 'anniversaryKind', a.kind)}  ${who}`,
          keywords: `${a.customerId} ${a.id}`,
        };
      }),
      onPick: (id) => setMode({ kind: 'detail', entity: 'customers', id, back }),
      back,
    });
  },
};

const COMMANDS: RecordCommand[] = [
  ANNIVERSARIES,
  {
    id: 'tasks.complete',
    keys: ['x'],
    description: 'help.taskComplete',
    footer: { label: 'hint.taskComplete', drop: 3 },
    unavailable: needsOpen,
    run: ({ record, back, setMode }) =>
      setMode({ kind: 'form', entity: 'tasks', id: record!.id, preset: { status: 'done' }, fields: ['status', 'result', 'need', 'notes'], back }),
  },
  { id: 'tasks.postponeDay', keys: ['p'], description: 'help.taskPostponeDay', footer: { label: 'hint.taskPostpone', drop: 2 }, unavailable: needsOpen, run: postpone(1) },
  { id: 'tasks.postponeWeek', keys: ['P'], description: 'help.taskPostponeWeek', unavailable: needsOpen, run: postpone(7) },
  {
    id: 'tasks.reassign',
    keys: ['o'],
    description: 'help.taskReassign',
    unavailable: needsOpen,
    run: ({ app, record, back, setMode }) => {
      const { repo, t } = app;
      setMode({
        kind: 'pick',
        title: t('tasks.reassignTitle', { id: record!.id }),
        current: record!.ownerId as string | undefined,
        items: repo
          .all('employees')
          .filter((e) => e.active !== false)
          .map((e) => ({ value: e.id, label: `${String(e.name)} (${String(e.login)})` })),
        onPick: (ownerId) => {
          const r = repo.update('tasks', record!.id, { ownerId });
          if (!r.ok) return app.notify(r.errors.map((e) => errorText(t, 'tasks', e, repo.ws.valueLists)).join('; '), 'error');
          app.changed(t('tasks.reassigned', { id: record!.id, name: String(repo.get('employees', ownerId)?.name ?? ownerId) }));
        },
        back,
      });
    },
  },
];

export const tasksConfig: ScreenConfig = {
  entity: 'tasks',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    // the day, and the hour when the task has one (14:30) and the list has room for it
    { key: 'due', title: t.lang === 'en' ? 'Due' : '截止日期', width: (withHour = width >= 70) ? 16 : 10 },
    { key: 'status', title: t.lang === 'en' ? 'Status' : '状态', width: 6 },
    { key: 'subject', title: t.lang === 'en' ? 'Subject' : '主题', width: 'flex', minWidth: 12 },
    { key: 'customerId', title: t.lang === 'en' ? 'Customer' : '客户', width: 'flex', minWidth: 8 },
    ...(width >= 100 ? [{ key: 'type', title: t.lang === 'en' ? 'Type' : '类型', width: 6 }] : []),
    { key: 'ownerId', title: t.lang === 'en' ? 'Owner' : '负责人', width: 8 },
  ],
  searchFields: ['id', 'subject', 'customerId', 'ownerId', 'result', 'need', 'notes'],
  sortFields: ['due', 'id', 'status', 'ownerId', 'customerId', 'updatedAt'],
  // a high-priority task is marked where the eye reads first; the hour beside the day when there is room
  cell: (key, rec) =>
    key === 'subject' && rec.priority === 'high'
      ? `! ${String(rec.subject ?? '')}`
      : key === 'due' && withHour && rec.dueTime && rec.due
        ? `${String(rec.due)} ${String(rec.dueTime)}`
        : undefined,
  deskOrder: (recs) => agendaOrder(recs as (EntityRecord & AgendaTask)[], today()),
  summary: deskSummary,
  badge: myDeskBadge,
  formFields: (entity) => (entity === 'tasks' ? ['subject', 'type', 'channel', 'customerId', 'contactId', 'ownerId', 'due', 'dueTime', 'priority', 'status', 'result', 'need', 'notes'] : undefined),
  commands: COMMANDS,
};
