import type { T } from '../i18n/index.js';
import type { StorageBackend } from '../services/ports.js';

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface CliIO {
  /** where workspaces live (the composition root in main.ts chooses) */
  backend: StorageBackend;
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  now: () => Date;
  /** raw bytes to standard output (an export in GBK) */
  writeOut?: (b: Buffer) => void;
  /** standard error without a line end (a progress bar) */
  errRaw?: (s: string) => void;
  /** the program's own file, for worker threads (grading a class); none: all in one thread */
  workerScript?: string;
}

/** A refusal: the data was refused and nothing was written (exit 1). */
export class Refused extends Error {
  constructor(public lines: string[]) {
    super(lines.join('\n'));
  }
}
/** A usage error: unknown command, flag or argument (exit 2). */
export class UsageError extends Error {}

export interface Ctx {
  io: CliIO;
  t: T;
}
