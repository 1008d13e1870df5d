// A small form of labelled text lines (the hotel's profile; a value's code and labels): Tab or
// the arrows move, typing edits the focused line, Ctrl+S saves through the caller (which
// says why a save is refused), Esc goes back without saving.
import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { Command } from '../../keys.js';
import { applyEditKey, atEnd, selectAll, type EditState } from '../../text-edit.js';
import { TextField } from '../../components/TextField.js';
import { displayWidth, fit } from '../../../text/width.js';

interface FieldsCtx {
  move: (by: number) => void;
  save: () => void;
  cancel: () => void;
}

export const FIELDS_FORM_COMMANDS: Command<FieldsCtx>[] = [
  { id: 'fields.next', keys: ['tab', 'down'], description: 'hint.next', footer: { label: 'hint.next', drop: 3 }, run: (c) => c.move(1) },
  { id: 'fields.prev', keys: ['shift+tab', 'up'], description: 'help.prevField', run: (c) => c.move(-1) },
  { id: 'fields.save', keys: ['ctrl+s'], description: 'keys.save', footer: { label: 'hint.save' }, run: (c) => c.save() },
  { id: 'fields.cancel', keys: ['esc'], description: 'keys.formCancel', footer: { label: 'hint.cancel' }, run: (c) => c.cancel() },
];

export interface FieldLine {
  name: string;
  label: string;
  value: string;
  /** shown, not edited (a value's code once it exists) */
  readOnly?: boolean;
}

export function FieldsForm({ title, lines, active, width, height, onSave, onCancel }: {
  title: string;
  lines: FieldLine[];
  active: boolean;
  width: number;
  height: number;
  /** the texts by name; returns an error to show, or undefined when saved */
  onSave: (texts: Record<string, string>) => string | undefined;
  onCancel: () => void;
}) {
  const { theme } = useApp();
  const editable = lines.filter((l) => !l.readOnly);
  // as in the record form: the value of the line reached is selected, so typing replaces it
  const [st, setSt] = useState<{ focus: number; texts: Record<string, EditState>; error?: string }>(() => ({
    focus: 0,
    texts: Object.fromEntries(lines.map((l) => [l.name, l.name === editable[0]?.name ? selectAll(l.value) : atEnd(l.value)])),
  }));
  const ref = useRef(st);
  ref.current = st;
  const ctx: FieldsCtx = {
    move: (by) =>
      setSt((s) => {
        const focus = (s.focus + by + editable.length) % editable.length;
        const name = editable[focus].name;
        return { ...s, focus, texts: { ...s.texts, [name]: selectAll(s.texts[name].text) } };
      }),
    save: () => {
      const texts = Object.fromEntries(Object.entries(ref.current.texts).map(([k, v]) => [k, v.text]));
      const error = onSave(texts);
      if (error) setSt((s) => ({ ...s, error }));
    },
    cancel: onCancel,
  };
  useCommands('form', FIELDS_FORM_COMMANDS, ctx, {
    active,
    modal: true,
    other: (input, key) => {
      const name = editable[ref.current.focus]?.name;
      if (!name) return false;
      const next = applyEditKey(ref.current.texts[name], input, key);
      if (!next) return false;
      setSt((s) => ({ ...s, texts: { ...s.texts, [name]: next }, error: undefined }));
      return true;
    },
  });
  const labelW = Math.min(24, Math.max(...lines.map((l) => displayWidth(l.label))) + 2);
  const focusName = editable[st.focus]?.name;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">{fit(title, width)}</Text>
      {lines.map((l) => (
        <Box key={l.name}>
          <Text color={l.name === focusName ? undefined : theme.muted} bold={l.name === focusName}>{fit(l.label, labelW)}</Text>
          <TextField state={st.texts[l.name]} width={Math.max(4, width - labelW - 1)} focused={l.name === focusName} />
        </Box>
      ))}
      {st.error ? <Text color={theme.error} wrap="wrap">{st.error}</Text> : null}
    </Box>
  );
}
