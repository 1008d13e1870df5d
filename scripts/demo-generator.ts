// Deterministic generator of the fictional demo hotel (and of large workspaces for the
// benchmark). Every record goes through the same Repo services the app uses, so the demo
// data is valid by construction.
import { emptyWorkspace, type Workspace } from '../src/domain/workspace.js';
import { Repo } from '../src/services/repo.js';
import type { EntityName } from '../src/domain/entities.js';
import { STAGE_PROBABILITY } from '../src/domain/funnel.js';
import { addCatalogue } from './demo/catalogue.js';
import { BUILTIN_ROLES, type BuiltinRole } from '../src/domain/builtin-roles.js';
import { addDeskTasks } from './demo/desk.js';
import { addRecoveryMeasures, addSurveys } from './demo/service.js';
import { addLeads, addLoyalty } from './demo/loyalty.js';
import { addOrders } from './demo/orders.js';
import { addOpportunityLines } from './demo/opportunity-lines.js';

/** mulberry32: a small seeded generator, so the demo and the fault rounds replay exactly */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞玲建国志红文斌宇浩然子轩欣怡梓涵思远嘉怡雨桐一诺晨曦俊杰佳琪天宇雅婷'.split('');
const EN_FIRST = ['James', 'Emma', 'Oliver', 'Sophie', 'Lucas', 'Mia', 'Daniel', 'Hannah', 'Thomas', 'Chloe', 'Kenji', 'Yuki', 'Min-jun', 'Ji-woo', 'Pierre', 'Anna'];
const EN_LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Schmidt', 'Tanaka', 'Sato', 'Kim', 'Park', 'Martin', 'Dubois', 'Rossi', 'García'];
const CITIES: [string, string][] = [['杭州', 'local'], ['上海', 'domestic'], ['北京', 'domestic'], ['南京', 'domestic'], ['苏州', 'domestic'], ['宁波', 'local'], ['广州', 'domestic'], ['深圳', 'domestic'], ['成都', 'domestic'], ['武汉', 'domestic'], ['London', 'foreign'], ['Tokyo', 'foreign'], ['Seoul', 'foreign'], ['Paris', 'foreign']];
const INTL: Record<string, string> = { London: '+44 20', Tokyo: '+81 3', Seoul: '+82 2', Paris: '+33 1' };
const CORP_A = ['华东', '新锐', '瑞丰', '天成', '鼎盛', '恒通', '中远', '博雅', '云帆', '锦程', '汇川', '金桥', '明德', '嘉禾', '远景', '卓越', '泰和', '银河'];
const CORP_B = ['科技', '贸易', '医药', '汽车', '电子', '物流', '建设', '文化传媒', '网络', '食品', '教育', '能源'];
const AGENCY_A = ['春秋', '途远', '携程分销', '西湖', '江南', '飞猪合作', '中青', '假日', '环球', '畅游', '悦行', '山水'];
const AREA = ['0571', '021', '010', '025', '0512', '0574', '020', '0755', '028', '027'];
const TITLES_P = ['总经理', '行政经理', '采购主管', '销售总监', '人事专员', '董事长助理', '办公室主任', '计调'];
// the hotel's departments; MICE sales sits under sales & marketing (its manager sees both)
const DEPTS: [string, number?][] = [['销售与市场部 Sales & marketing'], ['前厅部 Front office'], ['餐饮部 F&B'], ['客房部 Housekeeping'], ['宾客关系与质量部 Guest relations & quality'], ['会议宴会销售组 MICE sales', 0]];

export interface GenOptions {
  customers: number;
  seed?: number;
  /** contacts and anniversaries for every customer (the demo) or none (bulk benchmark data) */
  related?: boolean;
  now?: Date;
  /** service tickets of every type and status (default: with related records) */
  service?: boolean;
  /** the packages, guest services and suites of the catalogue (default yes; the version 1
   *  demo had only the first four categories) */
  catalogue?: boolean;
  /** leads and points redemptions (default: with related records) */
  sales?: boolean;
  /** contracts, and 18 months of orders and stays (default: with related records) */
  orders?: boolean;
}

