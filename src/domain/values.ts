// Value lists: stable codes with labels in both languages. Lists marked fixed drive logic
// (the lifecycle, kinds of customer) and cannot be edited; the others are the workspace's
// defaults and settings may change them.
import { z } from 'zod';

export const ValueItem = z.object({
  code: z.string().regex(/^[a-z0-9_-]+$/i),
  en: z.string().min(1),
  zh: z.string().min(1),
  /** other names accepted on input (import, flags): former labels, the course's short forms */
  aliases: z.array(z.string().min(1).max(60)).max(20).optional(),
  /** one line on what the value means, shown where it is chosen or explained */
  description: z.object({ en: z.string().max(200), zh: z.string().max(200) }).optional(),
  /** retired in settings: still shown on the records that have it, no longer offered or
   *  accepted for a new record or a change of the field */
  retired: z.boolean().optional(),
  /** oppStage: the probability (%) an opportunity gets when it enters the stage */
  probability: z.number().int().min(0).max(100).optional(),
  /** orderType: the membership points a yuan of such an order earns (to the hundredth) */
  pointsPerYuan: z.number().min(0).max(100).multipleOf(0.01).optional(),
});
export type ValueItem = z.infer<typeof ValueItem>;
export const ValueLists = z.record(z.string(), z.array(ValueItem));
export type ValueLists = z.infer<typeof ValueLists>;

type Row = [code: string, en: string, zh: string, more?: Pick<ValueItem, 'aliases' | 'description' | 'probability' | 'pointsPerYuan'>];
const list = (rows: Row[]): ValueItem[] => rows.map(([code, en, zh, more]) => ({ code, en, zh, ...more }));
/** labels an earlier version used: still accepted on input, and replaced by today's label in a
 *  workspace that still carries them (see upgradeValueLists) */
const was = (...aliases: string[]) => ({ aliases });
const means = (en: string, zh: string) => ({ en, zh });
const pct = (probability: number) => ({ probability });
const earns = (pointsPerYuan: number) => ({ pointsPerYuan });

export const FIXED_LISTS = new Set([
  'stage', 'customerKind', 'taskStatus', 'leadStatus', 'oppStage', 'ticketStatus', 'scope', 'pointKind',
  'orderStatus', 'stayStatus',
  // analytics: codes the reports write
  'rfmSegment', 'pyramidLayer',
]);

