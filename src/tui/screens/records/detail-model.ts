// What a record's detail shows, line by line, made from the registries only: every attribute,
// then the related records (RELATED), then the nested records of its structured fields. The
// rows a user can select are numbered items; item 0 is the record itself.
import { byCode } from '../../../domain/compare.js';
import { ENTITIES, entityFields, type EntityName } from '../../../domain/entities.js';
import type { FieldInfo } from '../../../domain/fields.js';
import { REPORT_WRITTEN_FIELDS } from '../../../domain/analytics/fields.js';
import { nestedColumns, nestedRows, nestedShape } from '../../../domain/nested.js';
import { relatedOf, type RelatedList } from '../../../domain/related.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import type { Repo } from '../../../services/repo.js';
import { entityLabel, nameInLanguage, type T } from '../../../i18n/index.js';
import { cellText } from '../../../presentation/cells.js';
import { sanitizeLine, sanitizeText } from '../../../text/sanitize.js';
import { fit } from '../../../text/width.js';
import { fenToGrouped } from '../../../domain/money.js';

/** What a selected row of the detail stands for. */
export type DetailTarget =
  | { kind: 'record'; entity: EntityName; id: string }
  | { kind: 'nested'; field: string; index: number };

export interface DetailLine {
  text: string;
  head?: boolean;
  muted?: boolean;
  /** the item this line selects (1..), if any */
  item?: number;
}

export interface DetailModel {
  lines: DetailLine[];
  /** the selectable rows, item n at items[n - 1] */
  items: { target: DetailTarget; line: number; section: number }[];
  /** the first item of each section that has one */
  sectionStarts: number[];
}

/** A nested value's part as a person reads it: labels for codes, names for references. */
export function partText(repo: Repo, t: T, fi: FieldInfo, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (fi.kind === 'ref' && fi.ref) {
    // a reference by code or by natural key (an employee's login)
    const r = repo.resolveRef(fi.ref, String(v));
    const rec = 'id' in r ? repo.get(fi.ref as EntityName, r.id) : undefined;
    return sanitizeLine(rec ? nameInLanguage(t, String(rec[ENTITIES[fi.ref as EntityName].display] ?? v)) : String(v));
  }
  if (typeof v === 'object') return sanitizeLine(JSON.stringify(v));
  return cellText(repo, t, fi, { [fi.name]: v } as EntityRecord);
}

/** One nested row in columns; two neighbouring parts of the same value list read as a move (from → to). */
export function nestedRowText(repo: Repo, t: T, cols: FieldInfo[], row: Record<string, unknown> | 'header', width: number): string {
  const text = (c: FieldInfo) => (row === 'header' ? t.l(c.label) : partText(repo, t, c, row[c.name]));
  const cw = Math.max(6, Math.min(20, Math.floor(width / Math.max(1, cols.length)) - 2));
  const out: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const next = cols[i + 1];
    if (next && c.kind === 'enum' && next.kind === 'enum' && c.values === next.values) {
      out.push(`${text(c) || '-'} → ${text(next)}`);
      i++;
      continue;
    }
    out.push(fit(text(c), c.kind === 'datetime' ? 16 : cw));
  }
  return out.join('  ').trimEnd();
}

/** The records a related list shows, in its order (a timeline: oldest first, by due date). */
export function relatedRows(repo: Repo, rl: RelatedList, id: string): EntityRecord[] {
  const recs = repo.all(rl.entity).filter((r) => r[rl.field] === id);
  if (!rl.order) return recs;
  const when = (r: EntityRecord) => String(rl.order!.map((f) => r[f]).find((v) => v !== undefined && v !== '') ?? '').slice(0, 10);
  // codes and ISO dates: compared by code unit, no collator needed
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return recs.map((r) => [when(r), r] as const).sort((a, b) => cmp(a[0], b[0]) || cmp(a[1].id, b[1].id)).map(([, r]) => r);
}

/** Widths of a row whose text columns share the room the others leave: a date is 10 columns,
 *  a code's label 6, a reference 10. */
function fillWidths(cols: FieldInfo[], room: number): number[] {
  const fixedOf = (c: FieldInfo) => (c.kind === 'date' ? 10 : c.kind === 'enum' ? 6 : c.kind === 'ref' ? 10 : undefined);
  const fixed = cols.reduce((a, c) => a + (fixedOf(c) ?? 0) + 2, 0);
  const free = cols.filter((c) => fixedOf(c) === undefined).length;
  const share = Math.max(6, Math.floor((room - fixed) / Math.max(1, free)));
  return cols.map((c) => fixedOf(c) ?? share);
}

