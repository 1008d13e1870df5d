import { z } from 'zod';
import { f } from './fields.js';

/** what a role may do with an entity's records ('import' came later: old roles simply lack it) */
export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export', 'import'] as const;
/** over which records: those the employee owns, those of their department (and below), all */
export const SCOPES = ['own', 'department', 'all'] as const;
export const Permission = z.object({
  actions: z.array(z.enum(ACTIONS)),
  scope: z.enum(SCOPES),
});

export const Department = z.object({
  id: f.id({ en: 'Code', zh: '部门编号' }),
  name: f.text({ en: 'Name', zh: '部门名称' }, { required: true, aliases: ['名称', '部门'] }),
  parentId: f.ref({ en: 'Parent', zh: '上级部门' }, 'departments'),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Department = z.infer<typeof Department>;

export const Role = z.object({
  id: f.id({ en: 'Code', zh: '角色编号' }),
  name: f.text({ en: 'Name', zh: '角色名称' }, { required: true, aliases: ['名称', '角色'] }),
  /** entity name → what the role may do with it, and over which records */
  permissions: f.json({ en: 'Permissions', zh: '权限' }, z.record(z.string(), Permission).default({})),
  isAdmin: f.bool({ en: 'Administrator', zh: '管理员' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Role = z.infer<typeof Role>;

export const Employee = z.object({
  id: f.id({ en: 'Code', zh: '员工编号' }),
  login: f.text({ en: 'Login', zh: '登录名' }, { required: true, max: 40, aliases: ['用户名', '账号'] }),
  name: f.text({ en: 'Name', zh: '姓名' }, { required: true, aliases: ['员工姓名'] }),
  roleId: f.ref({ en: 'Role', zh: '角色' }, 'roles', { required: true }),
  departmentId: f.ref({ en: 'Department', zh: '部门' }, 'departments'),
  phone: f.phone({ en: 'Phone', zh: '电话' }, { aliases: ['手机'] }),
  email: f.email({ en: 'Email', zh: '邮箱' }),
  active: f.bool({ en: 'Active', zh: '在职' }),
  /** the server login (unix user) this employee works as in a shared hotel (PostgreSQL) */
  unixUser: f.text({ en: 'Unix user', zh: '系统账号' }, { max: 32, aliases: ['unix user', '服务器账号'] }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Employee = z.infer<typeof Employee>;

/** The hotel itself (settings, `org`): its name in both languages, where it is, its star
 *  rating and the currency its prices are in. Added fields have defaults: older files parse. */
export const Organisation = z.object({
  name: z.string().max(200).default(''),
  nameEn: z.string().max(200).default(''),
  address: z.string().max(200).default(''),
  phone: z.string().max(40).default(''),
  stars: z.number().int().min(0).max(5).default(0),
  /** ISO 4217 code; the course's hotels price in yuan */
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
});
export const ORG_FIELDS = ['name', 'nameEn', 'address', 'phone', 'stars', 'currency'] as const;
export type Organisation = z.infer<typeof Organisation>;
