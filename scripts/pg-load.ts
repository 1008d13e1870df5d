// The shared hotel under a class: N simulated employees (separate processes) doing a mix of
// list refreshes (60%), edits (30%) and creates (10%) for S seconds against one database.
// Proves: no lost update (each edit adds one to a customer's tally in its notes; every tally
// ends equal to the edits that were saved on it), no deadlock or other error surfaced to an
// employee (conflicts are counted, refreshed and retried, as a person would), and quotes the
// p95 of a commit and of a list refresh, beside the same mix as plain SQL (the floor).
//
//   npx tsx scripts/pg-load.ts                      # 50 processes, 60 s, a throwaway cluster
//   npx tsx scripts/pg-load.ts --procs 5 --seconds 5 --url postgres://…  --json
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pgBackend } from '../src/storage/pg/backend.js';
import { openSession } from '../src/services/session.js';
import { ConflictError } from '../src/services/ports.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const POOL = 20; // customers every employee edits: conflicts happen
const TALLY = /^tally:(\d+)$/;

interface ChildResult {
  edits: Record<string, number>;
  creates: number;
  conflicts: number;
  errors: string[];
  commitMs: number[];
  refreshMs: number[];
}

const pct = (q: number) => (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor(s.length * q))].toFixed(2);
};
const p95 = pct(0.95);
const median = pct(0.5);

async function child(url: string, seconds: number, seed: number): Promise<void> {
  const out: ChildResult = { edits: {}, creates: 0, conflicts: 0, errors: [], commitMs: [], refreshMs: [] };
  let rnd = seed * 7919 + 1;
  const rand = () => ((rnd = (rnd * 48271) % 2147483647) / 2147483647);
  const s = await openSession(pgBackend, { file: url, write: true });
  const ids = s.repo.all('customers').slice(0, POOL).map((c) => c.id);
  const end = Date.now() + seconds * 1000;
  let fresh = () => s.repo;
  let repo = s.repo;
  const { Repo } = await import('../src/services/repo.js');
  fresh = () => (repo = new Repo(s.store.data, { actor: repo.actorLogin }));
  while (Date.now() < end) {
    const r = rand();
    try {
      if (r < 0.6) {
        const t0 = performance.now();
        if (await s.store.refresh!()) fresh();
        repo.all('customers').length;
        out.refreshMs.push(performance.now() - t0);
        continue;
      }
      let id: string;
      if (r < 0.9) {
        id = ids[Math.floor(rand() * ids.length)];
        const cur = repo.get('customers', id);
        const n = Number(TALLY.exec(String(cur?.notes ?? ''))?.[1] ?? 0);
        const res = repo.update('customers', id, { notes: `tally:${n + 1}` });
        if (!res.ok) throw new Error(`edit refused: ${JSON.stringify(res.errors)}`);
      } else {
        const res = repo.create('customers', { name: `压测客户${seed}-${out.creates}` });
        if (!res.ok) throw new Error(`create refused: ${JSON.stringify(res.errors)}`);
        id = '';
      }
      const t0 = performance.now();
      await s.store.commit(repo.drainBatch());
      out.commitMs.push(performance.now() - t0);
      if (id) out.edits[id] = (out.edits[id] ?? 0) + 1;
      else out.creates++;
    } catch (e) {
      if (!(e instanceof ConflictError)) {
        out.errors.push(String((e as Error).message).slice(0, 200));
        if (out.errors.length > 20) break;
      } else out.conflicts++;
      // as a person would: look at what is saved now, and go on from it
      await s.store.refresh!();
      fresh();
    }
  }
  await s.close();
  process.stdout.write(JSON.stringify(out));
}

/** The same mix as plain SQL on N connections: the floor our commit and refresh stand on. */
async function floor(url: string, procs: number, seconds: number): Promise<{ commit: number; refresh: number; medianCommit: number; medianRefresh: number }> {
  const pg = (await import('pg')).default;
  const commit: number[] = [];
  const refresh: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: procs }, async (_, i) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      let k = i;
      while (Date.now() < end) {
        const r = (k = (k * 48271 + 11) % 2147483647) % 10;
        const t0 = performance.now();
        if (r < 6) {
          await c.query(`SELECT entity, id, version FROM hotel_crm.records WHERE entity = 'customers'`);
          refresh.push(performance.now() - t0);
        } else {
          await c.query(`UPDATE hotel_crm.records SET version = version + 1 WHERE entity = 'customers' AND id = $1`, [`C${String((k % POOL) + 1).padStart(4, '0')}`]);
          commit.push(performance.now() - t0);
        }
      }
      await c.end();
    }),
  );
  return { commit: p95(commit), refresh: p95(refresh), medianCommit: median(commit), medianRefresh: median(refresh) };
}

