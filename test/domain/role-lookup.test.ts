// `server add-employee LOGIN --role R`: the role an instructor names, by code, built-in code,
// name or word; a word two roles share is refused rather than guessed.
import { describe, expect, it } from 'vitest';
import { findRole } from '../../src/domain/role-lookup.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';

const roles = emptyWorkspace('2026-11-26T00:00:00Z').roles as { id: string; name: string }[];
const found = (text: string) => {
  const r = findRole(roles, text);
  return 'role' in r ? String(r.role.name) : 'ambiguous' in r ? `ambiguous: ${r.ambiguous.map((x) => x.id).join(',')}` : 'none';
};

describe('naming a role', () => {
  it('by its code, its built-in code, its whole name, or either language of it', () => {
    const rep = roles.find((r) => r.name.includes('Sales representative'))!;
    expect(found(rep.id.toLowerCase())).toBe(rep.name);
    expect(found('salesRep')).toBe(rep.name);
    expect(found('SALESREP')).toBe(rep.name);
    expect(found('销售代表')).toBe(rep.name);
    expect(found('Sales representative')).toBe(rep.name);
    expect(found('representative')).toBe(rep.name);
    expect(found('admin')).toContain('Administrator');
  });
  it('a word two roles share names neither; an unknown word names none', () => {
    expect(found('sales')).toMatch(/^ambiguous: R\d+,R\d+$/);
    expect(found('janitor')).toBe('none');
    expect(found('  ')).toBe('none');
  });
});
