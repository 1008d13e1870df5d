// The load script's short version: a few employees (separate processes) editing the same
// customers at once on one shared hotel. No saved edit may be lost and no error other than a
// conflict may reach an employee. (Its times are quoted by the script, never asserted here.)
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailability, startCluster, type Cluster } from '../helpers/pg-cluster.js';

const avail = pgAvailability();
if (!avail.run) console.warn(`\n!!! ${avail.why}\n`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (avail.run) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

describe.skipIf(!avail.run)('many employees at once on a shared hotel (scripts/pg-load.ts, short)', () => {
  it('loses no update and shows no employee an error; conflicts are counted', async () => {
    const url = await cluster!.newDatabase();
    const root = path.resolve(__dirname, '../..');
    const r = spawnSync('npx', ['tsx', 'scripts/pg-load.ts', '--procs', '4', '--seconds', '3', '--url', url, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(report.lostUpdates).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.edits).toBeGreaterThan(0);
    expect(report.creates + report.refreshes).toBeGreaterThan(0);
    expect(typeof report.conflicts).toBe('number');
  }, 180_000);
});
