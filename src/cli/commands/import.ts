// import ENTITY FILE: CSV (UTF-8, UTF-8 with BOM, GBK) or JSON, all or nothing.
import fs from 'node:fs';
import { entityFields } from '../../domain/entities.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { workThenSave } from '../commit.js';
import { errorMessage, type T } from '../../i18n/index.js';
import { importTable, type ImportReport, type OnDuplicate } from '../../services/import.js';
import { normaliseEncoding, type Encoding } from '../../text/encoding.js';
import { readTableFile } from '../../services/table-file.js';
import { ENC_NAME, issueText } from '../../presentation/import-report.js';
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
}

/** --map and --mapping as SRC → FIELD. A Map: a mapping file's keys are text from outside
 *  ("__proto__" is a column name like any other). */
function parseMaps(t: T, list: string[], file?: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (s: string) => {
    const i = s.indexOf('=');
    if (i <= 0) throw new UsageError(`--map ${s}: SRC=FIELD`);
    out.set(s.slice(0, i).trim(), s.slice(i + 1).trim());
  };
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    } catch (e) {
      throw new Refused([t('import.unreadable', { file, reason: (e as Error).message })]);
    }
    if (text.trim().startsWith('{')) {
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        throw new Refused([t('import.unreadable', { file, reason: (e as Error).message })]);
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Refused([t('import.unreadable', { file, reason: '{ "SRC": "FIELD" }' })]);
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v !== 'string') throw new Refused([t('import.unreadable', { file, reason: `${k}: { "SRC": "FIELD" }` })]);
        out.set(k, v);
      }
    } else for (const line of text.split(/\r?\n/)) if (line.trim() && !line.trim().startsWith('#')) add(line);
  }
  for (const m of list) add(m);
  return out;
}

export async function importCmd(args: ImportArgs, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const onDuplicate = (args.onDuplicate ?? 'error') as OnDuplicate;
  if (!['error', 'skip', 'update'].includes(onDuplicate)) throw new UsageError(`--on-duplicate ${args.onDuplicate}: error | skip | update`);
  const format = args.format as 'csv' | 'json' | undefined;
  if (format !== undefined && format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: csv | json`);
  const forced = args.encoding ? normaliseEncoding(args.encoding) : undefined;
  if (args.encoding && !forced) throw new UsageError(`--encoding ${args.encoding}: utf8 | utf8-bom | gbk | gb18030`);
  const map = Object.fromEntries(parseMaps(t0, args.map ?? [], args.mapping));
  const s = await openSession(args, io, args.dryRun ? 'read' : 'write');
  const t = s.t;
  const { report, encoding } = await workThenSave(s, () => {
    const read = readTableFile(args.file, { format, encoding: forced, entity, map });
    if ('code' in read) {
      if (read.code === 'badJson') throw new Refused([t('import.badJson')]);
      throw new Refused([t('import.unreadable', { file: args.file, reason: read.reason })]);
    }
    const { rows, estimate, encoding } = read;
    const progress = io.stderrIsTTY && !args.json && estimate > 5000;
    const report = importTable(s.repo, entity, rows, {
      total: estimate,
      map,
      onDuplicate,
      dryRun: args.dryRun,
      onProgress: progress
        ? (done, total) => {
            const w = 30;
            const filled = Math.round((done / Math.max(1, total)) * w);
            (io.errRaw ?? io.err)(`\r${t('import.progress')} [${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
          }
        : undefined,
    });
    return { save: report.applied && !args.dryRun, report, encoding };
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
    rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped, filledDown: r.filledDown,
    dryRun: !!args.dryRun, applied: r.applied && !args.dryRun,
    errors: r.errors.map((e) => ({ ...e, message: issueText(t, r.entity, e, lists) })),
  };
}

/** Column names come from the file: one line each, no control sequences; a file with
 *  thousands of unknown columns gets a count, not a screenful. */
const SHOWN_IGNORED = 20;
function mappingText(t: T, mapping: ImportReport['mapping']): string {
  const parts: string[] = [];
  let ignored = 0;
  for (const m of mapping) {
    const column = sanitizeLine(m.column).trim();
    if (!column) continue;
    if (!m.field && ++ignored > SHOWN_IGNORED) continue;
    parts.push(`${column.length > 40 ? `${column.slice(0, 40)}...` : column}->${m.field ?? `(${t('import.ignored')})`}`);
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
  if (r.errors.length) {
    const shown = r.errors.slice(0, 200);
    io.err([...lines, t('import.refused', { count: r.errors.length }), ...shown.map((e) => `  ${issueText(t, r.entity, e, lists)}`), ...(r.errors.length > shown.length ? [`  ${t('import.more', { count: r.errors.length - shown.length })}`] : [])].join('\n'));
    return;
  }
  if (args.dryRun) lines.push(t('import.dryRun'));
  io.out(lines.join('\n'));
}
