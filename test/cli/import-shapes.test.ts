// The spreadsheets instructors really have (issue 23), imported as they are: a GBK feedback
// export into customers and tickets at once, an order history that brings its customers, a
// hotel booking extract with NULL/NA, month-first dates and a date split over three columns.
// Each is all or nothing and round-trips through export.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

type Rec = Record<string, unknown>;

function workspace(): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'ws.json');
  expect(runBin(['init', '--data', file]).code).toBe(0);
  return { dir, file };
}
const list = (file: string, entity: string) => JSON.parse(runBin(['list', entity, '--data', file, '--json']).stdout) as Rec[];
const stored = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Rec[]>;
const gbk = (dir: string, name: string, lines: string[]) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return p;
};
const csv = (dir: string, name: string, lines: string[]) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, lines.join('\n') + '\n');
  return p;
};

/** export ENTITY from one workspace, import it into another: the records come back the same
 *  (JSON: a CSV keeps times to the second, and a fresh workspace has no record to keep its own) */
function roundTrip(from: string, to: string, entity: string): void {
  const dir = path.dirname(to);
  const out = path.join(dir, `${entity}-export.json`);
  expect(runBin(['export', entity, '--format', 'json', '--data', from, '--out', out]).code).toBe(0);
  const r = runBin(['import', entity, out, '--data', to]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const strip = (rs: Rec[]) => rs.map(({ updatedAt: _u, ...x }) => x);
  expect(strip(list(to, entity))).toEqual(strip(list(from, entity)));
}

const FEEDBACK = [
  '编号,客户姓名,手机,类型,日期,内容',
  '1001,王芳,138 0000 0001,差评,2024/3/5,空调坏了',
  '1002,王芳,13800000002,好评,2024/3/6,服务很好',
  '1003,王芳,13800000001,差评,2024/3/7,早餐太少',
  '1004,李雷,13800000003,投诉,2024/3/8,前台态度差',
];
const FEEDBACK_FLAGS = ['--skip', '编号', '--map', '内容=subject,description', '--value', '类型:差评=complaint', '--value', '类型:好评=praise'];

describe('a GBK feedback export into customers and tickets in one go', () => {
  it('creates each customer once by mobile (two share a name), and every ticket refers to the right one', () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'feedback.csv', FEEDBACK);
    const r = runBin(['import', 'tickets', f, '--data', file, '--create-missing', ...FEEDBACK_FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 rows: 4 new');
    expect(r.stdout).toContain('编号->(skipped)');
    const customers = list(file, 'customers');
    expect(customers.map((c) => [c.name, c.phone])).toEqual([['王芳', '13800000001'], ['王芳', '13800000002'], ['李雷', '13800000003']]);
    const byPhone = new Map(customers.map((c) => [c.phone, c.id]));
    expect(list(file, 'tickets').map((t) => [t.customerId, t.type, t.raisedOn, t.subject, t.description])).toEqual([
      [byPhone.get('13800000001'), 'complaint', '2024-03-05', '空调坏了', '空调坏了'],
      [byPhone.get('13800000002'), 'praise', '2024-03-06', '服务很好', '服务很好'],
      [byPhone.get('13800000001'), 'complaint', '2024-03-07', '早餐太少', '早餐太少'],
      [byPhone.get('13800000003'), 'complaint', '2024-03-08', '前台态度差', '前台态度差'],
    ]);
    const to = path.join(dir, 'copy.json');
    expect(runBin(['init', '--data', to]).code).toBe(0);
    roundTrip(file, to, 'customers');
    roundTrip(file, to, 'tickets');
  });

  it('without --create-missing, or with one bad row, writes nothing: no customer and no ticket', () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'feedback.csv', FEEDBACK);
    const a = runBin(['import', 'tickets', f, '--data', file, ...FEEDBACK_FLAGS]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('line 2, column "手机", value "13800000001"');
    const bad = gbk(dir, 'bad.csv', [...FEEDBACK, '1005,韩梅,13800000004,中评,2024/3/9,一般']);
    const b = runBin(['import', 'tickets', bad, '--data', file, '--create-missing', ...FEEDBACK_FLAGS]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('line 6, column "类型", value "中评"');
    expect(list(file, 'customers')).toEqual([]);
    expect(list(file, 'tickets')).toEqual([]);
  });

  it('--map 类型= skips the column (it used to report line 0: no field "")', () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'customers.csv', ['编号,客户姓名,手机,类型', '1,王芳,13800000001,差评']);
    const r = runBin(['import', 'customers', f, '--data', file, '--map', '类型=', '--skip', '编号']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(list(file, 'customers').map((c) => [c.name, c.kind])).toEqual([['王芳', 'individual']]);
  });
});

