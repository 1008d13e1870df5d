// The help overlay (?): the keys of the current screen, then those of every screen, forms and
// dialogs, all from the command declarations. Two columns where they fit; else it scrolls.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from './context.js';
import { fit } from '../text/width.js';
import { useCommands } from './hooks/use-keys.js';
import { HELP_COMMANDS, type HelpCtx } from './components/commands.js';
import { helpSections } from './key-doc.js';
import { describe, keysLabel, type AnyCommand } from './keys.js';
import type { ScreenDef } from './screens.js';

export function Help({ screen, screens, now = [], height, width, onClose }: {
  screen: ScreenDef; screens: readonly ScreenDef[];
  /** the keys of what the screen showed when help was opened (a record's detail, a form): first */
  now?: readonly AnyCommand[];
  height: number; width: number; onClose: () => void;
}) {
  const { t, theme } = useApp();
  const [scroll, setScroll] = useState(0);
  const row = (k: string, d: string) => `${fit(k, 16)} ${d}`;
  const lines: { text: string; head?: boolean }[] = [{ text: t('help.title', { screen: t(screen.title) }), head: true }];
  // a screen's own words first (analytics: the definition of the model shown)
  for (const [i, l] of (screen.about?.(t, width - 1) ?? []).entries()) lines.push({ text: l, head: i === 0 });
  // only when the screen shows something other than its first view (a detail, not the list)
  const first = new Set([...screen.bindings, ...(screen.shared?.[0]?.commands ?? [])]);
  const showNow = now.some((c) => !first.has(c));
  const sections = [...(showNow ? [{ title: 'keys.section.now' as const, commands: now }] : []), ...helpSections(screen, screens)];
  sections.forEach((sec, i) => {
    if (i > 0 || showNow) lines.push({ text: t(sec.title), head: true });
    for (const c of sec.commands) if (c.description || c.label) lines.push({ text: row(keysLabel(c), describe(c, t)) });
  });
  const bodyH = height - 1;
  // two columns where they fit whole; else one column that scrolls
  const twoCols = width >= 120 && lines.length <= bodyH * 2 && lines.length > bodyH;
  // each column has a margin of one: a line as wide as the screen would wrap (and vanish)
  const colW = twoCols ? Math.floor(width / 2) - 1 : width - 1;
  const maxScroll = twoCols ? 0 : Math.max(0, lines.length - bodyH);
  const ctx: HelpCtx = {
    scrollBy: (n) => setScroll((x) => Math.max(0, Math.min(maxScroll, x + n))),
    page: bodyH,
    close: onClose,
  };
  useCommands('dialog', HELP_COMMANDS, ctx, { modal: true });
  const perCol = Math.ceil(lines.length / 2);
  const cols = twoCols ? [lines.slice(0, perCol), lines.slice(perCol)] : [lines.slice(scroll, scroll + bodyH)];
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Box>
        {cols.map((c, i) => (
          <Box key={i} flexDirection="column" width={colW} marginRight={1}>
            {c.map((l, j) => (
              <Text key={j} bold={l.head} color={l.head ? theme.accent : undefined}>{fit(l.text, colW)}</Text>
            ))}
          </Box>
        ))}
      </Box>
      <Box flexGrow={1} />
      <Text color={theme.muted}>{fit(`${t('help.close')}${maxScroll ? `  Up/Down ${scroll + 1}-${Math.min(lines.length, scroll + bodyH)}/${lines.length}` : ''}`, width)}</Text>
    </Box>
  );
}
