// Which records a record's detail lists beneath it, as data: the related entity, the field of
// it that points back, and the columns a row shows. A detail screen reads this and needs no
// code per entity; a new entity adds a line here.
import type { EntityName } from './entities.js';

export interface RelatedList {
  entity: EntityName;
  /** the field of the related record that holds the shown record's id */
  field: string;
  /** the fields a row shows, after the related record's code */
  columns: string[];
}

export const RELATED: Partial<Record<EntityName, readonly RelatedList[]>> = {
  customers: [
    { entity: 'contacts', field: 'customerId', columns: ['name', 'title', 'phone', 'decisionRole'] },
    { entity: 'anniversaries', field: 'customerId', columns: ['date', 'kind', 'contactId', 'remindDays'] },
    // the customer's service history (服务记录) and what they said of the hotel
    { entity: 'tickets', field: 'customerId', columns: ['raisedOn', 'type', 'status', 'subject'] },
    { entity: 'surveys', field: 'customerId', columns: ['date', 'scale', 'ticketId', 'comment'] },
  ],
  contacts: [{ entity: 'anniversaries', field: 'contactId', columns: ['date', 'kind', 'remindDays'] }],
  tickets: [{ entity: 'surveys', field: 'ticketId', columns: ['date', 'scale', 'comment'] }],
};

export const relatedOf = (entity: EntityName): readonly RelatedList[] => RELATED[entity] ?? [];
