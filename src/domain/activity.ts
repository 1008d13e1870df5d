import { z } from 'zod';
import { f } from './fields.js';

export const Task = z.object({
  id: f.id({ en: 'Code', zh: '任务编号' }),
  subject: f.text({ en: 'Subject', zh: '主题' }, { required: true, aliases: ['任务', '任务主题', '标题'] }),
  type: f.enum({ en: 'Type', zh: '类型' }, 'taskType', { required: true, aliases: ['任务类型', '活动类型'] }),
  channel: f.enum({ en: 'Channel', zh: '方式' }, 'channel', { aliases: ['沟通方式', '渠道'] }),
  customerId: f.ref({ en: 'Customer', zh: '客户' }, 'customers', { aliases: ['客户名称'] }),
  contactId: f.ref({ en: 'Contact', zh: '联系人' }, 'contacts'),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees', { aliases: ['执行人'] }),
  due: f.date({ en: 'Due', zh: '截止日期' }, { aliases: ['到期日', '计划日期'] }),
  dueTime: f.time({ en: 'Time', zh: '时间' }, { aliases: ['截止时间', '计划时间', 'due time'] }),
  priority: f.enum({ en: 'Priority', zh: '优先级' }, 'taskPriority', { aliases: ['重要程度', '紧急程度'] }),
  status: f.enum({ en: 'Status', zh: '状态' }, 'taskStatus', { required: true }),
  result: f.longtext({ en: 'Result', zh: '结果' }, { aliases: ['执行结果'] }),
  /** what the customer said they need (客户需求); the customer's timeline gathers them */
  need: f.longtext({ en: 'Customer need', zh: '客户需求' }, { aliases: ['需求'] }),
  notes: f.longtext({ en: 'Notes', zh: '备注' }, { aliases: ['内容', '需求记录'] }),
  /** the anniversary occurrence a care task was made for (`A0001@2026-05-01`), so care rules
   *  never make it twice; set by the rules, not by people */
  careKey: f.text({ en: 'Care occasion', zh: '关怀事由' }, { system: true, max: 80, datedKey: true }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Task = z.infer<typeof Task>;
