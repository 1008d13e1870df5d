// Import from the app (: import …): the file, then a preview of the guessed encoding, the
// column mapping, the first rows and every problem, before anything is written.
import path from 'node:path';
import { Box, Text } from 'ink';
import type { EntityName } from '../../domain/entities.js';
import { importFields } from '../../domain/import-fields.js';
import { entityLabel } from '../../i18n/index.js';
import { importTable, mappingProblems, type ImportReport, type OnDuplicate } from '../../services/import.js';
import { loadMappingFile } from '../../services/mapping-file.js';
import { emptyMapping, type DateOrder, type ImportMapping } from '../../domain/import-mapping.js';
import { readTableFile, type TableFile } from '../../services/table-file.js';
import { ENC_NAME, groupIssues, groupText } from '../../presentation/import-report.js';
import { fit } from '../../text/width.js';
import { unreadableText } from '../../presentation/unreadable.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { useApp } from '../context.js';
import { useCommands } from '../hooks/use-keys.js';
import { IMPORT_FILE_COMMANDS, IMPORT_PREVIEW_COMMANDS, type ImportCtx } from './commands.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { applyEditKey, atEnd, selectAll, type EditState } from '../text-edit.js';
import { TextField } from './TextField.js';

const POLICIES: OnDuplicate[] = ['error', 'skip', 'update'];
const DATE_ORDERS: (DateOrder | 'none')[] = ['none', 'dmy', 'mdy', 'ymd'];

/** The mapping file's choices with the preview's on top: columns skipped, the date order. */
function effectiveMapping(base: ImportMapping | undefined, skipped: string[], dateOrder: DateOrder | 'none' | undefined): ImportMapping | undefined {
  if (!base && !skipped.length && dateOrder === undefined) return undefined;
  const m: ImportMapping = base ? { ...base, columns: new Map(base.columns) } : emptyMapping();
  for (const c of skipped) m.columns.set(c, []);
  if (dateOrder !== undefined) m.dateOrder = dateOrder === 'none' ? undefined : dateOrder;
  return m;
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
  /** the date order chosen on the preview (o); undefined: the mapping file's */
  dateOrder?: DateOrder | 'none';
  /** the column picked on the preview (← →), among those with a name */
  column: number;
  error: string | null;
  loaded: (TableFile & { path: string }) | null;
  report: ImportReport | null;
  policy: OnDuplicate;
}

