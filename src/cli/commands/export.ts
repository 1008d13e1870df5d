// export ENTITY: CSV (UTF-8 with BOM by default, or GBK) or JSON (the records as list --json
// prints them, with times on the workspace zone's clock: 2026-11-25T20:18:33+08:00).
import { normaliseEncoding } from '../../text/encoding.js';
import { encode } from '../../text/encoding.js';
import { stringifyCsv } from '../../text/csv.js';
import { exportTable, recordsForJson } from '../../services/export.js';
import { entityLabel, errorText, type T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { entityArg, parseWhere, whereRecords } from './records.js';

export interface ExportArgs extends GlobalArgs {
  entity: string;
  format?: string;
  out?: string;
  encoding?: string;
  where?: string[];
  mode?: string;
}

/** --mode 644: an octal permission for the exported file (owner must keep read and write). */
export function parseMode(t: T, s: string | undefined): number {
  if (s === undefined) return 0o600;
  if (!/^0?[0-7]{3}$/.test(s)) throw new UsageError(t('cli.badMode', { value: s }));
  const mode = parseInt(s, 8);
  if ((mode & 0o600) !== 0o600) throw new UsageError(t('cli.badMode', { value: s }));
  return mode;
}

export async function exportCmd(args: ExportArgs, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const format = args.format ?? (args.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: csv | json`);
  const enc = normaliseEncoding(args.encoding ?? 'utf8-bom');
  if (!enc || enc === 'utf16le') throw new UsageError(`--encoding ${args.encoding}: utf8-bom | utf8 | gbk`);
  const mode = parseMode(t0, args.mode);
  const s = await openSession(args, io, 'read');
  try {
    const conds = parseWhere(s.t, entity, args.where ?? [], s.repo.ws.valueLists);
    const allowed = s.repo.exportable(entity);
    if (!allowed.ok) throw new Refused([s.t('cli.refused'), ...allowed.errors.map((e) => `  ${errorText(s.t, entity, e)}`)]);
    const records = whereRecords(s.repo, entity, conds, allowed.value);
    const bytes =
      format === 'json'
        ? Buffer.from(JSON.stringify(recordsForJson(s.repo, entity, records), null, 2) + '\n', 'utf8')
        : await encode(stringifyCsv(exportTable(s.repo, entity, s.t, records)), enc);
    if (args.out) {
      // 0600 unless asked (a shared server has many users; an instructor collecting files asks 644)
      io.backend.writeFile(args.out, bytes, mode);
      io.err(s.t('export.done', { count: records.length, entity: entityLabel(s.t, entity), file: args.out }));
    } else if (io.writeOut) io.writeOut(bytes);
    else io.out(bytes.toString('utf8'));
    return EXIT.ok;
  } finally {
    await s.finish(false);
  }
}
