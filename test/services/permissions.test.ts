// Permissions as a user meets them, through the services both shells call: what each built-in
// role may do to each entity, which customers each scope shows, and a role with nothing.
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { importTable } from '../../src/services/import.js';
import { ENTITY_NAMES, type EntityName } from '../../src/domain/entities.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { errorText, makeT } from '../../src/i18n/index.js';
import { generateCareTasks } from '../../src/services/care.js';

const NOW = new Date('2026-10-01T08:00:00.000Z');

// The design, written out independently of src/domain/builtin-roles.ts: for each role and
// entity, the actions allowed (v view, c create, e edit, d delete, x export, i import) on a
// record the employee owns. Entities not listed: nothing.
const REF = { products: 'v', categories: 'v', tiers: 'v', employees: 'v', departments: 'v' };
const DESIGN: Record<string, { login: string; perms: Partial<Record<EntityName, string>> }> = {
  salesManager: {
    login: 'zhangli',
    perms: {
      ...REF, customers: 'vcedxi', contacts: 'vcedxi', anniversaries: 'vcedxi', tasks: 'vcedxi', leads: 'vcedxi', opportunities: 'vcedxi',
      contracts: 'vcedxi', orders: 'vcedxi', tickets: 'vx', surveys: 'vx', products: 'vce', categories: 'vce', tiers: 'vce',
    },
  },
  salesRep: {
    login: 'wangqiang',
    perms: { ...REF, customers: 'vcex', contacts: 'vcex', anniversaries: 'vcex', tasks: 'vcex', leads: 'vcex', opportunities: 'vcex', contracts: 'vce', orders: 'vce', tickets: 'v', surveys: 'v' },
  },
  frontOffice: {
    login: 'liuyang',
    perms: { ...REF, customers: 'vce', contacts: 'vce', anniversaries: 'vce', orders: 'vce', tickets: 'vc', tasks: 'vce' },
  },
  service: {
    login: 'sunli',
    perms: { ...REF, customers: 'v', contacts: 'v', anniversaries: 'v', orders: 'v', tickets: 'vcex', surveys: 'vcexi', tasks: 'vce' },
  },
  admin: { login: 'admin', perms: Object.fromEntries(ENTITY_NAMES.map((e) => [e, 'vcedxi'])) },
};

/** The demo with one record of every entity owned by `login` (made by the program itself). */
function demoOwnedBy(login: string): { ws: Workspace; own: Record<EntityName, string>; me: string } {
  const ws = loadDemoWorkspace();
  const root = new Repo(ws, { clock: () => NOW });
  const me = ws.employees.find((e) => e.login === login)!;
  const mk = (e: EntityName, v: Record<string, unknown>) => {
    const r = root.create(e, v, { anyStage: true });
    if (!r.ok) throw new Error(`${e}: ${JSON.stringify(r.errors)}`);
    return r.value.id;
  };
  const c = mk('customers', { name: '自有客户', ownerId: me.id });
  const own = {
    customers: c,
    contacts: mk('contacts', { customerId: c, name: '联系人甲' }),
    anniversaries: mk('anniversaries', { customerId: c, kind: 'birthday', date: '1990-01-01' }),
    tasks: mk('tasks', { subject: '回访', ownerId: me.id }),
    leads: mk('leads', { name: '会议线索', ownerId: me.id }),
    opportunities: mk('opportunities', { name: '年会', customerId: c, ownerId: me.id }),
    contracts: mk('contracts', { title: '协议价', customerId: c, ownerId: me.id }),
    orders: mk('orders', { customerId: c, date: '2026-09-01', total: 58800, ownerId: me.id }),
    tickets: mk('tickets', { subject: '空调不制冷', customerId: c, ownerId: me.id }),
    surveys: mk('surveys', { customerId: c, date: '2026-09-02' }),
    products: mk('products', { name: '湖景早餐' }),
    categories: mk('categories', { name: '礼品' }),
    tiers: mk('tiers', { name: '钻石卡' }),
    employees: me.id,
    roles: mk('roles', { name: '临时角色' }),
    departments: mk('departments', { name: '工程部' }),
  } satisfies Record<EntityName, string>;
  return { ws, own, me: me.id };
}

