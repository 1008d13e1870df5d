// The editor of a structured field's nested records, driven by its zod schema alone: a list of
// rows (an order's line items, a ticket's steps) as a small table with add, edit and delete; a
// map of named numbers (a survey's scores) as name/value rows; one sub-record (a hotel stay) as
// a list of one. Labels and kinds come from the field builders' metadata; a row is checked by
// the schema before it is taken. Nothing is saved before Ctrl+S on the list.
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { z } from 'zod';
import type { FieldInfo } from '../../domain/fields.js';
import type { FieldError } from '../../domain/errors.js';
import { nestedColumns, nestedRows, nestedShape, nestedValue } from '../../domain/nested.js';
import { parseFieldText } from '../../domain/parse-input.js';
import { fenToText } from '../../domain/money.js';
import { errorMessage } from '../../i18n/index.js';
import { useApp } from '../context.js';
import { useCommands } from '../hooks/use-keys.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { applyEditKey, atEnd, selectAll, type EditState } from '../text-edit.js';
import { fit } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { TextField } from './TextField.js';
import { Picker, type PickItem } from './Picker.js';
import { recordPickItems, valuePickItems } from './pick-items.js';
import type { EntityName } from '../../domain/entities.js';
import { nestedRowText } from '../screens/records/detail-model.js';
import {
  NESTED_COMMANDS, NESTED_DISCARD_COMMANDS, NESTED_ROW_COMMANDS,
  type NestedCtx, type NestedDiscardCtx, type NestedRowCtx,
} from './nested-commands.js';

export interface NestedEditorProps {
  title: string;
  /** the zod schema of the structured field */
  schema: z.ZodType;
  value: unknown;
  /** the row selected first */
  start?: number;
  /** shows the rows only (a system-kept history, a permission matrix, a read-only session) */
  readOnly?: boolean;
  width: number;
  height: number;
  onCancel: () => void;
  /** the new value; returns why it was refused, or undefined once taken */
  onSave: (value: unknown) => string | undefined;
}

interface RowEdit {
  /** the row edited, or -1 for a new one */
  index: number;
  texts: Record<string, string>;
  focus: number;
  edit: EditState;
  errors: Record<string, string>;
}

interface State {
  rows: Record<string, unknown>[];
  sel: number;
  row: RowEdit | null;
  changed: boolean;
  confirmDiscard: boolean;
  banner: string | null;
  /** the list a choice part of the row is picked from (an order line's product) */
  picker: { items: PickItem[]; filter: string } | null;
}