describe('an order history that creates its customers', () => {
  const HISTORY = ['客户编号,下单日期,购买数量,订单金额', '00007,1997/1/1,1,11.77', '00010,1997/1/2,5,0.10', '00007,1997/1/12,2,89.00', '00012,1997/3/4,1,1234567.89'];

  it('finds or creates each customer by code, once, and keeps every amount to the fen', () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'history.csv', HISTORY);
    const r = runBin(['import', 'orders', f, '--data', file, '--create-missing', '--skip', '购买数量', '--set', 'paymentStatus=paid', '--set', 'type=room']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 rows: 4 new');
    expect(r.stdout).toContain('3 new Customers created');
    expect(list(file, 'customers').map((c) => c.id)).toEqual(['00007', '00010', '00012']);
    const orders = stored(file).orders;
    expect(orders.map((o) => [o.customerId, o.date, o.paymentStatus, o.total])).toEqual([
      ['00007', '1997-01-01', 'paid', 1177],
      ['00010', '1997-01-02', 'paid', 10],
      ['00007', '1997-01-12', 'paid', 8900],
      ['00012', '1997-03-04', 'paid', 123456789],
    ]);
    // a second history naming a known customer and a new one: the known one is found, not doubled
    const more = gbk(dir, 'more.csv', ['客户编号,下单日期,订单金额', '00010,1997/4/1,5', '00099,1997/4/2,6']);
    expect(runBin(['import', 'orders', more, '--data', file, '--create-missing']).code).toBe(0);
    expect(list(file, 'customers').map((c) => c.id)).toEqual(['00007', '00010', '00012', '00099']);
    const to = path.join(dir, 'copy.json');
    expect(runBin(['init', '--data', to]).code).toBe(0);
    roundTrip(file, to, 'customers');
    roundTrip(file, to, 'orders');
  });

  it("购买数量 is the quantity of the order's line, its amount the total to the fen; an amount that does not divide gets a rounding line", () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'history.csv', HISTORY);
    const r = runBin(['import', 'orders', f, '--data', file, '--create-missing', '--set', 'paymentStatus=paid']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('购买数量->quantity');
    expect(r.stdout).not.toContain('does not divide');
    const orders = stored(file).orders;
    // 0.10 for 5 is 0.02 each; 11.77 for 1 and 89.00 for 2 divide; 1234567.89 for 1 too
    expect(orders.map((o) => [o.total, (o.items as Rec[]).map((l) => `${l.qty}x${l.unitPrice}`).join('+')])).toEqual([
      [1177, '1x1177'], [10, '5x2'], [8900, '2x4450'], [123456789, '1x123456789'],
    ]);
    const odd = gbk(dir, 'odd.csv', ['客户编号,下单日期,购买数量,订单金额', '00007,1997/5/1,3,10.00', '00007,1997/5/2,7,1.00']);
    const o = runBin(['import', 'orders', odd, '--data', file]);
    expect(o.code).toBe(0);
    expect(o.stdout).toContain('2 orders: the amount does not divide by the quantity');
    // ¥10.00 for 3: 3 × ¥3.33 and ¥0.01 left over; ¥1.00 for 7: 7 × ¥0.14 and ¥0.02
    expect(stored(file).orders.slice(4).map((x) => [x.total, (x.items as Rec[]).map((l) => `${l.description}:${l.qty}x${l.unitPrice}`).join('+')])).toEqual([
      [1000, '订单金额 Amount:3x333+尾差 Rounding:1x1'],
      [100, '订单金额 Amount:7x14+尾差 Rounding:1x2'],
    ]);
    const to = path.join(dir, 'copy.json');
    expect(runBin(['init', '--data', to]).code).toBe(0);
    roundTrip(file, to, 'customers');
    roundTrip(file, to, 'orders');
  });

  it('a quantity of 0, or one without an amount, refuses the file: nothing written', () => {
    const { dir, file } = workspace();
    const f = gbk(dir, 'bad.csv', ['客户编号,下单日期,购买数量,订单金额', '00007,1997/1/1,2,10', '00008,1997/1/2,0,5', '00009,1997/1/3,2,']);
    const r = runBin(['import', 'orders', f, '--data', file, '--create-missing', '--json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as { errors: Rec[] };
    expect(rep.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, '购买数量', 'min'], [4, '购买数量', 'quantityWithoutAmount']]);
    expect(list(file, 'orders')).toEqual([]);
    expect(list(file, 'customers')).toEqual([]);
  });

  it('English snake_case headers are recognised; one bad amount refuses the whole file', () => {
    const { dir, file } = workspace();
    const f = csv(dir, 'history.csv', ['customer_id,order_date,amount', 'K1,2024-01-02,10.50', 'K2,2024-01-03,12.345', 'K3,2024-01-04,abc']);
    const r = runBin(['import', 'orders', f, '--data', file, '--create-missing', '--json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as { mapping: Rec[]; errors: Rec[]; applied: boolean };
    expect(rep.mapping.map((m) => [m.column, m.field, m.via])).toEqual([['customer_id', 'customerId', 'id'], ['order_date', 'date', undefined], ['amount', 'total', undefined]]);
    expect(rep.errors.map((e) => [e.line, e.column])).toEqual([[3, 'amount'], [4, 'amount']]);
    expect(rep.applied).toBe(false);
    expect(list(file, 'customers')).toEqual([]);
    expect(list(file, 'orders')).toEqual([]);
  });
});

