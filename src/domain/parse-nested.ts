// A structured field (an order's line items, its stay) given as text: JSON as `list --json`
// prints it (amounts in yuan), or `part=value` pairs as a person types them on a command line:
// `--item product=行政套房,qty=2,discount=10 --stay roomType=大床房,checkIn=2026-10-01,…`.
// Pairs go through each part's own parsing (yuan, dates, a product by name, a value by label).
import type { z } from 'zod';
import type { FieldInfo } from './fields.js';
import type { EntityName } from './entities.js';
import { ENTITIES } from './entities.js';
import { nestedShape } from './nested.js';
import { fieldFromYuan } from './money-fields.js';
import { parseFieldText, type ParseContext, type ParsedValue } from './parse-input.js';

/** the part a key names: its name, its name without Id (product), a label, or a unique prefix */
function partFor(parts: FieldInfo[], key: string): FieldInfo | undefined {
  const k = key.trim().toLowerCase();
  const exact = parts.find((p) => p.name.toLowerCase() === k || p.name.toLowerCase() === `${k}id` || p.label.en.toLowerCase() === k || p.label.zh === key.trim());
  if (exact) return exact;
  const pre = parts.filter((p) => p.name.toLowerCase().startsWith(k));
  return pre.length === 1 ? pre[0] : undefined;
}

/** `a=1,b=2`: split where the next pair starts (a comma inside 1,234.50 stays) */
const PAIR_SPLIT = /\s*[,;，；]\s*(?=[\p{L}_%][\p{L}\p{N}_% ]*\s*[=＝])/u;

function rowFromPairs(fi: FieldInfo, parts: FieldInfo[], text: string, ctx: ParseContext): ParsedValue {
  const row: Record<string, unknown> = {};
  for (const pair of text.split(PAIR_SPLIT)) {
    if (!pair.trim()) continue;
    const m = /^([^=＝]+)[=＝](.*)$/s.exec(pair);
    const part = m ? partFor(parts, m[1]) : undefined;
    if (!m || !part) return { error: { field: fi.name, code: 'nestedPart', params: { value: (m?.[1] ?? pair).trim(), choices: parts.map((p) => p.name).join(', ') } } };
    const r = parseFieldText(part, m[2], ctx);
    if ('error' in r) return { error: { ...r.error, field: fi.name, params: { ...r.error.params, part: part.name } } };
    if (r.value !== undefined) row[part.name] = r.value;
  }
  return { value: row };
}

function fromJson(entity: EntityName, fi: FieldInfo, text: string): ParsedValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: { field: fi.name, code: 'json' } };
  }
  const r = fieldFromYuan(entity, fi.name, parsed);
  return 'error' in r ? { error: { field: fi.name, code: r.error } } : { value: r.value };
}

/** The value of a structured field from one or more texts (a list field takes each as rows). */
export function parseNestedTexts(entity: EntityName, fi: FieldInfo, texts: string[], ctx: ParseContext): ParsedValue {
  const shape = nestedShape(ENTITIES[entity].schema.shape[fi.name] as z.ZodType);
  if (shape.kind !== 'rows' && shape.kind !== 'object') return texts.length === 1 ? fromJson(entity, fi, texts[0]) : { error: { field: fi.name, code: 'json' } };
  const rows: unknown[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (!text) continue;
    const r = text.startsWith('[') || text.startsWith('{') ? fromJson(entity, fi, text) : rowFromPairs(fi, shape.parts, text, ctx);
    if ('error' in r) return r;
    if (Array.isArray(r.value)) rows.push(...r.value);
    else rows.push(r.value);
  }
  if (shape.kind === 'object') return rows.length > 1 ? { error: { field: fi.name, code: 'nestedOne' } } : { value: rows[0] };
  return { value: rows };
}
