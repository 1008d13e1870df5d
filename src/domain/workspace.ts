// The workspace document: every entity's records, value lists, settings and id counters,
// stamped with a format name and schema version so a foreign or newer file is refused.
import { z } from 'zod';
import { ENTITY_NAMES, formatId, type EntityName } from './entities.js';
import { BUILTIN_ROLES } from './builtin-roles.js';
import { ValueLists, DEFAULT_VALUE_LISTS, upgradeValueLists } from './values.js';
import { Organisation, Employee, Role, Department } from './org.js';
import { isTimeZone } from './zoned-time.js';
import { Customer, Contact, Anniversary } from './customer.js';
import { Task } from './activity.js';
import { Lead, Opportunity, Contract, Order } from './sales.js';
import { Product, Category, Tier } from './catalog.js';
import { Ticket, Survey } from './service.js';
import { AnalyticsSettings } from './analytics/settings.js';

export const WORKSPACE_FORMAT = 'hotel-crm-workspace';
/** 2: money in integer fen (1 kept float yuan); 3: tickets walk received → … → closed (2 had
 *  accepted first); 4: an order's total is the sum of its lines (3 kept a typed-in total, often
 *  without lines) and an order has a status. Older files are migrated on open (migrate.ts) */
export const SCHEMA_VERSION = 4;

export const Settings = z.object({
  lang: z.enum(['zh-CN', 'en']).optional(),
  ascii: z.boolean().optional(),
  adminLogin: z.string().default('admin'),
  /** the hotel's time zone (Asia/Shanghai): exports write times on its clock. Set at init from
   *  the machine's; a workspace without one (or with a name Intl does not know) uses the
   *  machine's. Optional, so files of earlier versions need no migration. */
  timeZone: z.string().refine(isTimeZone).optional().catch(undefined),
  /** the lab (实训) this workspace was started for (`lab start`): the app shows its panel */
  lab: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional().catch(undefined),
  /** a team lab on a shared hotel (`lab start ID --team`): when its starting data was loaded;
   *  grading credits the saves after it */
  labSince: z.iso.datetime({ offset: true }).optional().catch(undefined),
  /** the care reports' thresholds, weights and margins (analytics/settings.ts); unset: defaults */
  analytics: AnalyticsSettings.optional(),
});

const list = <T extends z.ZodType>(s: T) => z.array(s).default([]);
const collections = {
  customers: list(Customer), contacts: list(Contact), anniversaries: list(Anniversary), tasks: list(Task),
  leads: list(Lead), opportunities: list(Opportunity), contracts: list(Contract), orders: list(Order),
  tickets: list(Ticket), surveys: list(Survey), products: list(Product), categories: list(Category), tiers: list(Tier),
  employees: list(Employee), roles: list(Role), departments: list(Department),
} satisfies Record<EntityName, unknown>;
// the registry and the workspace must name the same entities
void (ENTITY_NAMES satisfies readonly (keyof typeof collections)[]);

export const Workspace = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  createdAt: z.string(),
  /** identity: a journal names the snapshot it extends (id) and which write of it (generation);
   *  files from before identities get one when first opened */
  id: z.string().min(1).default(() => globalThis.crypto.randomUUID()),
  /** +1 each time the snapshot is written */
  generation: z.number().int().nonnegative().default(0),
  settings: Settings.default({ adminLogin: 'admin' }),
  organisation: Organisation.default({ name: '', nameEn: '', address: '', phone: '', stars: 0, currency: 'CNY' }),
  // a workspace made by an earlier version gets today's course terms (values.ts)
  valueLists: ValueLists.default(DEFAULT_VALUE_LISTS).transform(upgradeValueLists),
  counters: z.record(z.string(), z.number().int().nonnegative()).default({}),
  ...collections,
});
export type Workspace = z.infer<typeof Workspace>;
export type EntityRecord = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string };

/** A new workspace with the built-in roles and the administrator's account (its creator). */
export function emptyWorkspace(now: string, timeZone?: string): Workspace {
  const ws = Workspace.parse({ format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, createdAt: now });
  if (timeZone && isTimeZone(timeZone)) ws.settings.timeZone = timeZone;
  BUILTIN_ROLES.forEach((r, i) => {
    ws.roles.push({ id: formatId('R', i + 1), name: r.name, permissions: structuredClone(r.permissions), isAdmin: r.isAdmin, createdAt: now, updatedAt: now });
  });
  ws.employees.push({ id: 'E0001', login: 'admin', name: '管理员 Admin', roleId: 'R0001', active: true, createdAt: now, updatedAt: now });
  ws.counters = { roles: BUILTIN_ROLES.length, employees: 1 };
  ws.valueLists = structuredClone(DEFAULT_VALUE_LISTS);
  return ws;
}
