// Import from the app (: import …): the file, then a preview of the guessed encoding, the
// column mapping, the first rows and every problem, before anything is written.
import path from 'node:path';
import { Box, Text } from 'ink';
import { entityFields, type EntityName } from '../../domain/entities.js';
import { importFields } from '../../domain/import-fields.js';
import { entityLabel } from '../../i18n/index.js';
import { importTable, importTargets, mappingProblems, type ImportReport, type OnDuplicate } from '../../services/import.js';
import { loadMappingFile } from '../../services/mapping-file.js';
import { emptyMapping, type DateOrder, type ImportMapping } from '../../domain/import-mapping.js';
import { readTableFile, type TableFile } from '../../services/table-file.js';
import type { TableRow } from '../../services/import.js';
import type { ValueLists } from '../../domain/values.js';
import type { T } from '../../i18n/index.js';
import { ENC_NAME, groupIssues, groupText, otherNamesText } from '../../presentation/import-report.js';
import { displayWidth, fit, wrapText } from '../../text/width.js';
import { unreadableText } from '../../presentation/unreadable.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { useApp } from '../context.js';
import { useCommands } from '../hooks/use-keys.js';
import { IMPORT_FILE_COMMANDS, IMPORT_PREVIEW_COMMANDS, type ImportCtx } from './commands.js';
import { commandHints, wrapHints } from '../key-doc.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useBusy } from '../hooks/use-busy.js';
import { applyEditKey, atEnd, selectAll, type EditState } from '../text-edit.js';
import { TextField } from './TextField.js';
import { Picker, type PickItem } from './Picker.js';

const POLICIES: OnDuplicate[] = ['error', 'skip', 'update'];
const DATE_ORDERS: (DateOrder | 'none')[] = ['none', 'dmy', 'mdy', 'ymd'];

type Choices = 'mapping' | 'skipped' | 'mapped' | 'dateOrder' | 'createMissing';

/** The mapping file's choices with the preview's on top: columns mapped and skipped, the date
 *  order, whether missing referenced records are created. */
function effectiveMapping(x: Pick<State, Choices>): ImportMapping | undefined {
  const { mapping: base, skipped, mapped, dateOrder, createMissing } = x;
  if (!base && !skipped.length && !Object.keys(mapped).length && dateOrder === undefined && createMissing === undefined) return undefined;
  const m: ImportMapping = base ? { ...base, columns: new Map(base.columns) } : emptyMapping();
  for (const [c, targets] of Object.entries(mapped)) m.columns.set(c, targets);
  for (const c of skipped) m.columns.set(c, []);
  if (dateOrder !== undefined) m.dateOrder = dateOrder === 'none' ? undefined : dateOrder;
  if (createMissing !== undefined) m.createMissing = createMissing;
  return m;
}

/** How many lines items joined by two spaces take when wrapped at `width` (an item wider than
 *  a line takes as many as it needs). */
function wrappedLines(widths: number[], width: number): number {
  const w = Math.max(1, width);
  let lines = 0;
  let used = 0;
  for (const iw of widths) {
    if (used > 0 && used + 2 + iw <= w) {
      used += 2 + iw;
      continue;
    }
    lines += Math.max(1, Math.ceil(iw / w));
    used = iw % w || w;
  }
  return Math.max(1, lines);
}

/** The first rows the import takes (the report names their lines: not blank, not left out by
 *  --only), read without going through the whole table (100k rows on every frame). */
function firstRowsOf(table: readonly TableRow[], lines: readonly number[], headerLine: number): TableRow[] {
  const out: TableRow[] = [];
  const last = lines[lines.length - 1];
  for (const row of table) {
    if (lines.length ? row.line > last : out.length === 5) break;
    // no rows read (a header the import cannot map): the file's first rows, to see why
    if (lines.length ? lines.includes(row.line) : row.line > headerLine && row.cells.some((c) => c.trim())) out.push(row);
  }
  return out;
}