export const DEFAULT_VALUE_LISTS: Record<string, ValueItem[]> = {
  customerKind: list([
    ['individual', 'Individual guest', '个人客户'],
    ['corporate', 'Corporate account', '企业客户'],
    ['agency', 'Travel agency', '旅行社'],
  ]),
  stage: list([
    ['non', 'Non-customer', '非客户'],
    ['potential', 'Potential', '潜在客户'],
    ['target', 'Target', '目标客户'],
    // seed 004 names the three kinds of 现实客户 (current customer) by themselves
    ['first', 'First-time customer', '初次购买客户', was('现实客户(初次购买)', 'Current (first-time)', '初次购买')],
    ['repeat', 'Repeat customer', '重复购买客户', was('现实客户(重复购买)', 'Current (repeat)', '重复购买')],
    ['loyal', 'Loyal customer', '忠诚客户', was('现实客户(忠诚)', 'Current (loyal)', '忠诚')],
    ['lost', 'Lost', '流失客户'],
  ]),
  gender: list([
    ['male', 'Male', '男'],
    ['female', 'Female', '女'],
    ['unknown', 'Not stated', '未说明'],
  ]),
  source: list([
    ['online', 'OTA / online', '网络'],
    ['phone', 'Phone', '电话'],
    ['walkin', 'Walk-in', '到店'],
    ['referral', 'Referral', '老客户介绍'],
    ['agency', 'Travel agency', '旅行社'],
    ['corporate', 'Corporate agreement', '协议单位'],
    ['fair', 'Trade fair', '展会'],
    ['ads', 'Advertising', '广告'],
    ['other', 'Other', '其他'],
  ]),
  relationLevel: list([
    ['ordinary', 'Ordinary', '一般'],
    ['close', 'Close', '密切'],
    ['strategic', 'Strategic partner', '战略伙伴'],
  ]),
  creditRating: list([
    ['aaa', 'AAA', 'AAA'],
    ['aa', 'AA', 'AA'],
    ['a', 'A', 'A'],
    ['b', 'B', 'B'],
    ['c', 'C', 'C'],
  ]),
  paymentMethod: list([
    ['cash', 'Cash', '现金'],
    ['card', 'Bank card', '银行卡'],
    ['mobile', 'WeChat / Alipay', '微信/支付宝'],
    ['transfer', 'Bank transfer', '银行转账'],
    ['monthly', 'Monthly settlement', '月结'],
    ['credit', 'On account (agreement)', '协议挂账'],
  ]),
  qualType: list([
    ['business', 'Business traveller', '商务客'],
    ['leisure', 'Leisure traveller', '休闲客'],
    ['meeting', 'Meetings & events', '会议客'],
    ['group', 'Group / tour', '团队客'],
    ['longstay', 'Long stay', '长住客'],
  ]),
  grade: list([
    // 定级 of the 三一客 record (000 ch.4): what each grade asks of the hotel
    ['a', 'A', 'A', { description: means('top: spends much and steadily; looked after personally', '最高：消费多且稳定，专人维护') }],
    ['b', 'B', 'B', { description: means('high: spends regularly; kept in close touch', '较高：经常消费，定期联系') }],
    ['c', 'C', 'C', { description: means('middle: spends now and then; standard service', '一般：偶尔消费，常规服务') }],
    ['d', 'D', 'D', { description: means('low: spends little or not lately; low-cost contact', '较低：消费少或近期未消费，低成本维护') }],
  ]),
  purpose: list([
    ['end', 'End customer', '终端客户'],
    ['intermediary', 'Intermediary', '中间客户'],
  ]),
  consumptionType: list([
    // seed 004: 灯塔型客户、跟随型客户、理性客户和逐利型客户
    ['lighthouse', 'Lighthouse customer', '灯塔型客户', was('灯塔型', 'Lighthouse')],
    ['follower', 'Follower', '跟随型客户', was('跟随型')],
    ['rational', 'Rational customer', '理性客户', was('理性型', 'Rational', '理性')],
    ['profit', 'Profit-seeking', '逐利型客户', was('逐利型')],
  ]),
  valueTier: list([
    // seed 004: by the profit the hotel makes from them; 000 ch.5 (客户分级管理) gives each its strategy
    ['key', 'Key customer', '关键客户', was('Key', '关键')],
    ['ordinary', 'Ordinary customer', '普通客户', was('Ordinary', '普通')],
    ['small', 'Small customer', '小客户', was('Small', '小')],
  ]),
  region: list([
    // seed 004: 国内客户、国外客户、本区域客户、外区域客户
    ['local', 'This region', '本区域客户', was('本地', 'Local', '本区域')],
    ['outside', 'Other region', '外区域客户', was('外地', '外区域')],
    ['domestic', 'Domestic', '国内客户', was('国内')],
    ['foreign', 'Foreign', '国外客户', was('国外')],
  ]),
  decisionRole: list([
    ['decider', 'Decision maker', '决策者'],
    ['influencer', 'Influencer', '影响者'],
    ['user', 'User', '使用者'],
    ['buyer', 'Buyer', '采购者'],
    ['gatekeeper', 'Gatekeeper', '把关者'],
  ]),
  anniversaryKind: list([
    ['birthday', 'Birthday', '生日'],
    ['wedding', 'Wedding anniversary', '结婚纪念日'],
    ['founding', 'Company founding day', '公司成立日'],
    ['firststay', 'First stay', '首次入住日'],
    ['other', 'Other', '其他'],
  ]),
  taskType: list([
    ['communication', 'Communication', '沟通'],
    ['experience', 'Experience', '体验'],
    ['care', 'Care', '关怀'],
    ['followup', 'Follow-up visit', '回访'],
    ['need', 'Customer need', '客户需求'],
  ]),
  channel: list([
    ['phone', 'Phone', '电话'],
    ['visit', 'Visit', '拜访'],
    ['email', 'Email', '邮件'],
    ['sms', 'SMS', '短信'],
    ['wechat', 'WeChat', '微信'],
    ['letter', 'Letter', '信函'],
  ]),
  taskPriority: list([
    ['high', 'High', '高'],
    ['normal', 'Normal', '普通'],
    ['low', 'Low', '低'],
  ]),
  taskStatus: list([
    ['open', 'Open', '待办'],
    ['doing', 'In progress', '进行中'],
    ['done', 'Done', '已完成'],
    ['cancelled', 'Cancelled', '已取消'],
  ]),
  leadStatus: list([
    ['new', 'New', '新线索'],
    ['contacted', 'Contacted', '已联系'],
    ['qualified', 'Qualified', '已确认'],
    ['converted', 'Converted', '已转化'],
    ['discarded', 'Discarded', '已放弃'],
  ]),
  oppStage: list([
    ['prospecting', 'Prospecting', '初步接洽', pct(10)],
    ['needs', 'Needs analysis', '需求分析', pct(25)],
    ['proposal', 'Proposal / quote', '方案报价', pct(50)],
    ['negotiation', 'Negotiation', '商务谈判', pct(75)],
    ['won', 'Won', '赢单', pct(100)],
    ['lost', 'Lost', '输单', pct(0)],
  ]),
  lostReason: list([
    ['price', 'Price', '价格因素'],
    ['competitor', 'Chose a competitor', '选择了竞争对手'],
    ['availability', 'No rooms / dates', '房源或档期不足'],
    ['budget', 'Budget cut or event cancelled', '预算取消/活动取消'],
    ['needs', 'Needs not met', '需求不符'],
    ['noreply', 'No response', '客户无回应'],
    ['other', 'Other', '其他'],
  ]),
  contractType: list([
    ['rate', 'Corporate rate agreement', '协议价合同'],
    ['group', 'Group contract', '团队合同'],
    ['banquet', 'Banquet / MICE contract', '宴会会议合同'],
    ['other', 'Other', '其他'],
  ]),
  contractStatus: list([
    ['draft', 'Draft', '草拟'],
    ['active', 'Active', '生效'],
    ['expired', 'Expired', '到期'],
    ['terminated', 'Terminated', '终止'],
  ]),
  orderType: list([
    ['room', 'Room stay', '客房', earns(1)],
    ['fnb', 'Food & beverage', '餐饮', earns(1)],
    ['spa', 'Spa', '康体', earns(1)],
    ['mice', 'Meeting / banquet', '会议宴会', earns(0.5)],
    ['other', 'Other', '其他', earns(0)],
  ]),
  paymentStatus: list([
    ['unpaid', 'Unpaid', '未付款'],
    ['partial', 'Partly paid', '部分付款'],
    ['paid', 'Paid', '已付款'],
    ['refunded', 'Refunded', '已退款'],
  ]),
  // orders (screen 5): an order's own state, and a hotel stay's as a booking export has it
  orderStatus: list([
    ['confirmed', 'Confirmed', '已确认'],
    ['completed', 'Completed', '已完成'],
    ['cancelled', 'Cancelled', '已取消'],
  ]),
  roomType: list([
    ['standard', 'Standard room', '标准间'],
    ['king', 'King room', '大床房'],
    ['twin', 'Twin room', '双床房'],
    ['deluxe', 'Deluxe room', '豪华间'],
    ['suite', 'Suite', '套房'],
    ['family', 'Family room', '家庭房'],
  ]),
  stayStatus: list([
    ['booked', 'Booked', '已预订'],
    ['inhouse', 'Checked in', '已入住'],
    ['checkedout', 'Checked out', '已离店'],
    ['cancelled', 'Cancelled', '已取消'],
    ['noshow', 'No-show', '未到店'],
  ]),
  bookingChannel: list([
    ['direct', 'Direct (phone / front desk)', '直接预订'],
    ['website', 'Hotel website / app', '官网/APP'],
    ['ota', 'OTA (Ctrip, Meituan …)', '在线旅行社OTA'],
    ['agency', 'Travel agency', '旅行社'],
    ['corporate', 'Corporate agreement', '协议单位'],
    ['gds', 'GDS', 'GDS'],
  ]),
  marketSegment: list([
    ['rack', 'Rack / walk-in', '散客门市'],
    ['corporate', 'Corporate', '商务协议'],
    ['leisure', 'Leisure', '休闲散客'],
    ['group', 'Group / tour', '团队'],
    ['mice', 'Meetings & events', '会议'],
    ['government', 'Government', '政府'],
    ['longstay', 'Long stay', '长住'],
  ]),
  productStatus: list([
    ['active', 'On sale', '在售'],
    ['inactive', 'Off sale', '停售'],
  ]),
  ticketType: list([
    ['consultation', 'Consultation', '咨询'],
    ['repair', 'Repair', '维修'],
    ['followup', 'Follow-up visit', '回访'],
    ['complaint', 'Complaint', '投诉'],
    ['praise', 'Praise', '表扬'],
    ['suggestion', 'Suggestion', '建议'],
  ]),
  complaintCategory: list([
    ['room', 'Room & facilities', '客房设施'],
    ['service', 'Staff service', '服务态度'],
    ['fnb', 'Food & beverage', '餐饮'],
    ['billing', 'Billing', '账务'],
    ['noise', 'Noise', '噪音'],
    ['other', 'Other', '其他'],
  ]),
  severity: list([
    ['low', 'Low', '轻微'],
    ['medium', 'Medium', '一般'],
    ['high', 'High', '严重'],
  ]),
  ticketStatus: list([
    ['received', 'Received', '已接收'],
    ['acknowledged', 'Acknowledged', '已受理'],
    ['investigating', 'Investigating', '调查中'],
    ['resolved', 'Resolved', '已解决'],
    ['followedup', 'Followed up', '已回访'],
    ['closed', 'Closed', '已关闭'],
  ]),
  scope: list([
    ['own', 'Own records', '本人'],
    ['department', 'Own department', '本部门'],
    ['all', 'All', '全部'],
  ]),
  // service recovery (服务补救, syllabus ch. 9): what the hotel gives a guest it failed
  recoveryKind: list([
    ['apology', 'Apology', '道歉', { description: means('A sincere apology, in person or by phone', '当面或电话诚恳致歉') }],
    ['upgrade', 'Upgrade', '升级', { aliases: ['免费升级', '升级房型'], description: means('A better room or service at no charge', '免费升级房型或服务') }],
    ['refund', 'Refund', '退款', { aliases: ['退还房费'], description: means('Money paid back (part or all of a charge)', '退还部分或全部费用') }],
    ['voucher', 'Voucher', '代金券', { aliases: ['赠券', '优惠券', '早餐券'], description: means('A voucher for a later stay or meal', '赠送下次入住或餐饮的代金券') }],
    ['points', 'Points', '积分', { aliases: ['赠送积分'], description: means('Loyalty points credited', '赠送会员积分') }],
  ]),
  // the indicators of a satisfaction survey (客户满意度调查): the ACSI model's (syllabus ch. 2);
  // a workspace may change them. Every indicator is scored so that more is better.
  surveyIndicator: list([
    ['expectation', 'Customer expectation', '顾客期望', { aliases: ['期望'], description: means('What the guest expected before the stay', '入住前对酒店的期望') }],
    ['quality', 'Perceived quality', '感知质量', { aliases: ['质量'], description: means('How good the stay and the service were', '对住宿与服务质量的感受') }],
    ['value', 'Perceived value', '感知价值', { aliases: ['价值'], description: means('What the stay was worth for its price', '相对价格所得的价值') }],
    ['overall', 'Overall satisfaction', '总体满意度', { aliases: ['满意度', '总体'], description: means('Satisfaction with the hotel as a whole', '对酒店的总体满意程度') }],
    ['complaint', 'Complaint (reversed)', '顾客抱怨(反向计分)', { aliases: ['抱怨', '投诉', '顾客抱怨'], description: means('Scored reversed: the highest score means nothing to complain of', '反向计分：最高分表示没有抱怨') }],
    ['loyalty', 'Loyalty intention', '顾客忠诚', { aliases: ['忠诚', '再次入住', '再次入住意愿'], description: means('Would stay again and recommend the hotel', '再次入住并推荐本酒店的意愿') }],
  ]),
  // churn (客户流失, seed 002: 客户流失的十一种原因; the seed counts them, the names are the
  // textbook's usual ones for a hotel): why a customer was marked lost
  churnReason: list([
    ['price', 'Price: cheaper elsewhere', '价格因素'],
    ['quality', 'Unsteady quality of rooms or service', '产品或服务质量不稳定'],
    ['attitude', 'Poor service attitude', '服务意识淡薄、态度差'],
    ['complaint', 'Complaint badly handled', '投诉处理不当'],
    ['innovation', 'Nothing new offered', '产品缺乏创新'],
    ['staff', 'Left with a departing employee', '员工跳槽带走客户'],
    ['competitor', 'Won over by a competitor', '竞争对手争夺'],
    ['integrity', 'Broken promises (integrity)', '企业诚信出现问题'],
    ['neglect', 'Neglected: too little care or contact', '客户关怀不够、管理不力'],
    ['needs', 'Needs changed', '客户需求发生变化'],
    ['natural', 'Natural: moved away, closed down', '自然流失(搬迁、停业等)'],
  ]),
  // loyalty: the kinds of line in a customer's points ledger
  pointKind: list([
    ['earn', 'Earned', '消费积分'],
    ['reverse', 'Taken back', '积分冲回'],
    ['redeem', 'Redeemed', '积分兑换'],
    ['adjust', 'Adjusted', '人工调整'],
  ]),
  // analytics: a customer's RFM segment (code R F M, 1 = recent / frequent / high spend) and
  // pyramid layer, written by `report rfm|pyramid --write`; each segment's strategy is in i18n
  rfmSegment: list([
    ['111', 'Important value', '重要价值客户'],
    ['101', 'Important development', '重要发展客户'],
    ['011', 'Important retention', '重要保持客户'],
    ['001', 'Important win-back', '重要挽留客户'],
    ['110', 'General value', '一般价值客户'],
    ['100', 'General development', '一般发展客户'],
    ['010', 'General retention', '一般保持客户'],
    ['000', 'General win-back', '一般挽留客户'],
  ]),
  pyramidLayer: list([
    ['vip', 'VIP customer', 'VIP客户'],
    ['key', 'Major customer', '主要客户'],
    ['ordinary', 'Ordinary customer', '普通客户'],
    ['small', 'Small customer', '小客户'],
  ]),
};

