// The schemas of a change and a batch: the one check every journal record passes before it is applied.
import { describe, expect, it } from 'vitest';
import { applyBatch, parseBatch } from '../../src/domain/change.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';

const at = '2026-11-25T10:00:00.000Z';
const put = (id: string, name: string) => ({ op: 'put', e: 'customers', r: { id, name, kind: 'individual', stage: 'potential', tags: [], createdAt: at, updatedAt: at } });

describe('applyBatch', () => {
  it('checks every change before applying any: one bad change leaves the workspace as it was', () => {
    const ws = emptyWorkspace(at);
    const before = JSON.stringify(ws);
    const r = applyBatch(ws, { at, by: 'admin', changes: [put('C0001', 'A'), { op: 'counters', c: { customers: 'x' } }] });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(ws)).toBe(before);
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ change: 1, field: 'counters.customers' })]);
  });

  it('applies a good batch: records pass their schema (defaults filled), counters merge, deletes by id', () => {
    const ws = emptyWorkspace(at);
    expect(applyBatch(ws, { at, by: 'admin', changes: [put('C0001', 'A'), put('C0002', 'B'), { op: 'del', e: 'customers', id: 'C0001' }, { op: 'counters', c: { customers: 2 } }] }).ok).toBe(true);
    expect(ws.customers.map((c) => c.id)).toEqual(['C0002']);
    expect(ws.counters).toMatchObject({ customers: 2, roles: ws.roles.length });
  });

  it('names the entity, id and field of what is wrong', () => {
    const r = parseBatch({ at, by: 'x', changes: [{ op: 'put', e: 'customers', r: { id: 'C0009', name: 'n', kind: 'individual', stage: 'potential', tags: [], phone: 7, createdAt: at, updatedAt: at } }, { op: 'settings', s: null }, { op: 'put', e: 'customers' }] });
    expect(r.ok ? [] : r.problems.map((p) => `${p.change} ${p.entity ?? ''} ${p.id ?? ''} ${p.field}`)).toEqual(['0 customers C0009 phone', '1   settings', '2 customers  record']);
  });

  it('refuses a batch without a time or with an unknown op or entity', () => {
    expect(parseBatch({ by: 'x', changes: [] }).ok).toBe(false);
    expect(parseBatch({ at, by: 'x', changes: [{ op: 'drop' }] }).ok).toBe(false);
    expect(parseBatch({ at, by: 'x', changes: [{ op: 'del', e: 'passwords', id: '1' }] }).ok).toBe(false);
  });
});
