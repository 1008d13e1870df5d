// Once enough records of an entity were checked, they are checked with its schema compiled
// (z.compile): the same records pass, built the same, and a bad one is refused with the same
// problems, word for word, as before the switch.
import { describe, expect, it } from 'vitest';
import { COMPILE_AFTER, checkingSchema } from '../../src/domain/compiled-schema.js';
import { ENTITIES } from '../../src/domain/entities.js';
import { freshRepo } from '../helpers/workspace.js';

const bad = { name: ' ', phone: '12', email: 'x@', birthday: '1997-02-30', points: -1, tags: ['ok', ''] };
const good = { name: '王先生', phone: '13800000001', birthday: '1997-02-28', tags: ['vip'], quantValue: 123456 };

describe('checking with a compiled schema', () => {
  it('switches after COMPILE_AFTER records, with the same answers for good and bad records', () => {
    const { repo } = freshRepo();
    const before = repo.create('customers', bad);
    const first = repo.create('customers', good, { allowDuplicate: true });
    expect(before.ok).toBe(false);
    expect(first.ok).toBe(true);
    for (let i = 0; i < COMPILE_AFTER; i++) expect(repo.create('customers', { name: `学生${i}` }).ok).toBe(true);
    expect(checkingSchema('customers')).not.toBe(ENTITIES.customers.schema);
    const after = repo.create('customers', bad);
    expect(after).toEqual(before);
    const second = repo.create('customers', good, { allowDuplicate: true });
    if (!first.ok || !second.ok) throw new Error('refused');
    // the same record, key for key in the same order, but for its id
    expect(JSON.stringify({ ...second.value, id: '' })).toBe(JSON.stringify({ ...first.value, id: '' }));
  });
});
