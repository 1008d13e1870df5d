// import ENTITY FILE: CSV (UTF-8, UTF-8 with BOM, GBK) or JSON, all or nothing.
import fs from 'node:fs';
import { entityFields } from '../../domain/entities.js';
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

function parseMaps(t: T, list: string[], file?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (s: string) => {
    const i = s.indexOf('=');
    if (i <= 0) throw new UsageError(`--map ${s}: SRC=FIELD`);
    out[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  };
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    } catch (e) {
      throw new Refused([t('import.unreadable', { file, reason: (e as Error).message })]);
    }
    if (text.trim().startsWith('{')) {
      try {
        Object.assign(out, JSON.parse(text) as Record<string, string>);
      } catch (e) {
        throw new Refused([t('import.unreadable', { file, reason: (e as Error).message })]);
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
  const s = await openSession(args, io, args.dryRun ? 'read' : 'write');
  const t = s.t;
  let save = false;
  try {
    const read = readTableFile(args.file, { format, encoding: forced });
    if ('code' in read) {
      if (read.code === 'badJson') throw new Refused([t('import.badJson')]);
      throw new Refused([t('import.unreadable', { file: args.file, reason: read.reason })]);
    }
    const { table, encoding } = read;
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
            (io.errRaw ?? io.err)(`\r${t('import.progress')} [${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
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