export function ImportDialog({ entity, width, height, onClose }: { entity: EntityName; width: number; height: number; onClose: () => void }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [st, ref, set] = useSyncedState<State>({ file: selectAll(process.cwd() + path.sep), mapFile: atEnd(''), focus: 'file', error: null, loaded: null, report: null, policy: 'error', skipped: [], column: 0 });

  const preview = (loaded: State['loaded'], policy: OnDuplicate, mapping = ref.current.mapping, skipped = ref.current.skipped, dateOrder = ref.current.dateOrder) => {
    if (!loaded) return;
    const report = importTable(repo, entity, loaded.table, { onDuplicate: policy, dryRun: true, mapping: effectiveMapping(mapping, skipped, dateOrder) });
    set({ loaded, policy, mapping, skipped, dateOrder, report, error: null });
  };
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

  const ctx: ImportCtx = {
    close: onClose,
    preview: () => {
      const m = readMapping();
      if ('error' in m) return set({ error: m.error });
      const file = ref.current.file.text.trim();
      const read = readTableFile(file);
      if ('code' in read) return set({ error: read.code === 'badJson' ? t('import.badJson') : unreadableText(t, file, read) });
      preview({ ...read, path: file }, ref.current.policy, m.mapping, [], undefined);
      set({ column: 0 });
    },
    nextField: () => set({ focus: ref.current.focus === 'file' ? 'mapping' : 'file' }),
    nextPolicy: () => preview(ref.current.loaded, POLICIES[(POLICIES.indexOf(ref.current.policy) + 1) % POLICIES.length]),
    another: () => set({ report: null, loaded: null }),
    pickColumn: (by) => {
      const n = named().length;
      if (n) set({ column: (((ref.current.column + by) % n) + n) % n });
    },
    skipColumn: () => {
      const col = named()[ref.current.column]?.column;
      if (col === undefined) return;
      const x = ref.current;
      preview(x.loaded, x.policy, x.mapping, x.skipped.includes(col) ? x.skipped.filter((c) => c !== col) : [...x.skipped, col]);
    },
    nextDateOrder: () => {
      const x = ref.current;
      const now = x.dateOrder ?? x.mapping?.dateOrder ?? 'none';
      preview(x.loaded, x.policy, x.mapping, x.skipped, DATE_ORDERS[(DATE_ORDERS.indexOf(now) + 1) % DATE_ORDERS.length]);
    },
    refused: () => (ref.current.report?.errors.length ? 'keys.importHasErrors' : app.cannotWrite()),
    run: () => {
      const x = ref.current;
      if (!x.loaded) return;
      const done = importTable(repo, entity, x.loaded.table, { onDuplicate: x.policy, mapping: effectiveMapping(x.mapping, x.skipped, x.dateOrder) });
      if (done.applied) {
        app.changed(t('import.summary', { rows: done.rows, created: done.created, updated: done.updated, skipped: done.skipped }));
        onClose();
      } else set({ report: done });
    },
  };
  useCommands('dialog', st.report ? IMPORT_PREVIEW_COMMANDS : IMPORT_FILE_COMMANDS, ctx, {
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
        {st.error ? <Text color={theme.error} wrap="wrap">{st.error}</Text> : null}
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
  const mapped = r.mapping.map((m, i) => ({ ...m, i })).filter((m) => m.field);
  // the picked column in brackets: x skips it (or takes it again)
  const mappingText = r.mapping
    .filter((m) => m.column.trim())
    .map((m, i) => {
      const text = `${sanitizeLine(m.column)}->${m.field ? [m.field, ...(m.also ?? [])].map(label).join('+') + (m.via ? `(${m.via})` : '') : `(${t(m.skipped ? 'import.skippedColumn' : 'import.ignored')})`}`;
      return i === st.column ? `[${text}]` : text;
    })
    .join('  ');
  const order = st.dateOrder ?? st.mapping?.dateOrder ?? 'none';
  const dataRows = st.loaded.table.filter((row) => row.line > r.headerLine && row.cells.some((c) => c.trim())).slice(0, 5);
  const colW = Math.max(6, Math.floor((width - 8) / Math.max(1, mapped.length)) - 1);
  const shownCols = mapped.slice(0, Math.max(1, Math.floor((width - 8) / (colW + 1))));
  // what the import will do beside the rows: customers it creates, rows --only leaves out, …
  const notes = [
    ...Object.entries(r.createdRefs).filter(([, n]) => n).map(([e, n]) => t('import.createdRefs', { count: n!, entity: entityLabel(t, e) })),
    ...(r.filtered ? [t('import.filtered', { count: r.filtered })] : []),
    ...(r.roundingLines ? [t('import.roundingLines', { count: r.roundingLines })] : []),
  ];
  // grouped as the CLI groups them: one finding per kind and column, with its count and lines
  const problems = groupIssues(r.errors).flatMap((g) => groupText(t, entity, g, repo.ws.valueLists)).slice(0, Math.max(1, height - 16 - notes.length));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>{fit(`${title}  ${st.loaded.path}`, width)}</Text>
      {st.mapFile.text.trim() ? <Text>{fit(t('import.mappingLoaded', { file: sanitizeLine(st.mapFile.text.trim()) }), width)}</Text> : null}
      <Text>{fit(`${t('import.encoding', { encoding: ENC_NAME[st.loaded.encoding], how: st.loaded.detected ? t('import.detected') : '' })}  ${t('import.header', { line: r.headerLine, mapping: '' })}`, width)}</Text>
      <Text wrap="wrap">{sanitizeLine(mappingText)}</Text>
      <Text>{fit(t('import.dateOrderIs', { order: t(`import.dateOrder.${order}` as 'import.dateOrder.none') }), width)}</Text>
      <Text> </Text>
      <Text bold>{fit(`${fit(t('import.line'), 7)}${shownCols.map((m) => fit(label(m.field!), colW)).join(' ')}`, width)}</Text>
      {dataRows.map((row) => (
        <Text key={row.line}>{fit(`${String(row.line).padEnd(7)}${shownCols.map((m) => fit(sanitizeLine(row.cells[m.i] ?? ''), colW)).join(' ')}`, width)}</Text>
      ))}
      <Text> </Text>
      <Text bold>{fit(t('import.summary', { rows: r.rows, created: r.created, updated: r.updated, skipped: r.skipped }), width)}</Text>
      {notes.map((n, i) => (
        <Text key={`n${i}`}>{fit(n, width)}</Text>
      ))}
      {r.errors.length ? <Text color={theme.error} bold>{fit(t('import.refusedRows', { count: r.errors.length, rows: new Set(r.errors.map((e) => e.line)).size }), width)}</Text> : null}
      {problems.map((line, i) => (
        <Text key={i} color={theme.error}>{fit(line, width)}</Text>
      ))}
      <Box flexGrow={1} />
      <Text color={theme.muted}>{fit(t('import.previewMappingKeys'), width)}</Text>
      <Text color={theme.muted}>{fit(t('import.previewKeys', { policy: t(`import.policy.${st.policy}` as 'import.policy.error') }), width)}</Text>
    </Box>
  );
}
