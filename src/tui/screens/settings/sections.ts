// The record lists of the settings screen (screen 9): departments, employees, roles, the
// product catalogue. Each is a RecordScreen configuration; roles add the permission matrix.
import type { ComponentType } from 'react';
import type { EntityName } from '../../../domain/entities.js';
import { treeOrder } from '../../../domain/tree.js';
import { ValuesSection } from './ValuesSection.js';
import { OrgSection } from './OrgSection.js';
import type { T } from '../../../i18n/index.js';
import type { Column } from '../../components/Table.js';
import type { ScreenConfig } from '../records/RecordScreen.js';
import { needsRecord, type RecordCommand, type RecordCtx } from '../records/commands.js';

type Col = [key: string, en: string, zh: string, width: number | 'flex'];
const cols = (list: Col[]) => (_w: number, t: T): Column[] =>
  list.map(([key, en, zh, width]) => ({ key, title: t.lang === 'en' ? en : zh, width, ...(width === 'flex' ? { minWidth: 10 } : {}) }));

const simple = (entity: EntityName, columns: Col[], search: string[], extra: Partial<ScreenConfig> = {}): ScreenConfig => ({
  entity,
  columns: cols(columns),
  searchFields: ['id', ...search],
  nameField: 'name',
  sortFields: ['id', 'name'],
  ...extra,
});

/** p on a role: edit its permission matrix (the settings screen supplies the editor) */
export const rolePermissionsCommand = (open: (c: RecordCtx) => void): RecordCommand => ({
  id: 'roles.permissions',
  keys: ['p'],
  description: 'settings.editPermissions',
  footer: { label: 'settings.hintPermissions', drop: 2 },
  unavailable: (c) => c.app.cannotWrite() ?? needsRecord(c),
  run: open,
});

export interface SettingsSection {
  name: string;
  title: { en: string; zh: string };
  /** a record list, or */
  config?: ScreenConfig;
  /** a view of its own (the hotel's profile, the value lists) */
  component?: ComponentType<{ active: boolean; width: number; height: number }>;
}

/** A tree of records (categories, departments): each under its parent, the name indented. */
const tree = (entity: EntityName): Partial<ScreenConfig> => ({
  deskOrder: (recs) => treeOrder(recs).map((x) => x.rec),
  cell: (key, rec, repo) => {
    if (key !== 'name') return undefined;
    let depth = 0;
    const seen = new Set([rec.id]);
    for (let p = rec.parentId; typeof p === 'string' && !seen.has(p) && depth < 8; depth++) {
      seen.add(p);
      p = repo.get(entity, p)?.parentId;
    }
    return `${'  '.repeat(depth)}${String(rec.name ?? '')}`;
  },
});

export function settingsSections(openMatrix: (c: RecordCtx) => void): SettingsSection[] {
  return [
    {
      name: 'departments', title: { en: 'Departments', zh: '部门' },
      config: simple('departments', [['id', 'Code', '编号', 5], ['name', 'Name', '部门名称', 'flex'], ['parentId', 'Parent', '上级部门', 24]], ['name'], tree('departments')),
    },
    {
      name: 'employees', title: { en: 'Employees', zh: '员工' },
      config: simple('employees', [['id', 'Code', '编号', 5], ['login', 'Login', '登录名', 12], ['name', 'Name', '姓名', 10], ['roleId', 'Role', '角色', 'flex'], ['departmentId', 'Department', '部门', 18], ['active', 'Active', '在职', 6]], ['login', 'name', 'phone'], {
        sortFields: ['id', 'name', 'login', 'roleId', 'departmentId'],
      }),
    },
    {
      name: 'roles', title: { en: 'Roles', zh: '角色' },
      config: simple('roles', [['id', 'Code', '编号', 5], ['name', 'Name', '角色名称', 'flex'], ['isAdmin', 'Administrator', '管理员', 14]], ['name'], {
        commands: [rolePermissionsCommand(openMatrix)],
      }),
    },
    {
      name: 'products', title: { en: 'Products', zh: '产品' },
      config: simple('products', [['id', 'Code', '编号', 5], ['name', 'Name', '产品名称', 'flex'], ['categoryId', 'Category', '分类', 14], ['unit', 'Unit', '单位', 6], ['price', 'Price', '价格', 10], ['status', 'Status', '状态', 6]], ['name', 'spec'], {
        sortFields: ['id', 'name', 'categoryId', 'status'],
      }),
    },
    {
      name: 'categories', title: { en: 'Categories', zh: '产品分类' },
      config: simple('categories', [['id', 'Code', '编号', 5], ['name', 'Name', '分类名称', 'flex'], ['parentId', 'Parent', '上级分类', 24]], ['name'], tree('categories')),
    },
    { name: 'values', title: { en: 'Value lists', zh: '数据字典' }, component: ValuesSection },
    { name: 'organisation', title: { en: 'Hotel', zh: '酒店信息' }, component: OrgSection },
  ];
}
