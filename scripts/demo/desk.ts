// The demo hotel's desk (syllabus ch. 7): tasks of every purpose and channel for several
// employees around the demo's day — done ones with their result and the customer's need,
// overdue ones, today's, next week's and later — and the care tasks its anniversaries ask for.
// Dated around the demo's anchor; a workspace made from the demo moves them to its own day.
import type { Repo } from '../../src/services/repo.js';
import { generateCareTasks } from '../../src/services/care.js';

const OPEN: [type: string, channel: string, subject: string][] = [
  ['followup', 'phone', '回访：入住体验'],
  ['communication', 'phone', '电话确认会议室预订'],
  ['communication', 'email', '发送协议价续约方案'],
  ['experience', 'visit', '邀请参观新装修的湖景套房'],
  ['experience', 'wechat', '邀请参加新菜品鉴会'],
  ['communication', 'visit', '拜访洽谈年度会议合作'],
  ['followup', 'wechat', '回访：投诉处理满意度'],
  ['communication', 'sms', '提醒团队房名单截止'],
  ['care', 'letter', '寄送会员积分对账单'],
];
const DONE: [string, string, string, string][] = [
  ['followup', 'phone', '回访：入住体验', '客户满意，早餐品种希望更多'],
  ['communication', 'visit', '拜访洽谈秋季团队房', '已发报价，等待客户确认人数'],
  ['experience', 'visit', '安排试住行政楼层', '试住反馈良好，考虑签协议价'],
  ['communication', 'email', '发送宴会菜单', '客户选定 B 套餐'],
];
const NEEDS = ['需要无烟高楼层', '会议需同传设备', '长住需洗衣服务', '每次入住要湖景房', '发票抬头为公司全称', '素食早餐', ''];

/** Adds the desk's tasks through the Repo (valid by construction); `rnd` is the seeded generator. */
export function addDeskTasks(repo: Repo, rnd: () => number, now: Date): void {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const must = (v: Record<string, unknown>) => {
    const r = repo.create('tasks', v);
    if (!r.ok) throw new Error(`tasks: ${JSON.stringify(r.errors)} ${JSON.stringify(v)}`);
  };
  // the first customers keep no history: a task keeps its customer from being deleted, and the
  // first lab deletes one of the first customers
  const customers = repo.all('customers').filter((c) => c.ownerId).slice(3);
  customers.forEach((c, i) => {
    // about a third of the customers have something on the desk
    if (i % 3 !== 0 && rnd() < 0.8) return;
    const ownerId = c.ownerId;
    const contactId = repo.all('contacts').find((p) => p.customerId === c.id)?.id;
    if (rnd() < 0.6) {
      const [type, channel, subject, result] = pick(DONE);
      must({ subject, type, channel, customerId: c.id, contactId, ownerId, due: day(-Math.floor(2 + rnd() * 40)), status: 'done', result, need: pick(NEEDS) || undefined });
    }
    const [type, channel, subject] = pick(OPEN);
    // overdue, today, the coming week and later, in about equal parts
    const r = rnd();
    const due = r < 0.25 ? day(-Math.floor(1 + rnd() * 9)) : r < 0.45 ? day(0) : r < 0.8 ? day(Math.floor(1 + rnd() * 7)) : day(Math.floor(8 + rnd() * 30));
    must({ subject, type, channel, customerId: c.id, contactId, ownerId, due, status: rnd() < 0.15 ? 'doing' : 'open' });
  });
  // the care tasks the anniversaries ask for on the demo's day, as the app's start makes them
  generateCareTasks(repo, { now, today: day(0), lang: 'zh' });
}
