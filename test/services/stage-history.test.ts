// A customer's lifecycle history: kept by the services on every stage change, with time and
// the acting employee; nobody sets it by hand; it survives export and import; old workspaces
// have none.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { Repo } from '../../src/services/repo.js';
import { importTable, tableFromJson } from '../../src/services/import.js';
import { exportTable } from '../../src/services/export.js';
import { makeT } from '../../src/i18n/index.js';
import { parseCsv, stringifyCsv } from '../../src/text/csv.js';
import { migrateWorkspace } from '../../src/domain/migrate.js';
import { Workspace } from '../../src/domain/workspace.js';
import { editableFields } from '../../src/domain/entities.js';

const T0 = new Date('2026-10-01T08:00:00.000Z');
const T1 = new Date('2026-10-02T09:30:00.000Z');

function repoAs(actor: string) {
  const ws = emptyWorkspace(T0.toISOString());
  // a second employee, with the administrator's role (permissions are not what is tested here)
  ws.employees.push({ id: 'E0002', login: 'zhangli', name: '张丽', roleId: 'R0001', active: true, createdAt: T0.toISOString(), updatedAt: T0.toISOString() });
  let now = T0;
  const repo = new Repo(ws, { actor, clock: () => now });
  return { ws, repo, at: (d: Date) => (now = d) };
}

describe('stage history', () => {
  it('a new customer starts with its first stage; each move adds from, to, time and the acting login', () => {
    const { repo, at } = repoAs('zhangli');
    const c = repo.create('customers', { name: '王先生', stage: 'potential' });
    expect(c.ok && c.value.stageHistory).toEqual([{ to: 'potential', at: T0.toISOString(), by: 'zhangli' }]);
    at(T1);
    repo.update('customers', 'C0001', { stage: 'target' });
    expect(repo.get('customers', 'C0001')!.stageHistory).toEqual([
      { to: 'potential', at: T0.toISOString(), by: 'zhangli' },
      { from: 'potential', to: 'target', at: T1.toISOString(), by: 'zhangli' },
    ]);
    // a change of anything else adds nothing
    repo.update('customers', 'C0001', { city: '杭州' });
    expect(repo.get('customers', 'C0001')!.stageHistory).toHaveLength(2);
  });

  it('a patch that brings its own history is not taken: the stored one stays', () => {
    const { repo } = repoAs('admin');
    repo.create('customers', { name: '王先生' });
    const forged = [{ from: 'non', to: 'loyal', at: '2020-01-01T00:00:00.000Z', by: 'someone' }];
    const r = repo.update('customers', 'C0001', { stageHistory: forged });
    expect(r.ok && r.changed).toBe(false);
    expect(repo.get('customers', 'C0001')!.stageHistory).toEqual([{ to: 'potential', at: T0.toISOString(), by: 'admin' }]);
  });

  it('is no field a flag or a form sets', () => {
    expect(editableFields('customers').map((f) => f.name)).not.toContain('stageHistory');
  });

  it('goes out in a CSV export and comes back with an import into another workspace', () => {
    const { repo, at } = repoAs('zhangli');
    repo.create('customers', { name: '王先生', phone: '13800000000' });
    at(T1);
    repo.update('customers', 'C0001', { stage: 'first' });
    const table = exportTable(repo, 'customers', makeT('zh-CN'));
    const { repo: other } = repoAs('admin');
    const r = importTable(other, 'customers', parseCsv(stringifyCsv(table)));
    expect(r.errors).toEqual([]);
    expect(other.get('customers', 'C0001')!.stageHistory).toEqual(repo.get('customers', 'C0001')!.stageHistory);
  });

  it('an import that moves an existing customer adds the move; the history in the file is not taken', () => {
    const { repo, at } = repoAs('admin');
    repo.create('customers', { name: '王先生', phone: '13800000000' });
    at(T1);
    const r = importTable(repo, 'customers', tableFromJson([{ id: 'C0001', stage: 'first', stageHistory: [] }])!, { onDuplicate: 'update' });
    expect(r.errors).toEqual([]);
    expect(repo.get('customers', 'C0001')!.stageHistory).toEqual([
      { to: 'potential', at: T0.toISOString(), by: 'admin' },
      { from: 'potential', to: 'first', at: T1.toISOString(), by: 'admin' },
    ]);
  });

  it('a workspace from before it opens with an empty history for every customer', () => {
    const raw = JSON.parse(fs.readFileSync(new URL('../fixtures/v1-demo-workspace.json', import.meta.url), 'utf8'));
    expect(raw.customers[0].stageHistory).toBeUndefined();
    const ws = Workspace.parse(migrateWorkspace(raw));
    expect(ws.customers.length).toBeGreaterThan(0);
    for (const c of ws.customers) expect(c.stageHistory).toEqual([]);
  });
});
