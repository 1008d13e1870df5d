// Reads a spreadsheet file for import: CSV in any of the encodings Chinese spreadsheets
// write, tab-separated text, or JSON records. Shared by `hotel-crm import` and the app.
import fs from 'node:fs';
import path from 'node:path';
import { csvRows } from '../text/csv.js';
import { decode, decodeDetected, type Encoding } from '../text/encoding.js';
import { tableFromJson, type TableRow } from './import.js';
import type { EntityName } from '../domain/entities.js';

/** errno: the system's code of an unreadable file (ENOENT …), for a reason in the user's language */
export type TableFileError = { code: 'unreadable' | 'badJson' | 'decode'; reason: string; errno?: string };

export interface TableFile {
  /** every row at once (made on first use) */
  table: TableRow[];
  /** the rows read as they are used, as often as asked: an import of a large CSV goes row by
   *  row instead of holding every row as an array */
  rows: Iterable<TableRow>;
  /** about how many rows (lines in a CSV), for progress */
  estimate: number;
  encoding: Encoding;
  detected: boolean;
  format: 'csv' | 'json';
}

/** entity and map (when known) let a JSON file's columns that name no field be dropped early. */
export function readTableFile(file: string, opts: { format?: 'csv' | 'json'; encoding?: Encoding; entity?: EntityName; map?: Record<string, string> } = {}): TableFile | TableFileError {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { code: 'unreadable', reason: (e as Error).message, errno: (e as NodeJS.ErrnoException).code };
  }
  const format = opts.format ?? (path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  let text: string;
  let encoding: Encoding;
  try {
    ({ text, encoding } = opts.encoding ? { text: decode(bytes, opts.encoding), encoding: opts.encoding } : decodeDetected(bytes));
  } catch (e) {
    return { code: 'decode', reason: (e as Error).message };
  }
  if (format === 'json') {
    let table: TableRow[] | undefined;
    try {
      table = tableFromJson(JSON.parse(text), opts.entity, opts.map);
    } catch {
      table = undefined;
    }
    return table ? { table, rows: table, estimate: table.length, encoding, detected: !opts.encoding, format } : { code: 'badJson', reason: '' };
  }
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  // Excel's "Unicode text" is tab-separated
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const rows: Iterable<TableRow> = { [Symbol.iterator]: () => csvRows(text, delimiter) };
  let table: TableRow[] | undefined;
  return {
    get table() {
      return (table ??= [...rows]);
    },
    rows,
    estimate: lines,
    encoding,
    detected: !opts.encoding,
    format,
  };
}
