import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';

describe('Repo.create', () => {
  it('gives customers short sequential codes and fills defaults', () => {
    const { repo } = freshRepo();
    const a = repo.create('customers', { name: '王先生', phone: '13800000000' });
    const b = repo.create('customers', { name: 'Mr Smith' });
    expect(a.ok && a.value).toMatchObject({ id: 'C0001', name: '王先生', kind: 'individual', stage: 'potential' });
    expect(b.ok && b.value.id).toBe('C0002');
  });

  it('never gives a code a record already has, whether it came with the workspace or with its own id since', () => {
    const { ws, repo } = freshRepo();
    // a record from the file, with a code of the form nextId makes, and one of another form
    ws.customers.push({ ...ws.customers[0], id: 'C0002', name: '旧客户', kind: 'individual', stage: 'potential', tags: [], createdAt: ws.createdAt, updatedAt: ws.createdAt } as never);
    const made = (values: Record<string, unknown>, id?: string) => {
      const r = repo.create('customers', values, id ? { id } : {});
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.value.id;
    };
    expect(made({ name: 'A' })).toBe('C0001');
    expect(made({ name: 'B' })).toBe('C0003');
    // given their own codes after the first code was made: later codes step over them
    expect(made({ name: 'C' }, 'C0005')).toBe('C0005');
    expect(made({ name: 'D' }, 'C00006')).toBe('C00006');
    expect(made({ name: 'E' })).toBe('C0004');
    expect(made({ name: 'F' })).toBe('C0006');
    expect(repo.delete('customers', 'C0006').ok).toBe(true);
    ws.counters.customers = 0;
    expect([made({ name: 'G' }), made({ name: 'H' })]).toEqual(['C0006', 'C0007']);
    expect(new Set(ws.customers.map((c) => c.id)).size).toBe(ws.customers.length);
  });

  it('refuses a customer without a name and with a bad phone, reporting both, and adds nothing', () => {
    const { repo } = freshRepo();
    const r = repo.create('customers', { name: '  ', phone: '123' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['name:required', 'phone:phone']);
    expect(repo.count('customers')).toBe(0);
  });

  it('refuses a value-list code the workspace does not have', () => {
    const { repo } = freshRepo();
    const r = repo.create('customers', { name: 'A', source: 'pigeon' });
    expect(r.ok || r.errors[0]).toMatchObject({ field: 'source', code: 'notInList' });
  });

  it('refuses a contact whose customer does not exist', () => {
    const { repo } = freshRepo();
    const r = repo.create('contacts', { name: '李经理', customerId: 'C0099' });
    expect(r.ok || r.errors[0]).toMatchObject({ field: 'customerId', code: 'unknownRef' });
  });
});

describe('Repo.update', () => {
  it('refuses a lifecycle move seed 004 does not allow and names the allowed ones', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '张三', stage: 'non' });
    const r = repo.update('customers', 'C0001', { stage: 'loyal' });
    expect(r.ok || r.errors[0]).toMatchObject({ field: 'stage', code: 'transition', params: { from: 'non', to: 'loyal', allowed: 'potential' } });
    expect(repo.get('customers', 'C0001')?.stage).toBe('non');
  });

  it('allows an allowed move and stamps the update time', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '张三', stage: 'potential' });
    const r = repo.update('customers', 'C0001', { stage: 'target' });
    expect(r.ok && r.changed).toBe(true);
    expect(repo.get('customers', 'C0001')?.stage).toBe('target');
  });

  it('reports no change (and does not bump the version) when nothing changed', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '张三' });
    const v = repo.version;
    const r = repo.update('customers', 'C0001', { name: '张三' });
    expect(r.ok && r.changed).toBe(false);
    expect(repo.version).toBe(v);
  });

  it('clears a field given as undefined', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '张三', city: '杭州' });
    repo.update('customers', 'C0001', { city: undefined });
    expect(repo.get('customers', 'C0001')?.city).toBeUndefined();
  });
});

describe('Repo.delete', () => {
  it('deletes a customer together with its contacts and anniversaries', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '西湖科技', kind: 'corporate' });
    repo.create('contacts', { name: '李经理', customerId: 'C0001' });
    repo.create('anniversaries', { customerId: 'C0001', contactId: 'P0001', kind: 'birthday', date: '1980-05-01' });
    const r = repo.delete('customers', 'C0001');
    expect(r.ok).toBe(true);
    expect([repo.count('customers'), repo.count('contacts'), repo.count('anniversaries')]).toEqual([0, 0, 0]);
  });

  it('refuses to delete a customer that orders or tasks still refer to', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '西湖科技' });
    repo.create('tasks', { subject: '回访', customerId: 'C0001' });
    const r = repo.delete('customers', 'C0001');
    expect(r.ok || r.errors[0]).toMatchObject({ code: 'referenced', params: { entity: 'tasks', count: 1 } });
    expect(repo.count('customers')).toBe(1);
  });

  it('never deletes the administrator', () => {
    const { repo } = freshRepo();
    expect(repo.delete('employees', 'E0001').ok).toBe(false);
  });
});

describe('Repo.resolveRef', () => {
  it('finds by code, by unique name, and refuses an ambiguous name', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '王先生' });
    repo.create('customers', { name: '王先生' });
    repo.create('customers', { name: '李女士' });
    expect(repo.resolveRef('customers', 'c0002')).toEqual({ id: 'C0002' });
    expect(repo.resolveRef('customers', '李女士')).toEqual({ id: 'C0003' });
    expect(repo.resolveRef('customers', '王先生')).toEqual({ error: 'ambiguousRef' });
    expect(repo.resolveRef('customers', '赵')).toEqual({ error: 'unknownRef' });
  });
});

describe('query', () => {
  it('filters by equality and by contains', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: '杭州西湖科技', city: '杭州' });
    repo.create('customers', { name: '上海浦东贸易', city: '上海' });
    expect(repo.query('customers', [{ field: 'city', op: 'eq', value: '杭州' }]).map((c) => c.id)).toEqual(['C0001']);
    expect(repo.query('customers', [{ field: 'name', op: 'contains', value: '贸易' }]).map((c) => c.id)).toEqual(['C0002']);
  });
});
