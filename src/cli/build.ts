// The yargs shell: verb first as interface.md (`list ENTITY`, `add ENTITY` …). Built per call
// (yargs 18 has no singleton); handlers are thin and return an exit code.
import yargs, { type Argv } from 'yargs';
import { ENTITY_NAMES, isEntityName } from '../domain/entities.js';
import { flagFields, mapFlagFields } from './commands/fields-from-flags.js';
import { choicesHelp, detectLang, entityLabel, makeT, type T } from '../i18n/index.js';
import { YARGS_ZH_CN } from '../i18n/yargs-zh-CN.js';
import { DEFAULT_VALUE_LISTS } from '../domain/values.js';
import type { FieldInfo } from '../domain/fields.js';
import { ENTITIES } from '../domain/entities.js';
import { EXIT, Refused, UsageError, type CliIO } from './io.js';
import { sanitizeText } from '../text/sanitize.js';
import { fsErrorCode, fsErrorPath, fsReasonText } from '../presentation/fs-errors.js';
import { maskPassword } from '../text/url-password.js';

type Handler = (args: never, io: CliIO, t: T) => Promise<number>;

// Each command's module is loaded when that command runs: one instructor script runs
// hundreds of commands, and each paid for compiling and evaluating all of them (lab checks,
// grading, analytics, the import) to list one entity.
const COMMANDS = {
  init: () => import('./commands/init.js').then((m) => m.initCmd),
  list: () => import('./commands/records.js').then((m) => m.listCmd),
  add: () => import('./commands/records.js').then((m) => m.addCmd),
  update: () => import('./commands/records.js').then((m) => m.updateCmd),
  delete: () => import('./commands/records.js').then((m) => m.deleteCmd),
  import: () => import('./commands/import.js').then((m) => m.importCmd),
  export: () => import('./commands/export.js').then((m) => m.exportCmd),
  tasks: () => import('./commands/tasks.js').then((m) => m.tasksCmd),
  report: () => import('./commands/report.js').then((m) => m.reportCmd),
  churn: () => import('./commands/churn.js').then((m) => m.churnCmd),
  analytics: () => import('./commands/analytics.js').then((m) => m.analyticsCmd),
  tickets: () => import('./commands/tickets.js').then((m) => m.ticketsCmd),
  org: () => import('./commands/settings.js').then((m) => m.orgCmd),
  values: () => import('./commands/settings.js').then((m) => m.valuesCmd),
  leads: () => import('./commands/loyalty.js').then((m) => m.leadsCmd),
  points: () => import('./commands/loyalty.js').then((m) => m.pointsCmd),
  stages: () => import('./commands/loyalty.js').then((m) => m.stagesCmd),
  grade: () => import('./commands/grade.js').then((m) => m.gradeCmd),
  lab: () => import('./commands/lab.js').then((m) => m.labCmd),
  server: () => import('./commands/server.js').then((m) => m.serverCmd),
  doctor: () => import('./commands/doctor.js').then((m) => m.doctorCmd),
} satisfies Record<string, () => Promise<Handler>>;
type CommandName = keyof typeof COMMANDS;

/** What --help says of one field flag: its label in the interface language, whether it is
 *  required, and what it takes (a choice field lists each code with its label and meaning). */
export function fieldHelp(t: T, fi: FieldInfo): string {
  const label = t.l(fi.label);
  const parts = [fi.required ? t('cli.help.required', { label }) : label];
  if (fi.kind === 'enum') parts.push(t('cli.help.values', { choices: choicesHelp(t, DEFAULT_VALUE_LISTS, fi.values!) }));
  else if (fi.kind === 'date') parts.push(t('cli.help.date'));
  else if (fi.kind === 'money') parts.push(t('cli.help.money'));
  else if (fi.kind === 'bool') parts.push(t('cli.help.bool'));
  else if (fi.kind === 'ref') parts.push(t('cli.help.ref', { entity: entityLabel(t, fi.ref!) }));
  else if (fi.kind === 'tags') parts.push(t('cli.help.tags', { flag: fi.name.replace(/s$/, '') }));
  else if (fi.kind === 'json') parts.push(t('cli.help.nested', { flag: fi.name.replace(/s$/, '') }));
  return parts.join(t.lang === 'en' ? '; ' : '；');
}

