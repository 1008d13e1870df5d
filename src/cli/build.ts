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

export async function runCli(raw: string[], io: CliIO): Promise<number> {
  const flagLang = (() => {
    const i = raw.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    if (i < 0) return undefined;
    return raw[i].includes('=') ? raw[i].split('=')[1] : raw[i + 1];
  })();
  const t = makeT(detectLang(flagLang, undefined, io.env));
  let code: number = EXIT.ok;
  let usageMessage: string | undefined;
  const run = (fn: Handler) => async (args: unknown) => {
    try {
      code = await fn(args as never, io, t);
    } catch (e) {
      if (e instanceof Refused) {
        io.err(e.lines.join('\n'));
        code = EXIT.refused;
      } else if (e instanceof UsageError) {
        io.err(e.message);
        code = EXIT.usage;
      } else throw e;
    }
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
    .command('add <entity>', 'add a record; prints the new id', (y) => fieldOptions(entityPos(y), raw, t).strict(false), run(addCmd))
    .command('update <entity> <id>', 'change fields of a record', (y) => fieldOptions(entityPos(y).positional('id', { type: 'string', demandOption: true }), raw, t).strict(false), run(updateCmd))
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
        .option('encoding', { type: 'string', describe: 'utf8-bom (default) | utf8 | gbk' })
        .option('where', { type: 'string', array: true, describe: 'F=V (equals) or F~V (contains)' }), run(exportCmd))
    .command('doctor', 'check the workspace, say what is wrong', (y) => y, run(doctorCmd))
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
  if (usageMessage) {
    io.err(`${usageMessage}\n${t('cli.usage')}  hotel-crm --help`);
    return EXIT.usage;
  }
  return code;
}