/** The items offered where a value is chosen: in the list's order, without the retired ones
 *  (except `keep`, the value the record already has). */
export function offeredValues(lists: ValueLists, listName: string, keep?: unknown): ValueItem[] {
  const items = lists[listName] ?? DEFAULT_VALUE_LISTS[listName] ?? [];
  return items.filter((v) => !v.retired || v.code === keep);
}

/** Whether the code is a retired value of the list. */
export function isRetired(lists: ValueLists, listName: string, code: string): boolean {
  return !!(lists[listName] ?? DEFAULT_VALUE_LISTS[listName])?.find((v) => v.code === code)?.retired;
}

export function valueLabel(lists: ValueLists, listName: string, code: string | undefined, lang: 'en' | 'zh'): string {
  if (code === undefined) return '';
  const item = (lists[listName] ?? DEFAULT_VALUE_LISTS[listName])?.find((v) => v.code === code);
  return item ? item[lang] : code;
}

// code, English label (both case-insensitive), Chinese label and aliases → code, per list array
const lookups = new WeakMap<ValueItem[], Map<string, string>>();

/** Accepts a code, either language's label or an alias (case-insensitive for codes and English). */
export function resolveValue(lists: ValueLists, listName: string, input: string): string | undefined {
  const items = lists[listName] ?? DEFAULT_VALUE_LISTS[listName] ?? [];
  let m = lookups.get(items);
  if (!m) {
    m = new Map();
    // codes first: a code wins over a label that happens to spell another code
    for (const v of items) m.set(v.code.toLowerCase(), v.code);
    for (const v of items) {
      if (!m.has(v.en.toLowerCase())) m.set(v.en.toLowerCase(), v.code);
      if (!m.has(v.zh)) m.set(v.zh, v.code);
    }
    // then the former labels and short forms, which never shadow a label of today
    for (const v of items) for (const a of v.aliases ?? []) if (!m.has(a.toLowerCase())) m.set(a.toLowerCase(), v.code);
    lookups.set(items, m);
  }
  const s = input.trim();
  return m.get(s) ?? m.get(s.toLowerCase());
}

