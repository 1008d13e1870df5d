import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, allowedTicketSteps, canTicketStep, nextStatus, isOverdue, slaDue, ticketCounts, ticketDeskOrder, type TicketStatus } from '../../src/domain/ticket-flow.js';
import { emptyWorkspace, Workspace, SCHEMA_VERSION } from '../../src/domain/workspace.js';
import { migrateWorkspace } from '../../src/domain/migrate.js';
import { Repo } from '../../src/services/repo.js';
import { advanceTicket, reopenTicket } from '../../src/services/tickets.js';

// the course's steps, and the reopen (back to investigating) from resolved / followed up / closed
const ALLOWED: [TicketStatus, TicketStatus][] = [
  ['received', 'acknowledged'],
  ['acknowledged', 'investigating'],
  ['investigating', 'resolved'],
  ['resolved', 'followedup'],
  ['resolved', 'investigating'],
  ['followedup', 'closed'],
  ['followedup', 'investigating'],
  ['closed', 'investigating'],
];

describe('the complaint handling steps', () => {
  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)('%s → %s is allowed only if the course says so', (from, to) => {
    const allowed = ALLOWED.some(([a, b]) => a === from && b === to);
    expect(canTicketStep(from, to)).toBe(allowed);
  });

  it('the next step walks received to closed, and closed has none', () => {
    const walk: string[] = ['received'];
    let s: TicketStatus | undefined = 'received';
    while ((s = nextStatus(s))) walk.push(s);
    expect(walk).toEqual(['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed']);
    expect(allowedTicketSteps('closed')).toEqual(['investigating']);
    expect(allowedTicketSteps('received')).toEqual(['acknowledged']);
  });
});

describe('the SLA', () => {
  const at = '2026-09-01T08:00:00.000Z';
  it('is 4 hours for high, 24 for medium, 72 for low, and medium without a severity', () => {
    expect(slaDue({ createdAt: at, severity: 'high' })).toBe('2026-09-01T12:00:00.000Z');
    expect(slaDue({ createdAt: at, severity: 'medium' })).toBe('2026-09-02T08:00:00.000Z');
    expect(slaDue({ createdAt: at, severity: 'low' })).toBe('2026-09-04T08:00:00.000Z');
    expect(slaDue({ createdAt: at })).toBe('2026-09-02T08:00:00.000Z');
  });

  it('is overdue when unresolved and past due, not at the due time, not once resolved', () => {
    const t = { createdAt: at, severity: 'high', status: 'investigating' };
    expect(isOverdue(t, new Date('2026-09-01T12:00:00.000Z'))).toBe(false);
    expect(isOverdue(t, new Date('2026-09-01T12:00:01.000Z'))).toBe(true);
    expect(isOverdue({ ...t, status: 'resolved' }, new Date('2026-09-09T00:00:00.000Z'))).toBe(false);
    expect(isOverdue({ ...t, status: 'closed' }, new Date('2026-09-09T00:00:00.000Z'))).toBe(false);
  });

  it('orders the desk overdue first, then by due time, resolved after, closed last; counts open and overdue', () => {
    const now = new Date('2026-09-02T00:00:00.000Z');
    const recs = [
      { id: 'W1', createdAt: at, severity: 'low', status: 'received' }, // due 09-04
      { id: 'W2', createdAt: at, severity: 'high', status: 'closed' },
      { id: 'W3', createdAt: at, severity: 'medium', status: 'resolved' },
      { id: 'W4', createdAt: at, severity: 'medium', status: 'acknowledged' }, // due 09-02 08:00
      { id: 'W5', createdAt: at, severity: 'high', status: 'investigating' }, // overdue
    ];
    expect(ticketDeskOrder(recs, now).map((r) => r.id)).toEqual(['W5', 'W4', 'W1', 'W3', 'W2']);
    expect(ticketCounts(recs, now)).toEqual({ open: 4, overdue: 1 });
  });
});

