// Which records a record's detail lists beneath it, as data: the related entity, the field of
// it that points back, and the columns a row shows. A detail screen reads this and needs no
// code per entity; a new entity adds a line here.
import type { EntityName } from './entities.js';
import { isPurchase } from './lifecycle.js';
import type { Label } from './fields.js';

export interface RelatedList {
  entity: EntityName;
  /** the field of the related record that holds the shown record's id */
  field: string;
  /** the fields a row shows, after the related record's code */
  columns: string[];
  /** rows by this field, latest first (an order history), instead of by code */
  latestFirst?: string;
  /** a money field summed over the rows that count (a customer's revenue: the purchases) */
  sum?: { field: string; counts: (rec: Record<string, unknown>) => boolean };
  /** the list's title (default: the related entity's name) */
  label?: Label;
  /** rows in time order: by the first of these fields a record has (default: as stored) */
  order?: string[];
  /** the text columns share the room the others leave (dates and codes kept narrow) */
  fillText?: boolean;
}

export const RELATED: Partial<Record<EntityName, readonly RelatedList[]>> = {
  customers: [
    { entity: 'contacts', field: 'customerId', columns: ['name', 'title', 'phone', 'decisionRole'] },
    { entity: 'anniversaries', field: 'customerId', columns: ['date', 'kind', 'contactId', 'remindDays'] },
    { entity: 'orders', field: 'customerId', columns: ['date', 'type', 'status', 'total'], latestFirst: 'date', sum: { field: 'total', counts: isPurchase } },
    { entity: 'contracts', field: 'customerId', columns: ['title', 'type', 'status', 'end'], latestFirst: 'start' },
    // the customer's timeline (syllabus ch. 7): every task, done and planned, with the need recorded
    { entity: 'tasks', field: 'customerId', columns: ['due', 'status', 'subject', 'need'], label: { en: 'Timeline: tasks and needs', zh: '客户时间线（任务与需求）' }, order: ['due', 'createdAt'], fillText: true },
    // the customer's service history (服务记录) and what they said of the hotel
    { entity: 'tickets', field: 'customerId', columns: ['raisedOn', 'type', 'status', 'subject'] },
    { entity: 'surveys', field: 'customerId', columns: ['date', 'scale', 'ticketId', 'comment'] },
  ],
  contacts: [{ entity: 'anniversaries', field: 'contactId', columns: ['date', 'kind', 'remindDays'] }],
  contracts: [{ entity: 'orders', field: 'contractId', columns: ['date', 'customerId', 'status', 'total'], latestFirst: 'date', sum: { field: 'total', counts: isPurchase } }],
  opportunities: [{ entity: 'orders', field: 'opportunityId', columns: ['date', 'type', 'status', 'total'], latestFirst: 'date', sum: { field: 'total', counts: isPurchase } }],
  tickets: [{ entity: 'surveys', field: 'ticketId', columns: ['date', 'scale', 'comment'] }],
};

export const relatedOf = (entity: EntityName): readonly RelatedList[] => RELATED[entity] ?? [];
