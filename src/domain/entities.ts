// One registry: entity name (as interface.md spells it) → schema, id prefix and the field
// that names a record. CLI verbs, import/export, forms and tables all look entities up here.
import { z } from 'zod';
import { Customer, Contact, Anniversary } from './customer.js';
import { Task } from './activity.js';
import { Lead, Opportunity, Contract, Order } from './sales.js';
import { Product, Category, Tier } from './catalog.js';
import { Ticket, Survey } from './service.js';
import { Employee, Role, Department } from './org.js';
import { fieldsOf, type FieldInfo, type Label } from './fields.js';

export const ENTITY_NAMES = [
  'customers', 'contacts', 'anniversaries', 'tasks', 'leads', 'opportunities', 'contracts',
  'orders', 'tickets', 'surveys', 'products', 'categories', 'tiers', 'employees', 'roles',
  'departments',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];
export const isEntityName = (s: string): s is EntityName => (ENTITY_NAMES as readonly string[]).includes(s);

export interface EntityDef {
  name: EntityName;
  label: Label;
  schema: z.ZodObject;
  prefix: string;
  /** the field shown when another record refers to this one, and matched by natural key */
  display: string;
  /** other natural keys an import may use for a reference (besides id and display) */
  keys: string[];
  /** values a new record gets when the user leaves them empty */
  defaults: Record<string, unknown>;
}

const def = (d: Omit<EntityDef, 'keys' | 'defaults'> & Partial<Pick<EntityDef, 'keys' | 'defaults'>>): EntityDef => ({
  keys: [], defaults: {}, ...d,
});

export const ENTITIES: Record<EntityName, EntityDef> = {
  customers: def({ name: 'customers', label: { en: 'Customers', zh: '客户' }, schema: Customer, prefix: 'C', display: 'name', keys: ['phone'], defaults: { kind: 'individual', stage: 'potential', tags: [] } }),
  contacts: def({ name: 'contacts', label: { en: 'Contacts', zh: '联系人' }, schema: Contact, prefix: 'P', display: 'name', keys: ['phone'], defaults: { isPrimary: false } }),
  anniversaries: def({ name: 'anniversaries', label: { en: 'Anniversaries', zh: '纪念日' }, schema: Anniversary, prefix: 'A', display: 'date', defaults: { remindDays: 7 } }),
  tasks: def({ name: 'tasks', label: { en: 'Tasks', zh: '任务' }, schema: Task, prefix: 'T', display: 'subject', defaults: { status: 'open', type: 'communication', priority: 'normal' } }),
  leads: def({ name: 'leads', label: { en: 'Leads', zh: '销售线索' }, schema: Lead, prefix: 'L', display: 'name', defaults: { status: 'new' } }),
  opportunities: def({ name: 'opportunities', label: { en: 'Opportunities', zh: '销售机会' }, schema: Opportunity, prefix: 'O', display: 'name', defaults: { stage: 'prospecting' } }),
  contracts: def({ name: 'contracts', label: { en: 'Contracts', zh: '合同' }, schema: Contract, prefix: 'K', display: 'title', defaults: { status: 'draft', type: 'rate' } }),
  orders: def({ name: 'orders', label: { en: 'Orders', zh: '订单' }, schema: Order, prefix: 'D', display: 'id', defaults: { paymentStatus: 'unpaid', type: 'room', status: 'confirmed', items: [] } }),
  tickets: def({ name: 'tickets', label: { en: 'Service tickets', zh: '服务工单' }, schema: Ticket, prefix: 'W', display: 'subject', defaults: { status: 'received', type: 'consultation', steps: [] } }),
  surveys: def({ name: 'surveys', label: { en: 'Surveys', zh: '满意度调查' }, schema: Survey, prefix: 'V', display: 'date', defaults: { scores: {}, scale: 5 } }),
  products: def({ name: 'products', label: { en: 'Products', zh: '产品' }, schema: Product, prefix: 'G', display: 'name', defaults: { status: 'active' } }),
  categories: def({ name: 'categories', label: { en: 'Product categories', zh: '产品分类' }, schema: Category, prefix: 'Y', display: 'name' }),
  tiers: def({ name: 'tiers', label: { en: 'Membership tiers', zh: '会员等级' }, schema: Tier, prefix: 'M', display: 'name' }),
  employees: def({ name: 'employees', label: { en: 'Employees', zh: '员工' }, schema: Employee, prefix: 'E', display: 'name', keys: ['login'], defaults: { active: true } }),
  roles: def({ name: 'roles', label: { en: 'Roles', zh: '角色' }, schema: Role, prefix: 'R', display: 'name', defaults: { permissions: {}, isAdmin: false } }),
  departments: def({ name: 'departments', label: { en: 'Departments', zh: '部门' }, schema: Department, prefix: 'B', display: 'name' }),
};

const fieldCache = new Map<EntityName, FieldInfo[]>();
export function entityFields(name: EntityName): FieldInfo[] {
  let fl = fieldCache.get(name);
  if (!fl) fieldCache.set(name, (fl = fieldsOf(ENTITIES[name].schema)));
  return fl;
}
/** Fields a person or a script sets (not id, timestamps or structured sub-records). */
export const editableFields = (name: EntityName): FieldInfo[] =>
  entityFields(name).filter((fi) => !fi.system && fi.kind !== 'json');

export function formatId(prefix: string, n: number): string {
  return prefix + String(n).padStart(4, '0');
}
