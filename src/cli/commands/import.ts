// import ENTITY FILE: CSV (UTF-8, UTF-8 with BOM, GBK) or JSON, all or nothing.
import { unreadableText } from '../../presentation/unreadable.js';
import { entityFields } from '../../domain/entities.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { entityLabel, errorMessage, type T } from '../../i18n/index.js';
import { importTable, mappingProblems, type ImportReport, type OnDuplicate } from '../../services/import.js';
import { applyFlags, emptyMapping, type ImportMapping, type MappingProblem } from '../../domain/import-mapping.js';
import { readMappingFile } from '../../services/mapping-file.js';
import { normaliseEncoding, type Encoding } from '../../text/encoding.js';
import { readTableFile } from '../../services/table-file.js';
import { ENC_NAME, groupIssues, groupText, issueText, otherNamesText } from '../../presentation/import-report.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { entityArg } from './records.js';

export interface ImportArgs extends GlobalArgs {
  entity: string;
  file: string;
  format?: string;
  map?: string[];
  mapping?: string;
  encoding?: string;
  dryRun?: boolean;
  onDuplicate?: string;
  skip?: string[];
  date?: string[];
  value?: string[];
  only?: string[];
  null?: string;
  dateOrder?: string;
  set?: string[];
  createMissing?: boolean;
}

/** The mapping file (JSON, or SRC=FIELD lines) with the flags on top. A mistake in either is
 *  a usage error: nothing is read or written. */
function buildMapping(t: T, args: ImportArgs): ImportMapping {
  let m = emptyMapping();
  const problems: MappingProblem[] = [];
  const lines: string[] = [];
  if (args.mapping) {
    const r = readMappingFile(args.mapping);
    if ('mapping' in r) {
      m = r.mapping;
      lines.push(...r.lines);
    } else if (r.code === 'unreadable') throw new Refused([unreadableText(t, args.mapping, r)]);
    else if (r.code === 'badJson') throw new UsageError(t('import.badMappingFile', { file: args.mapping, reason: r.reason }));
    else if (r.code === 'problems') problems.push(...r.problems);
  }
  const list = (v: string[] | string | undefined) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  problems.push(...applyFlags(m, {
    map: [...lines, ...list(args.map)], skip: list(args.skip), date: list(args.date), value: list(args.value), only: list(args.only),
    null: args.null === undefined ? undefined : String(args.null), dateOrder: args.dateOrder, set: list(args.set), createMissing: args.createMissing,
  }));
  if (problems.length) throw new UsageError(problems.map((p) => t('import.badMapping', { what: p.what, text: p.text, expected: p.expected })).join('\n'));
  return m;
}