/** Items added to a default list after workspaces were made with it: an older workspace gets
 *  them when opened (seed 004's 外区域客户 beside 本区域客户). */
const ADDED_ITEMS: Record<string, string[]> = { region: ['outside'] };

/** The workspace's value lists with today's course terms: a label that is a former default
 *  (listed in the default item's aliases) becomes today's label, the default's aliases and
 *  description are added, and items added since are put in their place. A label the workspace chose
 *  itself is kept. Pure and idempotent: lists already current come back as the same arrays. */
export function upgradeValueLists(lists: ValueLists): ValueLists {
  let out: ValueLists | undefined;
  for (const [name, defaults] of Object.entries(DEFAULT_VALUE_LISTS)) {
    const items = lists[name];
    if (!items) continue;
    let changed = false;
    const next = items.map((v) => {
      const d = defaults.find((x) => x.code === v.code);
      if (!d) return v;
      const formerly = new Set(d.aliases ?? []);
      const en = v.en !== d.en && formerly.has(v.en) ? d.en : v.en;
      const zh = v.zh !== d.zh && formerly.has(v.zh) ? d.zh : v.zh;
      const aliases = [...new Set([...(v.aliases ?? []), ...(d.aliases ?? [])])];
      const description = v.description ?? d.description;
      // a stage's probability and a type's points rate came later: the default until set
      const probability = v.probability ?? d.probability;
      const pointsPerYuan = v.pointsPerYuan ?? d.pointsPerYuan;
      const same = en === v.en && zh === v.zh && aliases.length === (v.aliases?.length ?? 0) && description === v.description && probability === v.probability && pointsPerYuan === v.pointsPerYuan;
      if (same) return v;
      changed = true;
      return { ...v, en, zh, ...(aliases.length ? { aliases } : {}), ...(description ? { description } : {}), ...(probability !== undefined ? { probability } : {}), ...(pointsPerYuan !== undefined ? { pointsPerYuan } : {}) };
    });
    for (const code of ADDED_ITEMS[name] ?? []) {
      const d = defaults.find((x) => x.code === code);
      if (d && !next.some((v) => v.code === code)) {
        // where the default list has it: after the items that come before it there
        const before = new Set(defaults.slice(0, defaults.indexOf(d)).map((x) => x.code));
        let at = 0;
        next.forEach((v, i) => {
          if (before.has(v.code)) at = i + 1;
        });
        next.splice(at, 0, structuredClone(d));
        changed = true;
      }
    }
    if (changed) (out ??= { ...lists })[name] = next;
  }
  return out ?? lists;
}

/** One line on what a value means, in the language asked; '' when the list says nothing. */
export function valueDescription(lists: ValueLists, listName: string, code: string | undefined, lang: 'en' | 'zh'): string {
  if (code === undefined) return '';
  const item = (lists[listName] ?? DEFAULT_VALUE_LISTS[listName])?.find((v) => v.code === code);
  return item?.description?.[lang] ?? '';
}

/** The probability (%) an opportunity gets on entering `stage`: the workspace's list, else the default. */
export function stageProbability(lists: ValueLists, stage: string): number | undefined {
  const item = (lists.oppStage ?? DEFAULT_VALUE_LISTS.oppStage).find((v) => v.code === stage);
  return item?.probability ?? DEFAULT_VALUE_LISTS.oppStage.find((v) => v.code === stage)?.probability;
}

/** The points a yuan of an order of `type` earns (0 for a type without a rate). */
export function pointsRate(lists: ValueLists, type: string): number {
  const item = (lists.orderType ?? DEFAULT_VALUE_LISTS.orderType).find((v) => v.code === type);
  return item?.pointsPerYuan ?? DEFAULT_VALUE_LISTS.orderType.find((v) => v.code === type)?.pointsPerYuan ?? 0;
}
