import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateWorkspace } from '../../src/domain/migrate.js';
import { Workspace, SCHEMA_VERSION } from '../../src/domain/workspace.js';
import { generateWorkspace } from '../../scripts/demo-generator.js';

const FIXTURE = new URL('../fixtures/v1-demo-workspace.json', import.meta.url);
const v1 = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

describe('migrating a version 1 workspace (money in float yuan)', () => {
  it('turns the v1 demo hotel into exactly the demo hotel of today (money in fen)', () => {
    const old = v1();
    expect(old.version).toBe(1);
    const migrated = Workspace.parse(migrateWorkspace(old));
    // the shipped demo carries no identity (id, generation): each workspace gets its own
    const { id: _id, generation: _gen, ...content } = migrated;
    // the v1 demo predates the service tickets of the demo of today, and had other employees, roles and departments (permissions came later): the
    // records and amounts are compared, the organisation and who owns whom are not
    const records = (w: Record<string, unknown>) => {
      const { roles: _r, employees: _e, departments: _d, tiers: _t, counters, customers, ...rest } = w as typeof migrated;
      const { roles: _rc, employees: _ec, departments: _dc, ...keptCounters } = counters;
      // membership came later too: the tiers of seed 001 ch.5, and balances kept in a ledger
      const loyal = ['ownerId', 'tierId', 'points', 'pointsLedger', 'tierHistory'];
      return { ...rest, counters: keptCounters, customers: customers.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !loyal.includes(k)))) };
    };
    // the demo's opportunities (the funnel), its packages and services, and the lostReason list came after version 1 too
    // (a workspace without a list reads the default one); so did its service tickets, contracts and orders
    const today = generateWorkspace({ customers: 200, related: true, service: false, catalogue: false, sales: false, orders: false });
    today.opportunities = [];
    delete today.counters.opportunities;
    // and so did its desk of tasks
    today.tasks = [];
    delete today.counters.tasks;
    delete today.valueLists.lostReason;
    for (const l of ['orderStatus', 'roomType', 'stayStatus', 'bookingChannel', 'marketSegment']) delete today.valueLists[l];
    // so did the recovery measures' and the survey indicators' lists
    delete today.valueLists.recoveryKind;
    delete today.valueLists.surveyIndicator;
    delete today.valueLists.pointKind;
    // and the churn reasons (churn warning)
    delete today.valueLists.churnReason;
    // and the analytics' segments and layers
    delete today.valueLists.rfmSegment;
    delete today.valueLists.pyramidLayer;
    // and the tasks' priorities
    delete today.valueLists.taskPriority;
    expect(records(content)).toEqual(records(today));
    expect(migrated.version).toBe(SCHEMA_VERSION);
    expect(migrated.products.find((p) => p.id === 'G0003')!.price).toBe(168800);
  });

  it('converts every amount, nested ones too, without float noise, and leaves its input alone', () => {
    const raw = {
      format: 'hotel-crm-workspace', version: 1, createdAt: '2026-09-01T00:00:00.000Z',
      customers: [{ id: 'C0001', name: '王先生', kind: 'individual', stage: 'first', quantValue: 0.1 + 0.2, tags: [], createdAt: 'x', updatedAt: 'x' }],
      orders: [{
        id: 'D0001', customerId: 'C0001', type: 'room', date: '2026-09-01', paymentStatus: 'paid', total: 1234.5,
        items: [{ description: '早餐', qty: 3, unitPrice: 0.29 }, { description: '房费', qty: 1, unitPrice: 1.15 }],
        stay: { roomType: '大床房', checkIn: '2026-09-01', checkOut: '2026-09-03', rooms: 1, rate: 588.1 },
        createdAt: 'x', updatedAt: 'x',
      }],
      opportunities: [{ id: 'O0001', name: 'x', customerId: 'C0001', stage: 'won', amount: 99999999.99, createdAt: 'x', updatedAt: 'x' }],
    };
    const before = JSON.stringify(raw);
    const out = migrateWorkspace(raw) as typeof raw;
    expect(JSON.stringify(raw)).toBe(before);
    expect(out.version).toBe(SCHEMA_VERSION);
    expect(out.customers[0].quantValue).toBe(30);
    expect(out.orders[0].total).toBe(123450);
    // (and, at version 4, a line of the difference to the total the lines and stay do not make)
    expect(out.orders[0].items.map((i) => i.unitPrice)).toEqual([29, 115, 123450 - 87 - 115 - 2 * 58810]);
    expect(out.orders[0].items[0].qty).toBe(3);
    expect(out.orders[0].stay.rate).toBe(58810);
    expect(out.opportunities[0].amount).toBe(9999999999);
    expect(Workspace.safeParse(out).success).toBe(true);
  });

  it('leaves a current workspace as it is, and a bad amount for the schema to refuse', () => {
    const current = { format: 'hotel-crm-workspace', version: SCHEMA_VERSION, customers: [{ id: 'C0001', quantValue: 100 }] };
    expect(migrateWorkspace(current)).toBe(current);
    const bad = migrateWorkspace({ format: 'hotel-crm-workspace', version: 1, createdAt: 'x', products: [{ id: 'G1', name: 'x', status: 'active', price: 'free', createdAt: 'x', updatedAt: 'x' }] });
    expect((bad.products as { price: unknown }[])[0].price).toBe('free');
    expect(Workspace.safeParse(bad).success).toBe(false);
  });
});
