// The yargs shell: verb first as interface.md (`list ENTITY`, `add ENTITY` …). Built per call
// (yargs 18 has no singleton); handlers are thin and return an exit code.
import yargs, { type Argv } from 'yargs';
import { ENTITY_NAMES, editableFields, isEntityName } from '../domain/entities.js';
import { detectLang, makeT, type T } from '../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from './io.js';
import { addCmd, deleteCmd, listCmd, updateCmd } from './commands/records.js';
import { initCmd } from './commands/init.js';
import { doctorCmd } from './commands/doctor.js';
import { importCmd } from './commands/import.js';
import { exportCmd } from './commands/export.js';
import { tasksCmd } from './commands/tasks.js';
import { ticketsCmd } from './commands/tickets.js';
import { sanitizeText } from '../text/sanitize.js';
import { fsErrorCode, fsErrorPath, fsReasonText } from '../presentation/fs-errors.js';

type Handler = (args: never, io: CliIO, t: T) => Promise<number>;

/** Declares one flag per editable field of the entity named in argv, so --help lists them. */
function fieldOptions(y: Argv, raw: string[], t: T): Argv {
  const entity = raw.find((a) => isEntityName(a));
  if (!entity || !isEntityName(entity)) return y;
  for (const fi of editableFields(entity)) {
    y = y.option(fi.name, {
      type: 'string',
      describe: `${t.l(fi.label)}${fi.required ? ' *' : ''}${fi.kind === 'enum' ? ` [${fi.values}]` : ''}`,
      array: fi.kind === 'tags',
    });
    if (fi.kind === 'tags') y = y.option(fi.name.replace(/s$/, ''), { type: 'string', array: true, hidden: true });
  }
  return y;
}

/** roles: --grant customers:view,edit:department and --revoke customers:delete (repeatable) */
const grantOptions = (y: Argv): Argv =>
  y
    .option('grant', { type: 'string', array: true, describe: 'roles: ENTITY:ACTION[,ACTION]:SCOPE adds a permission (customers:view,edit:department)' })
    .option('revoke', { type: 'string', array: true, describe: 'roles: ENTITY:ACTION[,ACTION] takes actions away (customers:delete)' });

/** Flags named like Object.prototype's members (--constructor, --toString …) break yargs'
 *  own lookups; no option of ours is named so, so they are refused before yargs sees them. */
export function prototypeFlag(raw: string[]): string | undefined {
  for (const a of raw) {
    if (a === '--') break;
    if (!a.startsWith('-')) continue;
    const name = a.replace(/^-+/, '').split('=')[0];
    for (const n of [name, name.replace(/^no-/, '')]) {
      const camel = n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      if ([n, camel].some((k) => k === '__proto__' || k in Object.prototype)) return name;
    }
  }
  return undefined;
}

/** Options that take a list when repeated; every other option repeated is a usage error
 *  (`--data a --data b` would otherwise reach the handler as an array). */
function listOptions(raw: string[]): Set<string> {
  const ok = new Set(['_', 'where', 'map', 'grant', 'revoke']);
  const entity = raw.find((a) => isEntityName(a));
  if (entity && isEntityName(entity)) {
    for (const fi of editableFields(entity)) if (fi.kind === 'tags') ok.add(fi.name).add(fi.name.replace(/s$/, ''));
  }
  return ok;
}