/** A report's problems as the preview says them, worked out once per report and language:
 *  grouping 100k of them took ~60 ms, paid by every key on the preview (← → x …) */
const PROBLEMS = new WeakMap<ImportReport, { t: T; lists: ValueLists; found: string[]; rowsWithProblems: number }>();
function problemsOf(r: ImportReport, t: T, lists: ValueLists): { found: string[]; rowsWithProblems: number } {
  const hit = PROBLEMS.get(r);
  if (hit && hit.t === t && hit.lists === lists) return hit;
  const made = { t, lists, found: groupIssues(r.errors).flatMap((g) => groupText(t, r.entity, g, lists)), rowsWithProblems: new Set(r.errors.map((e) => e.line)).size };
  PROBLEMS.set(r, made);
  return made;
}

interface State {
  file: EditState;
  /** a mapping file (JSON as for --mapping), optional: the same choices as the CLI's flags */
  mapFile: EditState;
  focus: 'file' | 'mapping';
  /** what the mapping file says */
  mapping?: ImportMapping;
  /** columns skipped on the preview (x) */
  skipped: string[];
  /** columns mapped on the preview (m, a): column → the fields it fills */
  mapped: Record<string, string[]>;
  /** the field picker of m (replace) or a (also) is open */
  picking: 'replace' | 'also' | null;
  /** the date order chosen on the preview (o); undefined: the mapping file's */
  dateOrder?: DateOrder | 'none';
  /** create the records the rows refer to and the workspace lacks (c; --create-missing);
   *  undefined: the mapping file's */
  createMissing?: boolean;
  /** the column picked on the preview (← →), among those with a name */
  column: number;
  error: string | null;
  loaded: (TableFile & { path: string }) | null;
  report: ImportReport | null;
  policy: OnDuplicate;
}

/** The fields a column can fill, by label in the user's language, then the name the mapping
 *  file and --map use ("客户（手机）  customerId.phone"). */
function targetItems(entity: EntityName, t: T): PickItem[] {
  return importTargets(entity).map((x) => {
    const name = x.via ? `${x.fi.name}.${x.via.name}` : x.fi.name;
    const label = x.via ? `${t.l(x.fi.label)}（${t.l(x.via.label)}）` : t.l(x.fi.label);
    return { value: name, label: `${label}  ${name}`, keywords: `${x.fi.label.en} ${x.fi.label.zh}${x.via ? ` ${x.via.label.en} ${x.via.label.zh}` : ''}` };
  });
}

