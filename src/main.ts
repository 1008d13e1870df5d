// The composition root. A subcommand runs the CLI; no subcommand in a terminal opens the
// full-screen app. Here, and only here, a storage backend is chosen and handed to the shell,
// so neither shell knows where workspaces live. Each shell is loaded with import() so a
// start pays only for the one it uses; so are the messages (below: the heap is set up before
// anything sizeable is loaded).
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

// The full-screen app runs for hours, fifty at a time on one small server, and each frame Ink
// builds and drops a few MB of cells and strings. V8's defaults answer that by doubling the
// young generation (to 32 MB) and letting dead objects pile up in the old one: +30 MB resident
// per student after a burst of keys, for nothing a user sees (scripts/bench.ts: peak RSS
// against an Ink hello world). These two are GC heuristics V8 reads at each collection, so
// they work when set at run time (--max-semi-space-size does not, and the command line cannot
// carry it: npm's bin shim starts plain `node`, NODE_OPTIONS is not the students' to set).
// --optimize-for-size saved about as much but also changes what the compiler does.
function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1'); // the young generation keeps its first size
  setFlagsFromString('--heap-growing-percent=20'); // the old one is collected sooner
  // The optimising compilers were the session's peak, not its code or data: Ink's layout engine
  // (WebAssembly) is recompiled by TurboFan once the first full frame has run it hot, and the
  // app's own hot functions a few keys later; each costs 3-8 MB of compiler memory for a
  // moment (an Ink hello world lays out one line and never pays it). On a class's workspace
  // the baseline tiers answer a key in the same few milliseconds (scripts/bench.ts). The
  // WebAssembly tier is read when yoga is compiled, so this runs before Ink is loaded.
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--no-opt');
}

/** A workspace this large is filtered and sorted in loops where TurboFan's code is worth its
 *  memory (a key on 100 000 customers: 25 ms with it, 30-130 ms without). */
const OPTIMISE_FROM_RECORDS = 20_000;
function optimiseIfLarge(records: number): void {
  if (records >= OPTIMISE_FROM_RECORDS) setFlagsFromString('--opt');
}

/** Ink's layout engine is WebAssembly whose loader asks `typeof fetch`; in Node that one question
 *  compiles Node's whole fetch implementation (undici): 30-80 ms before the first frame, for
 *  a network client the app never uses. Hidden while the app's modules load, then put back. */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!desc?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', desc);
  }
}

const VALUE_FLAGS = new Set(['--data', '--lang', '--user', '--lab', '--grade']);

export function hasSubcommand(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.has(a)) i++;
    else if (a === '--help' || a === '-h' || !a.startsWith('-')) return true;
  }
  return false;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}

/** The storage backend the workspace named by --data (or HOTEL_CRM_DATA) lives in: a
 *  postgres:// URL is a shared hotel, anything else a JSON workspace. Each is loaded only
 *  when chosen, so a JSON user never loads the PostgreSQL client. */
async function backendFor(argv: string[]) {
  const pg = (s: string | undefined) => !!s && /^postgres(ql)?:\/\//i.test(s);
  // `server init URL` names the hotel it creates as its argument
  const data = flag(argv, '--data') ?? (argv.includes('server') ? argv.find(pg) : undefined) ?? process.env.HOTEL_CRM_DATA;
  if (pg(data)) return (await import('./storage/pg/backend.js')).pgBackend;
  return (await import('./storage/backend.js')).fileBackend;
}

/** The reader went away (`hotel-crm list customers | head`): stop quietly, as cat does. */
function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    void reportUnexpected(e).finally(() => process.exit(1));
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`${process.env.HOTEL_CRM_VERSION ?? 'dev'}\n`);
    return;
  }
  if (hasSubcommand(argv)) {
    // The CLI keeps V8's own GC settings. Measured on the 100k-line order import (farm-bench,
    // pairs, medians; scavenges are ~1/5 of its time): --semi-space-growth-factor=4 changed
    // nothing (CPU ratio 1.03); --no-parallel-scavenge cost 16 % CPU; a young generation of
    // 64 MB (command line only) grew peak memory by 35 % for no clear gain; and
    // --single-threaded-gc set at run time aborts V8 at its next full collection (a
    // concurrent-marking check), so it must never be set here.
    // only here: the full-screen app has its own exit path for a terminal that goes away
    quietOnBrokenPipe(process.stdout);
    const [{ runCli }, backend] = await Promise.all([import('./cli/build.js'), backendFor(argv)]);
    process.exitCode = await runCli(argv, {
      backend,
      out: (s) => process.stdout.write(s + '\n'),
      err: (s) => process.stderr.write(s + '\n'),
      writeOut: (b: Buffer) => process.stdout.write(b),
      errRaw: (s: string) => process.stderr.write(s),
      env: process.env,
      stdoutIsTTY: !!process.stdout.isTTY,
      stderrIsTTY: !!process.stderr.isTTY,
      now: () => new Date(),
      // grading's worker threads run this very file
      workerScript: import.meta.url,
    });
    return;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const t = await messages(argv);
    process.stderr.write(`${t('cli.noTty')}\n${t('cli.usage')}  hotel-crm --help\n`);
    process.exitCode = 2;
    return;
  }
  keepHeapSmall();
  const [{ runApp }, backend] = await withoutFetch(() => Promise.all([import('./tui/run.js'), backendFor(argv)]));
  process.exitCode = await runApp(backend, {
    data: flag(argv, '--data'),
    lab: flag(argv, '--lab'),
    lang: flag(argv, '--lang'),
    user: flag(argv, '--user'),
    ascii: argv.includes('--ascii'),
    demo: argv.includes('--demo'),
    processClock: true,
    grade: flag(argv, '--grade'),
    workerScript: import.meta.url,
    opened: optimiseIfLarge,
  });
}

// Anything no command turned into a message: one line in the user's language; the stack
// only for whoever asks for it.
async function messages(argv: string[]) {
  const { detectLang, makeT } = await import('./i18n/index.js');
  return makeT(detectLang(flag(argv, '--lang'), undefined));
}

async function reportUnexpected(e: unknown): Promise<void> {
  process.exitCode = 1;
  const argv = process.argv.slice(2);
  const t = await messages(argv);
  // no control character of the message reaches the terminal (the text sanitiser is a layer
  // main.ts does not load; without ESC and BEL no sequence can start)
  // eslint-disable-next-line no-control-regex
  const message = String((e as Error)?.message ?? e).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);
  if (process.env.HOTEL_CRM_DEBUG && process.env.HOTEL_CRM_DEBUG !== '0') process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.stderr.write(`${t('cli.unexpected', { message })}\n${t('cli.debugHint')}\n`);
}

/** A thread this program started (grading's workers run the bundle itself): grade its files. */
async function worker(): Promise<void> {
  // grading a class is CPU-bound: the optimising compiler back (V8's flags are the process's,
  // so an app that grades on screen 8 keeps it from here on, as a large workspace does)
  setFlagsFromString('--opt');
  const [w, { fileBackend }] = await Promise.all([import('./cli/grade-worker.js'), import('./storage/backend.js')]);
  if (w.isGradeWorker()) w.runGradeWorker(fileBackend.loadDemo);
}

if (isMainThread) main().catch((e: unknown) => reportUnexpected(e));
else void worker();
