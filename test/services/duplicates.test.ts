// One rule for natural keys everywhere: a second customer with the same mobile is refused by
// the service that the forms and `add` use, unless the caller says a duplicate is meant.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';

describe('natural keys', () => {
  it('refuses a second customer with the same mobile, naming the one that has it, and adds nothing', () => {
    const { repo } = freshRepo();
    expect(repo.create('customers', { name: '王先生', phone: '13800000000' }).ok).toBe(true);
    const r = repo.create('customers', { name: '王小明', phone: '13800000000' });
    expect(r.ok || r.errors).toEqual([{ field: 'phone', code: 'duplicateKey', params: { value: '13800000000', other: 'C0001' } }]);
    expect(repo.count('customers')).toBe(1);
    expect(repo.create('customers', { name: '王小明', phone: '13800000000' }, { allowDuplicate: true }).ok).toBe(true);
    expect(repo.count('customers')).toBe(2);
  });

  it('refuses an update that takes another record\'s mobile, and keeps an unchanged duplicate editable', () => {
    const { repo } = freshRepo();
    repo.create('customers', { name: 'A', phone: '13800000001' });
    repo.create('customers', { name: 'B', phone: '13800000002' });
    const r = repo.update('customers', 'C0002', { phone: '13800000001' });
    expect(r.ok || r.errors[0]).toMatchObject({ field: 'phone', code: 'duplicateKey', params: { other: 'C0001' } });
    expect(repo.get('customers', 'C0002')!.phone).toBe('13800000002');
    repo.create('customers', { name: 'C', phone: '13800000001' }, { allowDuplicate: true });
    expect(repo.update('customers', 'C0003', { name: 'C renamed' }).ok).toBe(true);
  });

  it('customers without a mobile are never duplicates of each other', () => {
    const { repo } = freshRepo();
    expect(repo.create('customers', { name: 'X' }).ok).toBe(true);
    expect(repo.create('customers', { name: 'Y' }).ok).toBe(true);
  });
});
