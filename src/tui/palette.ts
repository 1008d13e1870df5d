// The command palette (:) lists every command of the current screen and of the app that has a
// description and can run now, with its key; picking one runs it as its key would.
import type { T } from '../i18n/index.js';
import { fit } from '../text/width.js';
import type { Entry } from './hooks/use-keys.js';
import { describe, keyLabel, type AnyCommand } from './keys.js';
import type { PickItem } from './components/Picker.js';

export interface PaletteEntry {
  cmd: AnyCommand;
  /** the layer that declared it: the command runs on that layer's latest state */
  from: Entry;
}

export function paletteEntries(layers: readonly Entry[]): PaletteEntry[] {
  const seen = new Set<string>();
  const out: PaletteEntry[] = [];
  // the screen's commands first (new, edit, delete …), then the app's (go to, import …)
  const ordered = [...layers.filter((e) => e.layer === 'screen'), ...layers.filter((e) => e.layer === 'global')];
  for (const from of ordered) {
    const { commands, ctx } = from.state.current;
    for (const cmd of commands) {
      if (seen.has(cmd.id) || cmd.id === 'app.palette' || !(cmd.description || cmd.label) || cmd.unavailable?.(ctx)) continue;
      seen.add(cmd.id);
      out.push({ cmd, from });
    }
  }
  return [...out.filter((p) => !p.cmd.moves), ...out.filter((p) => p.cmd.moves)];
}

/** Picker items: the value is the command's id, so typing "import customers" finds it. */
export function paletteItems(entries: readonly PaletteEntry[], t: T): PickItem[] {
  const key = (c: AnyCommand) => (c.keys.length ? keyLabel(c.keys[0]) : '');
  const w = Math.max(0, ...entries.map(({ cmd }) => key(cmd).length));
  return entries.map(({ cmd }) => ({ value: cmd.id, label: `${fit(key(cmd), w)}  ${describe(cmd, t)}` }));
}
