// Which records a record's detail lists beneath it, as data: the related entity, the field of
// it that points back, and the columns a row shows. A detail screen reads this and needs no
// code per entity; a new entity adds a line here.
import type { EntityName } from './entities.js';
import { isPurchase } from './lifecycle.js';

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
}

export const RELATED: Partial<Record<EntityName, readonly RelatedList[]>> = {
  customers: [
    { entity: 'contacts', field: 'customerId', columns: ['name', 'title', 'phone', 'decisionRole'] },
    { entity: 'anniversaries', field: 'customerId', columns: ['date', 'kind', 'contactId', 'remindDays'] },
    { entity: 'orders', field: 'customerId', columns: ['date', 'type', 'status', 'total'], latestFirst: 'date', sum: { field: 'total', counts: isPurchase } },
    { entity: 'contracts', field: 'customerId', columns: ['title', 'type', 'status', 'end'], latestFirst: 'start' },
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
