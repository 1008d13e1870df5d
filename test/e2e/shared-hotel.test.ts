// Two apps on one shared hotel (PostgreSQL in a throwaway cluster), each in a real terminal:
// a customer created in one appears in the other without a key pressed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { runBin } from '../helpers/cli.js';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
if (!avail.run) console.warn(`\n!!! ${avail.why}\n`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => {
  TmuxSession.killServer();
  cluster?.stop();
});

describe.skipIf(!avail.run)('two apps on one shared hotel (tmux, 80x24)', () => {
  it("shows a customer created in one app in the other, without a key pressed there", async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url, '--demo']).code).toBe(0);
    const args = ['--data', url, '--lang', 'en'];
    const a = TmuxSession.start('shared-a', args);
    const b = TmuxSession.start('shared-b', args);
    try {
      await a.waitFor('Customers 200 of 200', 15_000);
      await b.waitFor('Customers 200 of 200', 15_000);
      a.keys('n');
      await a.waitFor('New Customers');
      a.type('Zhou Shared');
      a.keys('C-s');
      await a.waitFor('Created C0201');
      // b was not touched: the save reached it through the database
      const seen = await b.waitFor('Customers 201 of 201');
      expect(seen).not.toContain('New Customers');
      b.keys('/');
      b.type('Zhou Shared');
      const found = await b.waitFor('Customers 1 of 201');
      expect(found).toContain('Zhou Shared');
      b.keys('Escape');
      await b.waitFor('Customers 201 of 201');
      b.keys('q');
      await b.waitFor('EXIT=0');
      a.keys('q');
      await a.waitFor('EXIT=0');
    } finally {
      a.kill();
      b.kill();
    }
    const list = runBin(['list', 'customers', '--data', url, '--where', 'name=Zhou Shared', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  }, 90_000);

  it('two apps save the same customer: the second sees per field what changed, keeps its own, and the database holds it', async () => {
    const url = await cluster!.newDatabase();
    expect(runBin(['server', 'init', url, '--demo']).code).toBe(0);
    const args = ['--data', url, '--lang', 'en'];
    const a = TmuxSession.start('clash-a', args);
    const b = TmuxSession.start('clash-b', args);
    let mine = '';
    try {
      await a.waitFor('Customers 200 of 200', 15_000);
      await b.waitFor('Customers 200 of 200', 15_000);
      // both open C0001's form (the first row) and rename it
      for (const [s, name] of [[a, 'Zhou A'], [b, 'Zhou B']] as const) {
        s.keys('e');
        await s.waitFor('Edit Customers C0001');
        s.type(name);
      }
      // both save at once: the database takes one, the other's save finds it changed
      TmuxSession.tmux('send-keys', '-t', 'clash-a', 'C-s', ';', 'send-keys', '-t', 'clash-b', 'C-s');
      const end = Date.now() + 20_000;
      let loser: TmuxSession | undefined;
      while (!loser && Date.now() < end) {
        for (const [s, name] of [[a, 'Zhou A'], [b, 'Zhou B']] as const) {
          if (s.screen().includes('Not saved: Customers C0001')) {
            loser = s;
            mine = name;
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(loser, 'one of the two saves meets the other').toBeDefined();
      const theirs = mine === 'Zhou A' ? 'Zhou B' : 'Zhou A';
      const dialog = loser!.screen();
      expect(dialog).toMatch(new RegExp(`!Name\\s+Tanaka Trading Ltd\\.\\s+${mine}\\s+${theirs}`));
      expect(dialog).toMatch(/k keep mine\s+t take theirs\s+e edit/);
      loser!.keys('k');
      await loser!.waitFor('Saved over admin', 15_000);
      // the other app hears it and shows the kept name
      const winner = loser === a ? b : a;
      await winner.waitFor(mine, 15_000);
      for (const s of [a, b]) {
        s.keys('q');
        await s.waitFor('EXIT=0');
      }
    } finally {
      a.kill();
      b.kill();
    }
    const list = runBin(['list', 'customers', '--data', url, '--where', 'id=C0001', '--json']);
    // the database holds the value the second one chose to keep
    expect(JSON.parse(list.stdout)[0].name).toBe(mine);
  }, 120_000);
});
