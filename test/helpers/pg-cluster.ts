// A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, listening only on a
// unix socket in that folder (no TCP port to clash with anything), stopped and removed after.
// As root (CI) the server runs as the postgres user (PostgreSQL refuses to run as root).
// In CI (CI or HOTEL_CRM_REQUIRE_PG set) a cluster that cannot start fails the tests; elsewhere, with no PostgreSQL binaries at
// all, the tests are skipped, and they say so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

export interface Cluster {
  dir: string;
  /** a URL for a fresh, empty database in this cluster */
  newDatabase(name?: string): Promise<string>;
  /** a URL for a database name without creating it */
  urlFor(db: string): string;
  stop(): void;
}

const USER = 'hotel';

/** The folder with initdb, pg_ctl and postgres: Debian's /usr/lib/postgresql/N/bin (newest
 *  first), else wherever PATH finds initdb. */
export function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = path.join(base, v, 'bin');
      if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'postgres'))) return bin;
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = which.stdout.trim();
  return initdb ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

/** Whether the PostgreSQL tests run here; when they do not, why (printed loudly). */
export function pgAvailability(): { run: true } | { run: false; why: string } {
  if (findPgBin()) return { run: true };
  // CI must have it (.ci/run sets HOTEL_CRM_REQUIRE_PG): startCluster() fails the tests
  if (process.env.CI || process.env.HOTEL_CRM_REQUIRE_PG) return { run: true };
  return { run: false, why: 'no PostgreSQL binaries (initdb) on this machine: the PostgreSQL tests are SKIPPED. Install postgresql to run them.' };
}

let counter = 0;

export async function startCluster(): Promise<Cluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL tests need initdb and pg_ctl (apt-get install postgresql): none found');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    // runuser keeps no environment that would point the server elsewhere
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  };
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:', dir]);
  }
  try {
    run('initdb', ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', [
      '-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60',
      '-o', `-k ${dir} -c listen_addresses= -c fsync=off -c max_connections=120 -c shared_buffers=16MB`,
      'start',
    ]);
  } catch (e) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
    const err = e as { stderr?: string; message: string };
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a PostgreSQL cluster: ${err.stderr ?? err.message}\n${log}`);
  }
  const urlFor = (db: string) => `postgres://${USER}@/${db}?host=${encodeURIComponent(dir)}`;
  let stopped = false;
  return {
    dir,
    urlFor,
    async newDatabase(name) {
      const db = name ?? `t${process.pid}_${++counter}`;
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: urlFor('postgres') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${db}"`);
      } finally {
        await c.end();
      }
      return urlFor(db);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
