// Reads a mapping file (JSON as mappingFromJson describes, or SRC=FIELD lines) for the CLI's
// --mapping and the app's import dialog alike.
import fs from 'node:fs';
import { applyFlags, emptyMapping, mappingFromJson, type ImportMapping, type MappingProblem } from '../domain/import-mapping.js';

export type MappingFileResult =
  | { mapping: ImportMapping; lines: string[] }
  | { code: 'unreadable' | 'badJson'; reason: string; errno?: string }
  | { code: 'problems'; problems: MappingProblem[] };

/** `lines` are the SRC=FIELD lines of a text file, for the caller to add as --map flags. */
export function readMappingFile(file: string): MappingFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    return { code: 'unreadable', reason: (e as Error).message, errno: (e as NodeJS.ErrnoException).code };
  }
  const mapping = emptyMapping();
  if (!text.trim().startsWith('{')) {
    return { mapping, lines: text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#')) };
  }
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { code: 'badJson', reason: (e as Error).message };
  }
  const problems = mappingFromJson(obj, mapping);
  return problems.length ? { code: 'problems', problems } : { mapping, lines: [] };
}

/** The lines of a text mapping file applied (the app has no flags to add them to). */
export function loadMappingFile(file: string): MappingFileResult {
  const r = readMappingFile(file);
  if (!('mapping' in r) || !r.lines.length) return r;
  const problems = applyFlags(r.mapping, { map: r.lines });
  return problems.length ? { code: 'problems', problems } : r;
}