function textOf(fi: FieldInfo, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (fi.kind === 'money' && typeof v === 'number') return fenToText(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** a zod issue as one of the app's error codes (a builder's own message, or its kind) */
function issueCode(i: z.core.$ZodIssue): string {
  if (/^[a-zA-Z]+$/.test(i.message) && !/\s/.test(i.message) && i.message.length < 30 && i.code === 'custom') return i.message;
  if (i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined) return 'required';
  if (i.code === 'too_small') return 'min';
  if (i.code === 'too_big') return 'max';
  if (i.code === 'invalid_format' || i.code === 'invalid_value') return 'invalid';
  return /^[a-zA-Z]+$/.test(i.message) ? i.message : 'invalid';
}

export function NestedEditor({ title, schema, value, start, readOnly, width, height, onCancel, onSave }: NestedEditorProps) {
  const app = useApp();
  const { repo, t, theme } = app;
  const shape = useMemo(() => nestedShape(schema), [schema]);
  const cols = useMemo(() => nestedColumns(shape), [shape]);
  const locked = readOnly || shape.kind === 'other';
  const [st, stRef, set] = useSyncedState<State>(() => {
    const rows = nestedRows(shape, value);
    return { rows, sel: Math.max(0, Math.min(start ?? 0, rows.length - 1)), row: null, changed: false, confirmDiscard: false, banner: null, picker: null };
  });
  const lists = repo.ws.valueLists;
  const pctx = { lists, resolveRef: repo.resolveRef };

  const openRow = (index: number) => {
    const src = index >= 0 ? stRef.current.rows[index] : {};
    const texts = Object.fromEntries(cols.map((c) => [c.name, textOf(c, src[c.name])]));
    // as in the record form: a value reached is selected, so typing replaces it
    set({ row: { index, texts, focus: 0, edit: selectAll(texts[cols[0].name] ?? ''), errors: {} }, banner: null });
  };

  /** the row typed, checked by the schema: the row, or the errors by part */
  const checkRow = (r: RowEdit): { row: Record<string, unknown> } | { errors: Record<string, string> } => {
    const texts = { ...r.texts, [cols[r.focus].name]: r.edit.text };
    const errors: Record<string, string> = {};
    const out: Record<string, unknown> = {};
    for (const c of cols) {
      const p = parseFieldText(c, texts[c.name] ?? '', pctx);
      if ('error' in p) errors[c.name] = errorMessage(t, p.error, lists);
      else if (p.value !== undefined) out[c.name] = p.value;
      else if (c.required) errors[c.name] = t('err.required');
    }
    if (Object.keys(errors).length) return { errors };
    const say = (e: FieldError) => errorMessage(t, e, lists);
    if (shape.kind === 'map') {
      const key = String(out.key);
      if (stRef.current.rows.some((x, i) => i !== r.index && x.key === key)) return { errors: { key: say({ field: 'key', code: 'duplicate', params: { value: key } }) } };
      const v = shape.valueSchema.safeParse(out.value);
      if (!v.success) return { errors: { value: say({ field: 'value', code: issueCode(v.error.issues[0]) }) } };
      return { row: { key, value: v.data } };
    }
    if (shape.kind === 'rows' || shape.kind === 'object') {
      const v = shape.row.safeParse(out);
      if (!v.success) {
        for (const i of v.error.issues) {
          const field = String(i.path[0] ?? cols[0].name);
          errors[field] ??= say({ field, code: issueCode(i) });
        }
        return { errors };
      }
      return { row: v.data as Record<string, unknown> };
    }
    return { errors: { [cols[0].name]: t('err.invalid') } };
  };

  const listCtx: NestedCtx = {
    moveBy: (n) => set((x) => ({ sel: Math.max(0, Math.min(x.rows.length - 1, x.sel + n)) })),
    add: () => openRow(-1),
    edit: () => openRow(stRef.current.sel),
    remove: () =>
      set((x) => {
        const rows = x.rows.filter((_, i) => i !== x.sel);
        return { rows, sel: Math.max(0, Math.min(x.sel, rows.length - 1)), changed: true };
      }),
    save: () => {
      const why = onSave(nestedValue(shape, stRef.current.rows));
      if (why) set({ banner: why });
    },
    cancel: () => (stRef.current.changed ? set({ confirmDiscard: true }) : onCancel()),
    locked: () => (locked ? 'keys.nestedReadOnly' : undefined),
    hasRow: () => stRef.current.rows.length > 0,
    full: () => shape.kind === 'object' && stRef.current.rows.length > 0,
  };
  const moveField = (n: number) =>
    set((x) => {
      if (!x.row) return {};
      const r = x.row;
      const texts = { ...r.texts, [cols[r.focus].name]: r.edit.text };
      const focus = (r.focus + n + cols.length) % cols.length;
      return { row: { ...r, texts, focus, edit: selectAll(texts[cols[focus].name] ?? '') } };
    });
  const isChoicePart = (c: FieldInfo) => c.kind === 'enum' || c.kind === 'ref';
  const rowCtx: NestedRowCtx = {
    moveBy: moveField,
    choice: () => {
      const r = stRef.current.row;
      return !!r && isChoicePart(cols[r.focus]);
    },
    choose: () => {
      const r = stRef.current.row;
      if (!r) return;
      const c = cols[r.focus];
      let items: PickItem[];
      if (c.kind === 'enum') items = valuePickItems(t, lists, c, r.edit.text);
      else {
        const target = c.ref as EntityName;
        // a product off sale is not offered for a new line, but a line that has it keeps it
        const recs = repo.all(target).filter((x) => x.status !== 'inactive' || x.id === r.edit.text.trim());
        items = recordPickItems(repo, t, target, recs);
      }
      set({ picker: { items, filter: '' } });
    },
    enter: () => {
      const r = stRef.current.row;
      if (r && r.focus === cols.length - 1) rowCtx.accept();
      else moveField(1);
    },
    accept: () => {
      const r = stRef.current.row;
      if (!r) return;
      const res = checkRow(r);
      if ('errors' in res) {
        const first = cols.findIndex((c) => res.errors[c.name]);
        const texts = { ...r.texts, [cols[r.focus].name]: r.edit.text };
        const focus = first >= 0 ? first : r.focus;
        set({ row: { ...r, texts, errors: res.errors, focus, edit: atEnd(texts[cols[focus].name] ?? '') } });
        return;
      }
      set((x) => {
        const rows = [...x.rows];
        if (r.index >= 0) rows[r.index] = res.row;
        else rows.push(res.row);
        return { rows, row: null, changed: true, sel: r.index >= 0 ? r.index : rows.length - 1 };
      });
    },
    cancel: () => set({ row: null }),
  };
  const discardCtx: NestedDiscardCtx = { discard: onCancel, keep: () => set({ confirmDiscard: false }) };

  useCommands('form', NESTED_COMMANDS, listCtx, { active: !st.row && !st.confirmDiscard, modal: true });
  useCommands('form', NESTED_ROW_COMMANDS, rowCtx, {
    active: !!st.row && !st.picker,
    modal: true,
    other: (input, key) => {
      const r = stRef.current.row;
      if (!r) return false;
      const next = applyEditKey(r.edit, input, key);
      if (next) set({ row: { ...r, edit: next } });
      return true;
    },
  });
  useCommands('form', NESTED_DISCARD_COMMANDS, discardCtx, {
    active: st.confirmDiscard,
    modal: true,
    // any other key keeps editing
    other: () => {
      set({ confirmDiscard: false });
      return true;
    },
  });

  const header = (
    <Text bold color={theme.accent} wrap="truncate">
      {fit(`${sanitizeLine(title)}${locked ? `  (${t('nested.readOnly')})` : ''}`, width)}
    </Text>
  );

  if (st.row && st.picker) {
    const r = st.row;
    const c = cols[r.focus];
    return (
      <Picker
        title={`${sanitizeLine(title)} - ${t.l(c.label)}`}
        items={st.picker.items}
        initialFilter={st.picker.filter}
        current={r.edit.text}
        height={height}
        width={width}
        allowNone={!c.required}
        onCancel={() => set({ picker: null })}
        onPick={(v) => {
          const errors = { ...r.errors };
          delete errors[c.name];
          set({ picker: null, row: { ...r, texts: { ...r.texts, [c.name]: v ?? '' }, edit: atEnd(v ?? ''), errors } });
        }}
      />
    );
  }

  if (st.row) {
    const r = st.row;
    const labelW = Math.min(20, Math.max(10, Math.floor(width * 0.22)));
    const valueW = Math.max(16, Math.min(40, width - labelW - 24));
    const errW = Math.max(0, width - labelW - valueW - 4);
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <Text color={theme.muted} wrap="truncate">{fit(r.index >= 0 ? t('nested.editRow', { n: r.index + 1 }) : t('nested.newRow'), width)}</Text>
        {cols.map((c, i) => {
          const focus = i === r.focus;
          const err = r.errors[c.name];
          return (
            <Box key={c.name}>
              <Text color={err ? theme.error : focus ? theme.accent : undefined} bold={focus}>{`${focus ? '>' : ' '}${fit(`${t.l(c.label)}${c.required ? '*' : ''}`, labelW)} `}</Text>
              <Box width={valueW}>
                {focus ? (
                  <TextField state={r.edit} width={valueW} focused origin={{ x: labelW + 2, y: app.bodyTop + 2 + i }} />
                ) : (
                  <Text wrap="truncate">{fit(sanitizeLine(r.texts[c.name] ?? ''), valueW)}</Text>
                )}
              </Box>
              <Text color={theme.error} wrap="truncate">{err ? ` ${fit(err, errW)}` : ''}</Text>
            </Box>
          );
        })}
        <Box flexGrow={1} />
        <Text color={theme.muted} wrap="truncate">{fit(`${r.focus + 1}/${cols.length}`, width)}</Text>
      </Box>
    );
  }

  const bodyH = Math.max(1, height - 4 - (st.banner ? 1 : 0));
  const off = Math.max(0, st.sel - bodyH + 1);
  const rowW = Math.max(20, width - 2);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {header}
      {st.banner ? <Text color={theme.error} bold wrap="truncate">{fit(sanitizeLine(st.banner), width)}</Text> : null}
      <Text color={theme.muted} wrap="truncate">{fit(`  ${nestedRowText(repo, t, cols, 'header', rowW)}`, width)}</Text>
      {st.rows.length === 0 ? <Text color={theme.muted}>{`  ${t('detail.none')}`}</Text> : null}
      {st.rows.slice(off, off + bodyH).map((row, i) => {
        const selected = off + i === st.sel;
        return (
          <Text key={off + i} inverse={selected} bold={selected} wrap="truncate">
            {fit(`${selected ? '>' : ' '} ${nestedRowText(repo, t, cols, row, rowW)}`, width)}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Text color={st.confirmDiscard ? theme.warn : theme.muted} bold={st.confirmDiscard} wrap="truncate">
        {fit(st.confirmDiscard ? t('confirm.discard') : st.changed ? t('nested.unsaved') : `${st.rows.length ? st.sel + 1 : 0}/${st.rows.length}`, width)}
      </Text>
    </Box>
  );
}
