// Service tickets (服务工单): complaint handling of syllabus ch. 9. The desk lists open tickets
// by SLA, overdue first; a advances a ticket to its next handling step with a note (and, on
// resolving it, the recovery measure and its cost), r reopens one. The detail shows the SLA and
// every step with its time and employee (the detail's view of the steps field).
import { allowedTicketSteps, canReopen, isTicketStatus, nextStatus, REOPEN_TO, ticketCounts, ticketDeskOrder } from '../../domain/ticket-flow.js';
import type { EntityRecord } from '../../domain/workspace.js';
import type { MessageKey, T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, type RecordCommand, type RecordCtx } from './records/commands.js';

/** "open 5 · overdue 2": the screen bar and the list head */
export function ticketSummary(repo: Repo, t: T): string {
  const c = ticketCounts(repo.all('tickets') as never, new Date());
  return t('tickets.summary', { open: c.open, overdue: c.overdue });
}

const statusOf = (c: RecordCtx) => String(c.record?.status);
const needsNext = (c: RecordCtx): MessageKey | undefined => {
  const s = statusOf(c);
  return needsBoth(c) ?? (isTicketStatus(s) && !nextStatus(s) ? 'tickets.final' : undefined);
};
const needsReopenable = (c: RecordCtx): MessageKey | undefined => {
  const s = statusOf(c);
  return needsBoth(c) ?? (isTicketStatus(s) && canReopen(s) ? undefined : 'tickets.notReopenable');
};

const COMMANDS: RecordCommand[] = [
  {
    id: 'tickets.advance',
    keys: ['a'],
    description: 'help.ticketAdvance',
    footer: { label: 'hint.ticketAdvance', drop: 3 },
    unavailable: needsNext,
    run: ({ record, back, setMode }) => {
      const to = nextStatus(String(record!.status) as never) ?? 'acknowledged';
      // resolving is when the recovery measure is agreed with the guest
      const fields = to === 'resolved' ? ['status', 'stepNote', 'recovery', 'recoveryCost'] : to === 'followedup' ? ['status', 'stepNote', 'satisfaction'] : ['status', 'stepNote'];
      setMode({ kind: 'form', entity: 'tickets', id: record!.id, preset: { status: to }, fields, back });
    },
  },
  {
    id: 'tickets.reopen',
    keys: ['r'],
    description: 'help.ticketReopen',
    unavailable: needsReopenable,
    run: ({ record, back, setMode }) => setMode({ kind: 'form', entity: 'tickets', id: record!.id, preset: { status: REOPEN_TO }, fields: ['status', 'stepNote'], back }),
  },
];

export const ticketsConfig: ScreenConfig = {
  entity: 'tickets',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'raisedOn', title: t.lang === 'en' ? 'Raised' : '提出日期', width: 10 },
    { key: 'status', title: t.lang === 'en' ? 'Status' : '状态', width: 8 },
    { key: 'severity', title: t.lang === 'en' ? 'Sev.' : '严重', width: 4 },
    { key: 'subject', title: t.lang === 'en' ? 'Subject' : '主题', width: 'flex', minWidth: 12 },
    { key: 'customerId', title: t.lang === 'en' ? 'Customer' : '客户', width: 'flex', minWidth: 8 },
    ...(width >= 100 ? [{ key: 'type', title: t.lang === 'en' ? 'Type' : '类型', width: 6 }] : []),
    { key: 'ownerId', title: t.lang === 'en' ? 'Handler' : '处理人', width: 8 },
  ],
  searchFields: ['id', 'subject', 'customerId', 'ownerId', 'description', 'recovery', 'type', 'category', 'status'],
  sortFields: ['raisedOn', 'id', 'status', 'severity', 'ownerId', 'customerId', 'updatedAt'],
  deskOrder: (recs) => ticketDeskOrder(recs as (EntityRecord & { createdAt: string })[], new Date()),
  summary: ticketSummary,
  // a new ticket starts at received and moves only by a and r: the status is not in the form
  formFields: (entity) =>
    entity === 'tickets'
      ? ['subject', 'customerId', 'type', 'raisedOn', 'channel', 'category', 'severity', 'description', 'ownerId', 'orderId', 'recovery', 'recoveryCost', 'satisfaction']
      : undefined,
  // the status a/r propose, and the others the flow allows from here
  formChoices: (entity, field, rec) => {
    if (entity !== 'tickets' || field !== 'status' || !rec) return undefined;
    const from = String(rec.status);
    return isTicketStatus(from) ? allowedTicketSteps(from) : undefined;
  },
  commands: COMMANDS,
};
