// export ENTITY: CSV (UTF-8 with BOM by default, or GBK) or JSON (the same as list --json).
import { normaliseEncoding } from '../../text/encoding.js';
import { encode } from '../../text/encoding.js';
import { stringifyCsv } from '../../text/csv.js';
import { exportTable } from '../../services/export.js';
import { entityLabel, type T } from '../../i18n/index.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { entityArg, parseWhere } from './records.js';

export interface ExportArgs extends GlobalArgs {
  entity: string;
  format?: string;
  out?: string;
  encoding?: string;
  where?: string[];
}

export async function exportCmd(args: ExportArgs, io: CliIO, t0: T): Promise<number> {
  const entity = entityArg(t0, args.entity);
  const format = args.format ?? (args.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: csv | json`);
  const enc = normaliseEncoding(args.encoding ?? 'utf8-bom');
  if (!enc || enc === 'utf16le') throw new UsageError(`--encoding ${args.encoding}: utf8-bom | utf8 | gbk`);
  const s = await openSession(args, io, 'read');
  try {
    const records = s.repo.query(entity, parseWhere(s.t, entity, args.where ?? [], s.repo.ws.valueLists));
    const bytes =
      format === 'json'
        ? Buffer.from(JSON.stringify(records, null, 2) + '\n', 'utf8')
        : await encode(stringifyCsv(exportTable(s.repo, entity, s.t, records)), enc);
    if (args.out) {
      io.backend.writeFile(args.out, bytes);
      io.err(s.t('export.done', { count: records.length, entity: entityLabel(s.t, entity), file: args.out }));
    } else if (io.writeOut) io.writeOut(bytes);
    else io.out(bytes.toString('utf8'));
    return EXIT.ok;
  } finally {
    await s.finish(false);
  }
}
