// The demo hotel's 18 months of business: contracts with its corporate accounts and agencies,
// orders with line items from the catalogue and hotel stays, so screen 5, a customer's order
// history and revenue, and later the analytics show real shapes. Deterministic, on its own
// seed. Every order goes through the Repo, so the lifecycle effect (first order: first-time
// buyer, the next: repeat) runs here as in the app: who has orders is chosen by stage so that
// each customer's stage agrees with their orders, and a won opportunity's buyer buys.
import type { Repo } from '../../src/services/repo.js';
import type { EntityName } from '../../src/domain/entities.js';
import { copyLines } from '../../src/domain/line-items.js';

type Rec = Record<string, unknown> & { id: string };

/** how many purchases a customer at each stage has made (lost customers bought once, long ago) */
const PURCHASES: Record<string, [number, number]> = { first: [1, 1], repeat: [2, 4], loyal: [5, 9], lost: [1, 1] };

export function addOrders(repo: Repo, rnd: () => number, now: Date): void {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const must = (entity: EntityName, v: Record<string, unknown>) => {
    const r = repo.create(entity, v);
    if (!r.ok) throw new Error(`${entity}: ${JSON.stringify(r.errors)} ${JSON.stringify(v)}`);
    return r.value;
  };
  const products = repo.all('products');
  const product = (prefix: string) => products.find((p) => String(p.name).startsWith(prefix))!;
  const rooms: [Rec, string][] = [[product('高级大床房'), 'king'], [product('豪华双床房'), 'twin'], [product('行政套房'), 'suite']];
  const breakfast = product('自助早餐');
  const banquet = product('中式宴会套餐');
  const spa = product('精油 SPA');
  const halfDay = product('半日会议套餐');
  const fullDay = product('全日会议套餐');

  // contracts: a rate agreement with most current corporate accounts and agencies, some group
  // and banquet contracts; the agreed rate 15-25% under the list price of a king room
  const agreements = new Map<string, Rec>();
  for (const c of repo.all('customers')) {
    if (c.kind === 'individual' || !(String(c.stage) in PURCHASES) || rnd() < 0.2) continue;
    const startAt = -int(200, 560);
    const start = day(startAt);
    const lapsed = c.stage === 'lost' || rnd() < 0.15;
    const k = must('contracts', {
      title: `${String(c.name).replace(/有限公司$/, '')} ${c.kind === 'agency' ? '旅行社团队协议' : '年度协议价'}`,
      customerId: c.id, type: c.kind === 'agency' ? 'group' : 'rate', status: lapsed ? 'expired' : 'active',
      start, end: lapsed ? day(-int(10, 60)) : day(int(30, 300)), signedOn: day(startAt - int(3, 20)),
      value: int(5, 60) * 10_000 * 100, rate: Math.round((Number(rooms[0][0].price) * (75 + int(0, 10))) / 100 / 100) * 100,
      ownerId: c.ownerId, terms: c.kind === 'agency' ? '团队用房：10 间起订；入住前 7 天确认名单；月结 30 天。' : '协议价含单早；全年有效；月结 30 天；节假日不保价。',
    });
    agreements.set(c.id, k);
    if (rnd() < 0.3) {
      must('contracts', {
        title: `${String(c.name).replace(/有限公司$/, '')} 年会宴会合同`, customerId: c.id, type: 'banquet', status: pick(['active', 'expired', 'draft']),
        start: day(-int(30, 300)), end: day(int(0, 60)), value: int(8, 40) * 10_000 * 100, ownerId: c.ownerId,
        terms: '宴会 20 桌，保底 15 桌；定金 30%，活动后 15 日内结清。',
      });
    }
  }

  /** one order of a customer on a date (days from now) */
  const order = (c: Rec, at: number, mayCancel: boolean) => {
    const corporate = c.kind !== 'individual';
    const contract = agreements.get(c.id);
    const type = corporate ? pick(['room', 'room', 'mice', 'fnb']) : pick(['room', 'room', 'room', 'fnb', 'spa']);
    const date = day(at);
    const past = at < 0;
    const v: Record<string, unknown> = { customerId: c.id, type, date, ownerId: c.ownerId, paymentStatus: past ? pick(['paid', 'paid', 'paid', 'partial']) : pick(['unpaid', 'partial']) };
    if (contract && contract.status === 'active') v.contractId = contract.id;
    if (type === 'room') {
      const [room, roomType] = corporate ? pick(rooms.slice(0, 2)) : pick(rooms);
      const nights = pick([1, 1, 2, 2, 3, 4, 7]);
      const n = corporate && rnd() < 0.3 ? int(2, 12) : 1;
      const adults = n * int(1, 2);
      // an agreement's rate, or the list price less what the season takes off
      const rate = v.contractId ? Number(contract!.rate) : Math.round((Number(room.price) * pick([100, 100, 90, 85, 110])) / 100 / 100) * 100;
      // booked a few days ahead; a stay still running today is in house, one ahead is booked
      const inAt = at + int(0, 5);
      const r = rnd();
      const status = inAt >= 0 ? 'booked' : inAt + nights > 0 ? 'inhouse' : mayCancel && r < 0.04 ? 'noshow' : mayCancel && r < 0.1 ? 'cancelled' : 'checkedout';
      v.stay = {
        roomType, checkIn: day(inAt), checkOut: day(inAt + nights), rooms: n, rate, adults,
        children: !corporate && rnd() < 0.3 ? int(1, 2) : 0, status,
        channel: v.contractId ? 'corporate' : corporate ? pick(['direct', 'agency']) : pick(['ota', 'ota', 'website', 'direct']),
        segment: c.kind === 'agency' ? 'group' : corporate ? (n > 5 ? 'group' : 'corporate') : pick(['leisure', 'leisure', 'rack', 'longstay']),
      };
      // breakfast is in an agreement's rate; others buy it per guest and night, some at 九折
      v.items = v.contractId || rnd() < 0.4 ? [] : [{ productId: breakfast.id, qty: adults * nights, discountPct: rnd() < 0.3 ? 10 : undefined }];
      if (status === 'cancelled') Object.assign(v, { status: 'cancelled', paymentStatus: 'refunded' });
      // a no-show pays the first night, as the booking's guarantee says
      if (status === 'noshow') v.items = [{ description: '未到店首晚房费 No-show, first night', qty: n, unitPrice: rate }];
    } else if (type === 'fnb') {
      v.items = corporate ? [{ productId: banquet.id, qty: int(2, 20), discountPct: pick([undefined, 5, 10]) }] : [{ productId: breakfast.id, qty: int(2, 6) }];
    } else if (type === 'spa') {
      v.items = [{ productId: spa.id, qty: int(1, 2), discountPct: pick([undefined, undefined, 12]) }];
    } else {
      const people = int(15, 120);
      v.items = [{ productId: pick([halfDay, fullDay]).id, qty: people }, ...(rnd() < 0.5 ? [{ productId: banquet.id, qty: Math.ceil(people / 10) }] : [])];
    }
    return must('orders', v);
  };

  // the won opportunities became orders (their buyers' stages follow, as in the app)
  for (const o of repo.all('opportunities').filter((x) => x.stage === 'won')) {
    const c = repo.get('customers', String(o.customerId))!;
    const at = Math.min(-1, Math.round((Date.parse(String(o.closedOn)) - now.getTime()) / 86_400_000) + int(1, 20));
    const amount = Number(o.amount);
    must('orders', {
      customerId: c.id, type: 'mice', date: day(at), opportunityId: o.id, ownerId: o.ownerId, paymentStatus: 'paid',
      // its products, as o on the funnel copies them; else one line of its amount
      items: Array.isArray(o.items) && o.items.length ? copyLines(o.items) : [{ description: String(o.name), qty: 1, unitPrice: amount }],
    });
  }

  // 18 months of orders by the customers whose stage says they bought
  for (const c of repo.all('customers')) {
    const range = PURCHASES[String(c.stage)];
    if (!range) continue;
    const n = int(range[0], range[1]);
    // a lost customer's one order is over a year old; the others spread over the 18 months
    const dates = Array.from({ length: n }, () => (c.stage === 'lost' ? -int(380, 540) : -int(1, 540))).sort((a, b) => a - b);
    // the purchases the stage needs stand (a first-time buyer's one order is not cancelled)
    dates.forEach((at, i) => order(c, at, i >= range[0]));
    // a few have a booking ahead
    if (c.stage !== 'lost' && rnd() < 0.15) order(c, int(1, 30), false);
  }
}
