import { z } from 'zod';
import { f, isValidDate } from './fields.js';

export const Lead = z.object({
  id: f.id({ en: 'Code', zh: '线索编号' }),
  name: f.text({ en: 'Name', zh: '线索名称' }, { required: true, aliases: ['名称', '线索'] }),
  company: f.text({ en: 'Company', zh: '公司' }),
  phone: f.phone({ en: 'Phone', zh: '电话' }, { aliases: ['手机'] }),
  email: f.email({ en: 'Email', zh: '邮箱' }),
  source: f.enum({ en: 'Source', zh: '来源' }, 'source'),
  status: f.enum({ en: 'Status', zh: '状态' }, 'leadStatus', { required: true }),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees'),
  customerId: f.ref({ en: 'Converted to customer', zh: '转化客户' }, 'customers'),
  opportunityId: f.ref({ en: 'Converted to opportunity', zh: '转化机会' }, 'opportunities'),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Lead = z.infer<typeof Lead>;

export const LineItem = z.object({
  productId: f.part({ en: 'Product', zh: '产品' }, 'ref', z.string().optional(), { ref: 'products' }),
  // left empty on a line of a product: the product's name (line-items.ts)
  description: f.part({ en: 'Description', zh: '说明' }, 'text', z.string().max(200).optional()),
  qty: f.part({ en: 'Quantity', zh: '数量' }, 'number', z.number().positive().max(1e6)),
  // left empty: the product's list price (filled in when the order is saved); a negative unit
  // price is a discount line
  unitPrice: f.money({ en: 'Unit price', zh: '单价' }, { signed: true }),
  discountPct: f.part({ en: 'Discount %', zh: '折扣%' }, 'number', z.number().min(0).max(100).optional()),
});
export type LineItem = z.infer<typeof LineItem>;

export const Opportunity = z.object({
  id: f.id({ en: 'Code', zh: '机会编号' }),
  name: f.text({ en: 'Name', zh: '机会名称' }, { required: true, aliases: ['名称'] }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { required: true, aliases: ['客户名称'] }),
  stage: f.enum({ en: 'Stage', zh: '阶段' }, 'oppStage', { required: true, aliases: ['销售阶段'] }),
  // with product lines: their sum (order-totals.ts), kept by the system; without: typed in
  amount: f.money({ en: 'Amount', zh: '金额' }, { aliases: ['预计金额'], computedFrom: 'items' }),
  probability: f.int({ en: 'Probability %', zh: '成交概率%' }, { max: 100, aliases: ['概率'] }),
  expectedClose: f.date({ en: 'Expected close', zh: '预计成交日期' }),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees'),
  leadId: f.ref({ en: 'From lead', zh: '来源线索' }, 'leads'),
  closeReason: f.text({ en: 'Won/lost reason', zh: '赢单/输单原因' }),
  // set when it is won or lost (the funnel's cycle, its conversion at the stage it was lost at)
  lostReason: f.enum({ en: 'Lost because', zh: '输单原因类别' }, 'lostReason'),
  lostStage: f.enum({ en: 'Lost at stage', zh: '输单时阶段' }, 'oppStage'),
  closedOn: f.date({ en: 'Closed on', zh: '结单日期' }),
  // the products quoted, as an order's lines: a won deal's order starts with them
  items: f.json({ en: 'Products', zh: '产品明细' }, z.array(LineItem).max(500).optional()),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const Contract = z.object({
  id: f.id({ en: 'Code', zh: '合同编号' }),
  title: f.text({ en: 'Title', zh: '合同名称' }, { required: true, aliases: ['名称'] }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { required: true, aliases: ['客户名称'] }),
  type: f.enum({ en: 'Type', zh: '合同类型' }, 'contractType', { required: true }),
  status: f.enum({ en: 'Status', zh: '状态' }, 'contractStatus', { required: true }),
  start: f.date({ en: 'Start', zh: '开始日期' }),
  end: f.date({ en: 'End', zh: '结束日期' }),
  value: f.money({ en: 'Value', zh: '合同金额' }, { aliases: ['金额'] }),
  rate: f.money({ en: 'Agreed room rate', zh: '协议房价' }),
  signedOn: f.date({ en: 'Signed on', zh: '签订日期' }, { aliases: ['签约日期'] }),
  terms: f.longtext({ en: 'Terms', zh: '合同条款' }, { aliases: ['条款'] }),
  opportunityId: f.ref({ en: 'Opportunity', zh: '销售机会' }, 'opportunities'),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees'),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Contract = z.infer<typeof Contract>;


export const Stay = z
  .object({
    roomType: f.part({ en: 'Room type', zh: '房型' }, 'enum', z.string().max(80), { values: 'roomType' }),
    checkIn: f.part({ en: 'Check-in', zh: '入住日期' }, 'date', z.string().refine(isValidDate, 'date')),
    checkOut: f.part({ en: 'Check-out', zh: '离店日期' }, 'date', z.string().refine(isValidDate, 'date')),
    rooms: f.part({ en: 'Rooms', zh: '房间数' }, 'int', z.number().int().positive().max(10000).default(1)),
    rate: f.money({ en: 'Room rate', zh: '房价' }, { required: true }),
    adults: f.part({ en: 'Adults', zh: '成人' }, 'int', z.number().int().min(0).max(10000).optional()),
    children: f.part({ en: 'Children', zh: '儿童' }, 'int', z.number().int().min(0).max(10000).optional()),
    status: f.part({ en: 'Stay status', zh: '入住状态' }, 'enum', z.string().max(40).optional(), { values: 'stayStatus' }),
    channel: f.part({ en: 'Booking channel', zh: '预订渠道' }, 'enum', z.string().max(40).optional(), { values: 'bookingChannel' }),
    segment: f.part({ en: 'Market segment', zh: '市场细分' }, 'enum', z.string().max(40).optional(), { values: 'marketSegment' }),
  })
  .refine((s) => s.checkOut > s.checkIn, { message: 'checkOutBeforeIn', path: ['checkOut'] });
export type Stay = z.infer<typeof Stay>;

export const Order = z.object({
  id: f.id({ en: 'Code', zh: '订单编号' }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { required: true, aliases: ['客户名称'] }),
  type: f.enum({ en: 'Type', zh: '订单类型' }, 'orderType', { required: true }),
  date: f.date({ en: 'Date', zh: '下单日期' }, { required: true, aliases: ['日期', '订单日期'] }),
  // a cancelled order is no purchase: the lifecycle and the revenue leave it out
  status: f.enum({ en: 'Status', zh: '订单状态' }, 'orderStatus', { required: true }),
  contractId: f.ref({ en: 'Contract', zh: '合同' }, 'contracts'),
  opportunityId: f.ref({ en: 'Opportunity', zh: '销售机会' }, 'opportunities'),
  paymentStatus: f.enum({ en: 'Payment', zh: '付款状态' }, 'paymentStatus', { required: true }),
  // the lines plus the stay's room charge (order-totals.ts), kept by the system; an order
  // given only an amount (an imported order history) gets one line of that amount
  total: f.money({ en: 'Total', zh: '订单金额' }, { required: true, computed: true, aliases: ['金额', '总额', '消费金额'] }),
  items: f.json({ en: 'Line items', zh: '明细' }, z.array(LineItem).max(500).default([])),
  stay: f.json({ en: 'Hotel stay', zh: '入住信息' }, Stay.optional()),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees'),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Order = z.infer<typeof Order>;
