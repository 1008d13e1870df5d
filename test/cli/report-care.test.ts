// report churn | value | kpi and the churn actions through the built CLI: JSON shapes, exit
// codes, the acting employee's scope and --owner, refusals that leave every file as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

let made: string | undefined;
/** A small hotel: 王先生 (chenmin's) silent since January, 钱塘商务 with an open complaint, 李女士 fine. */
function hotel(): string {
  if (made) return made;
  const file = path.join(tmpDir(), 'w.json');
  const ok = (...args: string[]) => {
    const r = runBin([...args, '--data', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  };
  ok('init');
  ok('add', 'employees', '--login', 'chenmin', '--name', '陈敏', '--role-id', 'R0003');
  ok('add', 'employees', '--login', 'sunli', '--name', '孙丽', '--role-id', 'R0005');
  // a role that sees customers but no orders: the care reports refuse it rather than print zeros
  ok('add', 'roles', '--name', '只看客户 Customers only', '--grant', 'customers:view:all');
  ok('add', 'employees', '--login', 'guest', '--name', '访客', '--role-id', 'R0006');
  ok('add', 'customers', '--name', '王先生', '--kind', 'individual', '--stage', 'potential', '--owner-id', 'chenmin', '--relation-level', 'strategic');
  ok('add', 'customers', '--name', '钱塘商务有限公司', '--kind', 'corporate', '--stage', 'potential');
  ok('add', 'customers', '--name', '李女士', '--kind', 'individual', '--stage', 'potential');
  const buy = (c: string, date: string, type: string, total: string, ...more: string[]) =>
    ok('add', 'orders', '--customer-id', c, '--type', type, '--date', date, '--status', 'completed', '--payment-status', 'paid', '--total', total, ...more);
  // an employee sees the orders in their scope only: 王先生's are chenmin's
  buy('C0001', '2026-01-10', 'room', '1000', '--owner-id', 'chenmin');
  buy('C0001', '2026-01-20', 'fnb', '500', '--owner-id', 'chenmin');
  buy('C0002', '2026-06-01', 'room', '2000');
  buy('C0003', '2026-06-20', 'spa', '300');
  ok('add', 'tickets', '--subject', '空调噪音', '--customer-id', 'C0002', '--type', 'complaint', '--status', 'received', '--raised-on', '2026-06-10');
  made = file;
  return file;
}

/** a copy of the hotel for a test that writes */
function copy(): string {
  const src = hotel();
  const file = path.join(tmpDir(), 'w.json');
  fs.copyFileSync(src, file);
  for (const f of fs.readdirSync(path.dirname(src))) if (f !== 'w.json' && !f.endsWith('.lock')) fs.copyFileSync(path.join(path.dirname(src), f), path.join(path.dirname(file), f));
  return file;
}

/** every file of the workspace (snapshot, journal) as a hash */
function files(file: string): Record<string, string> {
  const dir = path.dirname(file);
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => !f.endsWith('.lock')).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

const bin = (file: string, ...args: string[]) => runBin([...args, '--data', file]);
const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const AS_OF = ['--as-of', '2026-06-30', '--days', '90'];

describe('report churn', () => {
  it('--json: who is at risk and why, most reasons first, counts as "customers"', () => {
    const j = json(bin(hotel(), 'report', 'churn', '--json', ...AS_OF));
    expect(j).toMatchObject({ report: 'churn', asOf: '2026-06-30', days: 90, factor: 2, satisfactionBar: 60, owner: null, checked: 3, alreadyLost: 0, customers: 2 });
    expect(j.reasons).toEqual([
      { code: 'inactive', customers: 1 }, { code: 'overdue', customers: 1 }, { code: 'complaint', customers: 1 },
      { code: 'satisfactionFalling', customers: 0 }, { code: 'satisfactionLow', customers: 0 },
    ]);
    // 王先生: 161 days since 2026-01-20, usual interval 10 days
    expect(j.rows[0]).toEqual({
      customerId: 'C0001', name: '王先生', owner: 'chenmin', stage: 'repeat', reasons: ['inactive', 'overdue'], lastPurchase: '2026-01-20', daysSince: 161,
      purchases: 2, purchaseDays: 2, usualInterval: 10, openComplaints: 0, lastIndex: null, previousIndex: null,
    });
    expect(j.rows[1]).toMatchObject({ customerId: 'C0002', reasons: ['complaint'], openComplaints: 1, owner: 'admin' });
  });

  it('the JSON is the same in both languages; the text says the reasons in the language asked', () => {
    const en = bin(hotel(), 'report', 'churn', '--json', ...AS_OF, '--lang', 'en');
    const zh = bin(hotel(), 'report', 'churn', '--json', ...AS_OF, '--lang', 'zh-CN');
    expect(zh.stdout).toBe(en.stdout);
    const text = bin(hotel(), 'report', 'churn', ...AS_OF, '--lang', 'zh-CN');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('161 天未消费（超过 90 天）');
    expect(text.stdout).toContain('1 件投诉尚未解决');
    expect(bin(hotel(), 'report', 'churn', ...AS_OF, '--lang', 'en').stdout).toContain('no purchase for 161 days (over 90)');
  });

  it('--owner and the acting employee\'s scope narrow it', () => {
    expect(json(bin(hotel(), 'report', 'churn', '--json', ...AS_OF, '--owner', 'chenmin')).rows.map((r: { customerId: string }) => r.customerId)).toEqual(['C0001']);
    const mine = json(runBin(['report', 'churn', '--json', ...AS_OF, '--data', hotel(), '--user', 'chenmin']));
    expect(mine).toMatchObject({ checked: 1, customers: 1 });
  });

  it('an employee who may not see orders is refused (exit 1), by every care report', () => {
    for (const kind of ['churn', 'value', 'kpi']) {
      const r = runBin(['report', kind, '--json', '--data', hotel(), '--user', 'guest', '--lang', 'en']);
      expect(r.code, kind).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/orders/i);
    }
  });

  it('--csv: a header and one row per customer at risk', () => {
    const r = bin(hotel(), 'report', 'churn', '--csv', ...AS_OF);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('customerId,name,owner,stage,reasons,why,lastPurchase,daysSince,purchases,usualInterval,openComplaints,lastIndex,previousIndex');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith('C0001,王先生,chenmin,repeat,inactive overdue,')).toBe(true);
  });

  it('usage errors exit 2 and print nothing on stdout; an unknown owner is refused (1)', () => {
    for (const args of [['--json', '--csv'], ['--days', 'abc'], ['--days', '0'], ['--factor', '0.5'], ['--as-of', '2026-13-01']]) {
      const r = bin(hotel(), 'report', 'churn', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const r = bin(hotel(), 'report', 'churn', '--owner', 'nobody');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chenmin');
  });
});

describe('report value (KAISM and lifetime value)', () => {
  it('--json: the quadrants with their codes and counts, each customer with indicators in yuan', () => {
    const j = json(bin(hotel(), 'report', 'value', '--json'));
    expect(j).toMatchObject({ report: 'value', owner: null, customers: 3, currentShare: 50 });
    expect(j.weights).toEqual({ grossProfit: 1, purchases: 1, serviceCost: 1, satisfaction: 1, loyalty: 1, trust: 1 });
    expect(j.quadrants.map((q: { code: string }) => q.code)).toEqual(['key', 'maintain', 'develop', 'opportunistic']);
    expect(j.quadrants.reduce((a: number, q: { customers: number }) => a + q.customers, 0)).toBe(3);
    const wang = j.rows.find((r: { customerId: string }) => r.customerId === 'C0001');
    // 1000 × 70% + 500 × 35%
    expect(wang.indicators).toMatchObject({ grossProfit: 875, revenue: 1500, purchases: 2, serviceCost: 0, satisfaction: null, loyalty: 0.667, trust: 1 });
    expect(json(bin(hotel(), 'report', 'kaism', '--json')).report).toBe('value');
  });

  it('text: each quadrant with its strategy in the language asked; --explain says how it is computed', () => {
    const r = bin(hotel(), 'report', 'value', '--explain', '--lang', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('关键客户');
    expect(r.stdout).toContain('重点投入');
    expect(r.stdout).toContain('(x − 最低) / (最高 − 最低)');
  });
});

describe('report kpi', () => {
  it('--json: every KPI of the period against the one before, with the change', () => {
    const j = json(bin(hotel(), 'report', 'kpi', '--json', '--from', '2026-06-01', '--to', '2026-06-30'));
    expect(j).toMatchObject({ report: 'kpi', from: '2026-06-01', to: '2026-06-30', previousFrom: '2026-05-02', previousTo: '2026-05-31' });
    expect(j.kpis.map((k: { code: string }) => k.code)).toEqual(['newCustomers', 'leadConversion', 'winRate', 'repeatRate', 'retention', 'resolutionHours', 'satisfaction']);
    // June: 钱塘 and 李女士 bought once each; nobody bought in May
    expect(j.kpis.find((k: { code: string }) => k.code === 'repeatRate')).toEqual({ code: 'repeatRate', value: 0, previous: null, change: null, unit: '%', better: 'up' });
    expect(j.kpis.find((k: { code: string }) => k.code === 'retention').value).toBeNull();
    expect(j.basis.current).toMatchObject({ buyers: 2, repeatBuyers: 0 });
  });

  it('--help defines each KPI in one line; a period the wrong way round is a usage error', () => {
    const h = runBin(['report', '--help', '--lang', 'en']);
    expect(h.stdout).toContain('--as-of');
    const r = bin(hotel(), 'report', 'kpi', '--from', '2026-07-01', '--to', '2026-06-01');
    expect(r.code).toBe(2);
    const text = bin(hotel(), 'report', 'kpi', '--explain', '--lang', 'en');
    expect(text.stdout).toContain('Retention: of the customers who bought in the previous period, % who bought again in this one');
  });
});

describe('churn lose and churn win-back', () => {
  it('lose: the customer is lost, the stage history keeps the reason; the warning no longer lists them', () => {
    const file = copy();
    const r = bin(file, 'churn', 'lose', 'C0001', '--reason', '价格因素');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('C0001');
    const c = json(bin(file, 'list', 'customers', '--json')).find((x: { id: string }) => x.id === 'C0001');
    expect(c.stage).toBe('lost');
    expect(c.stageHistory.at(-1)).toMatchObject({ from: 'repeat', to: 'lost', by: 'admin', reason: 'churnReason:price' });
    expect(json(bin(file, 'report', 'churn', '--json', ...AS_OF))).toMatchObject({ alreadyLost: 1, customers: 1 });
  });

  it('lose refused: an unknown reason or customer, a customer lost already, no permission (exit 1, files unchanged)', () => {
    const file = copy();
    expect(bin(file, 'churn', 'lose', 'C0001', '--reason', 'price').code).toBe(0);
    const before = files(file);
    for (const args of [['C0002', '--reason', 'weather'], ['C0099', '--reason', 'price'], ['C0001', '--reason', 'price']]) {
      const r = bin(file, 'churn', 'lose', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
    }
    // the service agent sees every customer but may not edit them
    const r = runBin(['churn', 'lose', 'C0002', '--reason', 'price', '--data', file, '--user', 'sunli']);
    expect(r.code).toBe(1);
    expect(files(file)).toEqual(before);
    // no --reason: a usage error
    expect(bin(file, 'churn', 'lose', 'C0002').code).toBe(2);
    expect(files(file)).toEqual(before);
  });

  it('win-back: one task per customer at risk, for the customer\'s owner; a second run makes none', () => {
    const file = copy();
    const first = json(bin(file, 'churn', 'win-back', '--json', ...AS_OF, '--due', '2026-07-03'));
    expect(first.created).toHaveLength(2);
    expect(first.skipped).toEqual([]);
    const tasks = json(bin(file, 'list', 'tasks', '--json'));
    expect(tasks.map((t: Record<string, unknown>) => [t.customerId, t.type, t.due, t.ownerId, t.careKey])).toEqual([
      ['C0001', 'care', '2026-07-03', 'E0002', 'winback:C0001@2026-01-20'],
      ['C0002', 'care', '2026-07-03', 'E0001', 'winback:C0002@2026-06-01'],
    ]);
    const before = files(file);
    const again = json(bin(file, 'churn', 'win-back', '--json', ...AS_OF, '--due', '2026-07-03'));
    expect(again).toEqual({ created: [], skipped: ['C0001', 'C0002'] });
    expect(files(file)).toEqual(before);
  });

  it('win-back refused for tasks outside the employee\'s scope: exit 1, nothing made', () => {
    const file = copy();
    const before = files(file);
    // sunli may make tasks of her own only: the tasks would be chenmin's and admin's
    const r = runBin(['churn', 'win-back', ...AS_OF, '--data', file, '--user', 'sunli']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(files(file)).toEqual(before);
  });
});

describe('analytics show | set | reset', () => {
  it('an administrator sets the threshold and weights; the reports use them', () => {
    const file = copy();
    const r = bin(file, 'analytics', 'set', '--churn-days', '90', '--weight', 'grossProfit=2', '--margin', 'room=80', '--json');
    expect(r.code).toBe(0);
    const shown = json(bin(file, 'analytics', 'show', '--json'));
    expect(shown).toMatchObject({ churnDays: 90, churnFactor: 2, currentShare: 50 });
    expect(shown.weights.grossProfit).toBe(2);
    expect(shown.margins.room).toBe(80);
    // no --days now: the workspace's 90
    expect(json(bin(file, 'report', 'churn', '--json', '--as-of', '2026-06-30')).days).toBe(90);
    const wang = json(bin(file, 'report', 'value', '--json')).rows.find((x: { customerId: string }) => x.customerId === 'C0001');
    expect(wang.indicators.grossProfit).toBe(975); // 1000 × 80% + 500 × 35%
    expect(bin(file, 'analytics', 'reset').code).toBe(0);
    expect(json(bin(file, 'analytics', 'show', '--json')).churnDays).toBe(180);
  });

  it('refused for an employee who is not an administrator, or weights that leave nothing to weigh (exit 1, files unchanged); bad flags exit 2', () => {
    const file = copy();
    const before = files(file);
    expect(runBin(['analytics', 'set', '--churn-days', '90', '--data', file, '--user', 'chenmin']).code).toBe(1);
    expect(bin(file, 'analytics', 'set', '--weight', 'grossProfit=0', '--weight', 'purchases=0', '--weight', 'serviceCost=0').code).toBe(1);
    expect(bin(file, 'analytics', 'set', '--churn-days', '0').code).toBe(1);
    for (const args of [['--weight', 'beauty=1'], ['--weight', 'grossProfit'], ['--churn-days', 'x'], []]) {
      expect(bin(file, 'analytics', 'set', ...args).code, args.join(' ')).toBe(2);
    }
    expect(files(file)).toEqual(before);
  });
});
