// The create/edit form of any entity, built from its schema's fields: per-field validation
// messages beside the field, choice fields with a picker, Ctrl+S to save. A field reached
// by Tab or an arrow is selected: the first key typed replaces it, as in a spreadsheet cell.
// Typing on a choice or a reference opens its picker filtered by what was typed. A save
// that finds the same mobile on another record asks first: open it, save anyway, or go back.
import { useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import { useCommands } from '../hooks/use-keys.js';
import { DISCARD_COMMANDS, DUPLICATE_COMMANDS, FORM_CHOICE_COMMANDS, FORM_COMMANDS, type FormCtx } from './commands.js';
import { ENTITIES, editableFields, entityFields, type EntityName } from '../../domain/entities.js';
import { NestedEditor } from './NestedEditor.js';
import { nestedShape } from '../../domain/nested.js';
import type { FieldInfo } from '../../domain/fields.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { parseFieldText } from '../../domain/parse-input.js';
import { fenToGrouped, fenToText } from '../../domain/money.js';
import type { FieldError } from '../../domain/errors.js';
import { entityLabel, errorMessage, valueLabelT } from '../../i18n/index.js';
import { computedPreview, inScope, refScope } from '../../domain/entity-rules.js';
import { useApp } from '../context.js';
import { fit, wrapText } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { refName } from '../../presentation/cells.js';
import { applyEditKey, atEnd, selectAll, typedText, type EditState } from '../text-edit.js';
import { TextField } from './TextField.js';
import { Picker, type PickItem } from './Picker.js';
import { recordPickItems, valuePickItems } from './pick-items.js';
import { useSyncedState } from '../hooks/use-synced-state.js';

export interface FormProps {
  entity: EntityName;
  /** the record being edited; absent for a new one */
  record?: EntityRecord;
  /** values a new record starts with (the customer of a new contact …) */
  preset?: Record<string, unknown>;
  /** which fields, in which order (default: every editable field) */
  fields?: string[];
  width: number;
  height: number;
  onDone: (saved?: EntityRecord) => void;
  /** narrows a choice field's options (a customer's stage offers only the allowed moves) */
  choices?: (field: string, record?: EntityRecord) => string[] | undefined;
  /** a template, not a record: the values are checked as a new record would be and handed over
   *  instead of saved (the follow-up visits for a whole list are made from them) */
  onValues?: (values: Record<string, unknown>) => void;
  /** the title instead of "New …" */
  title?: string;
  /** words beside fields when the form opens (a conflict's clashes), as an error would be */
  marks?: Record<string, string>;
  /** a few words after the title (the record changed by someone else just now) */
  note?: string;
}

function textOf(fi: FieldInfo, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (fi.kind === 'tags') return (v as string[]).join(', ');
  if (fi.kind === 'bool') return v ? 'true' : 'false';
  if (fi.kind === 'money' && typeof v === 'number') return fenToText(v);
  if (fi.kind === 'json') return JSON.stringify(v);
  return String(v);
}

/** nested records (an order's items): a row that opens their editor on Enter, no typing */
const isNested = (fi: FieldInfo) => fi.kind === 'json';

const isChoice = (fi: FieldInfo) => fi.kind === 'enum' || fi.kind === 'ref';

/** a structured field's text (JSON) holds rows */
const hasRows = (text: string | undefined): boolean => {
  if (!text) return false;
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.length > 0 : !!v && typeof v === 'object';
};
/** worked out from the other fields (an order's total; an opportunity's amount once it has
 *  product lines): shown, never typed */
const isComputed = (fi: FieldInfo, texts?: Record<string, string>) => !!fi.computed || (!!fi.computedFrom && !!texts && hasRows(texts[fi.computedFrom]));
/** fields that take no typed text */
const untyped = (fi: FieldInfo, texts?: Record<string, string>) => isChoice(fi) || fi.kind === 'bool' || isNested(fi) || isComputed(fi, texts);

interface FormState {
  texts: Record<string, string>;
  focus: number;
  edit: EditState;
  errors: Record<string, string>;
  picker: { field: FieldInfo; items: PickItem[]; filter: string } | null;
  nested?: FieldInfo | null;
  confirmDiscard: boolean;
  banner: string | null;
  /** a save refused because another record has the same natural key */
  dup: FieldError | null;
}

export function Form({ entity, record, preset, fields: only, width, height, onDone, choices, onValues, title: ownTitle, marks, note }: FormProps) {
  const app = useApp();
  const { repo, t, theme } = app;
  const fields = useMemo(() => {
    const all = [...editableFields(entity), ...entityFields(entity).filter((f) => isNested(f) && !f.system)];
    return only ? only.map((n) => all.find((f) => f.name === n)!).filter(Boolean) : all;
  }, [entity, only]);
  const initial = useMemo(() => {
    // on a record, a preset is a proposed change (completing a task proposes status done)
    const base = record ? { ...record, ...preset } : { ...ENTITIES[entity].defaults, ...preset };
    return Object.fromEntries(fields.map((fi) => [fi.name, textOf(fi, base[fi.name])]));
  }, [record, preset, fields, entity]);
  const [st, stRef, set] = useSyncedState<FormState>(() => ({
    texts: initial, focus: 0, edit: record ? selectAll(initial[fields[0]?.name] ?? '') : atEnd(initial[fields[0]?.name] ?? ''), errors: { ...marks }, picker: null, confirmDiscard: false, banner: null, dup: null,
  }));
  // the record and texts the form opened with: when others' saves change the record under the
  // form, only the fields typed in here are saved over theirs
  const opened = useRef({ record, initial });
  const setTexts = (texts: Record<string, string>) => set({ texts });
  const setErrors = (f: (e: Record<string, string>) => Record<string, string>) => set((x) => ({ errors: f(x.errors) }));
  const setConfirmDiscard = (confirmDiscard: boolean) => set({ confirmDiscard });
  const { errors, picker, confirmDiscard, banner, dup } = st;
  const offRef = useRef(0);
  const lists = repo.ws.valueLists;
  const ctx = { lists, resolveRef: repo.resolveRef };

  // the texts with the focused field's edit applied, from the latest state
  const textsOf = (x: FormState) => {
    const cur = fields[x.focus];
    return untyped(cur, x.texts) ? x.texts : { ...x.texts, [cur.name]: x.edit.text };
  };
  const focus = st.focus;
  const edit = st.edit;
  const current = fields[focus];
  const textsNow = textsOf(st);
  const isChanged = () => {
    const now = textsOf(stRef.current);
    return fields.some((fi) => (now[fi.name] ?? '') !== (initial[fi.name] ?? ''));
  };

  const checkField = (fi: FieldInfo, text: string) => {
    const r = parseFieldText(fi, text, ctx);
    const msg = 'error' in r ? errorMessage(t, r.error, lists) : fi.required && text.trim() === '' ? t('err.required') : undefined;
    setErrors((e) => {
      const n = { ...e };
      if (msg) n[fi.name] = msg;
      else delete n[fi.name];
      return n;
    });
  };

  const moveTo = (i: number) => {
    const x = stRef.current;
    const all = textsOf(x);
    const cur = fields[x.focus];
    const n = (i + fields.length) % fields.length;
    if (cur.kind !== 'enum' && !isNested(cur) && !isComputed(cur, all)) checkField(cur, all[cur.name] ?? '');
    set({ texts: all, focus: n, edit: selectAll(all[fields[n].name] ?? '') });
  };

  const save = (opts: { allowDuplicate?: boolean } = {}) => {
    const all = textsOf(stRef.current);
    const values: Record<string, unknown> = {};
    const errs: FieldError[] = [];
    const under = !!record && opened.current.record !== record;
    if (under) {
      // a field typed here that someone else also changed meanwhile, to something else: never
      // saved over theirs unseen. Marked with their value; Ctrl+S again keeps mine, Esc theirs.
      const clashes: Record<string, string> = {};
      for (const fi of fields) {
        if (isComputed(fi, all)) continue;
        const mine = all[fi.name] ?? '';
        const was = opened.current.initial[fi.name] ?? '';
        const theirs = initial[fi.name] ?? '';
        if (mine !== was && theirs !== was && mine !== theirs) clashes[fi.name] = t('conflict.clashMark', { value: sanitizeLine(display(fi, theirs)) || '-' });
      }
      const names = Object.keys(clashes);
      if (names.length) {
        opened.current = { record: opened.current.record, initial: { ...opened.current.initial, ...Object.fromEntries(names.map((n) => [n, initial[n] ?? ''])) } };
        const by = app.changedBy?.(entity, record.id);
        const first = fields.findIndex((f) => clashes[f.name]);
        setTexts(all);
        set({ errors: clashes, banner: t('form.clashBanner', { by: sanitizeLine(by ?? '?'), count: names.length }), focus: first, edit: atEnd(all[fields[first].name] ?? '') });
        return;
      }
    }
    for (const fi of fields) {
      if (isComputed(fi, all)) continue;
      if (under && (all[fi.name] ?? '') === (opened.current.initial[fi.name] ?? '')) continue;
      if (isNested(fi)) {
        if (all[fi.name]) values[fi.name] = JSON.parse(all[fi.name]);
        continue;
      }
      const r = parseFieldText(fi, all[fi.name] ?? '', ctx);
      if ('error' in r) errs.push(r.error);
      else values[fi.name] = r.value;
    }
    const res = record
      ? repo.update(entity, record.id, values, { dryRun: errs.length > 0, allowDuplicate: opts.allowDuplicate })
      : repo.create(entity, { ...preset, ...values }, { dryRun: errs.length > 0 || !!onValues, allowDuplicate: opts.allowDuplicate || !!onValues });
    setTexts(all);
    // the same mobile as another record: ask, naming it (the service refused it, as `add` does)
    if (!errs.length && !res.ok && res.errors.length === 1 && res.errors[0].code === 'duplicateKey') {
      set({ dup: res.errors[0], banner: null });
      return;
    }
    const seen = new Set(errs.map((e) => e.field));
    if (!res.ok) for (const e of res.errors) if (!seen.has(e.field)) errs.push(e);
    if (errs.length || !res.ok) {
      const map: Record<string, string> = {};
      for (const e of errs) map[e.field] ??= errorMessage(t, e, lists);
      // an error about no field of this form (a reference gone meanwhile …) is said in the banner
      const other = errs.filter((e) => !fields.some((f) => f.name === e.field)).map((e) => errorMessage(t, e, lists));
      const first = fields.findIndex((f) => map[f.name]);
      set({
        errors: map,
        banner: [t('form.hasErrors'), ...other].join(' '),
        ...(first >= 0 ? { focus: first, edit: atEnd(all[fields[first].name] ?? '') } : {}),
      });
      return;
    }
    if (onValues) return onValues({ ...preset, ...values });
    const wasChange = record ? (res as { changed?: boolean }).changed !== false : true;
    // "Created" only once the change is on disk; until then the status line says saving
    if (wasChange) app.changed(t(record ? 'form.updated' : 'form.created', { id: res.value.id }));
    else app.notify(t('form.unchanged'), 'ok');
    onDone(res.value);
  };

  /** A field's value as the record would be saved with it: a reference typed by name is its id. */
  const valueNow = (name: string): unknown => {
    const fi = fields.find((f) => f.name === name);
    if (!fi) return record?.[name] ?? preset?.[name];
    const text = textsOf(stRef.current)[name] ?? '';
    if (!text || fi.kind !== 'ref') return text || undefined;
    const r = repo.resolveRef(fi.ref!, text);
    return 'id' in r ? r.id : text;
  };

  const pickItems = (fi: FieldInfo): PickItem[] => {
    if (fi.kind === 'enum') return valuePickItems(t, lists, fi, record?.[fi.name], choices?.(fi.name, record));
    const target = fi.ref as EntityName;
    let recs = repo.all(target);
    // a reference scoped by another field (an anniversary's contact by its customer) offers only those
    const scope = refScope(entity, fi.name);
    const by = scope ? valueNow(scope.by) : undefined;
    if (scope && by !== undefined) recs = recs.filter((r) => inScope(scope, { [scope.by]: by }, r));
    return recordPickItems(repo, t, target, recs);
  };
  const openPicker = (fi: FieldInfo, filter = '') => set({ picker: { field: fi, items: pickItems(fi), filter } });

  const toggle = () => {
    const x = stRef.current;
    const cur = fields[x.focus];
    const now = textsOf(x);
    setTexts({ ...now, [cur.name]: now[cur.name] === 'true' ? 'false' : 'true' });
  };
  const formCtx: FormCtx = {
    save,
    cancel: () => {
      if (isChanged()) setConfirmDiscard(true);
      else onDone();
    },
    moveBy: (n) => {
      const f = stRef.current.focus;
      // Tab and the arrows go round; a page stops at the first or last field
      if (Math.abs(n) === 1) moveTo(f + n);
      else moveTo(Math.max(0, Math.min(fields.length - 1, f + n)));
    },
    enter: () => {
      const x = stRef.current;
      const cur = fields[x.focus];
      if (isChoice(cur)) return openPicker(cur);
      if (isNested(cur)) return set({ nested: cur });
      if (cur.kind === 'bool') return toggle();
      if (isComputed(cur, x.texts) && x.focus < fields.length - 1) return moveTo(x.focus + 1);
      if (x.focus === fields.length - 1) return save();
      moveTo(x.focus + 1);
    },
    choose: () => {
      const cur = fields[stRef.current.focus];
      if (cur.kind === 'bool') toggle();
      else openPicker(cur);
    },
    clearChoice: () => setTexts({ ...textsOf(stRef.current), [fields[stRef.current.focus].name]: '' }),
    discard: () => onDone(),
    keepEditing: () => setConfirmDiscard(false),
    openExisting: () => {
      const other = String(stRef.current.dup?.params?.other ?? '');
      onDone();
      if (other) app.openScreen(entity, { focusId: other });
    },
    saveAnyway: () => {
      set({ dup: null });
      save({ allowDuplicate: true });
    },
    backToForm: () => {
      const d = stRef.current.dup;
      const i = fields.findIndex((f) => f.name === d?.field);
      set({ dup: null, ...(i >= 0 ? { focus: i, edit: atEnd(textsOf(stRef.current)[fields[i].name] ?? '') } : {}) });
    },
  };
  const takesChoice = current.kind === 'bool' || isChoice(current);
  const commands = st.dup ? DUPLICATE_COMMANDS : st.confirmDiscard ? DISCARD_COMMANDS : takesChoice ? [...FORM_COMMANDS, ...FORM_CHOICE_COMMANDS] : FORM_COMMANDS;
  useCommands('form', commands, formCtx, {
    active: !picker && !st.nested,
    modal: true,
    other: (input, key) => {
      const x = stRef.current;
      // the discard question: any other key keeps editing
      if (x.confirmDiscard) {
        setConfirmDiscard(false);
        return true;
      }
      if (x.dup) return true;
      const cur = fields[x.focus];
      if (cur.kind === 'bool' || isNested(cur) || isComputed(cur, x.texts)) return true;
      if (isChoice(cur)) {
        // typing on a choice opens its options, filtered by what was typed (女 on 性别)
        const typed = typedText(input, key);
        if (typed) openPicker(cur, typed.trim());
        return true;
      }
      const next = applyEditKey(x.edit, input, key);
      if (next) set({ edit: next, banner: null });
      return true;
    },
  });

  if (st.nested) {
    const fi = st.nested;
    const text = textsNow[fi.name];
    return (
      <NestedEditor
        title={`${entityLabel(t, entity)} - ${t.l(fi.label)}`}
        schema={ENTITIES[entity].schema.shape[fi.name]}
        value={text ? JSON.parse(text) : undefined}
        width={width}
        height={height}
        onCancel={() => set({ nested: null })}
        onSave={(v) => {
          const s = JSON.stringify(v);
          set((x) => ({ texts: { ...textsOf(x), [fi.name]: s }, edit: atEnd(s), nested: null }));
          return undefined;
        }}
      />
    );
  }

  if (picker) {
    const pf = picker.field;
    return (
      <Picker
        title={`${entityLabel(t, entity)} - ${t.l(pf.label)}`}
        items={picker.items}
        initialFilter={picker.filter}
        current={textsNow[pf.name]}
        height={height}
        width={width}
        allowNone={!pf.required}
        onCancel={() => set({ picker: null })}
        onPick={(v) => {
          const all = { ...textsOf(stRef.current), [pf.name]: v ?? '' };
          const errs = { ...stRef.current.errors };
          delete errs[pf.name];
          // a scoped reference picked first fills the field that scopes it (the contact's customer)
          const scope = refScope(entity, pf.name);
          if (v && scope && fields.some((f) => f.name === scope.by) && !all[scope.by]) {
            const target = repo.get(pf.ref as EntityName, v);
            if (target?.[scope.match] !== undefined) all[scope.by] = String(target[scope.match]);
          }
          set({ texts: all, edit: atEnd(v ?? ''), picker: null, errors: errs });
        }}
      />
    );
  }

  const labelW = Math.min(22, Math.max(12, Math.floor(width * 0.22)));
  const valueW = Math.max(16, Math.min(40, width - labelW - 24));
  const errW = Math.max(0, width - labelW - valueW - 4);
  // a banner says what to do next: at 60 columns it takes two lines rather than lose its end
  const bannerLines = banner ? wrapText(banner, width).slice(0, 2) : [];
  const bodyH = Math.max(3, height - 3 - bannerLines.length - (dup ? 1 : 0));
  let off = offRef.current;
  if (focus < off) off = focus;
  if (focus >= off + bodyH) off = focus - bodyH + 1;
  off = Math.max(0, Math.min(off, Math.max(0, fields.length - bodyH)));
  offRef.current = off;

  // the computed fields as the record would be saved now (an order's total from its lines)
  const preview = fields.some((fi) => isComputed(fi, textsNow))
    ? (() => {
        const draft: Record<string, unknown> = { ...(record ?? ENTITIES[entity].defaults), ...preset };
        for (const fi of fields) {
          const text = textsNow[fi.name] ?? '';
          if (isNested(fi)) draft[fi.name] = text ? JSON.parse(text) : undefined;
          else {
            const r = parseFieldText(fi, text, ctx);
            if ('value' in r) draft[fi.name] = r.value;
          }
        }
        return computedPreview(entity, draft, record, (e, id) => repo.get(e, id), repo.ws.valueLists);
      })()
    : undefined;

  const display = (fi: FieldInfo, text: string): string => {
    if (isComputed(fi, textsNow)) {
      const v = preview?.[fi.name];
      const shown = fi.kind === 'money' && typeof v === 'number' ? fenToGrouped(v) : v === undefined ? '' : String(v);
      return `${shown}  (${t('orders.computed')})`;
    }
    // an empty list still says how to fill it, rather than a blank the user cannot read
    if (!text) return isNested(fi) ? (nestedShape(ENTITIES[entity].schema.shape[fi.name]).kind === 'object' ? t('detail.nestedEmpty') : t('nested.rows', { n: 0 })) : '';
    if (fi.kind === 'enum') return valueLabelT(t, lists, fi.values!, text);
    if (fi.kind === 'bool') return text === 'true' ? '[x]' : '[ ]';
    if (isNested(fi)) {
      const v: unknown = JSON.parse(text);
      // one sub-record (a stay): its first parts, not a count of its keys
      const sh = nestedShape(ENTITIES[entity].schema.shape[fi.name]);
      if (v && typeof v === 'object' && !Array.isArray(v) && sh.kind === 'object') {
        const row = v as Record<string, unknown>;
        const parts = sh.parts.slice(0, 3).map((p) => (p.kind === 'enum' ? valueLabelT(t, lists, p.values!, String(row[p.name] ?? '')) : String(row[p.name] ?? '')));
        return `${parts.join('  ')}  (${t('orders.enterEdits')})`;
      }
      return t('nested.rows', { n: Object.keys(v ?? {}).length });
    }
    if (fi.kind === 'ref') {
      const r = repo.resolveRef(fi.ref!, text);
      if ('id' in r) return `${r.id} ${refName(repo, t, fi.ref!, r.id) ?? ''}`;
    }
    return text;
  };

  const dupText = (d: FieldError): string => {
    const other = String(d.params?.other ?? '');
    const rec = repo.get(entity, other);
    const fi = fields.find((f) => f.name === d.field);
    return t('form.duplicate', { other, name: String(rec?.[ENTITIES[entity].display] ?? ''), field: fi ? t.l(fi.label) : d.field, value: String(d.params?.value ?? '') });
  };

  const title = ownTitle ?? (record ? t('form.edit', { entity: entityLabel(t, entity), id: record.id }) : t('form.new', { entity: entityLabel(t, entity) }));
  const focusErr = errors[current.name];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {title}
        {note ? <Text color={theme.warn}>{`  ${note}`}</Text> : null}
      </Text>
      {bannerLines.map((l, i) => (
        <Text key={`banner${i}`} color={theme.error} bold wrap="truncate">{fit(l, width)}</Text>
      ))}
      {fields.slice(off, off + bodyH).map((fi, i) => {
        const idx = off + i;
        const isFocus = idx === focus;
        const text = textsNow[fi.name] ?? '';
        const err = errors[fi.name];
        const label = fit(`${t.l(fi.label)}${fi.required && !isComputed(fi, textsNow) ? '*' : ''}`, labelW);
        return (
          <Box key={fi.name}>
            <Text color={err ? theme.error : isFocus ? theme.accent : undefined} bold={isFocus}>{`${isFocus ? '>' : ' '}${label} `}</Text>
            <Box width={valueW}>
              {isFocus && !untyped(fi, textsNow) ? (
                <TextField state={edit} width={valueW} focused origin={{ x: labelW + 2, y: app.bodyTop + 1 + bannerLines.length + i }} />
              ) : (
                <Text inverse={isFocus} wrap="truncate">{fit(sanitizeLine(display(fi, text)) || (isFocus && isChoice(fi) ? '(Enter)' : ''), valueW)}</Text>
              )}
            </Box>
            <Text color={theme.error} wrap="truncate">{err ? ` ${fit(err, errW)}` : ''}</Text>
          </Box>
        );
      })}
      <Box flexGrow={1} />
      {dup ? (
        <>
          <Text color={theme.warn} bold wrap="truncate">{fit(sanitizeLine(dupText(dup)), width)}</Text>
          <Text color={theme.warn} wrap="truncate">{fit(t('form.duplicateQuestion', { other: String(dup.params?.other ?? '') }), width)}</Text>
        </>
      ) : confirmDiscard ? (
        <Text color={theme.warn} bold wrap="truncate">{t('confirm.discard')}</Text>
      ) : (
        <Text color={focusErr ? theme.error : theme.muted} wrap="truncate">
          {fit(focusErr ? `${t.l(current.label)}: ${focusErr}` : current.kind === 'ref' && textsNow[current.name] ? display(current, textsNow[current.name]) : `${focus + 1}/${fields.length}`, width)}
        </Text>
      )}
    </Box>
  );
}
