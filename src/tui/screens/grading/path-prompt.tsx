// The path screen 8 asks for on its bottom line (the folder of submissions, the gradebook CSV):
// prefilled and selected, Enter keeps it, Esc does not. Shared by the folder gradebook and the
// team gradebook of a shared hotel.
import { useRef, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import { TextField } from '../../components/TextField.js';
import { applyEditKey, selectAll, type EditState } from '../../text-edit.js';
import { displayWidth } from '../../../text/width.js';
import type { MessageKey } from '../../../i18n/index.js';
import { PATH_COMMANDS, type PathCtx } from './commands.js';

interface Asking<P> {
  purpose: P;
  label: MessageKey;
  edit: EditState;
}

export interface PathPrompt<P> {
  asking?: P;
  ask: (purpose: P, label: MessageKey, initial: string) => void;
  /** the prompt's line, while asking */
  line?: ReactNode;
}

/** `y`: the prompt's row on the screen (where the terminal's cursor goes). */
export function usePathPrompt<P>({ active, width, y, onKeep }: { active: boolean; width: number; y: number; onKeep: (purpose: P, path: string) => void }): PathPrompt<P> {
  const app = useApp();
  const { t, theme } = app;
  const [asking, setAsking] = useState<Asking<P>>();
  // keys arriving together act on the text as the previous key left it
  const ref = useRef(asking);
  ref.current = asking;
  const ctx: PathCtx = {
    keep: () => {
      const a = ref.current;
      if (!a) return;
      const text = a.edit.text.trim();
      if (!text) return app.notify(t('grading.needPath'), 'error');
      setAsking(undefined);
      onKeep(a.purpose, text);
    },
    cancel: () => setAsking(undefined),
  };
  useCommands('screen', PATH_COMMANDS, ctx, {
    active: active && !!asking,
    modal: true,
    other: (input, key) => {
      const a = ref.current;
      if (!a) return false;
      const next = applyEditKey(a.edit, input, key);
      if (next) setAsking((ref.current = { ...a, edit: next }));
      return true;
    },
  });
  const label = asking ? t(asking.label) : '';
  return {
    asking: asking?.purpose,
    ask: (purpose, labelKey, initial) => setAsking({ purpose, label: labelKey, edit: selectAll(initial) }),
    line: asking ? (
      <Box>
        <Text color={theme.accent}>{label}</Text>
        <TextField state={asking.edit} width={Math.max(8, width - displayWidth(label) - 1)} focused={active} origin={{ x: displayWidth(label), y }} />
      </Box>
    ) : undefined,
  };
}
