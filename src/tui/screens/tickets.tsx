// Service tickets (服务工单): complaint handling of syllabus ch. 9. The desk lists tickets by SLA,
// overdue first and marked "!late" (text, not colour alone); v switches to my tickets, to
// tickets by category, and to the satisfaction summary (a text chart of the surveys). a advances a ticket to its next handling step, the form opening on the
// note (on resolving: the recovery and its measures, each with its cost), r reopens one, m edits
// the recovery measures, u records a satisfaction survey of the ticket. The detail shows the SLA
// and every step with its time and employee (the detail's view of the steps field).
import { allowedTicketSteps, canReopen, isOpenTicket, isOverdue, isTicketStatus, isUnresolved, nextStatus, REOPEN_TO, slaDue, ticketCounts, ticketDeskOrder } from '../../domain/ticket-flow.js';
import { todayIn } from '../../domain/care.js';
import { DEFAULT_VALUE_LISTS } from '../../domain/values.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { valueLabelT, type MessageKey, type T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import { workspaceTimeZone } from '../../services/time-zone.js';
import { workspaceSurveys } from '../../services/surveys.js';
import { surveyChart, surveyHead } from '../../presentation/surveys.js';
import { fit } from '../../text/width.js';
import type { Column } from '../components/Table.js';
import type { ListView, ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, type RecordCommand, type RecordCtx } from './records/commands.js';

type Desk = EntityRecord & { createdAt: string };

/** "open 5 · overdue 2": the screen bar and the list head */
export function ticketSummary(repo: Repo, t: T): string {
  const c = ticketCounts(repo.all('tickets') as never, new Date());
  return t('tickets.summary', { open: c.open, overdue: c.overdue });
}

/** "5h" under two days, else "3d" */
const span = (ms: number) => {
  const h = Math.max(0, Math.floor(ms / 3_600_000));
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
};

/** The SLA cell: "!late 5h" past due (the mark and the word), "due 3h" before, nothing once resolved. */
export function slaCell(rec: EntityRecord, t: T, now: Date): string {
  if (!isUnresolved(rec.status) || typeof rec.createdAt !== 'string') return '';
  const due = Date.parse(slaDue(rec as Desk));
  return isOverdue(rec as Desk, now) ? `!${t('tickets.late', { d: span(now.getTime() - due) })}` : t('tickets.dueIn', { d: span(due - now.getTime()) });
}

/** "SLA 08-31 22:00 !late 86d" beside an unresolved ticket's title, the due time where the program runs */
export function slaNote(rec: EntityRecord, t: T, now: Date): string | undefined {
  const cell = slaCell(rec, t, now);
  if (!cell) return undefined;
  const d = new Date(slaDue(rec as Desk));
  const p = (n: number) => String(n).padStart(2, '0');
  return `SLA ${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())} ${cell}`;
}

const myEmployeeId = (repo: Repo) => {
  const me = repo.actorLogin.toLowerCase();
  return repo.all('employees').find((e) => String(e.login).toLowerCase() === me)?.id;
};

const categories = (repo: Repo) => (repo.ws.valueLists.complaintCategory ?? DEFAULT_VALUE_LISTS.complaintCategory!).map((v) => v.code);

/** Desk order within each category, the categories in their list's order, none last. */
function byCategory(recs: EntityRecord[], repo: Repo): EntityRecord[] {
  const order = categories(repo);
  const rank = (r: EntityRecord) => {
    const i = order.indexOf(String(r.category ?? ''));
    return i < 0 ? order.length : i;
  };
  const desk = ticketDeskOrder(recs as Desk[], new Date());
  const pos = new Map(desk.map((r, i) => [r.id, i]));
  return [...desk].sort((a, b) => rank(a) - rank(b) || pos.get(a.id)! - pos.get(b.id)!);
}

