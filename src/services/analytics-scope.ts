// What the care reports (churn, value, KPIs) read: the records the acting employee may see,
// narrowed to the customers of one owner when asked, and the hotel's day of a time.
import type { EntityRecord } from '../domain/workspace.js';
import { todayIn } from '../domain/care.js';
import { localDay } from './funnel.js';
import { AnalyticsRefused } from './analytics-base.js';
import type { Repo } from './repo.js';

export interface OwnerFilter {
  /** employee id: only this owner's customers (and the records of those customers) */
  ownerId?: string;
}

export interface CareRecords {
  customers: EntityRecord[];
  orders: EntityRecord[];
  tickets: EntityRecord[];
  surveys: EntityRecord[];
}

/** The customers in scope and their orders, tickets and surveys (each also in scope). */
export function careRecords(repo: Repo, f: OwnerFilter = {}): CareRecords {
  // as the other customer models: without customers and orders to see, a refusal, not zeros
  const denied = repo.refused('view', 'customers') ?? repo.refused('view', 'orders');
  if (denied) throw new AnalyticsRefused(denied);
  const all = repo.all('customers');
  const customers = f.ownerId ? all.filter((c) => c.ownerId === f.ownerId) : all;
  const ids = customers === all ? undefined : new Set(customers.map((c) => c.id));
  const visibleCustomer = ids ? (r: EntityRecord) => ids.has(String(r.customerId)) : undefined;
  const pick = (entity: 'orders' | 'tickets' | 'surveys') => {
    const recs = repo.all(entity);
    return visibleCustomer ? recs.filter(visibleCustomer) : recs;
  };
  return { customers, orders: pick('orders'), tickets: pick('tickets'), surveys: pick('surveys') };
}

/** The day it is now in the hotel's time zone. */
export const hotelToday = (repo: Repo): string => todayIn(new Date(repo.now()), repo.ws.settings.timeZone);

export { localDay, AnalyticsRefused };
