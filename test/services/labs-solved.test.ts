// Every shipped lab solved through the services, as the keys of the app would do it: full marks
// when every task is done, the points of the tasks done when only some are, none at the start.
import { describe, expect, it } from 'vitest';
import { shippedLabs, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';
import { totalPoints, type Lab } from '../../src/domain/labs/lab-schema.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { advanceTicket } from '../../src/services/tickets.js';
import { convertLead } from '../../src/services/leads.js';
import { createFollowUps } from '../../src/services/follow-up.js';
import type { EntityName } from '../../src/domain/entities.js';
import type { Workspace } from '../../src/domain/workspace.js';

const NOW = new Date('2026-11-20T02:00:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const idOf = (repo: Repo, e: EntityName, field: string, value: string) => {
  const found = repo.all(e).filter((r) => String(r[field]).includes(value));
  if (found.length !== 1) throw new Error(`${e} ${field}~${value}: ${found.length}`);
  return found[0].id;
};
const named = (repo: Repo, e: EntityName, name: string) => idOf(repo, e, e === 'tickets' ? 'subject' : 'name', name);

type Steps = Record<string, (repo: Repo) => void>;

const SOLUTIONS: Record<string, Steps> = {
  'ch02-organisation': {
    dept: (r) => void must(r.create('departments', { name: '客户关系部', parentId: named(r, 'departments', '宾客关系与质量部') })),
    role: (r) => void must(r.create('roles', { name: '客户关系专员', permissions: {} })),
    user: (r) => void must(r.create('employees', { login: 'lixue', name: '李雪', roleId: named(r, 'roles', '客户关系专员'), departmentId: named(r, 'departments', '客户关系部'), phone: '13900001234' })),
    leaver: (r) => void must(r.update('employees', idOf(r, 'employees', 'login', 'huanglei'), { active: false })),
  },
  'ch03-products': {
    category: (r) => void must(r.create('categories', { name: '亲子客房', parentId: named(r, 'categories', '客房') })),
    product: (r) => void must(r.create('products', { name: '亲子家庭房', categoryId: named(r, 'categories', '亲子客房'), spec: '45㎡ 一大一小床 含儿童乐园', unit: '间夜', price: 88800, status: 'active' })),
    price: (r) => void must(r.update('products', named(r, 'products', '自助早餐'), { price: 13800 })),
    retire: (r) => void must(r.update('products', named(r, 'products', '中式宴会套餐'), { status: 'inactive' })),
  },
  'ch04-customers': {
    new: (r) => void must(r.create('customers', { name: '林晓峰', kind: 'individual', stage: 'potential', gender: 'male', phone: '13812345678', city: '杭州', source: 'referral' })),
    profile: (r) => void must(r.update('customers', named(r, 'customers', '林晓峰'), { qualType: 'business', grade: 'b', quantValue: 1200000, creditRating: 'a', paymentMethod: 'cash' })),
    target: (r) => void must(r.update('customers', named(r, 'customers', '邱建'), { stage: 'target' })),
    contact: (r) => void must(r.create('contacts', { name: '周敏', customerId: named(r, 'customers', '宁波锦程食品'), title: '行政经理', decisionRole: 'decider', phone: '13967890123' })),
  },
  'ch05-customer-info': {
    update: (r) => void must(r.update('customers', named(r, 'customers', '丁欣'), { phone: '13598765432', email: 'dingxin@example.com' })),
    tag: (r) => {
      for (const c of r.all('customers').filter((x) => x.city === '宁波')) must(r.update('customers', c.id, { tags: [...(c.tags as string[]), '宁波本地'] }));
    },
    'keep-tags': () => {}, // done by the careful tagging above
    privacy: (r) => void must(r.update('customers', named(r, 'customers', '柯文博'), { wechat: undefined, notes: '应客户要求删除微信' })),
  },
  'ch06-grading': {
    key: (r) => r.all('customers').filter((c) => Number(c.quantValue) >= 3900000).forEach((c) => must(r.update('customers', c.id, { valueTier: 'key' }))),
    grade: (r) => r.all('customers').filter((c) => Number(c.quantValue) >= 3900000).forEach((c) => must(r.update('customers', c.id, { grade: 'a' }))),
    owner: (r) => r.all('customers').filter((c) => Number(c.quantValue) >= 3900000).forEach((c) => must(r.update('customers', c.id, { ownerId: 'E0002' }))),
  },
  'ch07-care': {
    contact: (r) => void must(r.create('contacts', { name: '王海燕', customerId: named(r, 'customers', 'Tanaka Trading'), title: '行政总监', decisionRole: 'decider' })),
    birthday: (r) => void must(r.create('anniversaries', { customerId: named(r, 'customers', 'Tanaka Trading'), contactId: named(r, 'contacts', '王海燕'), kind: 'birthday', date: '1985-10-18', remindDays: 7 })),
    call: (r) => {
      const t = must(r.create('tasks', { subject: '拜访王海燕', type: 'communication', channel: 'visit', customerId: named(r, 'customers', 'Tanaka Trading'), contactId: named(r, 'contacts', '王海燕'), status: 'open' }));
      must(r.update('tasks', t.id, { status: 'done', need: '需要含早餐的协议价' }));
    },
    care: (r) => void must(r.create('tasks', { subject: '生日祝福', type: 'care', channel: 'wechat', customerId: named(r, 'customers', 'Tanaka Trading'), contactId: named(r, 'contacts', '王海燕'), status: 'open' })),
  },
  'ch08-sales': {
    convert: (r) => void must(convertLead(r, named(r, 'leads', '阿里巴巴 2027'))),
    opportunity: (r) => {
      const o = must(r.create('opportunities', { name: 'Kim Holdings 秋季培训会议', customerId: named(r, 'customers', 'Kim Holdings'), amount: 8000000, stage: 'prospecting' }));
      for (const stage of ['needs', 'proposal']) must(r.update('opportunities', o.id, { stage }));
    },
    won: (r) => void must(r.update('opportunities', named(r, 'opportunities', '北京明德建设年度协议价'), { stage: 'won', closeReason: '价格合适' })),
    order: (r) => void must(r.create('orders', { customerId: named(r, 'customers', 'Kim Holdings'), type: 'room', date: '2026-11-20', status: 'confirmed', paymentStatus: 'unpaid', items: [{ productId: named(r, 'products', '行政套房'), description: '行政套房', qty: 3 }] })),
  },
  'ch09-service': {
    resolve: (r) => {
      const id = named(r, 'tickets', '空调不制冷');
      must(advanceTicket(r, id, { note: '已受理' }));
      must(advanceTicket(r, id, { note: '工程部检查' }));
      must(r.update('tickets', id, { status: 'resolved', measures: [{ kind: 'upgrade', cost: 30000 }], recovery: '免费升级套房' }));
    },
    survey: (r) => void must(r.create('surveys', { customerId: named(r, 'customers', 'Pierre Schmidt'), ticketId: named(r, 'tickets', '空调不制冷'), date: '2026-11-20', overall: 4 })),
    new: (r) => void must(r.create('tickets', { subject: '洗衣把衬衫洗坏', customerId: named(r, 'customers', '陶欣'), type: 'complaint', category: 'service', severity: 'medium', channel: 'phone', status: 'received' })),
  },
  'ch10-churn': {
    followup: (r) => {
      const lost = r.all('customers').filter((c) => c.stage === 'lost').map((c) => c.id);
      const run = createFollowUps(r, lost, { subject: '流失客户电话回访', due: '2026-11-25', channel: 'phone' });
      expect(run.refused).toEqual([]);
    },
    winback: (r) => void must(r.update('customers', named(r, 'customers', '贾浩'), { stage: 'repeat' })),
    giveup: (r) => void must(r.update('customers', named(r, 'customers', '杨艳'), { stage: 'non' })),
  },
  'd-urgent-delivery': {
    call: (r) => void must(r.create('tasks', { subject: '电话告知提车延期', type: 'communication', channel: 'phone', customerId: named(r, 'customers', '赵建国'), status: 'done', result: '客户同意改为 30 日提车' })),
    note: (r) => void must(r.update('opportunities', named(r, 'opportunities', '525Li'), { notes: '配件问题，延期至 11 月 30 日提车' })),
    care: (r) => void must(r.create('tasks', { subject: '赠送一次免费保养', type: 'care', customerId: named(r, 'customers', '赵建国'), status: 'open' })),
  },
  'd-error-complaint': {
    ticket: (r) => void must(r.create('tickets', { subject: '保养时服务顾问态度冷淡', customerId: named(r, 'customers', '李志明'), type: 'complaint', category: 'service', channel: 'phone', status: 'received' })),
    recover: (r) => {
      const id = named(r, 'tickets', '服务顾问态度冷淡');
      must(advanceTicket(r, id));
      must(advanceTicket(r, id));
      must(r.update('tickets', id, { status: 'resolved', measures: [{ kind: 'voucher', cost: 20000 }] }));
    },
    survey: (r) => void must(r.create('surveys', { customerId: named(r, 'customers', '李志明'), date: '2026-11-20', overall: 4 })),
    followup: (r) => void must(r.create('tasks', { subject: '一个月后回访', type: 'followup', channel: 'phone', customerId: named(r, 'customers', '李志明'), status: 'open' })),
  },
};

const start = (lab: Lab): { ws: Workspace; repo: Repo } => {
  const ws = labStartWorkspace(lab, loadDemoWorkspace, NOW);
  return { ws, repo: new Repo(ws, { actor: 'admin', clock: () => NOW }) };
};

describe('shipped labs, solved through the services', () => {
  const labs = shippedLabs();
  it('ship one lab per chapter 2-10 and two dealership scenarios tagged by kind', () => {
    expect(labs.map((l) => l.chapter).filter((c, i, a) => a.indexOf(c) === i).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const tagged = labs.filter((l) => l.tags.some((t) => t !== 'normal'));
    expect(tagged.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(SOLUTIONS).sort()).toEqual(labs.map((l) => l.id).sort());
  });

  for (const lab of shippedLabs()) {
    describe(lab.id, () => {
      it('the starting workspace earns nothing, and says why for each task', () => {
        const { ws } = start(lab);
        expect(ws.settings.lab).toBe(lab.id);
        const results = evaluateLab(lab, ws);
        expect(results.map((r) => r.earned)).toEqual(lab.tasks.map(() => 0));
        for (const r of results) expect(r.reason.zh.length * r.reason.en.length).toBeGreaterThan(0);
      });

      it('every task done: full marks', () => {
        const { ws, repo } = start(lab);
        for (const t of lab.tasks) SOLUTIONS[lab.id][t.id](repo);
        const results = evaluateLab(lab, ws);
        expect(results.filter((r) => !r.passed).map((r) => `${r.taskId}: ${r.reason.en}`)).toEqual([]);
        expect(scoreOf(results).earned).toBe(totalPoints(lab));
      });

      it('the first task only: its points and no more', () => {
        const { ws, repo } = start(lab);
        const first = lab.tasks[0];
        SOLUTIONS[lab.id][first.id](repo);
        const results = evaluateLab(lab, ws);
        expect(results.find((r) => r.taskId === first.id)).toMatchObject({ passed: true, earned: first.points });
        expect(scoreOf(results).earned).toBe(first.points);
        expect(scoreOf(results).earned).toBeLessThan(totalPoints(lab));
      });
    });
  }
});
