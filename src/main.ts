// The composition root. A subcommand runs the CLI; no subcommand in a terminal opens the
// full-screen app. Here, and only here, a storage backend is chosen and handed to the shell,
// so neither shell knows where workspaces live. Each shell is loaded with import() so a
// start pays only for the one it uses.
import { detectLang, makeT } from './i18n/index.js';

const VALUE_FLAGS = new Set(['--data', '--lang', '--user']);

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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`${process.env.HOTEL_CRM_VERSION ?? 'dev'}\n`);
    return;
  }
  if (hasSubcommand(argv)) {
    const [{ runCli }, { fileBackend }] = await Promise.all([import('./cli/build.js'), import('./storage/backend.js')]);
    process.exitCode = await runCli(argv, {
      backend: fileBackend,
      out: (s) => process.stdout.write(s + '\n'),
      err: (s) => process.stderr.write(s + '\n'),
      writeOut: (b: Buffer) => process.stdout.write(b),
      errRaw: (s: string) => process.stderr.write(s),
      env: process.env,
      stdoutIsTTY: !!process.stdout.isTTY,
      stderrIsTTY: !!process.stderr.isTTY,
      now: () => new Date(),
    });
    return;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const t = makeT(detectLang(flag(argv, '--lang'), undefined));
    process.stderr.write(`${t('cli.noTty')}\n${t('cli.usage')}  hotel-crm --help\n`);
    process.exitCode = 2;
    return;
  }
  const [{ runApp }, { fileBackend }] = await Promise.all([import('./tui/run.js'), import('./storage/backend.js')]);
  process.exitCode = await runApp(fileBackend, {
    data: flag(argv, '--data'),
    lang: flag(argv, '--lang'),
    user: flag(argv, '--user'),
    ascii: argv.includes('--ascii'),
    demo: argv.includes('--demo'),
  });
}

main().catch((e) => {
  process.stderr.write(`hotel-crm: ${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