/** Declares one flag per editable field of the entity named in argv, so --help lists them. */
function fieldOptions(y: Argv, raw: string[], t: T): Argv {
  const entity = raw.find((a) => isEntityName(a));
  if (!entity || !isEntityName(entity)) return y;
  const maps = new Set(mapFlagFields(entity).map((f) => f.name));
  for (const fi of flagFields(entity).filter((f) => !maps.has(f.name))) {
    const many = fi.kind === 'tags' || (fi.kind === 'json' && fi.name.endsWith('s'));
    y = y.option(fi.name, { type: 'string', describe: fieldHelp(t, fi), array: many });
    if (many) y = y.option(fi.name.replace(/s$/, ''), { type: 'string', array: true, hidden: true });
  }
  for (const fi of mapFlagFields(entity)) y = y.option(fi.name, { type: 'string', array: true, describe: `${t.l(fi.label)}${t.lang === 'en' ? '; ' : '；'}${t('cli.help.mapFlag', { flag: fi.name })}` });
  return y;
}

/** roles: --grant customers:view,edit:department and --revoke customers:delete (repeatable) */
const grantOptions = (y: Argv, t: T): Argv =>
  y
    .option('grant', { type: 'string', array: true, describe: t('cli.help.grant') })
    .option('revoke', { type: 'string', array: true, describe: t('cli.help.revoke') });

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
  const ok = new Set(['_', 'where', 'map', 'grant', 'revoke', 'skip', 'date', 'value', 'only', 'set', 'by', 'weight', 'margin']);
  const entity = raw.find((a) => isEntityName(a));
  if (entity && isEntityName(entity)) {
    for (const fi of flagFields(entity)) if (fi.kind === 'tags' || fi.kind === 'json') ok.add(fi.name).add(fi.name.replace(/s$/, ''));
    for (const fi of mapFlagFields(entity)) ok.add(fi.name);
  }
  return ok;
}

/** yargs' own words in the interface language: English from yargs itself, Chinese from our
 *  table (the bundle has no yargs locale files to read). */
function withLocale(y: Argv, t: T): Argv {
  if (t.lang === 'en') return y.locale('en');
  return y.locale('zh_CN').updateStrings(YARGS_ZH_CN as Record<string, string>);
}

/** customers（客户）| contacts（联系人）…: the entity names a command takes, with their labels. */
const entityChoices = (t: T) => ENTITY_NAMES.map((e) => (t.lang === 'en' ? e : `${e}（${t.l(ENTITIES[e].label)}）`)).join(' | ');

/** yargs renders a command's whole --help text each time the command runs, in case its handler
 *  asks for it later (0.1 s of CPU per command here: wide Chinese columns measured cell by
 *  cell). Ours never do: a handler only notes what to run, and a usage error prints its own
 *  message; --help itself renders the text when asked. */
