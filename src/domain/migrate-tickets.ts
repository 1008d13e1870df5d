// Version 2 → 3: the ticket statuses of the course's complaint handling. Version 2 started a
// ticket at "accepted" (受理), the hotel's taking the matter on: that is the acknowledge step of
// today's flow, so accepted becomes acknowledged (in the record and in its step log). The
// fixed status list is replaced by today's, and the ticket types praise and suggestion are
// added to a workspace's own type list when it lacks them.
import { DEFAULT_VALUE_LISTS, type ValueItem } from './values.js';

const STATUS_V2_TO_V3: Record<string, string> = { accepted: 'acknowledged' };
const renamed = (s: unknown) => (typeof s === 'string' && s in STATUS_V2_TO_V3 ? STATUS_V2_TO_V3[s] : s);

/** Changes `out` (a shallow copy of the raw workspace) in place; the input's nested objects are copied, not changed. */
export function migrateTicketsV3(out: Record<string, unknown>): void {
  if (Array.isArray(out.tickets)) {
    out.tickets = out.tickets.map((t: unknown) => {
      if (!t || typeof t !== 'object') return t;
      const r = { ...(t as Record<string, unknown>) };
      r.status = renamed(r.status);
      if (Array.isArray(r.steps)) r.steps = r.steps.map((s: unknown) => (s && typeof s === 'object' ? { ...s, status: renamed((s as { status?: unknown }).status) } : s));
      return r;
    });
  }
  const lists = out.valueLists;
  if (lists && typeof lists === 'object' && !Array.isArray(lists)) {
    const l: Record<string, unknown> = { ...(lists as Record<string, unknown>) };
    l.ticketStatus = structuredClone(DEFAULT_VALUE_LISTS.ticketStatus);
    if (Array.isArray(l.ticketType)) {
      const have = new Set(l.ticketType.map((v: { code?: unknown }) => v?.code));
      const add = DEFAULT_VALUE_LISTS.ticketType!.filter((v: ValueItem) => !have.has(v.code) && (v.code === 'praise' || v.code === 'suggestion'));
      l.ticketType = [...l.ticketType, ...structuredClone(add)];
    }
    out.valueLists = l;
  }
}
