// The check language of labs: each kind of condition on a small workspace, and the mistakes of
// a lab file that compileCheck finds before any student sees the lab.
import { describe, expect, it } from 'vitest';
import { compileCheck, evaluateLab } from '../../src/domain/labs/check.js';
import { Lab, type Check } from '../../src/domain/labs/lab-schema.js';
import { Repo } from '../../src/services/repo.js';
import { freshRepo, FIXED_NOW } from '../helpers/workspace.js';

function world() {
  const { ws } = freshRepo();
  const repo = new Repo(ws, { actor: 'admin', clock: () => FIXED_NOW });
  const ok = <T>(r: { ok: boolean; value?: T }) => r.value as T & { id: string };
  const wang = ok(repo.create('customers', { name: '王芳', stage: 'potential', city: '宁波', tags: ['VIP'], quantValue: 1200000, birthday: '1990-05-20' }));
  const li = ok(repo.create('customers', { name: '李强', stage: 'potential', city: '杭州', tags: [] }));
  repo.update('customers', li.id, { stage: 'target' });
  const p = ok(repo.create('contacts', { name: '林晓雯', customerId: wang.id }));
  repo.create('anniversaries', { customerId: wang.id, contactId: p.id, kind: 'birthday', date: '1988-03-01' });
  const tk = ok(repo.create('tickets', { subject: '空调不制冷', customerId: wang.id, type: 'complaint', status: 'received' }));
  repo.update('tickets', tk.id, { status: 'acknowledged' });
  repo.update('tickets', tk.id, { status: 'investigating' });
  repo.update('tickets', tk.id, { status: 'resolved', measures: [{ kind: 'voucher', cost: 10000 }] });
  return ws;
}

const judge = (check: Check) => {
  const lab = Lab.parse({ id: 'x', chapter: 1, title: { zh: 't', en: 't' }, scenario: { zh: 's', en: 's' }, tasks: [{ id: 'a', description: { zh: 'd', en: 'd' }, points: 10, check }] });
  return evaluateLab(lab, world())[0];
};

