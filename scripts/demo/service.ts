// The demo's service recovery and satisfaction surveys (issue 20): the resolved complaints get
// their recovery measures, each with its cost; surveys of the hotel's guests, on both scales,
// some of a ticket's handling, most of a stay. Own seeded streams: the rest of the demo does
// not move with them.
import { mulberry32 } from '../demo-generator.js';
import type { Repo } from '../../src/services/repo.js';

// what each demo recovery text stands for: the measures, their costs in fen
const MEASURES: Record<string, { kind: string; cost: number; note?: string }[]> = {
  赠送早餐券: [{ kind: 'apology', cost: 0, note: '大堂经理当面致歉' }, { kind: 'voucher', cost: 12800, note: '双人早餐券' }],
  免费升级房型: [{ kind: 'apology', cost: 0 }, { kind: 'upgrade', cost: 30000, note: '升级行政套房一晚' }],
  退还当晚房费: [{ kind: 'apology', cost: 0, note: '值班经理电话致歉' }, { kind: 'refund', cost: 58800, note: '当晚房费' }],
  '赠送 2000 积分': [{ kind: 'points', cost: 2000, note: '2000 积分（按 1 分 = 0.01 元计）' }],
};

export function addRecoveryMeasures(repo: Repo): void {
  for (const t of repo.all('tickets')) {
    const m = typeof t.recovery === 'string' ? MEASURES[t.recovery] : undefined;
    if (!m) continue;
    const r = repo.update('tickets', t.id, { measures: m }, { anyStage: true });
    if (!r.ok) throw new Error(`tickets ${t.id}: ${JSON.stringify(r.errors)}`);
  }
}

const COMMENTS = ['', '', '', '早餐很好', '前台效率可以再高一些', '房间安静干净', '空调噪音有点大', '会再来', '性价比一般', '服务热情周到'];
const INDICATORS = ['expectation', 'quality', 'value', 'overall', 'complaint', 'loyalty'];

/** Surveys of 80 guests over the half year before the demo's day: two in three on the 1-5
 *  scale, the others on 1-10; the closed and followed-up tickets' guests asked of the handling. */
export function addSurveys(repo: Repo, now: Date): void {
  const rnd = mulberry32(20);
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const guests = repo.all('customers').filter((c) => c.kind === 'individual');
  const orders = repo.all('orders');
  const make = (customerId: string, extra: Record<string, unknown>, mood: number) => {
    const scale = rnd() < 0.67 ? 5 : 10;
    const scores: Record<string, number> = {};
    for (const code of INDICATORS) {
      // mood 0..1: how the stay went; each indicator wanders a little around it
      const x = Math.min(1, Math.max(0, mood + (rnd() - 0.5) * 0.35));
      scores[code] = 1 + Math.round(x * (scale - 1));
    }
    const r = repo.create('surveys', { customerId, date: day(-1 - Math.floor(rnd() * 180)), scale, model: 'ACSI', scores, comment: COMMENTS[Math.floor(rnd() * COMMENTS.length)] || undefined, ...extra });
    if (!r.ok) throw new Error(`surveys: ${JSON.stringify(r.errors)}`);
  };
  for (const t of repo.all('tickets')) {
    if (t.status === 'followedup' || t.status === 'closed') make(String(t.customerId), { ticketId: t.id, date: String(t.raisedOn ?? day(-1)) }, 0.45 + rnd() * 0.4);
  }
  for (let i = 0; i < 80 && guests.length; i++) {
    const g = guests[(i * 7 + Math.floor(rnd() * 3)) % guests.length];
    const stay = orders.find((o) => o.customerId === g.id);
    make(g.id, stay ? { orderId: stay.id } : {}, 0.1 + rnd() * 0.85);
  }
}
