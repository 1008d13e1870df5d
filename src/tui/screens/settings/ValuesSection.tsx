// Settings: the value lists (数据字典). Left and right choose a list (sources, levels, payment
// methods, ticket types …), up and down a value; n adds one, e renames it in both languages,
// x retires it (kept on old records, no longer offered) or brings it back, J and K move it.
// The opportunity stages: n adds one before won, x removes one no opportunity is at, J and K
// move it between the first stage and won. Codes never change. Only an administrator may change a list.
import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp, type AppServices } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { Command } from '../../keys.js';
import { editableLists, RESHAPABLE_FIXED, reshapable, VALUE_NUMBERS, type ValueEdit } from '../../../domain/value-edit.js';
import { errorMessage } from '../../../i18n/index.js';
import { valueListLabel } from '../../../presentation/value-lists.js';
import { fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { FieldsForm } from './FieldsForm.js';
import { settingsRefused } from './OrgSection.js';

interface ValuesCtx {
  app: AppServices;
  hasValue: boolean;
  /** a list the program's logic reads (statuses): its values are renamed and tuned, never added, retired or moved */
  fixed: boolean;
  list: (by: number) => void;
  move: (by: number) => void;
  add: () => void;
  rename: () => void;
  retire: () => void;
  shift: (by: number) => void;
}

const changing = (c: ValuesCtx) => settingsRefused(c.app) ?? (c.hasValue ? undefined : 'keys.noRecord');
const reshaping = (c: ValuesCtx) => changing(c) ?? (c.fixed ? 'settings.valuesFixed' : undefined);

export const VALUES_COMMANDS: Command<ValuesCtx>[] = [
  { id: 'values.down', keys: ['down', 'j'], moves: true, description: 'keys.down', footer: { label: 'hint.move', drop: 4 }, run: (c) => c.move(1) },
  { id: 'values.up', keys: ['up', 'k'], moves: true, description: 'keys.up', run: (c) => c.move(-1) },
  { id: 'values.nextList', keys: ['right', 'l'], moves: true, description: 'settings.nextColumn', footer: { label: 'settings.valuesLists', drop: 3 }, run: (c) => c.list(1) },
  { id: 'values.prevList', keys: ['left', 'h'], moves: true, description: 'settings.prevColumn', run: (c) => c.list(-1) },
  { id: 'values.add', keys: ['n'], description: 'settings.valueAdd', footer: { label: 'settings.hintValueAdd' }, unavailable: (c) => settingsRefused(c.app) ?? (c.fixed ? 'settings.valuesFixed' : undefined), run: (c) => c.add() },
  { id: 'values.rename', keys: ['e'], description: 'settings.valueRename', footer: { label: 'hint.edit' }, unavailable: changing, run: (c) => c.rename() },
  { id: 'values.retire', keys: ['x'], description: 'settings.valueRetire', footer: { label: 'settings.hintValueRetire', drop: 2 }, unavailable: reshaping, run: (c) => c.retire() },
  { id: 'values.moveUp', keys: ['K'], description: 'settings.valueUp', unavailable: reshaping, run: (c) => c.shift(-1) },
  { id: 'values.moveDown', keys: ['J'], description: 'settings.valueDown', unavailable: reshaping, run: (c) => c.shift(1) },
];

export function ValuesSection({ active, width, height }: { active: boolean; width: number; height: number }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const names = editableLists(repo.ws.valueLists);
  const [st, setStState] = useState({ list: Math.max(0, names.indexOf('source')), row: 0 });
  // keys that arrive together ("jjx") run before the next render: they read and move the
  // state as it is now, not as it was drawn
  const live = useRef(st);
  const setSt = (f: (s: typeof st) => typeof st) => {
    live.current = f(live.current);
    setStState(live.current);
  };
  const [form, setForm] = useState<null | { code?: string }>(null);
  const at = () => {
    const name = names[Math.min(live.current.list, names.length - 1)];
    const items = repo.ws.valueLists[name] ?? [];
    const row = Math.min(live.current.row, Math.max(0, items.length - 1));
    return { name, items, row, item: items[row] };
  };
  const { name, items, row, item } = at();
  const lang = t.lang === 'en' ? 'en' : 'zh';

  const apply = (edit: ValueEdit, done: (label: string) => string): string | undefined => {
    const r = repo.editValues(at().name, edit);
    if (!r.ok) return r.errors.map((e) => errorMessage(t, e)).join('; ');
    const v = r.value.find((x) => x.code.toLowerCase() === edit.code.trim().toLowerCase());
    if (v) setSt((s) => ({ ...s, row: r.value.indexOf(v) }));
    app.changed(done(sanitizeLine(v?.[lang] ?? edit.code)));
    return undefined;
  };
  const ctx: ValuesCtx = {
    app,
    hasValue: !!item,
    fixed: !reshapable(name),
    list: (by) => setSt((s) => ({ list: (s.list + by + names.length) % names.length, row: 0 })),
    move: (by) => setSt((s) => ({ ...s, row: Math.max(0, Math.min(at().items.length - 1, at().row + by)) })),
    add: () => setForm({}),
    rename: () => {
      const { item } = at();
      if (item) setForm({ code: item.code });
    },
    retire: () => {
      const { item } = at();
      if (!item) return;
      // a stage is removed (the funnel has no place for a retired one): only one no opportunity is at
      if (at().name in RESHAPABLE_FIXED) {
        const r = repo.editValues(at().name, { op: 'remove', code: item.code });
        if (!r.ok) return app.notify(r.errors.map((e) => errorMessage(t, e)).join('; '), 'error');
        setSt((s) => ({ ...s, row: Math.min(s.row, r.value.length - 1) }));
        app.changed(t('settings.valueRemovedNow', { label: sanitizeLine(item[lang]) }));
        return;
      }
      const err = apply({ op: item.retired ? 'restore' : 'retire', code: item.code }, (label) => t(item.retired ? 'settings.valueRestoredNow' : 'settings.valueRetiredNow', { label }));
      if (err) app.notify(err, 'error');
    },
    shift: (by) => {
      const { item } = at();
      if (!item) return;
      const err = apply({ op: 'move', code: item.code, by }, (label) => t('settings.valueSaved', { code: item.code, label }));
      if (err) app.notify(err, 'error');
    },
  };
  useCommands('screen', VALUES_COMMANDS, ctx, { active: active && !form });

  const listTitle = `${valueListLabel(t, name)} (${name})`;
  // a stage's probability, an order type's points per yuan: edited beside the labels
  const num = VALUE_NUMBERS[name];
  const numLabel = num ? t(num.field === 'probability' ? 'settings.valueProbability' : 'settings.valuePointsPerYuan') : '';
  if (form) {
    const editing = form.code ? items.find((v) => v.code === form.code) : undefined;
    return (
      <FieldsForm
        title={editing ? t('settings.valueFormTitle', { list: listTitle, code: editing.code }) : t('settings.valueNewTitle', { list: listTitle })}
        lines={[
          { name: 'code', label: t('settings.valueCode'), value: editing?.code ?? '', readOnly: !!editing },
          { name: 'zh', label: t('settings.valueZh'), value: editing?.zh ?? '' },
          { name: 'en', label: t('settings.valueEn'), value: editing?.en ?? '' },
          ...(num ? [{ name: 'number', label: numLabel, value: editing ? String(editing[num.field] ?? '') : '' }] : []),
        ]}
        active={active}
        width={width}
        height={height}
        onCancel={() => setForm(null)}
        onSave={(x) => {
          let n: number | null | undefined;
          if (num) {
            const raw = (x.number ?? '').trim();
            n = raw === '' ? null : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
            if (Number.isNaN(n)) return t('settings.valueNumberBad', { value: sanitizeLine(raw) });
          }
          const edit: ValueEdit = editing
            ? { op: 'rename', code: editing.code, en: x.en, zh: x.zh, ...(num ? { [num.field]: n } : {}) }
            : { op: 'add', code: x.code, en: x.en, zh: x.zh, ...(num && typeof n === 'number' ? { [num.field]: n } : {}) };
          const err = apply(edit, (label) => t('settings.valueSaved', { code: edit.code.trim(), label }));
          if (!err) setForm(null);
          return err;
        }}
      />
    );
  }
  const visible = Math.max(1, height - 2);
  const top = Math.max(0, Math.min(row - visible + 1, items.length - visible));
  const codeW = Math.min(14, Math.max(6, ...items.map((v) => v.code.length + 2)));
  const zhW = Math.min(22, Math.max(8, ...items.map((v) => v.zh.length * 2 + 2)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text color={theme.muted}>{'< '}</Text>
        <Text bold>{listTitle}</Text>
        <Text color={theme.muted}>{` >  ${st.list + 1}/${names.length} · ${t('settings.valuesCount', { count: items.length })}`}</Text>
      </Text>
      {items.slice(top, top + visible).map((v, i) => {
        const sel = top + i === row;
        return (
          <Text key={v.code} inverse={sel} color={v.retired && !sel ? theme.muted : undefined} wrap="truncate">
            {fit(`${fit(v.code, codeW)}${num ? fit(`${v[num.field] ?? '-'}${num.field === 'probability' ? '%' : ''}`, 6) : ''}${fit(sanitizeLine(v.zh), zhW)}${sanitizeLine(v.en)}${v.retired ? `  [${t('settings.valueRetiredMark')}]` : ''}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}
