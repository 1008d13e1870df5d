// Screen 5, orders (订单, syllabus ch. 8): the hotel's orders, newest first, with their stays;
// a total is worked out from the lines and the stay, never typed. x cancels an order (it is no
// purchase then), c lists the contracts (rate agreements, group and banquet contracts) and
// opens one, C adds one. A customer's order history and revenue are on the customer's detail.
import { byCode } from '../../domain/compare.js';
import { isPurchase } from '../../domain/lifecycle.js';
import { fenToGrouped } from '../../domain/money.js';
import { revenueOf, stayNights } from '../../domain/order-totals.js';
import { valueLabelT, type MessageKey, type T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import type { EntityRecord } from '../../domain/workspace.js';
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, needsWrite, type RecordCommand, type RecordCtx } from './records/commands.js';

// summed once per version of the records, not on every frame
let summed: { repo: Repo; version: number; revenue: number; cancelled: number } | undefined;
export function ordersSummary(repo: Repo, t: T): string {
  if (!summed || summed.repo !== repo || summed.version !== repo.version) {
    const all = repo.all('orders');
    summed = { repo, version: repo.version, revenue: revenueOf(all, isPurchase), cancelled: all.filter((o) => o.status === 'cancelled').length };
  }
  return t('orders.summary', { revenue: fenToGrouped(summed.revenue), cancelled: summed.cancelled });
}

const needsLive = (c: RecordCtx): MessageKey | undefined => needsBoth(c) ?? (c.record!.status === 'cancelled' ? 'orders.notCancellable' : undefined);

export const ORDER_FORM = ['customerId', 'date', 'type', 'status', 'paymentStatus', 'items', 'stay', 'total', 'contractId', 'opportunityId', 'ownerId', 'notes'];
export const CONTRACT_FORM = ['title', 'customerId', 'type', 'status', 'start', 'end', 'signedOn', 'value', 'rate', 'terms', 'opportunityId', 'ownerId', 'notes'];

const COMMANDS: RecordCommand[] = [
  {
    id: 'orders.cancel',
    keys: ['x'],
    description: 'help.orderCancel',
    footer: { label: 'hint.orderCancel', drop: 3 },
    unavailable: needsLive,
    run: ({ record, back, setMode }) => setMode({ kind: 'form', entity: 'orders', id: record!.id, preset: { status: 'cancelled' }, fields: ['status', 'paymentStatus', 'notes'], back }),
  },
  {
    id: 'orders.contracts',
    keys: ['c'],
    description: 'help.orderContracts',
    footer: { label: 'hint.orderContracts', drop: 2 },
    run: (c) => {
      const { repo, t } = c.app;
      const contracts = repo.all('contracts');
      if (!contracts.length) return c.app.notify(t('orders.noContracts'), 'ok');
      const customer = (r: EntityRecord) => String(repo.get('customers', String(r.customerId))?.name ?? '');
      c.setMode({
        kind: 'pick',
        title: t('orders.contractsTitle'),
        items: contracts.map((k) => ({
          value: k.id,
          label: `${k.id}  ${String(k.title)}  ${valueLabelT(t, repo.ws.valueLists, 'contractStatus', String(k.status))}  ${k.end ? `→${String(k.end)}` : ''}`,
          keywords: `${customer(k)} ${valueLabelT(t, repo.ws.valueLists, 'contractType', String(k.type))}`,
        })),
        onPick: (id) => c.setMode({ kind: 'detail', entity: 'contracts', id, back: c.back }),
        back: c.back,
      });
    },
  },
  {
    id: 'orders.newContract',
    keys: ['C'],
    description: 'help.orderNewContract',
    unavailable: needsWrite,
    run: ({ record, back, setMode }) => setMode({ kind: 'form', entity: 'contracts', preset: record ? { customerId: record.customerId } : undefined, fields: CONTRACT_FORM, back }),
  },
];

export const ordersConfig: ScreenConfig = {
  entity: 'orders',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'date', title: t.lang === 'en' ? 'Date' : '日期', width: 10 },
    { key: 'customerId', title: t.lang === 'en' ? 'Customer' : '客户', width: 'flex', minWidth: 8 },
    { key: 'type', title: t.lang === 'en' ? 'Type' : '类型', width: width >= 80 ? 8 : 4 },
    ...(width >= 70 ? [{ key: 'nights', title: t.lang === 'en' ? 'Nts' : '晚', width: 3, align: 'right' as const }] : []),
    { key: 'status', title: t.lang === 'en' ? 'Status' : '状态', width: width >= 80 ? 9 : 6 },
    ...(width >= 100 ? [{ key: 'paymentStatus', title: t.lang === 'en' ? 'Payment' : '付款', width: 8 }] : []),
    { key: 'total', title: t.lang === 'en' ? 'Total' : '金额', width: 11, align: 'right' as const },
  ],
  searchFields: ['id', 'customerId', 'date', 'type', 'status', 'paymentStatus', 'contractId', 'opportunityId', 'ownerId', 'notes'],
  sortFields: ['date', 'id', 'total', 'customerId', 'status', 'type', 'updatedAt'],
  // newest first: the first sort is the date, latest at the top
  deskOrder: (recs) => [...recs].sort((a, b) => byCode(String(b.date), String(a.date)) || byCode(b.id, a.id)),
  summary: ordersSummary,
  cell: (key, rec) => {
    if (key === 'total') return rec.total === undefined ? '' : fenToGrouped(Number(rec.total));
    if (key === 'nights') {
      const s = rec.stay as { checkIn?: string; checkOut?: string } | undefined;
      return s ? String(stayNights(s.checkIn, s.checkOut)) : '';
    }
    return undefined;
  },
  formFields: (entity) => (entity === 'orders' ? ORDER_FORM : entity === 'contracts' ? CONTRACT_FORM : undefined),
  commands: COMMANDS,
};
