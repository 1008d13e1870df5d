// Reads a spreadsheet file for import: CSV in any of the encodings Chinese spreadsheets
// write, tab-separated text, or JSON records. Shared by `hotel-crm import` and the app.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../text/csv.js';
import { decode, detectEncoding, type Encoding } from '../text/encoding.js';
import { tableFromJson, type TableRow } from './import.js';

export type TableFileError = { code: 'unreadable' | 'badJson' | 'decode'; reason: string };

export interface TableFile {
  table: TableRow[];
  encoding: Encoding;
  detected: boolean;
  format: 'csv' | 'json';
}

export function readTableFile(file: string, opts: { format?: 'csv' | 'json'; encoding?: Encoding } = {}): TableFile | TableFileError {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { code: 'unreadable', reason: (e as Error).message };
  }
  const format = opts.format ?? (path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  const encoding = opts.encoding ?? detectEncoding(bytes);
  let text: string;
  try {
    text = decode(bytes, encoding);
  } catch (e) {
    return { code: 'decode', reason: (e as Error).message };
  }
  if (format === 'json') {
    let table: TableRow[] | undefined;
    try {
      table = tableFromJson(JSON.parse(text));
    } catch {
      table = undefined;
    }
    return table ? { table, encoding, detected: !opts.encoding, format } : { code: 'badJson', reason: '' };
  }
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  // Excel's "Unicode text" is tab-separated
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  return { table: parseCsv(text, delimiter), encoding, detected: !opts.encoding, format };
}