/** "Open by category: Room & facilities 3 · Noise 1 · none 4" */
function categoryBanner(repo: Repo, t: T, width: number, rows: EntityRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (isOpenTicket(r.status)) counts.set(String(r.category ?? ''), (counts.get(String(r.category ?? '')) ?? 0) + 1);
  const parts = [...categories(repo), ''].filter((c) => counts.has(c)).map((c) => `${c ? valueLabelT(t, repo.ws.valueLists, 'complaintCategory', c) : t('tickets.noCategory')} ${counts.get(c)}`);
  return [fit(`${t('tickets.openByCategory')} ${parts.join(' · ') || '0'}`, width)];
}

// the chart is made once per change of the records, not on every key that moves the selection
let drawn: { repo: Repo; version: number; t: T; width: number; lines: string[] } | undefined;
function satisfactionBanner(repo: Repo, t: T, width: number): string[] {
  if (drawn && drawn.repo === repo && drawn.version === repo.version && drawn.t === t && drawn.width === width) return drawn.lines;
  const sum = workspaceSurveys(repo);
  const lines = [fit(surveyHead(sum, t), width), ...surveyChart(sum, t, repo.ws.valueLists, width)];
  drawn = { repo, version: repo.version, t, width, lines };
  return lines;
}

const col = (t: T, key: string, en: string, zh: string, width: Column['width'], more: Partial<Column> = {}): Column => ({ key, title: t.lang === 'en' ? en : zh, width, ...more });

function columns(width: number, t: T, middle: 'severity' | 'category'): Column[] {
  return [
    col(t, 'id', 'Code', '编号', 5),
    col(t, 'sla', 'SLA', 'SLA', 9),
    col(t, 'status', 'Status', '状态', 8),
    middle === 'severity' ? col(t, 'severity', 'Sev.', '严重', 4) : col(t, 'category', 'Category', '类别', 8),
    col(t, 'subject', 'Subject', '主题', 'flex', { minWidth: 12 }),
    col(t, 'customerId', 'Customer', '客户', 'flex', { minWidth: 8 }),
    ...(width >= 96 ? [col(t, 'raisedOn', 'Raised', '提出日期', 10)] : []),
    ...(width >= 110 ? [col(t, 'type', 'Type', '类型', 6)] : []),
    col(t, 'ownerId', 'Handler', '处理人', 8),
  ];
}

const VIEWS: ListView[] = [
  { id: 'sla', label: 'tickets.viewSla', rows: (recs) => ticketDeskOrder(recs as Desk[], new Date()) },
  {
    id: 'mine',
    label: 'tickets.viewMine',
    rows: (recs, repo) => {
      const me = myEmployeeId(repo);
      return ticketDeskOrder(recs.filter((r) => me !== undefined && r.ownerId === me) as Desk[], new Date());
    },
  },
  { id: 'category', label: 'tickets.viewCategory', rows: byCategory, banner: categoryBanner, columns: (w, t) => columns(w, t, 'category') },
  {
    id: 'satisfaction',
    label: 'tickets.viewSatisfaction',
    // the survey summary above the tickets whose handling was surveyed
    rows: (recs, repo) => {
      const surveyed = new Set(repo.all('surveys').map((s) => s.ticketId).filter(Boolean));
      return ticketDeskOrder(recs.filter((r) => surveyed.has(r.id)) as Desk[], new Date());
    },
    banner: (repo, t, width) => satisfactionBanner(repo, t, width),
  },
];

const statusOf = (c: RecordCtx) => String(c.record?.status);
const needsNext = (c: RecordCtx): MessageKey | undefined => {
  const s = statusOf(c);
  return needsBoth(c) ?? (isTicketStatus(s) && !nextStatus(s) ? 'tickets.final' : undefined);
};
const needsReopenable = (c: RecordCtx): MessageKey | undefined => {
  const s = statusOf(c);
  return needsBoth(c) ?? (isTicketStatus(s) && canReopen(s) ? undefined : 'tickets.notReopenable');
};

