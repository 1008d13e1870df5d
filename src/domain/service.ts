import { z } from 'zod';
import { f } from './fields.js';

export const TicketStep = z.object({
  status: f.part({ en: 'Status', zh: '状态' }, 'enum', z.string(), { values: 'ticketStatus' }),
  at: f.part({ en: 'Time', zh: '时间' }, 'datetime', z.string()),
  by: f.part({ en: 'By', zh: '处理人' }, 'text', z.string().optional()),
  note: f.part({ en: 'Note', zh: '说明' }, 'text', z.string().max(2000).default('')),
});

/** One service recovery measure (服务补救) agreed with the guest, and what it cost the hotel. */
export const RecoveryMeasure = z.object({
  kind: f.part({ en: 'Measure', zh: '补救措施' }, 'enum', z.string().min(1), { values: 'recoveryKind' }),
  cost: f.money({ en: 'Cost', zh: '成本' }, { required: true }),
  note: f.part({ en: 'Note', zh: '说明' }, 'text', z.string().max(200).optional()),
});
export type RecoveryMeasure = z.infer<typeof RecoveryMeasure>;

export const Ticket = z.object({
  id: f.id({ en: 'Code', zh: '工单编号' }),
  subject: f.text({ en: 'Subject', zh: '主题' }, { required: true, aliases: ['标题', '事由'] }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { required: true, aliases: ['客户名称'] }),
  type: f.enum({ en: 'Type', zh: '类型' }, 'ticketType', { required: true }),
  category: f.enum({ en: 'Complaint category', zh: '投诉类别' }, 'complaintCategory'),
  severity: f.enum({ en: 'Severity', zh: '严重程度' }, 'severity'),
  channel: f.enum({ en: 'Channel', zh: '渠道' }, 'channel'),
  raisedOn: f.date({ en: 'Raised on', zh: '提出日期' }, { aliases: ['投诉日期', '日期'] }),
  status: f.enum({ en: 'Status', zh: '状态' }, 'ticketStatus', { required: true }),
  ownerId: f.ref({ en: 'Handler', zh: '处理人' }, 'employees'),
  orderId: f.ref({ en: 'Order', zh: '相关订单' }, 'orders'),
  description: f.longtext({ en: 'Description', zh: '描述' }, { aliases: ['内容'] }),
  recovery: f.longtext({ en: 'Service recovery', zh: '服务补救' }, { aliases: ['补救措施'] }),
  // the sum of the measures' costs when the ticket has measures; a cost typed before measures
  // existed (or without any) is kept as it was
  recoveryCost: f.money({ en: 'Recovery cost', zh: '补救成本' }, { aliases: ['补救费用'] }),
  satisfaction: f.int({ en: 'Satisfaction (1-5)', zh: '满意度(1-5)' }, { max: 5 }),
  resolvedAt: f.datetime({ en: 'Resolved at', zh: '解决时间' }),
  /** the note of the status change being saved: moved into the new step, never kept here */
  stepNote: f.longtext({ en: 'Note of this step', zh: '本步说明' }, { aliases: ['处理说明'] }),
  steps: f.json({ en: 'Handling steps', zh: '处理过程' }, z.array(TicketStep).default([])),
  measures: f.json({ en: 'Recovery measures', zh: '补救措施' }, z.array(RecoveryMeasure).default([])),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Ticket = z.infer<typeof Ticket>;

const SCORE_KEY = f.part({ en: 'Indicator', zh: '指标' }, 'enum', z.string(), { values: 'surveyIndicator' });

export const Survey = z.object({
  id: f.id({ en: 'Code', zh: '调查编号' }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { required: true, aliases: ['客户名称'] }),
  date: f.date({ en: 'Date', zh: '调查日期' }, { required: true, aliases: ['日期'] }),
  // 5 or 10: every score of the survey is from 1 to it (a survey from before scales: see survey-score.ts)
  scale: f.int({ en: 'Scale (5 or 10)', zh: '量表(5或10分制)' }, { min: 5, max: 10, aliases: ['量表', '分制'] }),
  // a survey is of one stay (an order) or of one ticket's handling, or of neither
  orderId: f.ref({ en: 'Stay (order)', zh: '入住订单' }, 'orders'),
  ticketId: f.ref({ en: 'Ticket', zh: '服务工单' }, 'tickets'),
  model: f.text({ en: 'Model', zh: '模型' }),
  // indicator code → score; the indicators are the workspace's list surveyIndicator
  scores: f.json({ en: 'Scores', zh: '各项得分' }, z.record(SCORE_KEY, z.number().min(0).max(10)).default({})),
  overall: f.int({ en: 'Overall (1-5)', zh: '总体满意度(1-5)' }, { max: 5, aliases: ['满意度'] }),
  comment: f.longtext({ en: 'Comment', zh: '意见' }, { aliases: ['评价'] }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Survey = z.infer<typeof Survey>;
