import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { refScope } from '../../src/domain/entity-rules.js';

describe('a reference scoped by another field of the record', () => {
  it("is declared, not branched on: an anniversary's contact is scoped by its customer", () => {
    expect(refScope('anniversaries', 'contactId')).toMatchObject({ by: 'customerId', match: 'customerId' });
    expect(refScope('anniversaries', 'customerId')).toBeUndefined();
  });

  it("refuses, on create and on update, a contact of another customer; accepts the customer's own", () => {
    const { repo } = freshRepo();
    const a = repo.create('customers', { name: '甲公司' });
    const b = repo.create('customers', { name: '乙公司' });
    if (!a.ok || !b.ok) throw new Error('setup');
    const pa = repo.create('contacts', { name: '王经理', customerId: a.value.id });
    const pb = repo.create('contacts', { name: '李经理', customerId: b.value.id });
    if (!pa.ok || !pb.ok) throw new Error('setup');
    const bad = repo.create('anniversaries', { customerId: a.value.id, contactId: pb.value.id, kind: 'birthday', date: '1980-01-01' });
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['contactId:contactOfOtherCustomer']);
    const good = repo.create('anniversaries', { customerId: a.value.id, contactId: pa.value.id, kind: 'birthday', date: '1980-01-01' });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const moved = repo.update('anniversaries', good.value.id, { contactId: pb.value.id });
    expect(moved.ok).toBe(false);
    expect(repo.get('anniversaries', good.value.id)?.contactId).toBe(pa.value.id);
  });
});