describe('lab checks', () => {
  it('eq takes a code or a label of either language; ne, in, contains', () => {
    expect(judge({ entity: 'customers', where: [{ field: 'stage', eq: '目标客户' }] }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: '客户阶段', eq: 'Target' }], count: { exactly: 1 } }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'stage', ne: 'potential' }], count: { exactly: 1 } }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'city', in: ['宁波', '杭州'] }], count: { exactly: 2 } }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'name', contains: '芳' }] }).passed).toBe(true);
  });

  it('gte and lte on money (in yuan) and dates; exists', () => {
    expect(judge({ entity: 'customers', where: [{ field: 'quantValue', gte: 12000 }] }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'quantValue', gte: 12000.01 }] }).passed).toBe(false);
    expect(judge({ entity: 'customers', where: [{ field: 'birthday', lte: '1990/5/20' }] }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'birthday', exists: true }], count: { exactly: 1 } }).passed).toBe(true);
  });

  it('a reference matches the code or the name of the record it names', () => {
    expect(judge({ entity: 'contacts', where: [{ field: 'customerId', eq: '王芳' }] }).passed).toBe(true);
    expect(judge({ entity: 'contacts', where: [{ field: 'customerId', eq: 'C0001' }] }).passed).toBe(true);
    expect(judge({ entity: 'contacts', where: [{ field: 'customerId', eq: '李强' }] }).passed).toBe(false);
  });

  it('has: a contact with a birthday under a customer; with exactly 0, a customer without one', () => {
    const birthday = { entity: 'anniversaries' as const, via: 'contactId', where: [{ field: 'kind', eq: 'birthday' }] };
    expect(judge({ entity: 'contacts', where: [{ field: 'customerId', eq: '王芳' }], has: [birthday] }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'name', eq: '王芳' }], has: [{ entity: 'contacts', via: 'customerId', has: [birthday] }] }).passed).toBe(true);
    const none = judge({ entity: 'customers', has: [{ entity: 'contacts', via: 'customerId', count: { exactly: 0 } }], count: { exactly: 1 } });
    expect(none.passed).toBe(true);
  });

  it('some: the stage history and the ticket steps and measures are change histories', () => {
    expect(judge({ entity: 'customers', where: [{ field: 'stageHistory', some: [{ field: 'from', eq: 'potential' }, { field: 'to', eq: 'target' }] }] }).passed).toBe(true);
    expect(judge({ entity: 'customers', where: [{ field: 'stageHistory', some: [{ field: 'to', eq: 'loyal' }] }] }).passed).toBe(false);
    const resolvedWithMeasure = judge({ entity: 'tickets', where: [{ field: 'customerId', eq: '王芳' }, { field: 'steps', some: [{ field: 'status', eq: 'resolved' }] }, { field: 'measures', some: [{ field: 'kind', eq: '代金券' }] }] });
    expect(resolvedWithMeasure.passed).toBe(true);
  });

  it('every: all records found meet it, and the reason names the ones that do not', () => {
    const r = judge({ entity: 'customers', where: [{ field: 'city', in: ['宁波', '杭州'] }], every: [{ field: 'tags', eq: 'VIP' }] });
    expect(r.passed).toBe(false);
    expect(r.reason.en).toContain('C0002 李强');
    expect(r.reason.zh).toContain('不满足「标签 = VIP」');
  });

  it('count: too few and too many say what was found and what is needed', () => {
    const few = judge({ entity: 'customers', where: [{ field: 'city', eq: '宁波' }], count: { atLeast: 2 } });
    expect(few).toMatchObject({ passed: false, earned: 0 });
    expect(few.reason.en).toBe('Customers with City = 宁波: 1 (need at least 2)');
    expect(few.reason.zh).toBe('「城市 = 宁波」的客户有 1 条（需要至少 2 条）');
    expect(judge({ entity: 'customers', count: { atMost: 1 } }).passed).toBe(false);
    const found = judge({ entity: 'customers', where: [{ field: 'city', eq: '宁波' }] });
    expect(found).toMatchObject({ passed: true, earned: 10 });
    expect(found.reason.en).toContain('C0001 王芳');
  });

  it('the progressive reason: how many met the conditions before the one that failed', () => {
    const r = judge({ entity: 'customers', where: [{ field: 'name', eq: '王芳' }, { field: 'city', eq: '杭州' }] });
    expect(r.reason.en).toBe('Customers with Name = 王芳: 1; of them with City = 杭州: 0 (need at least 1)');
  });

  it('a lab file with unknown fields, values not in a list, an order on text, a bad date: each named with its path', () => {
    const p = (check: Check) => compileCheck(check, undefined, ['tasks', 0, 'check']).problems.map((x) => [x.path.join('.'), x.code]);
    expect(p({ entity: 'customers', where: [{ field: 'nmae', eq: 'x' }] })).toEqual([['tasks.0.check.where.0.field', 'unknownField']]);
    expect(p({ entity: 'customers', where: [{ field: 'stage', eq: 'vip' }] })).toEqual([['tasks.0.check.where.0.eq', 'notInList']]);
    expect(p({ entity: 'customers', where: [{ field: 'name', gte: 'a' }] })).toEqual([['tasks.0.check.where.0.gte', 'noOrder']]);
    expect(p({ entity: 'customers', where: [{ field: 'birthday', eq: '1990-02-30' }] })).toEqual([['tasks.0.check.where.0.eq', 'badValue']]);
    expect(p({ entity: 'customers', has: [{ entity: 'contacts', via: 'name' }] })).toEqual([['tasks.0.check.has.0.via', 'notRef']]);
    expect(p({ entity: 'customers', where: [{ field: 'city', some: [{ field: 'x', eq: 1 }] }] })).toEqual([['tasks.0.check.where.0.field', 'notList']]);
  });
});
