// The key tables that the help overlay, the footer and the README show, made from the
// command declarations only.
import type { MessageKey, T } from '../i18n/index.js';
import { SYSTEM_COMMANDS, globalCommands } from './app-commands.js';
import { CONFLICT_COMMANDS, CONFLICT_DELETED_COMMANDS, DISCARD_COMMANDS, DUPLICATE_COMMANDS, FORM_CHOICE_COMMANDS, FORM_COMMANDS, HELP_COMMANDS, IMPORT_FILE_COMMANDS, IMPORT_PREVIEW_COMMANDS, PICKER_COMMANDS } from './components/commands.js';
import { NESTED_COMMANDS, NESTED_DISCARD_COMMANDS, NESTED_ROW_COMMANDS } from './components/nested-commands.js';
import { describe, keyLabel, shortKey, type AnyCommand, type Command } from './keys.js';
import type { Entry } from './hooks/use-keys.js';
import type { KeySection, ScreenDef } from './screens.js';
import { displayWidth } from '../text/width.js';

/** What works on every screen, and in forms and dialogs. */
export function appSections(screens: readonly ScreenDef[]): KeySection[] {
  return [
    { title: 'help.global', commands: [...globalCommands(screens), ...SYSTEM_COMMANDS] },
    { title: 'keys.section.form', commands: [...FORM_COMMANDS, ...FORM_CHOICE_COMMANDS] },
    { title: 'keys.section.discard', commands: DISCARD_COMMANDS },
    { title: 'keys.section.nested', commands: NESTED_COMMANDS },
    { title: 'keys.section.nestedDiscard', commands: NESTED_DISCARD_COMMANDS },
    { title: 'keys.section.nestedRow', commands: NESTED_ROW_COMMANDS },
    { title: 'keys.section.duplicate', commands: DUPLICATE_COMMANDS },
    { title: 'keys.section.picker', commands: PICKER_COMMANDS },
    { title: 'keys.section.importFile', commands: IMPORT_FILE_COMMANDS },
    { title: 'keys.section.importPreview', commands: IMPORT_PREVIEW_COMMANDS },
    { title: 'keys.section.help', commands: HELP_COMMANDS },
    { title: 'keys.section.conflict', commands: [...CONFLICT_COMMANDS, ...CONFLICT_DELETED_COMMANDS] },
  ];
}

/** The help overlay's sections for one screen: its own keys first. */
export function helpSections(screen: ScreenDef, screens: readonly ScreenDef[]): KeySection[] {
  return [
    ...(screen.bindings.length ? [{ title: 'keys.section.screen' as MessageKey, commands: screen.bindings }] : []),
    ...(screen.shared ?? []),
    ...appSections(screens),
  ];
}

/** The README's "## Keys" section (heading included), in English. */
export function readmeKeys(screens: readonly ScreenDef[], t: T): string {
  const out: string[] = ['## Keys', '', t('keys.readmeIntro'), ''];
  const table = (title: string, cs: readonly AnyCommand[]) => {
    out.push(`### ${title}`, '', '| key | does |', '| --- | --- |');
    for (const c of cs.filter((x) => x.description || x.label)) {
      const keys = c.keys.length ? c.keys.map((k) => `\`${keyLabel(k)}\``).join(' ') : t('keys.paletteOnly');
      out.push(`| ${keys} | ${describe(c, t).replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  };
  const [global, ...rest] = appSections(screens);
  table(t(global.title), global.commands);
  const shared = [...new Set(screens.flatMap((s) => s.shared ?? []))];
  for (const sec of shared) {
    const users = screens.filter((s) => s.shared?.includes(sec)).map((s) => t(s.title)).join(', ');
    table(`${t(sec.title)} (${users})`, sec.commands);
  }
  for (const s of screens) if (s.bindings.length) table(`${t(s.title)}: ${t('keys.section.screen')}`, s.bindings);
  for (const sec of rest) table(t(sec.title), sec.commands);
  return out.join('\n').trimEnd() + '\n';
}

export interface HintItem {
  keys: string;
  label: MessageKey;
  drop?: number;
}

/**
 * The footer: the commands the user can run now, from the layer that sees keys first down to
 * the first modal one; Ctrl+C last, unless quitting is already shown.
 */
export function footerItems(layers: readonly Entry[]): HintItem[] {
  const items: HintItem[] = [];
  const add = (c: AnyCommand, ctx: unknown, onlyNew: boolean) => {
    if (!c.footer || c.unavailable?.(ctx)) return;
    const same = items.find((i) => i.label === c.footer!.label);
    if (same && onlyNew) return;
    if (same) {
      if (!same.keys.split('/').includes(shortKey(c))) same.keys += `/${shortKey(c)}`;
    } else items.push({ keys: shortKey(c), label: c.footer.label, drop: c.footer.drop });
  };
  for (const e of layers) {
    if (e.layer === 'system') continue;
    const s = e.state.current;
    for (const c of s.commands) add(c, s.ctx, false);
    if (s.modal) break;
  }
  for (const e of layers) if (e.layer === 'system') for (const c of e.state.current.commands) add(c, e.state.current.ctx, true);
  return items;
}

/** The keys a dialog lists itself: the commands `label` names, those that can run now, one item
 *  per label (the keys of commands sharing one are joined: Left/Right). */
export function commandHints<C>(commands: readonly Command<C>[], ctx: C, label: (c: Command<C>) => MessageKey | undefined): HintItem[] {
  const items: HintItem[] = [];
  for (const c of commands) {
    const l = label(c);
    if (!l || c.unavailable?.(ctx)) continue;
    const same = items.find((i) => i.label === l);
    if (same) same.keys += `/${shortKey(c)}`;
    else items.push({ keys: shortKey(c), label: l });
  }
  return items;
}

/** All the hints, in as many lines of `cols` as they need (a dialog's own keys: none is left out) */
export function wrapHints(items: HintItem[], t: T, cols: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const h of items) {
    const one = `${h.keys} ${t(h.label)}`;
    if (line && displayWidth(line) + 2 + displayWidth(one) > cols) {
      lines.push(line);
      line = one;
    } else line = line ? `${line}  ${one}` : one;
  }
  if (line) lines.push(line);
  return lines;
}

/** The hints that fit in `cols`: the least needed (lowest drop) go first; the rest stay. */
export function fitHints(items: HintItem[], t: T, cols: number): string {
  const shown = [...items];
  const text = () => shown.map((h) => `${h.keys} ${t(h.label)}`).join('  ');
  const order = [...new Set(items.filter((h) => h.drop !== undefined).map((h) => h.drop!))].sort((a, b) => a - b);
  for (const d of order) {
    if (displayWidth(text()) <= cols) break;
    for (let i = shown.length - 1; i >= 0; i--) if (shown[i].drop === d) shown.splice(i, 1);
  }
  return text();
}


/** Where the "## Keys" section of a README is: from its heading to the next "## " heading. */
export function keysSectionOf(readme: string): { start: number; end: number } | undefined {
  const start = readme.search(/^## Keys\s*$/m);
  if (start < 0) return undefined;
  const next = readme.slice(start + 1).search(/^## /m);
  return { start, end: next < 0 ? readme.length : start + 1 + next };
}
