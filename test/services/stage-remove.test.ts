// Removing an opportunity stage through the Repo counts the opportunities at it and those lost at it.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';

describe('Repo.editValues on the stages', () => {
  it('refuses to remove a stage opportunities are at or were lost at (saying how many), then removes it once none is', () => {
    const { repo } = freshRepo();
    const c = repo.create('customers', { name: '钱塘会展' });
    if (!c.ok) throw new Error('customer');
    const a = repo.create('opportunities', { name: '春季展会', customerId: c.value.id, stage: 'needs', amount: 100000 });
    const b = repo.create('opportunities', { name: '秋季展会', customerId: c.value.id, stage: 'lost', lostStage: 'needs', amount: 100000 });
    if (!a.ok || !b.ok) throw new Error('opps');
    const before = JSON.stringify(repo.ws.valueLists.oppStage);
    const r = repo.editValues('oppStage', { op: 'remove', code: 'needs' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'valueInUse', params: { value: 'needs', count: 2 } });
    expect(JSON.stringify(repo.ws.valueLists.oppStage)).toBe(before);
    repo.update('opportunities', a.value.id, { stage: 'proposal' });
    repo.update('opportunities', b.value.id, { lostStage: 'proposal' });
    const ok = repo.editValues('oppStage', { op: 'remove', code: 'needs' });
    expect(ok.ok && ok.value.map((v) => v.code)).toEqual(['prospecting', 'proposal', 'negotiation', 'won', 'lost']);
  });
});