export function generateWorkspace(opts: GenOptions): Workspace {
  const rnd = mulberry32(opts.seed ?? 20260901);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const now = opts.now ?? new Date('2026-09-01T00:00:00.000Z');
  const ws = emptyWorkspace(now.toISOString());
  ws.organisation = { name: '西湖雅居酒店', nameEn: 'West Lake Elegance Hotel', address: '杭州市西湖区湖滨路 88 号', phone: '0571-87650000', stars: 4, currency: 'CNY' };
  const repo = new Repo(ws, { clock: () => now });
  const must = (entity: EntityName, v: Record<string, unknown>) => {
    // random mobiles can repeat among 100k generated customers, as they do in real rosters
    const r = repo.create(entity, v, { anyStage: true, allowDuplicate: true });
    if (!r.ok) throw new Error(`${entity}: ${JSON.stringify(r.errors)} ${JSON.stringify(v)}`);
    return r.value.id;
  };
  const deptIds: string[] = [];
  for (const [name, parent] of DEPTS) deptIds.push(must('departments', { name, parentId: parent === undefined ? undefined : deptIds[parent] }));
  // the built-in roles of every new workspace (emptyWorkspace), by their code
  const role = (code: BuiltinRole['code']) => ws.roles[BUILTIN_ROLES.findIndex((r) => r.code === code)].id;
  const [sales, front, fnb, housekeeping, quality, mice] = deptIds;
  const emp = (login: string, name: string, r: BuiltinRole['code'], departmentId: string, n: number) =>
    must('employees', { login, name, roleId: role(r), departmentId, phone: `139000000${String(n).padStart(2, '0')}`, active: true });
  // who owns the demo's customers: each scope (own, department, all) shows a different list
  const owners = [
    emp('zhangli', '张丽', 'salesManager', sales, 1),
    emp('wangqiang', '王强', 'salesRep', sales, 2),
    emp('chenjing', '陈静', 'salesRep', mice, 3),
    emp('liuyang', '刘洋', 'frontOffice', front, 4),
    emp('zhouhua', '周华', 'frontOffice', front, 5),
    emp('zhaomin', '赵敏', 'salesRep', fnb, 6),
  ];
  emp('sunli', '孙丽', 'service', quality, 7);
  emp('huanglei', '黄磊', 'frontOffice', housekeeping, 8);
  const tiers = [
    // seed 001 ch.5: tiers by the points of the last 12 months (domain/loyalty.ts)
    must('tiers', { name: '银卡 Silver', minPoints: 0, pointsPerYuan: 1, discountPct: 95 }),
    must('tiers', { name: '金卡 Gold', minPoints: 5000, pointsPerYuan: 1, discountPct: 92 }),
    must('tiers', { name: '白金卡 Platinum', minPoints: 20000, pointsPerYuan: 1, discountPct: 88 }),
    must('tiers', { name: '钻石卡 Diamond', minPoints: 50000, pointsPerYuan: 1, discountPct: 85 }),
  ];
  const catRoom = must('categories', { name: '客房 Rooms' });
  const catFnb = must('categories', { name: '餐饮 Food & beverage' });
  const catSpa = must('categories', { name: '康体 Spa & fitness' });
  const catMice = must('categories', { name: '会议宴会 Meetings & banquets' });
  const products: [string, string, string, string, number][] = [
    [catRoom, '高级大床房 Superior King', '35㎡ 大床', '间夜', 588], [catRoom, '豪华双床房 Deluxe Twin', '42㎡ 双床 湖景', '间夜', 788],
    [catRoom, '行政套房 Executive Suite', '80㎡ 套房 含行政酒廊', '间夜', 1688], [catFnb, '自助早餐 Breakfast buffet', '每位', '位', 128],
    [catFnb, '中式宴会套餐 Chinese banquet', '10 人桌', '桌', 3888], [catSpa, '精油 SPA 90 分钟', '90 分钟', '次', 698],
    [catMice, '半日会议套餐 Half-day meeting', '含茶歇 投影', '人', 280], [catMice, '全日会议套餐 Full-day meeting', '含午餐 茶歇', '人', 460],
  ];
  // list prices in yuan above; the workspace keeps fen
  for (const [categoryId, name, spec, unit, price] of products) must('products', { categoryId, name, spec, unit, price: price * 100, status: 'active' });
  if (opts.catalogue !== false) addCatalogue(must, catRoom);

  const stages = ['potential', 'potential', 'target', 'first', 'first', 'repeat', 'repeat', 'loyal', 'lost', 'non'];
  const sources = ['online', 'online', 'phone', 'walkin', 'referral', 'agency', 'corporate', 'fair', 'ads', 'other'];
  const date = (y0: number, y1: number) => `${int(y0, y1)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const mobile = () => `1${pick(['3', '5', '8', '9'])}${String(int(0, 999999999)).padStart(9, '0')}`;
  const landline = () => `${pick(AREA)}-${int(6000, 8999)}${String(int(0, 9999)).padStart(4, '0')}`;

  for (let i = 0; i < opts.customers; i++) {
    const r = rnd();
    const kind = r < 0.7 ? 'individual' : r < 0.88 ? 'corporate' : 'agency';
    const [city, region] = pick(CITIES);
    const base: Record<string, unknown> = {
      kind, stage: pick(stages), city, region, source: kind === 'agency' ? 'agency' : kind === 'corporate' ? pick(['corporate', 'fair', 'referral']) : pick(sources),
      ownerId: pick(owners), relationLevel: pick(['ordinary', 'ordinary', 'close', 'strategic']), creditRating: pick(['aaa', 'aa', 'a', 'b', 'c']),
      grade: pick(['a', 'b', 'b', 'c', 'c', 'd']), valueTier: pick(['key', 'ordinary', 'ordinary', 'small', 'small']),
      consumptionType: pick(['lighthouse', 'follower', 'rational', 'profit']), purpose: kind === 'agency' ? 'intermediary' : 'end',
      quantValue: int(2, 400) * 100 * 100 /* whole hundreds of yuan, in fen */, paymentMethod: kind === 'individual' ? pick(['cash', 'card', 'mobile']) : pick(['transfer', 'monthly', 'credit']),
    };
    if (kind === 'individual') {
      const foreign = region === 'foreign';
      const name = foreign ? `${pick(EN_FIRST)} ${pick(EN_LAST)}` : pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
      Object.assign(base, {
        name, gender: pick(['male', 'female']), birthday: date(1960, 2002), phone: foreign ? `${INTL[city]} ${int(3000, 7999)} ${int(1000, 9999)}` : mobile(),
        email: rnd() < 0.5 ? `guest${i + 1}@example.com` : undefined, wechat: !foreign && rnd() < 0.6 ? `wx_${i + 1}` : undefined,
        company: rnd() < 0.4 ? `${pick(CORP_A)}${pick(CORP_B)}有限公司` : undefined, title: rnd() < 0.3 ? pick(TITLES_P) : undefined,
        qualType: pick(['business', 'leisure', 'leisure', 'meeting', 'longstay']), tierId: rnd() < 0.5 ? pick(tiers) : undefined, points: int(0, 60000),
        tags: rnd() < 0.2 ? ['VIP'] : [],
      });
    } else {
      const foreign = region === 'foreign';
      const name = foreign
        ? `${pick(EN_LAST)} ${kind === 'agency' ? 'Travel' : pick(['Trading', 'Holdings', 'Engineering'])} Ltd.`
        : kind === 'corporate' ? `${city}${pick(CORP_A)}${pick(CORP_B)}有限公司` : `${pick(AGENCY_A)}旅行社`;
      Object.assign(base, {
        name, tel: foreign ? `${INTL[city]} ${int(3000, 7999)} ${int(1000, 9999)}` : landline(), email: `sales${i + 1}@example.cn`,
        address: foreign ? `${int(1, 300)} ${pick(['High Street', 'Main Road', 'Avenue Centrale'])}, ${city}` : `${city}市${pick(['湖滨路', '延安路', '解放路', '中山路', '人民路'])}${int(1, 300)}号`, qualType: kind === 'agency' ? 'group' : pick(['business', 'meeting']),
        tags: kind === 'corporate' ? ['协议单位'] : ['渠道'],
      });
    }
    // the demo hotel is a workspace from before stage histories (its customers came in at
    // their stage, not through the moves): an empty history, as old workspaces have
    const cid = must('customers', { ...base, stageHistory: [] });
    if (!opts.related) continue;
    if (kind === 'individual') {
      if (base.birthday) must('anniversaries', { customerId: cid, kind: 'birthday', date: base.birthday, remindDays: 7 });
      if (rnd() < 0.25) must('anniversaries', { customerId: cid, kind: 'wedding', date: date(1990, 2022), remindDays: 14 });
    } else {
      must('anniversaries', { customerId: cid, kind: 'founding', date: date(1995, 2020), remindDays: 30 });
      const n = int(1, 3);
      for (let k = 0; k < n; k++) {
        const pid = must('contacts', {
          customerId: cid, name: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN), gender: pick(['male', 'female']), title: pick(TITLES_P), phone: mobile(),
          tel: rnd() < 0.5 ? base.tel : undefined, email: rnd() < 0.6 ? `c${cid.toLowerCase()}${k}@example.cn` : undefined,
          decisionRole: k === 0 ? 'decider' : pick(['influencer', 'user', 'buyer', 'gatekeeper']), isPrimary: k === 0,
          preferences: pick(['无烟楼层', '高楼层安静房', '喜欢湖景', '素食', '需要发票', '']) || undefined,
        });
        if (rnd() < 0.5) must('anniversaries', { customerId: cid, contactId: pid, kind: 'birthday', date: date(1965, 1998), remindDays: 7 });
      }
    }
  }
  if (opts.related) addOpportunities(repo, mulberry32((opts.seed ?? 20260901) + 8), now);
  if (opts.related) addOpportunityLines(repo);
  if (opts.service ?? opts.related) addServiceTickets(repo, now);
  if (opts.service ?? opts.related) {
    addRecoveryMeasures(repo);
    addSurveys(repo, now);
  }
  if (opts.orders ?? opts.related) addOrders(repo, mulberry32((opts.seed ?? 20260901) + 9), now);
  if (opts.sales ?? opts.related) addLeads(repo, now);
  if (opts.sales ?? opts.related) addLoyalty(repo);
  if (opts.related) addDeskTasks(repo, mulberry32((opts.seed ?? 20260901) + 18), now);
  // the shipped demo carries no identity: each workspace made from it gets its own when loaded
  const shipped: Partial<Workspace> = ws;
  delete shipped.id;
  delete shipped.generation;
  return ws;
}

const DEAL_NAMES: [string, number, number][] = [
  // what a hotel sells to a company or an agency, and its range in yuan
  ['年度协议价', 60_000, 480_000], ['年会场地及宴会', 80_000, 360_000], ['秋季团队房', 20_000, 120_000], ['培训会议套餐', 15_000, 90_000],
  ['新品发布会', 40_000, 200_000], ['长住公寓房', 30_000, 150_000], ['婚宴', 30_000, 160_000], ['旅行团春季房', 12_000, 80_000],
];

/** Opportunities in every stage of the funnel, with amounts and owners, so screen 4 shows a
 *  real shape: more at the top than at the bottom, some won and some lost over 18 months. Its
 *  own seed: the rest of the demo can change without moving these. */
function addOpportunities(repo: Repo, rnd: () => number, now: Date) {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const admin = repo.ws.settings.adminLogin;
  // the sales staff: whose role may work on opportunities
  const sellers = new Set(repo.all('roles').filter((r) => !r.isAdmin && ((r.permissions as Record<string, { actions?: string[] }>)?.opportunities?.actions ?? []).includes('edit')).map((r) => r.id));
  const owners = repo.all('employees').filter((e) => e.login !== admin && e.active !== false && sellers.has(String(e.roleId))).map((e) => e.id);
  const buyers = repo.all('customers').filter((c) => c.kind !== 'individual');
  if (!owners.length || !buyers.length) return;
  const open = ['prospecting', 'needs', 'proposal', 'negotiation'];
  const plan: [string, number][] = [['prospecting', 12], ['needs', 9], ['proposal', 7], ['negotiation', 5], ['won', 8], ['lost', 6]];
  for (const [stage, n] of plan) {
    for (let i = 0; i < n; i++) {
      const customer = pick(buyers);
      const [what, lo, hi] = pick(DEAL_NAMES);
      const closed = stage === 'won' || stage === 'lost';
      // open ones were opened in the last half year; closed ones over the 18 months before
      const opened = closed ? -int(60, 540) : -int(3, 180);
      const v: Record<string, unknown> = {
        name: `${String(customer.name).replace(/有限公司$/, '').replace(/[A-Za-z.]$/, '$& ')}${what}`,
        customerId: customer.id,
        stage,
        amount: Math.round(int(lo, hi) / 100) * 100 * 100,
        probability: STAGE_PROBABILITY[stage],
        ownerId: customer.ownerId && owners.includes(String(customer.ownerId)) ? customer.ownerId : pick(owners),
        createdAt: `${day(opened)}T0${int(1, 8)}:00:00.000Z`,
      };
      if (closed) v.closedOn = day(Math.min(-1, opened + int(7, 75)));
      else v.expectedClose = day(int(7, 120));
      if (stage === 'lost') {
        v.lostStage = pick(open);
        v.lostReason = pick(['price', 'price', 'competitor', 'availability', 'budget', 'needs', 'noreply']);
      }
      const r = repo.create('opportunities', v);
      if (!r.ok) throw new Error(`opportunities: ${JSON.stringify(r.errors)} ${JSON.stringify(v)}`);
    }
  }
}

const TICKET_CASES: [type: string, category: string | undefined, severity: string, subject: string, description: string][] = [
  ['complaint', 'room', 'high', '空调不制冷，客人很生气', '入住三个月后再次入住，房间空调不制冷，客人非常不满，要求立即处理。'],
  ['complaint', 'noise', 'medium', '夜间走廊噪音', '隔壁房间深夜喧哗，客人无法入睡。'],
  ['complaint', 'billing', 'high', '账单重复收取早餐费', '退房时发现早餐费重复计入。'],
  ['complaint', 'service', 'medium', '前台办理入住等候过久', '周五晚高峰排队 40 分钟。'],
  ['complaint', 'fnb', 'low', '早餐菜品种类少', '连住五天早餐几乎没有变化。'],
  ['complaint', 'room', 'medium', '房间有异味', '无烟房内有烟味。'],
  ['praise', undefined, 'low', '表扬客房服务员细心周到', '服务员主动为孩子准备了儿童拖鞋。'],
  ['praise', undefined, 'low', '表扬礼宾部帮忙找回遗失物品', '出租车上遗落的电脑当晚找回。'],
  ['suggestion', undefined, 'low', '建议增加素食早餐', '希望早餐有更多素食选择。'],
  ['suggestion', undefined, 'low', '建议延长健身房开放时间', '希望健身房 6 点开门。'],
  ['repair', 'room', 'high', '卫生间漏水', '淋浴间地漏堵塞积水。'],
  ['consultation', undefined, 'low', '咨询会议室租用价格', '询问 50 人会议室半日价格。'],
  ['followup', undefined, 'low', '离店回访', '电话回访住店体验。'],
];
const FLOW = ['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed'];
const NOTES: Record<string, string> = {
  received: '前台接到客人反映', acknowledged: '已向客人致歉并告知处理时限', investigating: '工程部到场检查',
  resolved: '已处理完毕，客人认可', followedup: '电话回访，客人满意', closed: '归档',
};

/** Tickets of every type and status, some past their SLA on the demo's day. A separate seeded
 *  stream, so the rest of the demo does not change with them. */
function addServiceTickets(repo: Repo, now: Date): void {
  const rnd = mulberry32(9);
  const guests = repo.all('customers').filter((c) => c.kind === 'individual');
  const staff = repo.all('employees').filter((e) => e.login !== 'admin');
  const iso = (ms: number) => new Date(ms).toISOString();
  TICKET_CASES.forEach(([type, category, severity, subject, description], i) => {
    // the first case is seed 002's angry guest, just received; the others walk further
    const reached = i === 0 ? 0 : i % FLOW.length;
    // hours before the demo's day: some within their SLA, some long past it
    const hoursAgo = i === 0 ? 6 : [2, 30, 80, 200, 10, 50][i % 6]!;
    const created = now.getTime() - hoursAgo * 3_600_000;
    const owner = staff[Math.floor(rnd() * staff.length)]!;
    const steps = FLOW.slice(0, reached + 1).map((status, k) => ({
      status, at: iso(created + k * Math.min(1, hoursAgo / 6) * 3_600_000), by: String(owner.login), note: NOTES[status]!,
    }));
    const resolved = steps.find((st) => st.status === 'resolved');
    const values: Record<string, unknown> = {
      subject, description, type, category, severity, customerId: guests[Math.floor(rnd() * guests.length)]!.id,
      channel: ['phone', 'visit', 'wechat'][i % 3], ownerId: owner.id, status: FLOW[reached], steps,
      raisedOn: iso(created).slice(0, 10), createdAt: iso(created), resolvedAt: resolved?.at,
    };
    if (type === 'complaint' && resolved) Object.assign(values, { recovery: ['赠送早餐券', '免费升级房型', '退还当晚房费', '赠送 2000 积分'][i % 4], recoveryCost: [12800, 30000, 58800, 2000][i % 4] });
    if (reached >= 4) values.satisfaction = 3 + (i % 3);
    const r = repo.create('tickets', values, { anyStage: true });
    if (!r.ok) throw new Error(`tickets: ${JSON.stringify(r.errors)} ${JSON.stringify(values)}`);
  });
}