function sample(e: EntityName, own: Record<EntityName, string>, roleId: string): Record<string, unknown> {
  const c = own.customers;
  const v: Record<EntityName, Record<string, unknown>> = {
    customers: { name: '新客户' }, contacts: { customerId: c, name: '新联系人' }, anniversaries: { customerId: c, kind: 'wedding', date: '2010-05-01' },
    tasks: { subject: '关怀' }, leads: { name: '新线索' }, opportunities: { name: '新机会', customerId: c }, contracts: { title: '新合同', customerId: c },
    orders: { customerId: c, date: '2026-09-03', total: 100 }, tickets: { subject: '咨询', customerId: c }, surveys: { customerId: c, date: '2026-09-04' },
    products: { name: '新产品' }, categories: { name: '新分类' }, tiers: { name: '新等级' },
    employees: { login: 'newbie', name: '新员工', roleId }, roles: { name: '新角色' }, departments: { name: '新部门' },
  };
  return v[e];
}

const refusedByPermission = (r: { ok: boolean; errors?: { code: string }[] }) => !r.ok && !!r.errors?.some((e) => e.code.startsWith('perm'));

describe('each built-in role, entity and action, through the services', () => {
  for (const [role, { login, perms }] of Object.entries(DESIGN)) {
    it(`${role} (${login})`, () => {
      const got: Record<string, string> = {};
      for (const entity of ENTITY_NAMES) {
        const { ws, own } = demoOwnedBy(login);
        const repo = new Repo(ws, { clock: () => NOW, actor: login });
        const roleId = String(ws.employees.find((e) => e.login === login)!.roleId);
        const id = own[entity];
        let s = '';
        if (repo.get(entity, id) && repo.all(entity).some((r) => r.id === id)) s += 'v';
        if (!refusedByPermission(repo.create(entity, sample(entity, own, roleId), { anyStage: true }))) s += 'c';
        if (!refusedByPermission(repo.update(entity, id, { notes: undefined }))) s += 'e';
        // delete last: it may take the record away
        const exp = repo.exportable(entity);
        const imp = importTable(repo, entity, [{ line: 1, cells: ['nothing'] }], { dryRun: true });
        if (!refusedByPermission(repo.delete(entity, entity === 'employees' ? repo.unscoped('employees').find((e) => e.login === 'huanglei')!.id : id))) s += 'd';
        if (exp.ok) s += 'x';
        if (!imp.errors.some((e) => e.code.startsWith('perm'))) s += 'i';
        if (s) got[entity] = s;
      }
      expect(got).toEqual(perms);
    });
  }
});

describe('scopes: each employee of the demo sees a different list of customers', () => {
  const ws = loadDemoWorkspace();
  const idOf = (login: string) => ws.employees.find((e) => e.login === login)!.id;
  const ownedBy = (...logins: string[]) => ws.customers.filter((c) => logins.map(idOf).includes(String(c.ownerId))).map((c) => c.id).sort();
  const seen = (login: string) => new Repo(structuredClone(ws), { actor: login }).all('customers').map((c) => c.id).sort();

  it('a representative sees their own; the sales manager their department and the MICE team below it', () => {
    expect(seen('wangqiang')).toEqual(ownedBy('wangqiang'));
    expect(seen('chenjing')).toEqual(ownedBy('chenjing'));
    expect(seen('zhangli')).toEqual(ownedBy('zhangli', 'wangqiang', 'chenjing'));
    expect(seen('liuyang')).toEqual(ownedBy('liuyang', 'zhouhua'));
    expect(seen('sunli')).toHaveLength(200);
    expect(seen('admin')).toHaveLength(200);
    expect(seen('huanglei')).toEqual([]);
    const sizes = new Set(['wangqiang', 'chenjing', 'zhangli', 'liuyang', 'sunli'].map((l) => seen(l).length));
    expect(sizes.size).toBe(5);
  });

  it("a representative may not read, change or delete a colleague's customer, nor give their own away", () => {
    const w = structuredClone(ws);
    const repo = new Repo(w, { actor: 'wangqiang' });
    const other = w.customers.find((c) => c.ownerId === idOf('chenjing'))!;
    const mine = w.customers.find((c) => c.ownerId === idOf('wangqiang'))!;
    expect(repo.get('customers', other.id)).toBeUndefined();
    const t = makeT('en');
    const upd = repo.update('customers', other.id, { city: '杭州' });
    expect(upd.ok ? '' : errorText(t, 'customers', upd.errors[0])).toBe('not allowed: your role (销售代表 Sales representative) may edit Customers of their own records only');
    expect(refusedByPermission(repo.delete('customers', mine.id))).toBe(true);
    expect(refusedByPermission(repo.update('customers', mine.id, { ownerId: idOf('zhangli') }))).toBe(true);
    expect(repo.update('customers', mine.id, { city: '杭州' }).ok).toBe(true);
    // contacts follow their customer's owner
    const theirContact = w.contacts.find((p) => w.customers.find((c) => c.id === p.customerId)?.ownerId === idOf('chenjing'))!;
    expect(repo.get('contacts', theirContact.id)).toBeUndefined();
    expect(w.customers.find((c) => c.id === other.id)).toEqual(other);
  });

  it('a new record belongs to whoever creates it; a record of another owner is refused under scope own', () => {
    const w = structuredClone(ws);
    const repo = new Repo(w, { actor: 'wangqiang' });
    const r = repo.create('customers', { name: '新客人' });
    expect(r.ok && r.value.ownerId).toBe(idOf('wangqiang'));
    expect(refusedByPermission(repo.create('customers', { name: '别人的客人', ownerId: idOf('chenjing') }))).toBe(true);
  });

  it('the manager of a department may not hand out administrator rights or more than she has', () => {
    const w = structuredClone(ws);
    // give the sales manager the right to manage roles and employees, nothing more
    w.roles.find((r) => r.id === 'R0002')!.permissions.roles = { actions: ['view', 'create', 'edit'], scope: 'all' };
    w.roles.find((r) => r.id === 'R0002')!.permissions.employees = { actions: ['view', 'create', 'edit'], scope: 'all' };
    const repo = new Repo(w, { actor: 'zhangli' });
    expect(repo.create('roles', { name: '超级', isAdmin: true }).ok).toBe(false);
    expect(repo.create('roles', { name: '全看', permissions: { customers: { actions: ['view'], scope: 'all' } } }).ok).toBe(false);
    expect(repo.create('roles', { name: '部门只读', permissions: { customers: { actions: ['view'], scope: 'department' } } }).ok).toBe(true);
    expect(repo.update('employees', idOf('wangqiang'), { roleId: 'R0001' }).ok).toBe(false);
  });
});

