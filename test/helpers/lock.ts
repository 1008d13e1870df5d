import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { lockPathFor } from '../../src/storage/lock.js';

/** The pid of a process that has exited (so a lock naming it is stale). */
export function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** Writes a lock file beside `file` as another process would have. */
export function plantLock(file: string, holder: Record<string, unknown>): void {
  fs.writeFileSync(lockPathFor(file), JSON.stringify({ host: os.hostname(), user: 'ghost', since: '2026-01-01T00:00:00Z', ...holder }), { mode: 0o600 });
}

/** A live process that does nothing until killed: its pid makes a planted lock "held". */
export function idleProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' });
}

/** lock.ts as one plain module, so a child process loads it in ~50 ms (tsx takes ~0.5 s). */
export function bundleLock(dir: string): string {
  const out = path.join(dir, 'lock.mjs');
  buildSync({ entryPoints: [path.resolve(__dirname, '../../src/storage/lock.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
  return out;
}

export interface AsyncRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary without waiting (for concurrent writers); see runBin. */
export function runBinAsync(bin: string, args: string[], env: Record<string, string> = {}): Promise<AsyncRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr })));
}