async function main(): Promise<void> {
  if (argv[0] === '--child') return child(argv[1], Number(argv[2]), Number(argv[3]));
  const procs = Number(opt('procs', '50'));
  const seconds = Number(opt('seconds', '60'));
  const json = argv.includes('--json');
  let url = opt('url', '');
  let stop = () => {};
  if (!url) {
    const { startCluster } = await import('../test/helpers/pg-cluster.js');
    const c = await startCluster();
    stop = () => c.stop();
    url = await c.newDatabase('load');
  }
  try {
    await pgBackend.create(url, pgBackend.loadDemo(), new Date(), { replace: true });
    const self = fileURLToPath(import.meta.url);
    const results = await Promise.all(
      Array.from(
        { length: procs },
        (_, i) =>
          new Promise<ChildResult>((resolve, reject) => {
            const p = spawn(process.execPath, [...process.execArgv, self, '--child', url, String(seconds), String(i + 1)], { stdio: ['ignore', 'pipe', 'inherit'] });
            let text = '';
            p.stdout.on('data', (d: Buffer) => (text += d));
            p.on('exit', (code) => {
              try {
                resolve(JSON.parse(text) as ChildResult);
              } catch {
                reject(new Error(`employee ${i + 1} ended with ${code}: ${text.slice(0, 300)}`));
              }
            });
          }),
      ),
    );
    // the tallies as saved against the edits each employee saw saved
    const expected: Record<string, number> = {};
    for (const r of results) for (const [id, n] of Object.entries(r.edits)) expected[id] = (expected[id] ?? 0) + n;
    const s = await openSession(pgBackend, { file: url });
    const lost: string[] = [];
    for (const [id, n] of Object.entries(expected)) {
      const got = Number(TALLY.exec(String(s.repo.get('customers', id)?.notes ?? ''))?.[1] ?? 0);
      if (got !== n) lost.push(`${id}: ${got} saved, ${n} edits`);
    }
    await s.close();
    const all = (k: 'commitMs' | 'refreshMs') => results.flatMap((r) => r[k]);
    const sum = (f: (r: ChildResult) => number) => results.reduce((a, r) => a + f(r), 0);
    const report = {
      procs,
      seconds,
      edits: sum((r) => Object.values(r.edits).reduce((a, b) => a + b, 0)),
      creates: sum((r) => r.creates),
      refreshes: all('refreshMs').length,
      conflicts: sum((r) => r.conflicts),
      errors: results.flatMap((r) => r.errors),
      lostUpdates: lost,
      p95CommitMs: p95(all('commitMs')),
      p95RefreshMs: p95(all('refreshMs')),
      medianCommitMs: median(all('commitMs')),
      medianRefreshMs: median(all('refreshMs')),
      floor: await floor(url, procs, Math.min(seconds, 10)),
    };
    if (json) process.stdout.write(JSON.stringify(report) + '\n');
    else {
      console.log(`${procs} employees, ${seconds} s: ${report.edits} edits, ${report.creates} creates, ${report.refreshes} list refreshes saved`);
      console.log(`conflicts (refreshed and retried): ${report.conflicts}; errors shown to an employee: ${report.errors.length}; lost updates: ${lost.length}`);
      console.log(`p95 commit ${report.p95CommitMs} ms (plain SQL update: ${report.floor.commit} ms); p95 list refresh ${report.p95RefreshMs} ms (plain SQL select: ${report.floor.refresh} ms)`);
      console.log(`median commit ${report.medianCommitMs} ms (plain SQL update: ${report.floor.medianCommit} ms); median list refresh ${report.medianRefreshMs} ms (plain SQL select: ${report.floor.medianRefresh} ms)`);
      for (const e of [...report.errors.slice(0, 5), ...lost.slice(0, 5)]) console.log(`  ${e}`);
    }
    process.exitCode = report.errors.length || lost.length ? 1 : 0;
  } finally {
    stop();
  }
}

await main();