export function ImportDialog({ entity, width, height, onClose }: { entity: EntityName; width: number; height: number; onClose: () => void }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [st, ref, set] = useSyncedState<State>({ file: selectAll(process.cwd() + path.sep), mapFile: atEnd(''), focus: 'file', error: null, loaded: null, report: null, policy: 'error', skipped: [], mapped: {}, picking: null, column: 0 });

  // a file of 100k rows takes seconds to check or import: said first, and keys typed meanwhile dropped
  const busy = useBusy();
  /** the preview with these choices */
  const check = (patch: Partial<Pick<State, 'loaded' | 'policy' | Choices>>) => {
    const x = { ...ref.current, ...patch };
    if (!x.loaded) return;
    const report = importTable(repo, entity, x.loaded.table, { onDuplicate: x.policy, dryRun: true, mapping: effectiveMapping(x) });
    set({ ...patch, report, error: null });
  };
  /** the preview again with these choices changed */
  const preview = (patch: Parameters<typeof check>[0]) => busy.run(t('import.busyChecking', { rows: ref.current.report?.rows ?? 0 }), () => check(patch));
  /** the columns of the previewed file that have a name: the ones ← → pick among */
  const named = () => (ref.current.report?.mapping ?? []).filter((m) => m.column.trim());
  /** the mapping file named, read and checked against the entity; a message when it is wrong */
  const readMapping = (): { mapping?: ImportMapping } | { error: string } => {
    const file = ref.current.mapFile.text.trim();
    if (!file) return {};
    const r = loadMappingFile(file);
    if (!('mapping' in r)) {
      if (r.code === 'problems') return { error: r.problems.map((p) => t('import.badMapping', { what: p.what, text: p.text, expected: p.expected })).join('; ') };
      return { error: r.code === 'badJson' ? t('import.badMappingFile', { file, reason: r.reason }) : unreadableText(t, file, r) };
    }
    const wrong = mappingProblems(entity, r.mapping);
    if (wrong.length) return { error: wrong.map((w) => t('import.badTarget', { what: w.what, value: w.value, entity: entityLabel(t, entity) })).join('; ') };
    return { mapping: r.mapping };
  };

  // orders, tickets, contacts … name their customer: those may create the missing ones
  const refersToCustomers = importFields(entity).some((f) => f.kind === 'ref' && f.ref === 'customers');
  const creating = () => ref.current.createMissing ?? ref.current.mapping?.createMissing ?? false;
  const ctx: ImportCtx = {
    close: onClose,
    preview: () => {
      const m = readMapping();
      if ('error' in m) return set({ error: m.error });
      const file = ref.current.file.text.trim();
      busy.run(t('import.busyReading', { file: sanitizeLine(file) }), () => {
        const read = readTableFile(file);
        if ('code' in read) return set({ error: read.code === 'badJson' ? t('import.badJson') : unreadableText(t, file, read) });
        check({ loaded: { ...read, path: file }, mapping: m.mapping, skipped: [], mapped: {}, dateOrder: undefined, createMissing: undefined });
        set({ column: 0 });
      });
    },
    nextField: () => set({ focus: ref.current.focus === 'file' ? 'mapping' : 'file' }),
    nextPolicy: () => preview({ policy: POLICIES[(POLICIES.indexOf(ref.current.policy) + 1) % POLICIES.length] }),
    another: () => set({ report: null, loaded: null }),
    pickColumn: (by) => {
      const n = named().length;
      if (n) set({ column: (((ref.current.column + by) % n) + n) % n });
    },
    skipColumn: () => {
      const col = named()[ref.current.column]?.column;
      if (col === undefined) return;
      const x = ref.current;
      preview({ skipped: x.skipped.includes(col) ? x.skipped.filter((c) => c !== col) : [...x.skipped, col] });
    },
    mapColumn: (also) => {
      if (named()[ref.current.column]) set({ picking: also ? 'also' : 'replace' });
    },
    nextDateOrder: () => {
      const x = ref.current;
      const now = x.dateOrder ?? x.mapping?.dateOrder ?? 'none';
      preview({ dateOrder: DATE_ORDERS[(DATE_ORDERS.indexOf(now) + 1) % DATE_ORDERS.length] });
    },
    toggleCreateMissing: () => preview({ createMissing: !creating() }),
    refersToCustomers: () => refersToCustomers,
    refused: () => (ref.current.report?.errors.length ? 'keys.importHasErrors' : app.cannotWrite()),
    run: () => {
      const x = ref.current;
      if (!x.loaded) return;
      busy.run(t('import.busyImporting', { rows: x.report?.rows ?? 0 }), () => {
        const done = importTable(repo, entity, x.loaded!.table, { onDuplicate: x.policy, mapping: effectiveMapping(x) });
        if (done.applied) {
          app.changed(t('import.summary', { rows: done.rows, created: done.created, updated: done.updated, skipped: done.skipped }));
          onClose();
        } else set({ report: done });
      });
    },
  };
  useCommands('dialog', st.report ? IMPORT_PREVIEW_COMMANDS : IMPORT_FILE_COMMANDS, ctx, {
    active: !st.picking,
    modal: true,
    // the file name is typed; the preview takes no text
    other: (input, key) => {
      if (ref.current.report) return false;
      const which = ref.current.focus === 'file' ? 'file' : 'mapFile';
      const next = applyEditKey(ref.current[which], input, key);
      if (next) set({ [which]: next, error: null });
      return true;
    },
  });

  const title = `${t('palette.import', { entity: entityLabel(t, entity) })}`;
  if (!st.report || !st.loaded) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold color={theme.accent}>{fit(title, width)}</Text>
        <Text>{fit(t('import.askFile'), width)}</Text>
        <TextField state={st.file} width={width} focused={st.focus === 'file'} origin={{ x: 0, y: app.bodyTop + 2 }} />
        <Text>{fit(t('import.askMapping'), width)}</Text>
        <TextField state={st.mapFile} width={width} focused={st.focus === 'mapping'} origin={{ x: 0, y: app.bodyTop + 4 }} />
        {busy.label ? <Text color={theme.accent} wrap="wrap">{busy.label}</Text> : st.error ? <Text color={theme.error} wrap="wrap">{st.error}</Text> : null}
        <Box flexGrow={1} />
        <Text color={theme.muted}>{fit(t('import.fileKeys'), width)}</Text>
      </Box>
    );
  }
  const r = st.report;
  const fields = importFields(entity);
  const label = (n: string) => {
    const fi = fields.find((f) => f.name === n.split('.')[0]);
    return fi ? t.l(fi.label) : n;
  };
  if (st.picking) {
    const picked = named()[st.column];
    const now = picked?.field ? [picked.via ? `${picked.field}.${picked.via}` : picked.field, ...(picked.also ?? [])] : [];
    const items: PickItem[] = targetItems(entity, t).filter((i) => st.picking === 'replace' || !now.includes(i.value));
    return (
      <Picker
        title={t(st.picking === 'also' ? 'import.pickAlso' : 'import.pickTarget', { column: sanitizeLine(picked?.column ?? '') })}
        items={items}
        current={st.picking === 'replace' ? now[0] : undefined}
        height={height}
        width={width}
        onCancel={() => set({ picking: null })}
        onPick={(v) => {
          const x = ref.current;
          set({ picking: null });
          if (!v || !picked) return;
          const targets = x.picking === 'also' ? [...now, v] : [v];
          preview({ mapped: { ...x.mapped, [picked.column]: targets }, skipped: x.skipped.filter((c) => c !== picked.column) });
        }}
      />
    );
  }
  /** a reference's key by its label: 客户(手机), not 客户(phone) */
  const viaLabel = (field: string, via: string) => {
    const fi = fields.find((f) => f.name === field);
    const kf = fi?.ref ? entityFields(fi.ref as EntityName).find((f) => f.name === via) : undefined;
    return kf ? t.l(kf.label) : via;
  };
  const mapped = r.mapping.map((m, i) => ({ ...m, i })).filter((m) => m.field);
  // the picked column in brackets: x skips it (or takes it again)
  const mappingItems = r.mapping
    .filter((m) => m.column.trim())
    .map((m, i) => {
      const text = `${sanitizeLine(m.column)}->${m.field ? [m.field, ...(m.also ?? [])].map(label).join('+') + (m.via ? `(${viaLabel(m.field, m.via)})` : '') : m.datePartOf ? `${label(m.datePartOf)}(${t('import.datePart')})` : `(${t(m.skipped ? 'import.skippedColumn' : 'import.ignored')})`}`;
      return sanitizeLine(i === st.column ? `[${text}]` : text);
    });
  const mappingText = mappingItems.join('  ');
  const order = st.dateOrder ?? st.mapping?.dateOrder ?? 'none';
  const firstRows = firstRowsOf(st.loaded.table, r.firstLines, r.headerLine);
  const colW = Math.max(6, Math.floor((width - 8) / Math.max(1, mapped.length)) - 1);
  const shownCols = mapped.slice(0, Math.max(1, Math.floor((width - 8) / (colW + 1))));
  // what the import will do beside the rows: customers it creates, rows --only leaves out, …
  const notes = [
    ...Object.entries(r.createdRefs).filter(([, n]) => n).map(([e, n]) => t(r.applied ? 'import.createdRefs' : 'import.createsRefs', { count: n!, entity: entityLabel(t, e) })),
    ...(r.filtered ? [t('import.filtered', { count: r.filtered })] : []),
    ...(r.roundingLines ? [t('import.roundingLines', { count: r.roundingLines })] : []),
    ...otherNamesText(t, r.otherNames),
  ];
  // the lines above and below the problems: title, mapping file, encoding, the mapping (wrapped
  // by words), date order, missing customers, blank, head, the rows, blank, summary, notes, the
  // refusal, the key hints
  const mappingLines = wrappedLines(mappingItems.map((m) => displayWidth(m)), width);
  const hintLines = wrapHints(commandHints(IMPORT_PREVIEW_COMMANDS, ctx, (c) => c.hint), t, width);
  // a note names rows and records (第 5 行 李娜 -> C0001 张伟): wrapped, not cut
  const noteLines = notes.flatMap((x) => wrapText(x, width));
  const fixedLines = 1 + (st.mapFile.text.trim() ? 1 : 0) + 1 + mappingLines + 1 + (refersToCustomers ? 1 : 0) + 2 + 2 + noteLines.length + 1 + hintLines.length;
  // grouped as the CLI groups them: one finding per kind and column, with its count and lines
  const { found, rowsWithProblems } = problemsOf(r, t, repo.ws.valueLists);
  // the first rows give way to the problems (down to two rows, up to four problem lines)
  const rowRoom = Math.max(Math.min(2, firstRows.length), Math.min(firstRows.length, height - fixedLines - Math.min(found.length, 4)));
  const dataRows = firstRows.slice(0, rowRoom);
  const problems = found.slice(0, Math.max(1, height - fixedLines - dataRows.length));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>{fit(`${title}  ${sanitizeLine(st.loaded.path)}`, width)}</Text>
      {st.mapFile.text.trim() ? <Text>{fit(t('import.mappingLoaded', { file: sanitizeLine(st.mapFile.text.trim()) }), width)}</Text> : null}
      <Text>{fit(`${t('import.encoding', { encoding: ENC_NAME[st.loaded.encoding], how: st.loaded.detected ? t('import.detected') : '' })}  ${t('import.header', { line: r.headerLine, mapping: '' })}`, width)}</Text>
      <Text wrap="wrap">{mappingText}</Text>
      <Text>{fit(`${t('import.duplicatesAre', { policy: t(`import.policy.${st.policy}` as 'import.policy.error') })}  ${t('import.dateOrderIs', { order: t(`import.dateOrder.${order}` as 'import.dateOrder.none') })}`, width)}</Text>
      {refersToCustomers ? <Text>{fit(t(creating() ? 'import.createMissingOn' : 'import.createMissingOff'), width)}</Text> : null}
      <Text> </Text>
      <Text bold>{fit(`${fit(t('import.line'), 7)}${shownCols.map((m) => fit(label(m.field!), colW)).join(' ')}`, width)}</Text>
      {dataRows.map((row) => (
        <Text key={row.line}>{fit(`${String(row.line).padEnd(7)}${shownCols.map((m) => fit(sanitizeLine(row.cells[m.i] ?? ''), colW)).join(' ')}`, width)}</Text>
      ))}
      <Text> </Text>
      {busy.label ? <Text bold color={theme.accent}>{fit(busy.label, width)}</Text> : <Text bold>{fit(t('import.summary', { rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped }), width)}</Text>}
      {noteLines.map((n, i) => (
        <Text key={`n${i}`}>{n}</Text>
      ))}
      {r.errors.length ? <Text color={theme.error} bold>{fit(t('import.refusedRows', { count: r.errors.length, rows: rowsWithProblems }), width)}</Text> : null}
      {problems.map((line, i) => (
        <Text key={i} color={theme.error}>{fit(line, width)}</Text>
      ))}
      <Box flexGrow={1} />
      {/* the column choices; Enter, u, b and Esc are the footer's, below */}
      {hintLines.map((line, i) => (
        <Text key={`k${i}`} color={theme.muted}>{fit(line, width)}</Text>
      ))}
    </Box>
  );
}
