// The roles a hotel starts from (every new workspace and the demo have them; all editable).
// Each is a matrix: entity → the actions allowed and the scope they reach (permissions.ts).
import type { z } from 'zod';
import type { EntityName } from './entities.js';
import type { Permission } from './org.js';
import type { Action, Scope } from './permissions.js';

type Perms = Partial<Record<EntityName, z.infer<typeof Permission>>>;
const ALL: Action[] = ['view', 'create', 'edit', 'delete', 'export', 'import'];
const WORK: Action[] = ['view', 'create', 'edit'];

const grant = (scope: Scope, actions: Action[], ...entities: EntityName[]): Perms =>
  Object.fromEntries(entities.map((e) => [e, { actions: [...actions], scope }]));

/** reference data everyone reads: the catalogue and who is who */
const READ_REFERENCE: Perms = grant('all', ['view'], 'products', 'categories', 'tiers', 'employees', 'departments');

export interface BuiltinRole {
  /** a stable code for tests and docs */
  code: 'admin' | 'salesManager' | 'salesRep' | 'frontOffice' | 'service';
  name: string;
  isAdmin: boolean;
  permissions: Perms;
}

export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  { code: 'admin', name: '系统管理员 Administrator', isAdmin: true, permissions: {} },
  {
    // leads the sales & marketing department: everything on its department's sales records
    code: 'salesManager',
    name: '销售经理 Sales manager',
    isAdmin: false,
    permissions: {
      ...READ_REFERENCE,
      ...grant('department', ALL, 'customers', 'contacts', 'anniversaries', 'tasks', 'leads', 'opportunities', 'contracts', 'orders'),
      ...grant('department', ['view', 'export'], 'tickets', 'surveys'),
      ...grant('all', ['view', 'create', 'edit'], 'products', 'categories', 'tiers'),
    },
  },
  {
    // works their own accounts; may not delete or import
    code: 'salesRep',
    name: '销售代表 Sales representative',
    isAdmin: false,
    permissions: {
      ...READ_REFERENCE,
      ...grant('own', [...WORK, 'export'], 'customers', 'contacts', 'anniversaries', 'tasks', 'leads', 'opportunities'),
      ...grant('own', WORK, 'contracts', 'orders'),
      ...grant('own', ['view'], 'tickets', 'surveys'),
    },
  },
  {
    // the front desk: the department's guests, their stays and first-line service requests
    code: 'frontOffice',
    name: '前台接待 Front-office agent',
    isAdmin: false,
    permissions: {
      ...READ_REFERENCE,
      ...grant('department', WORK, 'customers', 'contacts', 'anniversaries', 'orders'),
      ...grant('department', ['view', 'create'], 'tickets'),
      ...grant('own', WORK, 'tasks'),
    },
  },
  {
    // guest relations and quality: reads every guest, handles every ticket and survey
    code: 'service',
    name: '客服质检 Service & quality agent',
    isAdmin: false,
    permissions: {
      ...READ_REFERENCE,
      ...grant('all', ['view'], 'customers', 'contacts', 'anniversaries', 'orders'),
      ...grant('all', [...WORK, 'export'], 'tickets'),
      ...grant('all', [...WORK, 'export', 'import'], 'surveys'),
      ...grant('own', WORK, 'tasks'),
    },
  },
];