export async function runCli(raw: string[], io: CliIO): Promise<number> {
  const flagLang = (() => {
    const i = raw.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    if (i < 0) return undefined;
    return raw[i].includes('=') ? raw[i].split('=')[1] : raw[i + 1];
  })();
  const t = makeT(detectLang(flagLang, undefined, io.env));
  const usage = (message: string) => {
    io.err(sanitizeText(`${message}\n${t('cli.usage')}  hotel-crm --help`));
    return EXIT.usage;
  };
  const bad = prototypeFlag(raw);
  if (bad !== undefined) return usage(t('cli.badFlagName', { flag: bad }));
  let usageMessage: string | undefined;
  // yargs calls a command's handler before it has checked every option (--lang xx was
  // found only after the record was added), so the handler is only noted here and run once
  // the whole command line has passed: exit 2 means nothing was done.
  let pending: { fn: Handler; args: Record<string, unknown> } | undefined;
  const run = (fn: Handler) => (args: unknown) => {
    pending = { fn, args: args as Record<string, unknown> };
  };
  const entityPos = (y: Argv) =>
    y.positional('entity', { type: 'string', describe: ENTITY_NAMES.join(' | '), demandOption: true });

  const cli = yargs(raw)
    .scriptName('hotel-crm')
    .locale(t.lang === 'en' ? 'en' : 'zh_CN')
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false, 'camel-case-expansion': true })
    .option('data', { type: 'string', describe: 'workspace file (default: $HOTEL_CRM_DATA, else ~/.local/share/hotel-crm/workspace.json)' })
    .option('lang', { type: 'string', choices: ['zh-CN', 'en'], describe: 'interface language' })
    .option('json', { type: 'boolean', describe: 'machine-readable JSON on stdout' })
    .option('user', { type: 'string', describe: 'act as this employee (login)' })
    .option('ascii', { type: 'boolean', describe: 'draw with ASCII only' })
    .option('wait', { type: 'string', describe: 'seconds to wait for the lock when another session writes (default: refuse at once)' })
    .command('init', 'create the workspace', (y) => y.option('demo', { type: 'boolean', describe: 'with the demo hotel' }).option('force', { type: 'boolean', describe: 'replace an existing workspace' }), run(initCmd))
    .command('list <entity>', 'list records', (y) => entityPos(y).option('where', { type: 'string', array: true, describe: 'F=V (equals) or F~V (contains)' }), run(listCmd))
    .command('add <entity>', 'add a record; prints the new id', (y) => grantOptions(fieldOptions(entityPos(y), raw, t)).option('allow-duplicate', { type: 'boolean', describe: 'add even if another record has the same mobile / login' }).strict(false), run(addCmd))
    .command('update <entity> <id>', 'change fields of a record', (y) => grantOptions(fieldOptions(entityPos(y).positional('id', { type: 'string', demandOption: true }), raw, t)).option('allow-duplicate', { type: 'boolean', describe: 'allow a mobile / login another record has' }).strict(false), run(updateCmd))
    .command('delete <entity> <id>', 'delete a record (and what belongs to it)', (y) => entityPos(y).positional('id', { type: 'string', demandOption: true }), run(deleteCmd))
    .command('import <entity> <file>', 'import records from CSV (UTF-8, BOM, GBK) or JSON, all or nothing', (y) =>
      entityPos(y)
        .positional('file', { type: 'string', demandOption: true })
        .option('format', { type: 'string', choices: ['csv', 'json'] })
        .option('map', { type: 'string', array: true, describe: 'SRC=FIELD: this column is that field' })
        .option('mapping', { type: 'string', describe: 'file of SRC=FIELD lines (or a JSON object)' })
        .option('encoding', { type: 'string', describe: 'utf8 | utf8-bom | gbk (default: detected)' })
        .option('dry-run', { type: 'boolean', describe: 'check and report, write nothing' })
        .option('on-duplicate', { type: 'string', choices: ['error', 'skip', 'update'], default: 'error' }), run(importCmd))
    .command('export <entity>', 'export records to CSV (UTF-8 with BOM, or GBK) or JSON', (y) =>
      entityPos(y)
        .option('format', { type: 'string', choices: ['csv', 'json'] })
        .option('out', { type: 'string', describe: 'file to write (default: standard output)' })
        .option('mode', { type: 'string', describe: 'permissions of the --out file, octal (default 600; 644 lets others read it)' })
        .option('encoding', { type: 'string', describe: 'utf8-bom (default) | utf8 | gbk' })
        .option('where', { type: 'string', array: true, describe: 'F=V (equals) or F~V (contains)' }), run(exportCmd))
    .command('tasks <action>', 'the daily desk: generate-care makes the care tasks due from anniversaries (safe from cron); due lists open tasks of an employee, overdue first', (y) =>
      y
        .positional('action', { type: 'string', choices: ['generate-care', 'due'], demandOption: true })
        .option('today', { type: 'string', describe: 'the day to act as (default: today)' })
        .option('for', { type: 'string', describe: 'due: the employee (login; default: the acting one)' })
        .option('days', { type: 'string', describe: 'due: also what falls due in the next N days (default 0)' }),
      run(tasksCmd))
    .command('tickets <action> [id]', 'service tickets: advance moves a ticket to its next handling step (received → acknowledged → investigating → resolved → followed up → closed); reopen sends it back to investigating', (y) =>
      y
        .positional('action', { type: 'string', choices: ['advance', 'reopen'], demandOption: true })
        .positional('id', { type: 'string', describe: 'the ticket, e.g. W0001' })
        .option('note', { type: 'string', describe: 'what was done at this step (kept in the handling steps)' })
        .option('to', { type: 'string', describe: 'advance: a step the flow allows other than the next (code or label)' }),
      run(ticketsCmd))
    .command('doctor', 'check the workspace, say what is wrong', (y) => y.option('repair', { type: 'boolean', describe: 'keep everything before a bad journal record, move the rest aside, fold the journal into the workspace' }), run(doctorCmd))
    .demandCommand(1)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      if (err && !(err instanceof UsageError)) throw err;
      usageMessage = msg || err?.message || 'usage error';
    })
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100));
  try {
    await cli.parseAsync();
  } catch (e) {
    if (!usageMessage) throw e;
  }
  if (usageMessage) return usage(usageMessage);
  if (!pending) return EXIT.ok; // --help
  const { fn, args } = pending;
  const lists = listOptions(raw);
  for (const [k, v] of Object.entries(args)) {
    if (Array.isArray(v) && !lists.has(k) && !k.includes('-')) return usage(t('cli.repeatedFlag', { flag: k }));
  }
  // Every string a command prints for people passes here: text from a file, a flag or the
  // workspace must not move the cursor, retitle the window or fill the clipboard. JSON on
  // stdout is data and escapes control characters itself.
  const shown: CliIO = {
    ...io,
    out: (s) => io.out(args.json ? s : sanitizeText(s)),
    err: (s) => io.err(sanitizeText(s)),
  };
  try {
    return await fn(args as never, shown, t);
  } catch (e) {
    if (e instanceof Refused) {
      shown.err(e.lines.join('\n'));
      return EXIT.refused;
    }
    if (e instanceof UsageError) return usage(e.message);
    const errno = fsErrorCode(e);
    if (errno) {
      shown.err(t('cli.fsFailed', { file: fsErrorPath(e) ?? io.backend.resolvePath(args.data as string | undefined, io.env), reason: fsReasonText(t, errno) }));
      return EXIT.refused;
    }
    throw e;
  }
}
