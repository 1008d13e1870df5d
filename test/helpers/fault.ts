// Kill -9 rounds against the built binary: start a CLI command or the app, kill it at a
// chosen moment, then check what a user would check: the workspace opens, doctor passes,
// every acknowledged change is there, an import is all or nothing, no temp file is left
// and the next writer is not blocked. Shared by scripts/fault-rounds.ts and test/fault/.
// No vitest import here: the script runs it with tsx.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../scripts/demo-generator.js';

export const FAULT_BIN = fileURLToPath(new URL('../../dist/hotel-crm.js', import.meta.url));

export type Kind = 'add' | 'import' | 'app' | 'quit';
export const KINDS: Kind[] = ['add', 'import', 'app', 'quit'];

/** a seeded generator, so a failing round can be replayed with --seed */
export const makeRng = (seed: number): (() => number) => mulberry32(seed);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰文辉欣怡子轩浩然雨涵梓萱';

export function chineseName(rng: () => number, n: number): string {
  const pick = (s: string) => s[Math.floor(rng() * s.length)];
  return `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}${n}`;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C', HOTEL_CRM_LANG: 'en', ...extra };
}

/** Runs the CLI to its end. */
export function cli(args: string[], env: Record<string, string> = {}): CliRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [FAULT_BIN, ...args], { encoding: 'utf8', env: baseEnv(env), maxBuffer: 1 << 30 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** Runs the CLI to its end without blocking (readers can run side by side). */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [FAULT_BIN, ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t0 }));
  });
}

export type KillAt = { firstByte: true } | { afterMs: number };

/** Runs the CLI and kill -9's it at the given moment; stdout is read to its end (what the
 *  process wrote before it died stays in the pipe), so "acknowledged" is what a script saw. */
export function cliKilled(args: string[], at: KillAt, env: Record<string, string> = {}): Promise<CliRun & { killed: boolean }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [FAULT_BIN, ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exited = false;
    let killed = false;
    const kill = () => {
      if (exited || killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if ('firstByte' in at) kill(); // the moment a script reading stdout learns "done"
      stdout += d;
    });
    child.stderr.on('data', (d: string) => (stderr += d));
    let timer: NodeJS.Timeout | undefined;
    if ('afterMs' in at) timer = setTimeout(kill, at.afterMs);
    child.on('exit', () => (exited = true));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, killed: killed && signal === 'SIGKILL' });
    });
  });
}

export interface Customer {
  id: string;
  name: string;
  phone?: string;
}

/** Files that are neither the workspace nor its journal nor its lock nor the mark of its last
 *  checked snapshot: temp files left behind. */
export function strayFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const known = new Set([base, `${base}.journal`, `${base}.lock`, `.${base}.checked`]);
  return fs.readdirSync(dir).filter((f) => !known.has(f) && f.includes(base));
}

export function writeCsv(file: string, rows: { name: string; phone: string }[]): void {
  fs.writeFileSync(file, ['姓名,手机', ...rows.map((r) => `${r.name},${r.phone}`)].join('\n') + '\n');
}

export interface KindTally {
  rounds: number;
  acknowledged: number;
  lost: number;
  halfImports: number;
  doctorFailures: number;
  openFailures: number;
  lockBlocked: number;
  strayFiles: number;
  /** rounds whose kill came after the process had already ended (nothing was interrupted) */
  notKilled: number;
}

const emptyTally = (): KindTally => ({ rounds: 0, acknowledged: 0, lost: 0, halfImports: 0, doctorFailures: 0, openFailures: 0, lockBlocked: 0, strayFiles: 0, notKilled: 0 });

export interface RoundOptions {
  /** kill CLI adds and imports right after their first byte of stdout (else: a random moment) */
  firstByteShare?: number;
  /** start a new workspace once it holds this many customers (keeps every round fast) */
  maxCustomers?: number;
  /** customers imported into each new workspace, so a save takes a realistic time */
  baseCustomers?: number;
  /** rows of a CSV import: [min, max] */
  importRows?: [number, number];
  log?: (s: string) => void;
}

interface Expected {
  id: string;
  name: string;
  phone: string;
  what: string;
}

