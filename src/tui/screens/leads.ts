// Leads (销售线索, syllabus ch. 8), a view of screen 4: L from the funnel shows them, F goes back.
// v converts the selected lead: a new customer made from it, or one picked, and an opportunity
// at the first stage, in one change (services/leads.ts).
import type { EntityRecord } from '../../domain/workspace.js';
import { errorText, type MessageKey } from '../../i18n/index.js';
import { convertLead } from '../../services/leads.js';
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, type RecordCommand, type RecordCtx } from './records/commands.js';

export type SalesView = 'funnel' | 'leads';
let showView: (v: SalesView) => void = () => {};
/** set by screen 4 while it is shown: the view its L and F keys switch to */
export const onSalesView = (f: (v: SalesView) => void) => {
  showView = f;
};

export const VIEW_LEADS: RecordCommand = { id: 'funnel.leads', keys: ['L'], description: 'help.leadsView', footer: { label: 'hint.leadsView', drop: 4 }, in: ['list'], run: () => showView('leads') };
export const VIEW_FUNNEL: RecordCommand = { id: 'leads.funnel', keys: ['F'], description: 'help.funnelView', footer: { label: 'hint.funnelView', drop: 4 }, in: ['list'], run: () => showView('funnel') };

const NEW = '\u0000new';

function convert(c: RecordCtx, lead: EntityRecord, customer?: string) {
  const { repo, t } = c.app;
  const r = convertLead(repo, lead.id, customer === undefined ? { newCustomer: true } : { customer });
  if (!r.ok) return c.app.notify(r.errors.map((e) => errorText(t, 'leads', e, repo.ws.valueLists)).join('; '), 'error');
  c.setMode(c.back);
  c.app.changed(t('leads.convertedTui', { lead: r.value.lead.id, opportunity: r.value.opportunity.id, customer: r.value.customer.id }));
}

const CONVERT: RecordCommand = {
  id: 'leads.convert',
  keys: ['v'],
  description: 'help.leadConvert',
  footer: { label: 'hint.leadConvert', drop: 1 },
  unavailable: (c): MessageKey | undefined => needsBoth(c) ?? (c.record!.status === 'converted' ? 'leads.already' : undefined),
  run: (c) => {
    const { repo, t } = c.app;
    const lead = c.record!;
    const linked = typeof lead.customerId === 'string' ? repo.get('customers', lead.customerId) : undefined;
    const others = repo.all('customers').filter((x) => x.id !== linked?.id);
    const label = (x: EntityRecord) => `${x.id} ${String(x.name)}`;
    c.setMode({
      kind: 'pick',
      title: t('leads.convertTitle', { id: lead.id }),
      items: [
        ...(linked ? [{ value: linked.id, label: label(linked), name: String(linked.name) }] : []),
        { value: NEW, label: t('leads.newCustomer', { name: String(lead.company || lead.name) }) },
        ...others.map((x) => ({ value: x.id, label: label(x), name: String(x.name) })),
      ],
      onPick: (v) => {
        const now = repo.get('leads', lead.id);
        if (now) convert(c, now, v === NEW ? undefined : v);
      },
      back: c.back,
    });
  },
};

export const leadsConfig: ScreenConfig = {
  entity: 'leads',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'name', title: t.lang === 'en' ? 'Lead' : '线索名称', minWidth: 8, drop: 0 },
    { key: 'status', title: t.lang === 'en' ? 'Status' : '状态', minWidth: 6, drop: 0 },
    { key: 'source', title: t.lang === 'en' ? 'Source' : '来源', minWidth: 4, drop: 2 },
    ...(width >= 80 ? [{ key: 'company', title: t.lang === 'en' ? 'Company' : '公司', minWidth: 6, drop: 3 }] : []),
    { key: 'ownerId', title: t.lang === 'en' ? 'Owner' : '负责人', minWidth: 6, drop: 1 },
  ],
  searchFields: ['id', 'name', 'company', 'phone', 'email', 'notes'],
  nameField: 'name',
  sortFields: ['id', 'status', 'name', 'source', 'ownerId', 'updatedAt'],
  commands: [CONVERT, VIEW_FUNNEL],
};
