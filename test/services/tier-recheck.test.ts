// A tier follows the points of the last 12 months: points age out with no order to move the
// customer, so the recheck (app start, `points recheck` from cron) moves them down, once.
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { recheckTiers } from '../../src/services/loyalty.js';
import { qualifyingPoints, tierFor, type PointsEntry } from '../../src/domain/loyalty.js';

describe('recheckTiers', () => {
  it('today moves no one; thirteen months on, the points have aged out and every member drops to the lowest tier, once, with the reason', () => {
    const ws = loadDemoWorkspace();
    const members = ws.customers.filter((c) => Array.isArray(c.pointsLedger) && c.pointsLedger.length);
    expect(members.length).toBeGreaterThan(5);
    const newest = members.flatMap((c) => (c.pointsLedger as PointsEntry[]).map((e) => e.at)).sort().at(-1)!;
    const nowRepo = new Repo(ws, { clock: () => new Date(newest) });
    // the demo's tiers are what its ledgers say: nothing to move on the day they were written
    expect(recheckTiers(nowRepo).moved).toHaveLength(0);

    const later = new Date(Date.parse(newest) + 400 * 86_400_000);
    const repo = new Repo(ws, { clock: () => later });
    const tiersBefore = new Map(members.map((c) => [c.id, c.tierId]));
    const lowest = tierFor(0, ws.tiers as never);
    const run = recheckTiers(repo);
    const shouldMove = members.filter((c) => tierFor(qualifyingPoints(c.pointsLedger as PointsEntry[], later.toISOString()), ws.tiers as never) !== c.tierId);
    expect(shouldMove.length).toBeGreaterThan(0);
    expect(run.moved.map((m) => m.customer.id).sort()).toEqual(shouldMove.map((c) => c.id).sort());
    for (const m of run.moved) {
      const c = ws.customers.find((x) => x.id === m.customer.id)!;
      expect(c.tierId).toBe(lowest);
      expect(m.from).toBe(tiersBefore.get(c.id));
      expect((c.tierHistory as { reason?: string; to?: string }[]).at(-1)).toMatchObject({ reason: 'tiers:recheck', to: lowest, points: 0 });
      // the balance is not touched: only the tier moved
      expect(c.points).toBe((c.pointsLedger as PointsEntry[]).reduce((n, e) => n + e.delta, 0));
    }
    // a second run the same day moves no one
    expect(recheckTiers(repo).moved).toHaveLength(0);
  });

  it('an employee who sees only their own customers moves only those', () => {
    const ws = loadDemoWorkspace();
    const newest = ws.customers.flatMap((c) => ((c.pointsLedger ?? []) as PointsEntry[]).map((e) => e.at)).sort().at(-1)!;
    const later = new Date(Date.parse(newest) + 400 * 86_400_000);
    const rep = ws.employees.find((e) => e.login === 'chenjing')!;
    const repo = new Repo(ws, { clock: () => later, actor: 'chenjing' });
    const run = recheckTiers(repo);
    expect(run.moved.length).toBeGreaterThan(0);
    for (const m of run.moved) expect(m.customer.ownerId).toBe(rep.id);
    const others = ws.customers.filter((c) => c.ownerId !== rep.id && (c.tierHistory as { reason?: string }[] | undefined)?.some((h) => h.reason === 'tiers:recheck'));
    expect(others).toHaveLength(0);
  });
});