/** Tmux on its own socket: the app under test in a real terminal. */
export class Tmux {
  constructor(private socket: string) {}
  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
  tryRun(...args: string[]): string | undefined {
    try {
      return this.run(...args);
    } catch {
      return undefined;
    }
  }
  async waitFor(name: string, re: RegExp, timeoutMs: number, pollMs = 5): Promise<{ screen: string; match: RegExpExecArray | null }> {
    const end = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < end) {
      screen = this.tryRun('capture-pane', '-p', '-t', name) ?? screen;
      const m = re.exec(screen);
      if (m) return { screen, match: m };
      await sleep(pollMs);
    }
    return { screen, match: null };
  }
}

/** waits until no process has this pid (a dead holder's lock can be taken over from then on) */
export async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await sleep(5);
  }
  return false;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One workspace reused across rounds (a new one when it grows past maxCustomers). */
export class FaultRounds {
  tally: Record<Kind, KindTally> = { add: emptyTally(), import: emptyTally(), app: emptyTally(), quit: emptyTally() };
  /** what went wrong, one line each, for the report */
  problems: string[] = [];
  private expected: Expected[] = [];
  private n = 0;
  private epoch = 0;
  file = '';
  private addMs: number[] = [];
  private importMs: number[] = [];
  private tmux: Tmux;
  private opts: Required<Omit<RoundOptions, 'log'>> & { log: (s: string) => void };

  constructor(private dir: string, private rng: () => number, opts: RoundOptions = {}) {
    this.opts = {
      firstByteShare: opts.firstByteShare ?? 0.5,
      maxCustomers: opts.maxCustomers ?? (opts.baseCustomers ?? 1500) + 2500,
      baseCustomers: opts.baseCustomers ?? 1500,
      importRows: opts.importRows ?? [50, 500],
      log: opts.log ?? (() => {}),
    };
    this.tmux = new Tmux(`hotel-crm-fault-${process.pid}`);
    this.newWorkspace();
  }

  private phone(): string {
    this.n++;
    return `13${String(this.n).padStart(9, '0')}`;
  }

  private newWorkspace(): void {
    this.epoch++;
    this.expected = [];
    this.file = path.join(this.dir, `ws${this.epoch}`, 'workspace.json');
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const init = cli(['init', '--data', this.file]);
    if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
    if (this.opts.baseCustomers > 0) {
      const csv = path.join(this.dir, 'base.csv');
      writeCsv(csv, Array.from({ length: this.opts.baseCustomers }, () => ({ name: chineseName(this.rng, this.n + 1), phone: this.phone() })));
      const r = cli(['import', 'customers', csv, '--data', this.file]);
      if (r.code !== 0) throw new Error(`base import failed: ${r.stderr}`);
      this.importMs.push(r.ms);
    }
  }

  private record(kind: Kind, what: keyof KindTally, line: string): void {
    (this.tally[kind][what] as number)++;
    this.problems.push(`[${kind} #${this.tally[kind].rounds}] ${line}`);
    this.opts.log(`  ${what}: ${line}`);
  }

  /** a random moment within a typical run of this command: before the open, during the save, after */
  private randomDelay(samples: number[], fallback: number): number {
    const sorted = [...samples].sort((a, b) => a - b);
    const typical = sorted.length ? sorted[Math.floor(sorted.length / 2)] : fallback;
    return Math.floor(this.rng() * typical * 1.2);
  }

  async round(kind: Kind): Promise<void> {
    const t = this.tally[kind];
    t.rounds++;
    const before = { lost: t.lost };
    let importPhones: string[] | undefined;
    let importAcked = false;
    if (kind === 'add') {
      const name = chineseName(this.rng, this.n + 1);
      const phone = this.phone();
      const at: KillAt = this.rng() < this.opts.firstByteShare ? { firstByte: true } : { afterMs: this.randomDelay(this.addMs, 400) };
      const r = await cliKilled(['add', 'customers', '--name', name, '--phone', phone, '--data', this.file], at);
      if (!r.killed) t.notKilled++;
      if (!r.killed && r.code !== 0) this.refusedVictim(kind, r);
      const id = /^(C\d{4,})$/m.exec(r.stdout)?.[1];
      if (id) {
        t.acknowledged++;
        this.expected.push({ id, name, phone, what: `add ${id} ${name} (${'firstByte' in at ? 'killed after first byte' : `killed at ${at.afterMs} ms`})` });
      }
    } else if (kind === 'import') {
      const [lo, hi] = this.opts.importRows;
      const rows = Array.from({ length: lo + Math.floor(this.rng() * (hi - lo + 1)) }, () => ({ name: chineseName(this.rng, this.n + 1), phone: this.phone() }));
      const csv = path.join(this.dir, `import-${this.tally.import.rounds}.csv`);
      writeCsv(csv, rows);
      const at: KillAt = this.rng() < this.opts.firstByteShare ? { firstByte: true } : { afterMs: this.randomDelay(this.importMs, 600) };
      const r = await cliKilled(['import', 'customers', csv, '--data', this.file], at);
      fs.rmSync(csv, { force: true });
      if (!r.killed) t.notKilled++;
      if (!r.killed && r.code !== 0) this.refusedVictim(kind, r);
      importPhones = rows.map((x) => x.phone);
      importAcked = /\d+ rows: \d+ new/.test(r.stdout);
      if (importAcked) t.acknowledged++;
      this.pendingImport = { rows, how: 'firstByte' in at ? 'killed after first byte' : `killed at ${at.afterMs} ms` };
    } else {
      await this.appRound(kind);
    }
    await this.check(kind, importPhones, importAcked);
    if (t.lost > before.lost) this.opts.log(`  (round ${t.rounds} of ${kind} lost an acknowledged change)`);
  }

