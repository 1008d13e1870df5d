// Converting a lead (线索转化, syllabus ch. 8): its customer (an existing one, or a new potential
// customer made from the lead), an opportunity at the first stage with the lead's owner, and
// the lead marked converted with links both ways, in one batch. Refused for a converted lead.
import type { FieldError } from '../domain/errors.js';
import { DEFAULT_VALUE_LISTS } from '../domain/values.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { EntityName } from '../domain/entities.js';
import type { Action } from '../domain/permissions.js';
import type { Repo } from './repo.js';

export interface Converted {
  lead: EntityRecord;
  customer: EntityRecord;
  opportunity: EntityRecord;
  /** whether the customer was made for this lead */
  newCustomer: boolean;
}
export type ConvertResult = { ok: true; value: Converted } | { ok: false; errors: FieldError[] };

const refused = (...errors: FieldError[]): ConvertResult => ({ ok: false, errors });

/** `customer`: the customer (code or name) to link; `newCustomer`: make one even when the lead
 *  names one. Neither: the lead's customer if it has one, else a new one. */
export function convertLead(repo: Repo, leadId: string, opts: { customer?: string; newCustomer?: boolean } = {}): ConvertResult {
  const lead = repo.get('leads', leadId.trim());
  if (!lead) return refused({ field: 'id', code: 'notFound', params: { value: leadId } });
  if (lead.status === 'converted') return refused({ field: 'status', code: 'leadConverted', params: { id: lead.id, opportunity: String(lead.opportunityId ?? '') } });
  // every right the conversion needs, before anything is changed
  const needs: [Action, EntityName][] = [['edit', 'leads'], ['create', 'opportunities']];
  if (!opts.customer && (!lead.customerId || opts.newCustomer)) needs.push(['create', 'customers']);
  for (const [action, entity] of needs) {
    const no = repo.refused(action, entity);
    if (no) return refused(no);
  }
  let customer: EntityRecord | undefined;
  let newCustomer = false;
  const key = opts.customer ?? (opts.newCustomer ? undefined : (lead.customerId as string | undefined));
  if (key !== undefined) {
    const found = repo.resolveRef('customers', key);
    if ('error' in found) return refused({ field: 'customerId', code: found.error, params: { value: key, entity: 'customers' } });
    customer = repo.get('customers', found.id)!;
    // a prospect the hotel now deals with is a potential customer (seed 004)
    if (customer.stage === 'non') {
      const u = repo.update('customers', customer.id, { stage: 'potential' }, { reason: `leads:${lead.id}` });
      if (!u.ok) return u;
      customer = u.value;
    }
  } else {
    const company = typeof lead.company === 'string' && lead.company.trim() ? lead.company.trim() : undefined;
    const c = repo.create('customers', {
      name: company ?? lead.name,
      kind: company ? 'corporate' : 'individual',
      stage: 'potential',
      phone: lead.phone,
      email: lead.email,
      source: lead.source,
      ownerId: lead.ownerId,
      notes: lead.notes,
    });
    if (!c.ok) return c;
    customer = c.value;
    newCustomer = true;
  }
  const stages = repo.ws.valueLists.oppStage ?? DEFAULT_VALUE_LISTS.oppStage;
  const o = repo.create('opportunities', { name: lead.name, customerId: customer.id, stage: stages[0]?.code, ownerId: lead.ownerId, leadId: lead.id });
  if (!o.ok) return o;
  const l = repo.update('leads', lead.id, { status: 'converted', customerId: customer.id, opportunityId: o.value.id });
  if (!l.ok) return l;
  return { ok: true, value: { lead: l.value, customer, opportunity: o.value, newCustomer } };
}