function skipHelpCache(cli: Argv): void {
  const internal = (cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
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
  let pending: { command: CommandName; args: Record<string, unknown> } | undefined;
  const run = (command: CommandName) => (args: unknown) => {
    pending = { command, args: args as Record<string, unknown> };
  };
  // `report <kind>` declares every kind's flags, which come with the kinds' code: loaded only
  // when the command line may be a report (yargs runs a command's builder only for that command)
  const reportKinds = raw.includes('report') ? await import('./commands/report-kinds.js') : undefined;
  const entityPos = (y: Argv) =>
    y.positional('entity', { type: 'string', describe: t('cli.help.entity', { choices: entityChoices(t) }), demandOption: true });

  const cli = withLocale(yargs(raw), t)
    .scriptName('hotel-crm')
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false, 'camel-case-expansion': true })
    .option('data', { type: 'string', describe: t('cli.help.data') })
    .option('lang', { type: 'string', choices: ['zh-CN', 'en'], describe: t('cli.help.lang') })
    .option('json', { type: 'boolean', describe: t('cli.help.json') })
    .option('user', { type: 'string', describe: t('cli.help.user') })
    .option('ascii', { type: 'boolean', describe: t('cli.help.ascii') })
    .option('wait', { type: 'string', describe: t('cli.help.wait') })
    .option('lab', { type: 'string', describe: t('cli.help.labFlag') })
    .command('init', t('cli.help.init'), (y) => y.option('demo', { type: 'boolean', describe: t('cli.help.demo') }).option('force', { type: 'boolean', describe: t('cli.help.force') }), run('init'))
    .command('list <entity>', t('cli.help.list'), (y) => entityPos(y).option('where', { type: 'string', array: true, describe: t('cli.help.where') }), run('list'))
    .command('add <entity>', t('cli.help.add'), (y) => grantOptions(fieldOptions(entityPos(y), raw, t), t).option('allow-duplicate', { type: 'boolean', describe: t('cli.help.allowDuplicate') }).strict(false), run('add'))
    .command('update <entity> <id>', t('cli.help.update'), (y) => grantOptions(fieldOptions(entityPos(y).positional('id', { type: 'string', demandOption: true, describe: t('cli.help.id') }), raw, t), t).option('allow-duplicate', { type: 'boolean', describe: t('cli.help.allowDuplicateUpdate') }).strict(false), run('update'))
    .command('delete <entity> <id>', t('cli.help.delete'), (y) => entityPos(y).positional('id', { type: 'string', demandOption: true, describe: t('cli.help.id') }), run('delete'))
    .command('import <entity> <file>', t('cli.help.import'), (y) =>
      entityPos(y)
        .positional('file', { type: 'string', demandOption: true, describe: t('cli.help.file') })
        .option('format', { type: 'string', choices: ['csv', 'json'], describe: t('cli.help.format') })
        .option('map', { type: 'string', array: true, describe: t('cli.help.map') })
        .option('mapping', { type: 'string', describe: t('cli.help.mapping') })
        .option('encoding', { type: 'string', describe: t('cli.help.encoding') })
        .option('dry-run', { type: 'boolean', describe: t('cli.help.dryRun') })
        .option('on-duplicate', { type: 'string', choices: ['error', 'skip', 'update'], default: 'error', describe: t('cli.help.onDuplicate') })
        .option('skip', { type: 'string', array: true, describe: t('cli.help.importSkip') })
        .option('date', { type: 'string', array: true, describe: t('cli.help.importDate') })
        .option('value', { type: 'string', array: true, describe: t('cli.help.importValue') })
        .option('only', { type: 'string', array: true, describe: t('cli.help.importOnly') })
        .option('null', { type: 'string', describe: t('cli.help.importNull') })
        .option('date-order', { type: 'string', describe: t('cli.help.importDateOrder') })
        .option('set', { type: 'string', array: true, describe: t('cli.help.importSet') })
        .option('create-missing', { type: 'boolean', describe: t('cli.help.importCreateMissing') }), run('import'))
    .command('export <entity>', t('cli.help.export'), (y) =>
      entityPos(y)
        .option('format', { type: 'string', choices: ['csv', 'json'], describe: t('cli.help.format') })
        .option('out', { type: 'string', describe: t('cli.help.out') })
        .option('mode', { type: 'string', describe: t('cli.help.mode') })
        .option('encoding', { type: 'string', describe: t('cli.help.exportEncoding') })
        .option('where', { type: 'string', array: true, describe: t('cli.help.where') }), run('export'))
    .command('tasks <action>', t('cli.help.tasks'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['generate-care', 'due', 'follow-up'], demandOption: true, describe: t('cli.help.tasksAction') })
        .option('today', { type: 'string', describe: t('cli.help.today') })
        .option('for', { type: 'string', describe: t('cli.help.for') })
        .option('days', { type: 'string', describe: t('cli.help.days') })
        // follow-up: one visit task for every customer found
        .option('where', { type: 'string', array: true, describe: t('cli.help.followUpWhere') })
        .option('due', { type: 'string', describe: t('cli.help.followUpDue') })
        .option('subject', { type: 'string', describe: t('cli.help.followUpSubject') })
        .option('channel', { type: 'string', describe: t('cli.help.followUpChannel') })
        .option('owner', { type: 'string', describe: t('cli.help.followUpOwner') }),
      run('tasks'))
    .command('report <kind>', t('cli.help.report'), (y) =>
      reportKinds!.reportKindOptions(y
        .positional('kind', { type: 'string', describe: t('cli.help.reportKind'), demandOption: true })
        .option('owner', { type: 'string', describe: t('cli.help.reportOwner') })
        .option('from', { type: 'string', describe: t('cli.help.reportFrom') })
        .option('to', { type: 'string', describe: t('cli.help.reportTo') }), t),
      run('report'))
    .command('churn <action> [id]', t('cli.help.churn'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['lose', 'win-back'], demandOption: true, describe: t('cli.help.churnAction') })
        .positional('id', { type: 'string', describe: t('cli.help.id') })
        .option('reason', { type: 'string', describe: t('cli.help.churnReason', { choices: DEFAULT_VALUE_LISTS.churnReason!.map((v) => v.code).join(', ') }) })
        .option('as-of', { type: 'string', describe: t('cli.help.reportAsOf') })
        .option('days', { type: 'string', describe: t('cli.help.reportDays') })
        .option('factor', { type: 'string', describe: t('cli.help.reportFactor') })
        .option('owner', { type: 'string', describe: t('cli.help.reportOwner') })
        .option('due', { type: 'string', describe: t('cli.help.churnDue') })
        .option('subject', { type: 'string', describe: t('cli.help.followUpSubject') }),
      run('churn'))
    .command('analytics <action>', t('cli.help.analytics'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['show', 'set', 'reset'], demandOption: true, describe: t('cli.help.analyticsAction') })
        .option('churn-days', { type: 'string', describe: t('cli.help.churnDays') })
        .option('churn-factor', { type: 'string', describe: t('cli.help.churnFactor') })
        .option('satisfaction-bar', { type: 'string', describe: t('cli.help.satisfactionBar') })
        .option('weight', { type: 'string', array: true, describe: t('cli.help.weight') })
        .option('current-share', { type: 'string', describe: t('cli.help.currentShare') })
        .option('margin', { type: 'string', array: true, describe: t('cli.help.margin') }),
      run('analytics'))
    .command('tickets <action> [id]', t('cli.help.tickets'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['advance', 'reopen'], demandOption: true, describe: t('cli.help.ticketsAction') })
        .positional('id', { type: 'string', describe: t('cli.help.ticketId') })
        .option('note', { type: 'string', describe: t('cli.help.ticketNote') })
        .option('to', { type: 'string', describe: t('cli.help.ticketTo') }),
      run('tickets'))
    .command('org <action>', t('cli.help.org'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['show', 'set'], demandOption: true, describe: t('cli.help.orgAction') })
        .option('name', { type: 'string', describe: t('org.name') })
        .option('name-en', { type: 'string', describe: t('org.nameEn') })
        .option('address', { type: 'string', describe: t('org.address') })
        .option('phone', { type: 'string', describe: t('org.phone') })
        .option('stars', { type: 'string', describe: t('org.stars') })
        .option('currency', { type: 'string', describe: t('org.currency') }),
      run('org'))
    .command('values [action] [list] [code]', t('cli.help.valuesCmd'), (y) =>
      y
        .positional('action', { type: 'string', describe: t('cli.help.valuesAction') })
        .positional('list', { type: 'string', describe: t('cli.help.valuesList') })
        .positional('code', { type: 'string', describe: t('cli.help.valuesCode') })
        .option('en', { type: 'string', describe: t('cli.help.valuesEn') })
        .option('zh', { type: 'string', describe: t('cli.help.valuesZh') })
        .option('label', { type: 'string', describe: t('cli.help.valuesLabel') })
        .option('probability', { type: 'string', describe: t('cli.help.valuesProbability') })
        .option('points-per-yuan', { type: 'string', describe: t('cli.help.valuesPointsPerYuan') }),
      run('values'))
    .command('leads <action> [id]', t('cli.help.leads'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['convert'], demandOption: true, describe: t('cli.help.leadsAction') })
        .positional('id', { type: 'string', describe: t('cli.help.leadId') })
        .option('customer', { type: 'string', describe: t('cli.help.leadCustomer') })
        .option('new', { type: 'boolean', describe: t('cli.help.leadNew') }),
      run('leads'))
    .command('points <action> [customer]', t('cli.help.points'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['redeem', 'adjust', 'recheck'], demandOption: true, describe: t('cli.help.pointsAction') })
        .positional('customer', { type: 'string', describe: t('cli.help.pointsCustomer') })
        .option('points', { type: 'string', describe: t('cli.help.pointsN') })
        .option('reason', { type: 'string', describe: t('cli.help.pointsReason') }),
      run('points'))
    .command('stages', t('cli.help.stages'), (y) => y, run('stages'))
    .command('grade [dir]', t('cli.help.grade'), (y) =>
      y
        .positional('dir', { type: 'string', describe: t('cli.help.gradeDir') })
        .option('weights', { type: 'string', describe: t('cli.help.gradeWeights') })
        .option('scores', { type: 'string', describe: t('cli.help.gradeScores') })
        .option('out', { type: 'string', describe: t('cli.help.gradeOut') })
        .option('feedback', { type: 'string', describe: t('cli.help.gradeFeedback') })
        .option('deadline', { type: 'string', describe: t('cli.help.gradeDeadline') })
        .option('penalty', { type: 'string', describe: t('cli.help.gradePenalty') })
        .option('max-penalty', { type: 'string', describe: t('cli.help.gradeMaxPenalty') })
        .option('close-after', { type: 'string', describe: t('cli.help.gradeCloseAfter') })
        .option('grace', { type: 'string', describe: t('cli.help.gradeGrace') })
        .option('labs', { type: 'string', describe: t('cli.help.gradeLabs') })
        .option('csv', { type: 'string', describe: t('cli.help.gradeCsv') }),
      run('grade'))
    .command('lab <action> [arg]', t('cli.help.lab'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['list', 'start', 'status', 'check', 'submit'], demandOption: true, describe: t('cli.help.labAction') })
        .positional('arg', { type: 'string', describe: t('cli.help.labArg') })
        .option('force', { type: 'boolean', describe: t('cli.help.labForce') })
        .option('to', { type: 'string', describe: t('cli.help.labTo') })
        .option('team', { type: 'boolean', describe: t('cli.help.labTeam') }),
      run('lab'))
    .command('server <action> [arg]', t('cli.help.server'), (y) =>
      y
        .positional('action', { type: 'string', choices: ['init', 'add-employee'], demandOption: true, describe: t('cli.help.serverAction') })
        .positional('arg', { type: 'string', describe: t('cli.help.serverArg') })
        .option('demo', { type: 'boolean', describe: t('cli.help.demo') })
        .option('force', { type: 'boolean', describe: t('cli.help.serverForce') })
        .option('role', { type: 'string', describe: t('cli.help.serverRole') })
        .option('unix-user', { type: 'string', describe: t('cli.help.serverUnixUser') })
        .option('name', { type: 'string', describe: t('cli.help.serverName') }),
      run('server'))
    .command('doctor', t('cli.help.doctor'), (y) => y.option('repair', { type: 'boolean', describe: t('cli.help.repair') }), run('doctor'))
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
  skipHelpCache(cli);
  try {
    await cli.parseAsync();
  } catch (e) {
    if (!usageMessage) throw e;
  }
  if (usageMessage) return usage(usageMessage);
  if (!pending) return EXIT.ok; // --help
  const { command, args } = pending;
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
    const fn: Handler = await COMMANDS[command]();
    return await fn(args as never, shown, t);
  } catch (e) {
    if (e instanceof Refused) {
      shown.err(e.lines.join('\n'));
      return EXIT.refused;
    }
    if (e instanceof UsageError) return usage(e.message);
    const errno = fsErrorCode(e);
    if (errno) {
      shown.err(t('cli.fsFailed', { file: maskPassword(fsErrorPath(e) ?? io.backend.resolvePath(args.data as string | undefined, io.env)), reason: fsReasonText(t, errno) }));
      return EXIT.refused;
    }
    throw e;
  }
}
