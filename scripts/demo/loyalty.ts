// The demo hotel's leads (every status, some converted into opportunities through the same
// service as the v key) and its membership: redemptions and a correction on the ledgers that
// orders filled (the orders part, when there is one, earns the points through the order rules;
// with no orders yet the balances are the customers' opening ones). Own seeded streams, so
// the rest of the demo does not move with them.
import type { Repo } from '../../src/services/repo.js';
import { convertLead } from '../../src/services/leads.js';
import { changePoints } from '../../src/services/loyalty.js';
import { REWARDS } from '../../src/domain/loyalty.js';
import { mulberry32 } from '../demo-generator.js';

const LEADS: [name: string, company: string | undefined, source: string][] = [
  ['阿里巴巴 2027 年会场地', '杭州阿里巴巴网络科技有限公司', 'corporate'], ['网易游戏 团建住宿', '网易（杭州）网络有限公司', 'referral'],
  ['浙大 学术会议 200 人', '浙江大学', 'phone'], ['海康威视 经销商大会', '杭州海康威视数字技术有限公司', 'fair'],
  ['李女士 婚宴咨询', undefined, 'walkin'], ['吉利汽车 新车发布', '浙江吉利控股集团有限公司', 'fair'],
  ['春秋旅行社 秋季团', '春秋旅行社', 'agency'], ['王先生 长住 3 个月', undefined, 'online'],
  ['娃哈哈 区域培训', '杭州娃哈哈集团有限公司', 'ads'], ['宁波银行 VIP 客户答谢', '宁波银行股份有限公司', 'referral'],
  ['张先生 家庭出游', undefined, 'online'], ['传化 年度协议价', '传化集团有限公司', 'corporate'],
  ['携程分销 春节团', '携程分销旅行社', 'agency'], ['陈女士 生日宴', undefined, 'phone'],
  ['Smith 商务考察团', 'Smith Trading Ltd.', 'online'],
];
// in this order: every status, the converted ones last so the others keep their codes
const STATUSES = ['new', 'new', 'new', 'contacted', 'contacted', 'contacted', 'qualified', 'qualified', 'qualified', 'discarded', 'discarded', 'converted', 'converted', 'converted', 'converted'];

export function addLeads(repo: Repo, now: Date): void {
  const rnd = mulberry32(19);
  const sellers = repo.all('employees').filter((e) => ['zhangli', 'wangqiang', 'chenjing'].includes(String(e.login))).map((e) => e.id);
  const day = (ago: number) => new Date(now.getTime() - ago * 86_400_000).toISOString();
  LEADS.forEach(([name, company, source], i) => {
    const status = STATUSES[i]!;
    const r = repo.create('leads', {
      name, company, source, status: status === 'converted' ? 'qualified' : status,
      ownerId: sellers.length ? sellers[Math.floor(rnd() * sellers.length)] : undefined,
      phone: `1${['3', '5', '8'][i % 3]}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      createdAt: day(3 + Math.floor(rnd() * 90)),
    });
    if (!r.ok) throw new Error(`leads: ${JSON.stringify(r.errors)}`);
    if (status !== 'converted') return;
    // converted for companies the hotel knows already (the demo keeps its 200 customers), and
    // priced by the seller afterwards, as the funnel's first stage is
    // (not the first ten: the app's first rows stay free of references, deletable in a lesson)
    const companies = repo.all('customers').slice(10).filter((x) => x.kind === 'corporate');
    const to = companies[Math.floor(rnd() * companies.length)];
    const c = convertLead(repo, r.value.id, to ? { customer: to.id } : { newCustomer: true });
    if (!c.ok) throw new Error(`convert ${r.value.id}: ${JSON.stringify(c.errors)}`);
    repo.update('opportunities', c.value.opportunity.id, { amount: (20 + Math.floor(rnd() * 200)) * 1000 * 100, expectedClose: day(-30 - i).slice(0, 10) });
  });
}

/** A few redemptions and one correction, for customers whose balance covers them; nothing
 *  when nobody has points. Customers without points keep no tier. */
export function addLoyalty(repo: Repo): void {
  for (const c of repo.all('customers')) {
    if (!(Number(c.points ?? 0) > 0) && c.tierId !== undefined) repo.update('customers', c.id, { tierId: undefined }, { anyStage: true });
  }
  const members = repo.all('customers').filter((c) => Number(c.points ?? 0) >= REWARDS[0]!.points);
  members.slice(0, 12).forEach((c, i) => {
    const reward = [...REWARDS].reverse().find((r) => r.points <= Number(c.points) && (i % 2 === 0 || r.points <= 2000));
    if (reward) changePoints(repo, c.id, reward.points, reward.zh);
  });
  const first = members[0];
  if (first) changePoints(repo, first.id, 200, '投诉补偿 赠送积分', { adjust: true });
}