describe('a role with no permissions', () => {
  it('sees no customers and every change is refused, leaving the workspace as it was', () => {
    const ws = loadDemoWorkspace();
    const root = new Repo(ws);
    const role = root.create('roles', { name: '实习生' });
    expect(role.ok && role.value.permissions).toEqual({});
    root.create('employees', { login: 'intern', name: '实习生小王', roleId: role.ok ? role.value.id : '', departmentId: 'B0001' });
    const before = JSON.stringify(ws);
    const repo = new Repo(ws, { actor: 'intern' });
    expect(repo.all('customers')).toEqual([]);
    expect(repo.count('customers')).toBe(0);
    expect(repo.get('customers', 'C0001')).toBeUndefined();
    expect(refusedByPermission(repo.create('customers', { name: 'x' }))).toBe(true);
    expect(refusedByPermission(repo.update('customers', 'C0001', { name: 'x' }))).toBe(true);
    expect(refusedByPermission(repo.delete('customers', 'C0001'))).toBe(true);
    expect(repo.exportable('customers').ok).toBe(false);
    expect(importTable(repo, 'customers', [{ line: 1, cells: ['name'] }, { line: 2, cells: ['x'] }]).applied).toBe(false);
    const zh = makeT('zh-CN');
    const del = repo.delete('customers', 'C0001');
    expect(del.ok ? '' : errorText(zh, 'customers', del.errors[0])).toBe('无权操作：你的角色（实习生）没有客户的“删除”权限');
    expect(repo.drainChanges()).toEqual([]);
    expect(JSON.stringify(ws)).toBe(before);
  });

  it('an inactive employee may do nothing; the administrator cannot be deactivated', () => {
    const ws = loadDemoWorkspace();
    const root = new Repo(ws);
    expect(root.update('employees', 'E0003', { active: false }).ok).toBe(true);
    expect(new Repo(ws, { actor: 'wangqiang' }).all('customers')).toEqual([]);
    expect(root.update('employees', 'E0001', { active: false }).ok).toBe(false);
    expect(root.update('employees', 'E0001', { roleId: 'R0003' }).ok).toBe(false);
  });
});

describe('care tasks and scopes', () => {
  it('an employee who sees every anniversary but only her own tasks does not try to make them again', () => {
    const ws = loadDemoWorkspace();
    const first = generateCareTasks(new Repo(ws), { now: NOW, today: '2026-05-03' });
    expect(first.created.length).toBeGreaterThan(0);
    const again = generateCareTasks(new Repo(ws, { actor: 'sunli' }), { now: NOW, today: '2026-05-03' });
    expect(again.created).toEqual([]);
    expect(again.refused).toEqual([]);
  });
});
