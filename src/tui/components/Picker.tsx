// A list to choose from, filtered as you type: value-list options and referenced records.
// Typing matches the label, the code, other words an item carries (a value's label in the
// other language) and the pinyin of Chinese labels, as the list filter does.
import { useEffect, useMemo, useState } from 'react';
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
  /** more words that find it (the label in the other language …) */
  keywords?: string;
  /** the words whose pinyin finds it (a record's name), when not the whole label */
  name?: string;
  /** that name is a person's: its surname is read as a surname (曾 zeng) */
  person?: boolean;
}

type Pinyin = (s: string, opts?: { person?: boolean }) => string;
// the pinyin tables load on first use, as the list filter's do (they cost start-up time)
let pinyinLoaded: Pinyin | undefined;
const LATIN = /[a-z]/;

/** The search texts of a list of items, made once per list: typing in a picker of 100 000
 *  customers scans an array of strings, and the pinyin is made only when a Latin word is typed. */
class PickIndex {
  readonly plain: string[];
  pinyin?: string[];
  constructor(readonly items: readonly PickItem[]) {
    this.plain = items.map((i) => `${i.label}\u0001${i.value}\u0001${i.keywords ?? ''}`.toLowerCase());
  }
  pinyinOf(py: Pinyin): string[] {
    return (this.pinyin ??= this.items.map((i) => py(i.name ?? i.label, { person: i.person })));
  }
}
const indexes = new WeakMap<readonly PickItem[], PickIndex>();

/** A word of Chinese characters found in order, with others between ("导入工单" in
 *  "从文件导入服务工单"): Chinese has no spaces to split a query into words. */
const HAN = /\p{Script=Han}/u;
function inOrder(text: string, word: string): boolean {
  let at = 0;
  for (const ch of word) {
    const i = text.indexOf(ch, at);
    if (i < 0) return false;
    at = i + ch.length;
  }
  return true;
}

/** The items whose text holds every word of the filter; a word in Latin letters also finds the
 *  pinyin of a Chinese name ("wxm" and "wangxiaoming" find 王小明); a word of Chinese characters
 *  also finds them in order with others between, listed after the items that hold it whole. */
export function matchItems<I extends PickItem>(items: readonly I[], filter: string, py?: Pinyin): I[] {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return [...items];
  let ix = indexes.get(items);
  if (!ix) indexes.set(items, (ix = new PickIndex(items)));
  const { plain } = ix;
  const pinyin = py && terms.some((w) => LATIN.test(w)) ? ix.pinyinOf(py) : undefined;
  const out: I[] = [];
  const loose: I[] = [];
  for (let i = 0; i < items.length; i++) {
    let all = true;
    let exact = true;
    for (const w of terms) {
      if (plain[i].includes(w) || (pinyin && LATIN.test(w) && pinyin[i].includes(w))) continue;
      if (HAN.test(w) && inOrder(plain[i], w)) {
        exact = false;
        continue;
      }
      all = false;
      break;
    }
    if (all) (exact ? out : loose).push(items[i]);
  }
  return loose.length ? out.concat(loose) : out;
}

export function Picker({ title, items, current, height, width, onPick, onCancel, allowNone, initialFilter }: {
  title: string; items: PickItem[]; current?: string; height: number; width: number;
  onPick: (value: string | undefined) => void; onCancel: () => void; allowNone?: boolean;
  /** what was typed on the field that opened the picker */
  initialFilter?: string;
}) {
  const { t, theme, bodyTop } = useApp();
  const [py, setPy] = useState<Pinyin | undefined>(() => pinyinLoaded);
  useEffect(() => {
    if (py) return;
    let live = true;
    void import('../../text/pinyin.js').then((m) => {
      pinyinLoaded = m.pinyinKey;
      if (live) setPy(() => m.pinyinKey);
    });
    return () => {
      live = false;
    };
  }, [py]);
  const [st, stRef, set] = useSyncedState<{ filter: EditState; sel: number }>(() => ({
    filter: atEnd(initialFilter ?? ''),
    sel: initialFilter ? 0 : Math.max(0, (allowNone ? [{ value: '' }, ...items] : items).findIndex((i) => i.value === (current ?? ''))),
  }));
  const filter = st.filter;
  const all = useMemo(() => (allowNone ? [{ value: '', label: t('form.none') }, ...items] : items), [items, allowNone, t]);
  const shown = useMemo(() => (filter.text.trim() ? matchItems(items, filter.text, py) : all), [all, items, filter.text, py]);
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
      {shown.length === 0 ? (
        <Text color={theme.warn} wrap="truncate">{fit(t('picker.noMatch', { text: sanitizeLine(filter.text) }), width)}</Text>
      ) : null}
      {shown.slice(off, off + bodyHeight).map((it, i) => (
        <Text key={it.value || '(none)'} inverse={off + i === s} wrap="truncate">
          {fit(`${off + i === s ? '>' : ' '} ${sanitizeLine(it.label)}`, width)}
        </Text>
      ))}
      <Text color={theme.muted} wrap="truncate">{t('form.options')}</Text>
    </Box>
  );
}
