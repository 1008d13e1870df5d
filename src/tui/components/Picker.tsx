// A list to choose from, filtered as you type: value-list options and referenced records.
import { useMemo } from 'react';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { Box, Text } from 'ink';
import { useCommands } from '../hooks/use-keys.js';
import { PICKER_COMMANDS, type PickerCtx } from './commands.js';
import { useApp } from '../context.js';
import { fit } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { applyEditKey, atEnd, type EditState } from '../text-edit.js';
import { TextField } from './TextField.js';
import { scrollOffset } from './Table.js';

export interface PickItem {
  value: string;
  label: string;
}

export function Picker({ title, items, current, height, width, onPick, onCancel, allowNone }: {
  title: string; items: PickItem[]; current?: string; height: number; width: number;
  onPick: (value: string | undefined) => void; onCancel: () => void; allowNone?: boolean;
}) {
  const { t, theme, bodyTop } = useApp();
  const [st, stRef, set] = useSyncedState<{ filter: EditState; sel: number }>(() => ({
    filter: atEnd(''),
    sel: Math.max(0, (allowNone ? [{ value: '' }, ...items] : items).findIndex((i) => i.value === (current ?? ''))),
  }));
  const filter = st.filter;
  const all = useMemo(() => (allowNone ? [{ value: '', label: t('form.none') }, ...items] : items), [items, allowNone, t]);
  const shown = useMemo(() => {
    const terms = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return all;
    // every word must be found, in the label or in the value's code ("import customers")
    return all.filter((i) => {
      const hay = `${i.label}\u0001${i.value}`.toLowerCase();
      return terms.every((w) => hay.includes(w));
    });
  }, [all, filter.text]);
  const clamp = (n: number) => Math.max(0, Math.min(shown.length - 1, n));
  const move = (d: number) => set((x) => ({ sel: clamp(x.sel + d) }));
  const bodyHeight = Math.max(1, height - 3);
  const ctx: PickerCtx = {
    pick: () => {
      const it = shown[clamp(stRef.current.sel)];
      if (it) onPick(it.value === '' ? undefined : it.value);
    },
    cancel: onCancel,
    moveBy: move,
    page: bodyHeight,
  };
  useCommands('dialog', PICKER_COMMANDS, ctx, {
    modal: true,
    other: (input, key) => {
      const next = applyEditKey(stRef.current.filter, input, key);
      if (next) set({ filter: next, sel: 0 });
      return true;
    },
  });
  const s = clamp(st.sel);
  const off = scrollOffset(0, s, bodyHeight, shown.length);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">{title}</Text>
      <Box>
        <Text>/ </Text>
        <TextField state={filter} width={width - 2} focused origin={{ x: 2, y: bodyTop + 1 }} />
      </Box>
      {shown.slice(off, off + bodyHeight).map((it, i) => (
        <Text key={it.value || '(none)'} inverse={off + i === s} wrap="truncate">
          {fit(`${off + i === s ? '>' : ' '} ${sanitizeLine(it.label)}`, width)}
        </Text>
      ))}
      <Text color={theme.muted} wrap="truncate">{t('form.options')}</Text>
    </Box>
  );
}