describe('a hotel booking extract: NULL/NA, month-first dates, a date over three columns', () => {
  const BOOKINGS = [
    'hotel,is_canceled,arrival_date_year,arrival_date_month,arrival_date_day_of_month,customer_id,name,phone_number,adr,reservation_status_date,agent',
    'Resort Hotel,0,2015,July,1,NULL,张三,13700000001,75.50,7/1/2015,NULL',
    'City Hotel,0,2015,July,2,NA,赵四,13700000004,80.00,7/2/2015,NA',
    'Resort Hotel,1,2015,August,13,NA,李四,13700000002,98.00,8/13/2015,9',
    'Resort Hotel,0,2016,Feb,29,N/A,张三,13700000001,120.25,2/29/2016,NULL',
  ];
  const SPLIT = ['--only', 'hotel=Resort Hotel', '--skip', 'is_canceled', '--skip', 'reservation_status_date', '--date', 'date=arrival_date_year,arrival_date_month,arrival_date_day_of_month', '--map', 'adr=total', '--create-missing'];

  it('combines the split date, reads NULL/NA/N/A as empty, keeps only one hotel, finds a returning guest by mobile', () => {
    const { dir, file } = workspace();
    const f = csv(dir, 'bookings.csv', BOOKINGS);
    const r = runBin(['import', 'orders', f, '--data', file, ...SPLIT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 rows: 3 new');
    expect(r.stdout).toContain('1 row(s) left out by --only');
    // the three parts of the date are named as such, not as ignored columns
    expect(r.stdout).toContain('arrival_date_year->date(part of the date), arrival_date_month->date(part of the date), arrival_date_day_of_month->date(part of the date)');
    expect(r.stdout).toContain('hotel->(ignored)');
    expect(list(file, 'customers').map((c) => [c.name, c.phone])).toEqual([['张三', '13700000001'], ['李四', '13700000002']]);
    const ids = new Map(list(file, 'customers').map((c) => [c.name, c.id]));
    expect(stored(file).orders.map((o) => [o.customerId, o.date, o.total])).toEqual([
      [ids.get('张三'), '2015-07-01', 7550],
      [ids.get('李四'), '2015-08-13', 9800],
      [ids.get('张三'), '2016-02-29', 12025],
    ]);
    const to = path.join(dir, 'copy.json');
    expect(runBin(['init', '--data', to]).code).toBe(0);
    roundTrip(file, to, 'customers');
    roundTrip(file, to, 'orders');
  });

  it('a month-first date that reads two ways is reported, not guessed; --date-order mdy reads it', () => {
    const { dir, file } = workspace();
    const f = csv(dir, 'bookings.csv', BOOKINGS);
    const base = ['--skip', 'is_canceled', '--skip', 'arrival_date_year', '--skip', 'arrival_date_month', '--skip', 'arrival_date_day_of_month', '--map', 'reservation_status_date=date', '--map', 'adr=total', '--create-missing'];
    const a = runBin(['import', 'orders', f, '--data', file, ...base, '--json']);
    expect(a.code).toBe(1);
    const rep = JSON.parse(a.stdout) as { errors: Rec[] };
    // 8/13/2015 and 2/29/2016 read one way only; 7/1/2015 and 7/2/2015 read two ways
    expect(rep.errors.map((e) => [e.line, e.code, e.value])).toEqual([[2, 'dateAmbiguous', '7/1/2015'], [3, 'dateAmbiguous', '7/2/2015']]);
    expect(list(file, 'orders')).toEqual([]);
    expect(list(file, 'customers')).toEqual([]);
    const b = runBin(['import', 'orders', f, '--data', file, ...base, '--date-order', 'mdy']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(list(file, 'orders').map((o) => o.date)).toEqual(['2015-07-01', '2015-07-02', '2015-08-13', '2016-02-29']);
  });

  it('the same choices from a mapping file; a mistake in it is a usage error (exit 2), nothing done', () => {
    const { dir, file } = workspace();
    const f = csv(dir, 'bookings.csv', BOOKINGS);
    const m = path.join(dir, 'booking-mapping.json');
    fs.writeFileSync(m, JSON.stringify({
      skip: ['is_canceled', 'reservation_status_date'], map: { adr: 'total' }, only: { hotel: 'Resort Hotel' },
      date: { date: ['arrival_date_year', 'arrival_date_month', 'arrival_date_day_of_month'] }, null: ['NULL', 'NA', 'N/A'], createMissing: true,
    }));
    const r = runBin(['import', 'orders', f, '--data', file, '--mapping', m]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(stored(file).orders.map((o) => o.total)).toEqual([7550, 9800, 12025]);
    fs.writeFileSync(m, JSON.stringify({ map: { adr: 'no_such_field' } }));
    const bad = runBin(['import', 'orders', f, '--data', file, '--mapping', m, '--lang', 'zh-CN']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no_such_field');
    expect(runBin(['import', 'orders', f, '--data', file, '--date-order', 'ydm']).code).toBe(2);
    expect(runBin(['import', 'orders', f, '--data', file, '--value', 'no-colon']).code).toBe(2);
    expect(stored(file).orders).toHaveLength(3);
  });
});

describe('the report', () => {
  it('groups 300 identical problems into one finding with its count, first lines and allowed values, and lists every problem of a row', () => {
    const { dir, file } = workspace();
    const lines = ['subject,customer_phone,type,raised_on'];
    for (let i = 0; i < 300; i++) lines.push(`s${i},13800000001,差评,2024-01-01`);
    lines.push('bad,13800000001,差评,2024-13-45');
    const f = csv(dir, 't.csv', lines);
    expect(runBin(['add', 'customers', '--name', '王芳', '--phone', '13800000001', '--data', file]).code).toBe(0);
    const r = runBin(['import', 'tickets', f, '--data', file]);
    expect(r.code).toBe(1);
    const out = r.stderr.split('\n');
    expect(out.filter((l) => l.includes('差评'))).toHaveLength(1);
    expect(r.stderr).toContain('301 rows with this problem: lines 2, 3, 4, 5, 6, 7, 8, 9, ...');
    expect(r.stderr).toContain('Complaint');
    // line 302: both its problems at once
    expect(r.stderr).toContain('line 302, column "raised_on", value "2024-13-45"');
    const j = JSON.parse(runBin(['import', 'tickets', f, '--data', file, '--json']).stdout) as { errors: Rec[]; groups: Rec[] };
    expect(j.errors).toHaveLength(302);
    expect(j.errors.filter((e) => e.line === 302).map((e) => e.column)).toEqual(['type', 'raised_on']);
    expect(j.groups.map((g) => [g.code, g.column, g.count])).toEqual([['notInList', 'type', 301], ['date', 'raised_on', 1]]);
  });
});