export async function importCmd(args: ImportArgs, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const onDuplicate = (args.onDuplicate ?? 'error') as OnDuplicate;
  if (!['error', 'skip', 'update'].includes(onDuplicate)) throw new UsageError(`--on-duplicate ${args.onDuplicate}: error | skip | update`);
  const format = args.format as 'csv' | 'json' | undefined;
  if (format !== undefined && format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: csv | json`);
  const forced = args.encoding ? normaliseEncoding(args.encoding) : undefined;
  if (args.encoding && !forced) throw new UsageError(`--encoding ${args.encoding}: utf8 | utf8-bom | gbk | gb18030`);
  const mapping = buildMapping(t0, args);
  const wrong = mappingProblems(entity, mapping);
  if (wrong.length) throw new UsageError(wrong.map((w) => t0('import.badTarget', { what: w.what, value: w.value, entity: args.entity })).join('\n'));
  const map = Object.fromEntries([...mapping.columns].filter(([, v]) => v.length).map(([k, v]) => [k, v.join(',')]));
  const s = await openSession(args, io, args.dryRun ? 'read' : 'write');
  const t = s.t;
  const { report, encoding } = await workThenSave(s, () => {
    const read = readTableFile(args.file, { format, encoding: forced, entity, map });
    if ('code' in read) {
      if (read.code === 'badJson') throw new Refused([t('import.badJson')]);
      throw new Refused([unreadableText(t, args.file, read)]);
    }
    const { rows, estimate, encoding } = read;
    const progress = io.stderrIsTTY && !args.json && estimate > 5000;
    const report = importTable(s.repo, entity, rows, {
      total: estimate,
      mapping,
      onDuplicate,
      dryRun: args.dryRun,
      onProgress: progress
        ? (done, total, phase) => {
            const w = 30;
            const filled = Math.round((done / Math.max(1, total)) * w);
            const label = t(phase === 'apply' ? 'import.progressApply' : 'import.progress');
            (io.errRaw ?? io.err)(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
          }
        : undefined,
    });
    const save = report.applied && !args.dryRun;
    // the snapshot of a large workspace takes a while: the summary follows once it is on disk
    if (progress && save) (io.errRaw ?? io.err)(`${t('import.progressSave')}\n`);
    return { save, report, encoding };
  });
  // the summary says "imported": it is printed once the save is on disk
  const lists = s.repo.ws.valueLists;
  if (args.json) io.out(JSON.stringify(jsonReport(report, args, encoding, !forced, t, lists), null, 2));
  else printReport(io, t, report, encoding, !forced, args, lists);
  return report.errors.length ? EXIT.refused : EXIT.ok;
}

function jsonReport(r: ImportReport, args: ImportArgs, encoding: Encoding, detected: boolean, t: T, lists: Parameters<typeof errorMessage>[2]) {
  return {
    file: args.file, entity: r.entity, encoding, encodingDetected: detected, headerLine: r.headerLine, mapping: r.mapping,
    rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped, filledDown: r.filledDown, filtered: r.filtered, roundingLines: r.roundingLines, createdRefs: r.createdRefs, otherNames: r.otherNames,
    dryRun: !!args.dryRun, applied: r.applied && !args.dryRun,
    errors: r.errors.map((e) => ({ ...e, message: issueText(t, r.entity, e, lists) })),
    groups: groupIssues(r.errors).map(({ first, ...g }) => ({ ...g, message: issueText(t, r.entity, first, lists), ...(first.params?.list ? { list: first.params.list } : {}) })),
  };
}

/** Column names come from the file: one line each, no control sequences; a file with
 *  thousands of unknown columns gets a count, not a screenful. */
const SHOWN_IGNORED = 20;
const SHOWN_GROUPS = 40;
function mappingText(t: T, mapping: ImportReport['mapping']): string {
  const parts: string[] = [];
  let ignored = 0;
  for (const m of mapping) {
    const column = sanitizeLine(m.column).trim();
    if (!column) continue;
    if (!m.field && !m.datePartOf && ++ignored > SHOWN_IGNORED) continue;
    const to = m.field ? [m.via ? `${m.field}.${m.via}` : m.field, ...(m.also ?? [])].join('+') : m.datePartOf ? `${m.datePartOf}(${t('import.datePart')})` : `(${t(m.skipped ? 'import.skippedColumn' : 'import.ignored')})`;
    parts.push(`${column.length > 40 ? `${column.slice(0, 40)}...` : column}->${to}`);
  }
  if (ignored > SHOWN_IGNORED) parts.push(t('import.moreColumns', { count: ignored - SHOWN_IGNORED }));
  return parts.join(', ');
}

function printReport(io: CliIO, t: T, r: ImportReport, encoding: Encoding, detected: boolean, args: ImportArgs, lists: Parameters<typeof errorMessage>[2]) {
  const lines: string[] = [];
  lines.push(t('import.encoding', { encoding: ENC_NAME[encoding], how: detected ? t('import.detected') : '' }));
  lines.push(t('import.header', { line: r.headerLine, mapping: mappingText(t, r.mapping) }));
  lines.push(t('import.summary', { rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped }));
  if (r.filledDown) {
    const ref = entityFields(r.entity).find((f) => f.kind === 'ref' && f.required);
    lines.push(t('import.filledDown', { count: r.filledDown, field: ref ? t.l(ref.label) : '' }));
  }
  if (r.filtered) lines.push(t('import.filtered', { count: r.filtered }));
  if (r.roundingLines) lines.push(t('import.roundingLines', { count: r.roundingLines }));
  for (const [e, n] of Object.entries(r.createdRefs)) if (n) lines.push(t(r.applied ? 'import.createdRefs' : 'import.createsRefs', { count: n, entity: entityLabel(t, e) }));
  lines.push(...otherNamesText(t, r.otherNames));
  if (r.errors.length) {
    // grouped by kind and column: one finding with its count, not 200 identical lines
    const groups = groupIssues(r.errors);
    const shown = groups.slice(0, SHOWN_GROUPS);
    const rowsWith = new Set(r.errors.map((e) => e.line)).size;
    io.err([...lines, t('import.refusedRows', { count: r.errors.length, rows: rowsWith }), ...shown.flatMap((g) => groupText(t, r.entity, g, lists).map((l) => `  ${l}`)), ...(groups.length > shown.length ? [`  ${t('import.moreGroups', { count: groups.length - shown.length })}`] : [])].join('\n'));
    return;
  }
  if (args.dryRun) lines.push(t('import.dryRun'));
  io.out(lines.join('\n'));
}
