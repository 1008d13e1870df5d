// import ENTITY FILE: CSV (UTF-8, UTF-8 with BOM, GBK) or JSON, all or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { entityFields, type EntityName } from '../../domain/entities.js';
import { errorMessage, type T } from '../../i18n/index.js';
import { importTable, tableFromJson, type ImportIssue, type ImportReport, type OnDuplicate, type TableRow } from '../../services/import.js';
import { parseCsv } from '../../text/csv.js';
import { decode, detectEncoding, normaliseEncoding, type Encoding } from '../../text/encoding.js';
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

function parseMaps(t: T, list: string[], file?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (s: string) => {
    const i = s.indexOf('=');
    if (i <= 0) throw new UsageError(`--map ${s}: SRC=FIELD`);
    out[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  };
  if (file) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    if (text.trim().startsWith('{')) Object.assign(out, JSON.parse(text) as Record<string, string>);
    else for (const line of text.split(/\r?\n/)) if (line.trim() && !line.trim().startsWith('#')) add(line);
  }
  for (const m of list) add(m);
  void t;
  return out;
}

const ENC_NAME: Record<Encoding, string> = { utf8: 'UTF-8', 'utf8-bom': 'UTF-8 (BOM)', gb18030: 'GBK/GB18030', utf16le: 'UTF-16' };

export function issueText(t: T, entity: EntityName, e: ImportIssue, lists: Parameters<typeof errorMessage>[2]): string {
  const fi = entityFields(entity).find((f) => f.name === e.field);
  let message = errorMessage(t, { field: e.field ?? '', code: e.code, params: e.params }, lists);
  if (e.code === 'noColumns' || e.code === 'duplicateInFile' || e.code === 'duplicateExisting') message = t(`err.${e.code}` as 'err.noColumns', e.params);
  return t('import.rowError', {
    line: e.line,
    column: e.column ?? (fi ? t.l(fi.label) : '') ? t('import.column', { column: e.column ?? t.l(fi!.label) }) : '',
    value: e.value ? t('import.value', { value: e.value.length > 40 ? `${e.value.slice(0, 40)}...` : e.value }) : '',
    message,
  });
}

export async function importCmd(args: ImportArgs, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const onDuplicate = (args.onDuplicate ?? 'error') as OnDuplicate;
  if (!['error', 'skip', 'update'].includes(onDuplicate)) throw new UsageError(`--on-duplicate ${args.onDuplicate}: error | skip | update`);
  const format = args.format ?? (path.extname(args.file).toLowerCase() === '.json' ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: csv | json`);
  const forced = args.encoding ? normaliseEncoding(args.encoding) : undefined;
  if (args.encoding && !forced) throw new UsageError(`--encoding ${args.encoding}: utf8 | utf8-bom | gbk | gb18030`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(args.file);
  } catch (e) {
    throw new Refused([t0('import.unreadable', { file: args.file, reason: (e as Error).message })]);
  }
  const s = await openSession(args, io, args.dryRun ? 'read' : 'write');
  const t = s.t;
  let save = false;
  try {
    const encoding = forced ?? detectEncoding(bytes);
    let table: TableRow[] | undefined;
    let text: string;
    try {
      text = decode(bytes, encoding);
    } catch (e) {
      throw new Refused([t('import.unreadable', { file: args.file, reason: `${ENC_NAME[encoding]}: ${(e as Error).message}` })]);
    }
    if (format === 'json') {
      try {
        table = tableFromJson(JSON.parse(text));
      } catch {
        table = undefined;
      }
      if (!table) throw new Refused([t('import.badJson')]);
    } else {
      const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
      const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
      table = parseCsv(text, delimiter);
    }
    const map = parseMaps(t, args.map ?? [], args.mapping);
    const progress = io.stderrIsTTY && !args.json && table.length > 5000;
    const report = importTable(s.repo, entity, table, {
      map,
      onDuplicate,
      dryRun: args.dryRun,
      onProgress: progress
        ? (done, total) => {
            const w = 30;
            const filled = Math.round((done / Math.max(1, total)) * w);
            io.err(`\r${t('import.progress')} [${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${done}/${total}`.padEnd(60) + (done === total ? '\n' : '\u001b[1A'));
          }
        : undefined,
    });
    save = report.applied && !args.dryRun;
    const lists = s.repo.ws.valueLists;
    if (args.json) {
      io.out(JSON.stringify(jsonReport(report, args, encoding, !forced, t, lists), null, 2));
    } else {
      printReport(io, t, report, encoding, !forced, args, lists);
    }
    return report.errors.length ? EXIT.refused : EXIT.ok;
  } finally {
    await s.finish(save);
  }
}

function jsonReport(r: ImportReport, args: ImportArgs, encoding: Encoding, detected: boolean, t: T, lists: Parameters<typeof errorMessage>[2]) {
  return {
    file: args.file, entity: r.entity, encoding, encodingDetected: detected, headerLine: r.headerLine, mapping: r.mapping,
    rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped, filledDown: r.filledDown,
    dryRun: !!args.dryRun, applied: r.applied && !args.dryRun,
    errors: r.errors.map((e) => ({ ...e, message: issueText(t, r.entity, e, lists) })),
  };
}

function printReport(io: CliIO, t: T, r: ImportReport, encoding: Encoding, detected: boolean, args: ImportArgs, lists: Parameters<typeof errorMessage>[2]) {
  const lines: string[] = [];
  lines.push(t('import.encoding', { encoding: ENC_NAME[encoding], how: detected ? t('import.detected') : '' }));
  const fieldLabel = (name: string) => {
    const fi = entityFields(r.entity).find((f) => f.name === name);
    return fi ? `${name}` : name;
  };
  lines.push(t('import.header', { line: r.headerLine, mapping: r.mapping.filter((m) => m.column.trim()).map((m) => `${m.column}->${m.field ? fieldLabel(m.field) : `(${t('import.ignored')})`}`).join(', ') }));
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