  /** a command that ran to its end yet failed, right after a healthy check: the lock or the workspace */
  private refusedVictim(kind: Kind, r: CliRun): void {
    const why = `exit ${r.code}: ${r.stderr.trim().split('\n').slice(0, 2).join(' | ')}`;
    this.record(kind, /in use|lock/i.test(r.stderr) ? 'lockBlocked' : 'openFailures', `the ${kind} itself failed: ${why}`);
  }

  private pendingImport: { rows: { name: string; phone: string }[]; how: string } | undefined;

  private async appRound(kind: 'app' | 'quit'): Promise<void> {
    const t = this.tally[kind];
    const name = chineseName(this.rng, this.n + 1);
    const phone = this.phone();
    const session = `r${this.epoch}-${kind}-${t.rounds}`;
    // exec: the pane's process is node itself, so kill -9 hits the app and nothing else
    const cmd = `exec env -u CI LANG=C.UTF-8 HOTEL_CRM_LANG=en ${JSON.stringify(process.execPath)} ${JSON.stringify(FAULT_BIN)} --data ${JSON.stringify(this.file)} --lang en`;
    this.tmux.run('new-session', '-d', '-s', session, '-x', '100', '-y', '30', cmd);
    const pid = Number(this.tmux.tryRun('display', '-p', '-t', session, '#{pane_pid}')?.trim());
    try {
      const open = await this.tmux.waitFor(session, /Customers \d+ of \d+/, 15000, 20);
      if (!open.match) {
        this.record(kind, 'openFailures', `the app did not open: ${open.screen.trim().split('\n').slice(0, 3).join(' | ')}`);
        return;
      }
      if (/READ-ONLY/.test(open.screen)) this.record(kind, 'lockBlocked', 'the app opened read-only after the previous holder was killed');
      this.tmux.run('send-keys', '-t', session, 'n');
      const form = await this.tmux.waitFor(session, /New Customers/, 5000, 10);
      if (!form.match) {
        this.record(kind, 'openFailures', `no form: ${form.screen.trim().split('\n').slice(-2).join(' | ')}`);
        return;
      }
      this.tmux.run('send-keys', '-t', session, '-l', name);
      this.tmux.run('send-keys', '-t', session, 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
      this.tmux.run('send-keys', '-t', session, '-l', phone);
      this.tmux.run('send-keys', '-t', session, 'C-s');
      const done = await this.tmux.waitFor(session, /Created (C\d{4,})/, 5000, 2);
      if (done.match) {
        t.acknowledged++;
        const id = done.match[1];
        let delay: number;
        if (kind === 'quit') {
          this.tmux.run('send-keys', '-t', session, 'q');
          delay = Math.floor(this.rng() * 250);
        } else delay = Math.floor(this.rng() * 60);
        this.expected.push({ id, name, phone, what: `${kind}: "Created ${id}" on screen, killed ${delay} ms later${kind === 'quit' ? ' after q' : ''}` });
        await sleep(delay);
      } else {
        this.opts.log(`  no "Created" on screen: ${done.screen.trim().split('\n').slice(-2).join(' | ')}`);
      }
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        t.notKilled++; // it had already quit
      }
    } finally {
      this.tmux.tryRun('kill-session', '-t', session);
      // until tmux reaps it the killed app is a zombie, and a zombie's pid still answers kill(pid, 0)
      await gone(pid, 3000);
    }
  }