/** The fields of the form of a step: its note first (what the step is about), then the status;
 *  resolving is when the recovery is agreed with the guest, following up when they say how satisfied they are. */
export function stepFields(to: string): string[] {
  if (to === 'resolved') return ['stepNote', 'status', 'recovery', 'measures'];
  if (to === 'followedup') return ['stepNote', 'status', 'satisfaction'];
  return ['stepNote', 'status'];
}

const COMMANDS: RecordCommand[] = [
  {
    id: 'tickets.advance',
    keys: ['a'],
    description: 'help.ticketAdvance',
    footer: { label: 'hint.ticketAdvance', drop: 3 },
    unavailable: needsNext,
    run: ({ record, back, setMode }) => {
      const to = nextStatus(String(record!.status) as never) ?? 'acknowledged';
      setMode({ kind: 'form', entity: 'tickets', id: record!.id, preset: { status: to }, fields: stepFields(to), back });
    },
  },
  {
    id: 'tickets.reopen',
    keys: ['r'],
    description: 'help.ticketReopen',
    unavailable: needsReopenable,
    run: ({ record, back, setMode }) => setMode({ kind: 'form', entity: 'tickets', id: record!.id, preset: { status: REOPEN_TO }, fields: stepFields(REOPEN_TO), back }),
  },
  {
    id: 'tickets.measures',
    keys: ['m'],
    description: 'help.ticketMeasures',
    footer: { label: 'hint.ticketMeasures', drop: 1 },
    unavailable: needsBoth,
    run: ({ record, back, setMode }) => setMode({ kind: 'nested', entity: 'tickets', id: record!.id, field: 'measures', back }),
  },
  {
    id: 'tickets.survey',
    keys: ['u'],
    description: 'help.ticketSurvey',
    unavailable: needsBoth,
    run: ({ record, back, setMode, app }) =>
      setMode({
        kind: 'form',
        entity: 'surveys',
        preset: { customerId: record!.customerId, ticketId: record!.id, date: todayIn(new Date(), workspaceTimeZone(app.repo.ws)), scale: 5 },
        fields: ['customerId', 'ticketId', 'date', 'scale', 'scores', 'comment'],
        back,
      }),
  },
  {
    id: 'tickets.view',
    keys: ['v'],
    in: ['list'],
    description: 'help.ticketView',
    footer: { label: 'hint.ticketView', drop: 4 },
    run: (c) => c.nextView(),
  },
];

export const ticketsConfig: ScreenConfig = {
  entity: 'tickets',
  columns: (width, t) => columns(width, t, 'severity'),
  searchFields: ['id', 'subject', 'customerId', 'ownerId', 'description', 'recovery', 'type', 'category', 'status'],
  sortFields: ['raisedOn', 'id', 'status', 'severity', 'category', 'ownerId', 'customerId', 'updatedAt'],
  deskOrder: (recs) => ticketDeskOrder(recs as Desk[], new Date()),
  views: VIEWS,
  summary: ticketSummary,
  cell: (key, rec, _repo, t) => (key === 'sla' ? slaCell(rec, t, new Date()) : undefined),
  detailNote: (rec, t) => slaNote(rec, t, new Date()),
  // a new ticket starts at received and moves only by a and r: the status is not in the form
  formFields: (entity) =>
    entity === 'tickets'
      ? ['subject', 'customerId', 'type', 'raisedOn', 'channel', 'category', 'severity', 'description', 'ownerId', 'orderId', 'recovery', 'measures', 'satisfaction']
      : undefined,
  // the status a/r propose, and the others the flow allows from here
  formChoices: (entity, field, rec) => {
    if (entity !== 'tickets' || field !== 'status' || !rec) return undefined;
    const from = String(rec.status);
    return isTicketStatus(from) ? allowedTicketSteps(from) : undefined;
  },
  commands: COMMANDS,
};