describe('the ticket rules in the services', () => {
  const setup = () => {
    let clock = new Date('2026-09-01T08:00:00.000Z');
    const ws = emptyWorkspace(clock.toISOString());
    const boss = new Repo(ws, { clock: () => clock });
    boss.create('employees', { login: 'liuyang', name: '刘洋', roleId: 'R0001', active: true });
    const c = boss.create('customers', { name: '王先生', kind: 'individual', stage: 'first' }, { anyStage: true });
    const repo = new Repo(ws, { clock: () => clock, actor: 'liuyang' });
    const tick = (h: number) => (clock = new Date(clock.getTime() + h * 3_600_000));
    return { repo, customerId: c.ok ? c.value.id : '', tick };
  };

  it('starts a new ticket at received with a step by the acting employee; refuses another start', () => {
    const { repo, customerId } = setup();
    const r = repo.create('tickets', { subject: '空调不制冷', customerId, type: 'complaint', severity: 'high', stepNote: '客人来电' });
    expect(r.ok && r.value.status).toBe('received');
    expect(r.ok && r.value.steps).toEqual([{ status: 'received', at: '2026-09-01T08:00:00.000Z', by: 'liuyang', note: '客人来电' }]);
    expect(r.ok && r.value.raisedOn).toMatch(/^2026-09-0[12]$/);
    expect(r.ok && 'stepNote' in r.value).toBe(false);
    const bad = repo.create('tickets', { subject: 'x', customerId, type: 'complaint', status: 'closed' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]!.code).toBe('ticketStart');
  });

  it('walks every step with its note, time and employee; a skipped step or a forged log is refused or ignored', () => {
    const { repo, customerId, tick } = setup();
    const id = repo.create('tickets', { subject: '空调不制冷', customerId, type: 'complaint', severity: 'high' }).ok ? 'W0001' : '';
    const skip = repo.update('tickets', id, { status: 'resolved' });
    expect(!skip.ok && skip.errors[0]).toMatchObject({ field: 'status', code: 'transition', params: { from: 'received', allowed: 'acknowledged' } });
    const forged = repo.update('tickets', id, { subject: '空调', steps: [{ status: 'closed', at: 'x', note: '' }], resolvedAt: '2020-01-01T00:00:00.000Z' });
    expect(forged.ok && forged.value.steps).toHaveLength(1);
    expect(forged.ok && forged.value.resolvedAt).toBeUndefined();
    for (const note of ['致歉', '工程部检查', '更换压缩机', '电话回访满意', '归档']) {
      tick(1);
      const r = advanceTicket(repo, id, { note });
      expect(r.ok).toBe(true);
    }
    const t = repo.get('tickets', id)!;
    expect(t.status).toBe('closed');
    expect((t.steps as { status: string; note: string; by: string; at: string }[]).map((s) => `${s.status}|${s.note}|${s.by}|${s.at.slice(11, 16)}`)).toEqual([
      'received||liuyang|08:00', 'acknowledged|致歉|liuyang|09:00', 'investigating|工程部检查|liuyang|10:00',
      'resolved|更换压缩机|liuyang|11:00', 'followedup|电话回访满意|liuyang|12:00', 'closed|归档|liuyang|13:00',
    ]);
    expect(t.resolvedAt).toBe('2026-09-01T11:00:00.000Z');
    expect(advanceTicket(repo, id).ok).toBe(false);
    const re = reopenTicket(repo, id, '客人再次投诉');
    expect(re.ok && re.value.status).toBe('investigating');
    expect(re.ok && re.value.resolvedAt).toBeUndefined();
    expect(reopenTicket(repo, id).ok).toBe(false);
  });
});

describe('migrating a version 2 workspace (tickets started at accepted)', () => {
  it('makes accepted acknowledged in records and steps, the status list today\'s, and adds praise and suggestion', () => {
    const v2 = {
      format: 'hotel-crm-workspace', version: 2, createdAt: '2026-09-01T00:00:00.000Z',
      valueLists: {
        ticketStatus: [{ code: 'accepted', en: 'Accepted', zh: '受理' }, { code: 'closed', en: 'Closed', zh: '关闭' }],
        ticketType: [{ code: 'complaint', en: 'Complaint', zh: '投诉' }, { code: 'vip', en: 'VIP request', zh: '贵宾需求' }],
      },
      customers: [{ id: 'C0001', name: '王先生', kind: 'individual', stage: 'first', tags: [], createdAt: 'x', updatedAt: 'x' }],
      tickets: [
        { id: 'W0001', subject: '空调不制冷', customerId: 'C0001', type: 'complaint', status: 'accepted', steps: [{ status: 'accepted', at: 'x', note: '' }], createdAt: 'x', updatedAt: 'x' },
        { id: 'W0002', subject: '噪音', customerId: 'C0001', type: 'vip', status: 'closed', steps: [], createdAt: 'x', updatedAt: 'x' },
      ],
    };
    const before = JSON.stringify(v2);
    const out = Workspace.parse(migrateWorkspace(v2));
    expect(JSON.stringify(v2)).toBe(before);
    expect(out.version).toBe(SCHEMA_VERSION);
    expect(out.tickets.map((t) => t.status)).toEqual(['acknowledged', 'closed']);
    expect(out.tickets[0]!.steps[0]!.status).toBe('acknowledged');
    expect(out.valueLists.ticketStatus!.map((v) => v.code)).toEqual(['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed']);
    expect(out.valueLists.ticketType!.map((v) => v.code)).toEqual(['complaint', 'vip', 'praise', 'suggestion']);
  });
});