  /** After a kill: the next writer, then a reader, then doctor. */
  private async check(kind: Kind, importPhones: string[] | undefined, importAcked: boolean): Promise<void> {
    // the next writer: takes over the dead holder's lock, and cleans up after it
    const probeName = chineseName(this.rng, this.n + 1);
    const probePhone = this.phone();
    const probe = cli(['add', 'customers', '--name', probeName, '--phone', probePhone, '--data', this.file]);
    this.addMs.push(probe.ms);
    if (this.addMs.length > 30) this.addMs.shift();
    if (probe.code !== 0) {
      const why = probe.stderr.trim().split('\n').slice(0, 2).join(' | ');
      if (/lock|in use|held/i.test(probe.stderr)) this.record(kind, 'lockBlocked', `next writer refused: ${why}`);
      else this.record(kind, 'openFailures', `next writer failed (exit ${probe.code}): ${why}`);
    } else {
      const id = probe.stdout.trim();
      this.expected.push({ id, name: probeName, phone: probePhone, what: `probe add ${id}` });
      const stray = strayFiles(this.file).filter((f) => !this.strayReported.has(f));
      for (const f of stray) this.strayReported.add(f);
      if (stray.length) this.record(kind, 'strayFiles', `left after the next open: ${stray.join(', ')}`);
    }

    const [list, doctor] = await Promise.all([cliAsync(['list', 'customers', '--json', '--data', this.file]), cliAsync(['doctor', '--data', this.file])]);
    if (list.code !== 0) {
      this.record(kind, 'openFailures', `list customers exit ${list.code}: ${list.stderr.trim().split('\n').slice(0, 2).join(' | ')}`);
    } else {
      const all = JSON.parse(list.stdout) as Customer[];
      const byPhone = new Map(all.map((c) => [c.phone ?? '', c]));
      // every acknowledged change of this workspace, this round's and all before
      const missing = this.expected.filter((e) => {
        const c = byPhone.get(e.phone);
        return !c || c.id !== e.id || c.name !== e.name;
      });
      for (const m of missing) this.record(kind, 'lost', `acknowledged but missing: ${m.what}`);
      const missingSet = new Set(missing);
      this.expected = this.expected.filter((e) => !missingSet.has(e)); // counted once
      if (importPhones && this.pendingImport) {
        const present = importPhones.filter((p) => byPhone.has(p)).length;
        if (present > 0 && present < importPhones.length) this.record(kind, 'halfImports', `${present} of ${importPhones.length} rows present (${this.pendingImport.how})`);
        else if (importAcked && present === 0) this.record(kind, 'lost', `import of ${importPhones.length} rows acknowledged but absent (${this.pendingImport.how})`);
        if (present === importPhones.length) {
          for (const r of this.pendingImport.rows) this.expected.push({ id: byPhone.get(r.phone)!.id, name: r.name, phone: r.phone, what: `imported row ${r.name}` });
        }
      }
      if (all.length > this.opts.maxCustomers) this.newWorkspaceAfterCheck = true;
    }
    this.pendingImport = undefined;

    if (doctor.code !== 0) this.record(kind, 'doctorFailures', `doctor exit ${doctor.code}: ${(doctor.stdout + doctor.stderr).trim().split('\n').slice(0, 2).join(' | ')}`);

    const poisoned = list.code !== 0 || probe.code !== 0;
    if (this.newWorkspaceAfterCheck || poisoned) {
      // a workspace nothing opens any more is counted once, not in every round after it
      this.newWorkspaceAfterCheck = false;
      this.newWorkspace();
    }
  }
  private newWorkspaceAfterCheck = false;
  private strayReported = new Set<string>();

  close(): void {
    this.tmux.tryRun('kill-server');
  }

  lostTotal(): number {
    return KINDS.reduce((s, k) => s + this.tally[k].lost + this.tally[k].halfImports, 0);
  }

  table(): string {
    const cols: (keyof KindTally)[] = ['rounds', 'acknowledged', 'lost', 'halfImports', 'doctorFailures', 'openFailures', 'lockBlocked', 'strayFiles', 'notKilled'];
    const rows = [['kind', ...cols], ...KINDS.filter((k) => this.tally[k].rounds).map((k) => [k, ...cols.map((c) => String(this.tally[k][c]))])];
    const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ')).join('\n');
  }
}