export function buildDetail(repo: Repo, t: T, entity: EntityName, rec: EntityRecord, width: number): DetailModel {
  const fields = entityFields(entity).filter((f) => f.kind !== 'json' && !(REPORT_WRITTEN_FIELDS.has(f.name) && (rec[f.name] === undefined || rec[f.name] === '')));
  const twoCols = width >= 76;
  const colW = twoCols ? Math.floor((width - 1) / 2) : width;
  const labelW = Math.min(16, Math.floor(colW * 0.42));
  const cells = fields.map((fi) => {
    const v = fi.kind === 'longtext' ? sanitizeText(String(rec[fi.name] ?? '')).replace(/\n/g, ' / ') : cellText(repo, t, fi, rec);
    return fit(t.l(fi.label), labelW) + ' ' + fit(v, colW - labelW - 1);
  });
  const lines: DetailLine[] = [];
  if (twoCols) {
    const half = Math.ceil(cells.length / 2);
    for (let i = 0; i < half; i++) lines.push({ text: cells[i] + ' ' + (cells[i + half] ?? '') });
  } else for (const c of cells) lines.push({ text: c });

  const items: DetailModel['items'] = [];
  const sectionStarts: number[] = [];
  let section = 0;
  const add = (text: string, target?: DetailTarget) => {
    if (target) {
      if (!items.length || items[items.length - 1].section !== section) sectionStarts.push(items.length + 1);
      items.push({ target, line: lines.length, section });
    }
    lines.push({ text, item: target ? items.length : undefined });
  };
  const rowW = Math.max(20, width - 2);

  for (const rl of relatedOf(entity)) {
    section++;
    const recs = relatedRows(repo, rl, rec.id);
    const by = rl.latestFirst;
    if (by) recs.sort((a, b) => byCode(String(b[by] ?? ''), String(a[by] ?? '')) || byCode(b.id, a.id));
    const sum = rl.sum;
    const summed = sum ? `  ${t('orders.revenue', { amount: fenToGrouped(recs.reduce((n, r) => n + (sum.counts(r) ? Number(r[sum.field] ?? 0) : 0), 0)) })}` : '';
    const byName = new Map(entityFields(rl.entity).map((f) => [f.name, f]));
    const cols = rl.columns.map((n) => byName.get(n)!).filter(Boolean);
    const cw = Math.max(6, Math.min(16, Math.floor((rowW - 7) / Math.max(1, cols.length)) - 2));
    const widths = rl.fillText ? fillWidths(cols, rowW - 7) : cols.map(() => cw);
    lines.push({ text: '' }, { text: `${rl.label ? t.l(rl.label) : entityLabel(t, rl.entity)} (${recs.length})${summed}`, head: true });
    if (!recs.length) lines.push({ text: t('detail.none'), muted: true });
    for (const r of recs) add(`${fit(r.id, 6)} ${cols.map((c, i) => fit(cellText(repo, t, c, r), widths[i])).join('  ')}`.trimEnd(), { kind: 'record', entity: rl.entity, id: r.id });
  }

  for (const fi of entityFields(entity).filter((f) => f.kind === 'json')) {
    section++;
    const schema = ENTITIES[entity].schema.shape[fi.name];
    const shape = nestedShape(schema);
    const rows = nestedRows(shape, rec[fi.name]);
    const cols = nestedColumns(shape);
    // every row can be selected (Enter shows the list in its editor, read-only when the
    // program keeps it); an empty list that a person edits still offers its editor
    const editable = !fi.system && shape.kind !== 'other';
    lines.push({ text: '' }, { text: `${t.l(fi.label)} (${rows.length})`, head: true });
    if (!rows.length) {
      if (editable) add(t('detail.nestedEmpty'), { kind: 'nested', field: fi.name, index: 0 });
      else lines.push({ text: t('detail.none'), muted: true });
    }
    if (shape.kind === 'object' && rows.length) {
      // one sub-record (a hotel stay): its parts as the record's own, label and value, in two
      // columns when they fit; each line opens its editor
      const partCells = cols.map((c) => fit(t.l(c.label), labelW) + ' ' + fit(partText(repo, t, c, rows[0][c.name]), colW - labelW - 1));
      const half = twoCols ? Math.ceil(partCells.length / 2) : partCells.length;
      for (let i = 0; i < half; i++) add(twoCols ? `${partCells[i]} ${partCells[i + half] ?? ''}`.trimEnd() : partCells[i], { kind: 'nested', field: fi.name, index: 0 });
      continue;
    }
    rows.forEach((row, index) => add(nestedRowText(repo, t, cols, row, rowW), { kind: 'nested', field: fi.name, index }));
  }
  return { lines, items, sectionStarts };
}
