import { z } from 'zod';
import { f } from './fields.js';
import { PointsEntry, TierChange } from './loyalty.js';

/** One move of a customer's lifecycle stage: kept by the services, never typed by a person. */
export const StageChange = z.object({
  from: f.part({ en: 'From', zh: '原阶段' }, 'enum', z.string().optional(), { values: 'stage' }),
  to: f.part({ en: 'To', zh: '新阶段' }, 'enum', z.string(), { values: 'stage' }),
  at: f.part({ en: 'Time', zh: '时间' }, 'datetime', z.string()),
  // the login of the employee (shown as their name)
  by: f.part({ en: 'Employee', zh: '员工' }, 'ref', z.string(), { ref: 'employees' }),
  // what moved it, when the system did (`orders:D0012`: that order was the customer's first)
  reason: f.part({ en: 'Because of', zh: '原因' }, 'text', z.string().max(80).optional(), { reason: true }),
});
export type StageChange = z.infer<typeof StageChange>;

export const Customer = z.object({
  id: f.id({ en: 'Code', zh: '客户编号' }),
  name: f.text({ en: 'Name', zh: '客户名称' }, { required: true, aliases: ['姓名', '客户姓名', '名称', '客户'] }),
  kind: f.enum({ en: 'Kind', zh: '客户类型' }, 'customerKind', { required: true, aliases: ['类型', '类别'] }),
  stage: f.enum({ en: 'Lifecycle stage', zh: '客户阶段' }, 'stage', { required: true, aliases: ['客户状态', '状态', '阶段'] }),
  gender: f.enum({ en: 'Gender', zh: '性别' }, 'gender'),
  company: f.text({ en: 'Company', zh: '公司' }, { aliases: ['单位', '公司名称', '工作单位'] }),
  title: f.text({ en: 'Job title', zh: '职务' }, { aliases: ['职位', '头衔'] }),
  birthday: f.date({ en: 'Birthday', zh: '生日' }, { aliases: ['出生日期'], yearly: true }),
  phone: f.phone({ en: 'Mobile', zh: '手机' }, { aliases: ['手机号', '手机号码', '移动电话', '联系电话', '联系方式', 'phone', 'mobile'] }),
  tel: f.phone({ en: 'Landline', zh: '座机' }, { aliases: ['电话', '固定电话', '办公电话', 'landline'] }),
  email: f.email({ en: 'Email', zh: '邮箱' }, { aliases: ['电子邮件', '电子邮箱', 'e-mail'] }),
  wechat: f.text({ en: 'WeChat', zh: '微信' }, { aliases: ['微信号'] }),
  address: f.text({ en: 'Address', zh: '地址' }, { aliases: ['通讯地址', '联系地址'] }),
  city: f.text({ en: 'City', zh: '城市' }, { aliases: ['所在城市', '地区'] }),
  region: f.enum({ en: 'Region', zh: '区域' }, 'region', { aliases: ['国内外'] }),
  source: f.enum({ en: 'Source', zh: '客户来源' }, 'source', { aliases: ['来源'] }),
  relationLevel: f.enum({ en: 'Relationship level', zh: '客户关系等级' }, 'relationLevel', { aliases: ['关系等级'] }),
  creditRating: f.enum({ en: 'Credit rating', zh: '客户信用等级' }, 'creditRating', { aliases: ['信用等级'] }),
  paymentMethod: f.enum({ en: 'Payment method', zh: '客户结款方式' }, 'paymentMethod', { aliases: ['结款方式', '付款方式'] }),
  qualType: f.enum({ en: 'Qualitative type', zh: '定性' }, 'qualType', { aliases: ['客户定性'] }),
  grade: f.enum({ en: 'Grade', zh: '定级' }, 'grade', { aliases: ['客户等级', '等级'] }),
  quantValue: f.money({ en: 'Quantified value (yuan/yr)', zh: '定量(年消费额)' }, { aliases: ['定量', '年消费额'] }),
  purpose: f.enum({ en: 'Purchase purpose', zh: '购买目的' }, 'purpose'),
  consumptionType: f.enum({ en: 'Consumption type', zh: '消费特征' }, 'consumptionType', { aliases: ['消费类型'] }),
  // not 客户价值: the course uses that word for 客户终身价值 and 客户让渡价值. Key / ordinary /
  // small customers are the classes of 客户分级 (000 ch.5, 客户分级管理; 004: by profit)
  valueTier: f.enum({ en: 'Customer tier', zh: '客户分级' }, 'valueTier', { aliases: ['客户价值', '价值等级', 'Value tier', '客户层级'] }),
  // analytics (issue 21): written by `report rfm|pyramid --write`, so lists and filters use them
  rfmSegment: f.enum({ en: 'RFM segment', zh: 'RFM客户细分' }, 'rfmSegment', { aliases: ['rfm', 'RFM细分', 'RFM分类', 'RFM分群'] }),
  pyramidLayer: f.enum({ en: 'Pyramid layer', zh: '客户金字塔层级' }, 'pyramidLayer', { aliases: ['pyramid', '金字塔', '金字塔层级'] }),
  ownerId: f.ref({ en: 'Owner', zh: '负责人' }, 'employees', { aliases: ['所属员工', '客户经理'] }),
  tierId: f.ref({ en: 'Membership tier', zh: '会员等级' }, 'tiers', { aliases: ['会员级别'] }),
  points: f.int({ en: 'Points', zh: '积分' }, { aliases: ['会员积分'] }),
  tags: f.tags({ en: 'Tags', zh: '标签' }),
  notes: f.longtext({ en: 'Notes', zh: '备注' }, { aliases: ['说明'] }),
  /** every stage change with time and employee (seed 004's path, shown on the detail);
   *  workspaces from before it have none */
  stageHistory: f.json({ en: 'Stage history', zh: '阶段变更记录' }, z.array(StageChange).default([]), { system: true }),
  /** every change of the points balance (earned on orders, redeemed, adjusted): `points` is its
   *  sum. Absent until the first change (workspaces from before, guests without points): 100k
   *  guests carry no empty lists */
  pointsLedger: f.json({ en: 'Points ledger', zh: '积分明细' }, z.array(PointsEntry).optional(), { system: true }),
  tierHistory: f.json({ en: 'Tier changes', zh: '会员等级变更' }, z.array(TierChange).optional(), { system: true }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Customer = z.infer<typeof Customer>;

export const Contact = z.object({
  id: f.id({ en: 'Code', zh: '联系人编号' }),
  customerId: f.ref({ en: 'Customer', zh: '所属客户' }, 'customers', { required: true, aliases: ['客户', '客户名称', '客户编号', 'customer'] }),
  name: f.text({ en: 'Name', zh: '姓名' }, { required: true, aliases: ['联系人', '联系人姓名'] }),
  gender: f.enum({ en: 'Gender', zh: '性别' }, 'gender'),
  title: f.text({ en: 'Job title', zh: '职务' }, { aliases: ['职位'] }),
  phone: f.phone({ en: 'Mobile', zh: '手机' }, { aliases: ['手机号', '手机号码', '联系电话', '联系方式', 'mobile'] }),
  tel: f.phone({ en: 'Landline', zh: '座机' }, { aliases: ['电话', '固定电话'] }),
  email: f.email({ en: 'Email', zh: '邮箱' }, { aliases: ['电子邮件'] }),
  wechat: f.text({ en: 'WeChat', zh: '微信' }),
  decisionRole: f.enum({ en: 'Decision role', zh: '决策角色' }, 'decisionRole', { aliases: ['角色'] }),
  preferences: f.longtext({ en: 'Preferences', zh: '偏好' }, { aliases: ['喜好', '客户偏好'] }),
  isPrimary: f.bool({ en: 'Primary contact', zh: '主要联系人' }),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Contact = z.infer<typeof Contact>;

export const Anniversary = z.object({
  id: f.id({ en: 'Code', zh: '纪念日编号' }),
  customerId: f.ref({ en: 'Customer', zh: '所属客户' }, 'customers', { required: true, aliases: ['客户', '客户名称'] }),
  contactId: f.ref({ en: 'Contact', zh: '联系人' }, 'contacts', { aliases: ['联系人姓名'] }),
  kind: f.enum({ en: 'Kind', zh: '类型' }, 'anniversaryKind', { required: true }),
  date: f.date({ en: 'Date', zh: '日期' }, { required: true, aliases: ['纪念日'], yearly: true }),
  remindDays: f.int({ en: 'Remind days ahead', zh: '提前提醒天数' }, { max: 365 }),
  notes: f.longtext({ en: 'Notes', zh: '备注' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Anniversary = z.infer<typeof Anniversary>;
