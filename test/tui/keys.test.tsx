import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Text } from 'ink';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { displayWidth } from '../../src/text/width.js';
import { makeT } from '../../src/i18n/index.js';
import { keysSectionOf, readmeKeys, appSections } from '../../src/tui/key-doc.js';
import { SCREENS, RECORD_SECTIONS, type ScreenDef } from '../../src/tui/screens.js';
import { SYSTEM_COMMANDS, globalCommands } from '../../src/tui/app-commands.js';
import { useCommands } from '../../src/tui/hooks/use-keys.js';
import { useApp } from '../../src/tui/context.js';
import type { AnyCommand, Command } from '../../src/tui/keys.js';

const selected = (app: Awaited<ReturnType<typeof renderApp>>) => app.lines().find((l) => l.startsWith('>')) ?? '';
const footer = (app: Awaited<ReturnType<typeof renderApp>>) => app.lines().filter(Boolean).at(-1) ?? '';
const status = (app: Awaited<ReturnType<typeof renderApp>>) => app.lines().filter(Boolean).at(-2) ?? '';

describe('README key table', () => {
  it('is the one the key bindings make', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const at = keysSectionOf(readme);
    const ours = at ? readme.slice(at.start, at.end).trimEnd() + '\n' : '(no "## Keys" section)';
    expect(ours, 'README.md "## Keys" differs from the bindings: run `npx tsx scripts/gen-readme-keys.ts --write`').toBe(readmeKeys(SCREENS, makeT('en')));
  });
});

describe('key declarations', () => {
  it('bind no key twice among the commands that are live together', () => {
    const own = (s: ScreenDef) => s.bindings as AnyCommand[];
    const sets: [string, readonly AnyCommand[]][] = [
      ['global', [...globalCommands(SCREENS), ...SYSTEM_COMMANDS]],
      // a screen's own keys, and with each section it shares (a record list: its list and detail keys)
      ...SCREENS.map((s): [string, readonly AnyCommand[]] => [s.name, own(s)]),
      ...SCREENS.flatMap((s) => (s.shared ?? []).map((sec): [string, readonly AnyCommand[]] => [`${s.name} ${sec.title}`, [...sec.commands, ...(sec.title === 'keys.section.list' || sec.title === 'keys.section.detail' ? own(s) : [])]])),
      ...appSections(SCREENS).slice(1).map((sec): [string, readonly AnyCommand[]] => [sec.title, sec.commands]),
    ];
    for (const [name, cs] of sets) {
      const seen = new Map<string, string>();
      for (const c of cs) for (const k of c.keys) {
        expect(seen.get(k), `${name}: ${k} bound by ${seen.get(k)} and ${c.id}`).toBeUndefined();
        seen.set(k, c.id);
      }
    }
    const ids = [...SCREENS.flatMap((s) => s.bindings), ...RECORD_SECTIONS.flatMap((s) => s.commands), ...appSections(SCREENS).flatMap((s) => s.commands)];
    for (const c of ids) expect(c.description || c.label, `${c.id} has no description`).toBeTruthy();
  });
});

describe('layered keys', () => {
  it('a form takes the keys it does not bind: 2 and q are text, not a screen switch or quit', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'record.new');
    await app.type('q2');
    expect(app.frame()).toContain('New Customers');
    expect(app.frame()).toContain('q2');
    expect(app.quitted()).toBe(false);
    await app.press(KEY.tab);
    expect(app.frame()).toContain('New Customers');
    app.unmount();
  });

  it('while filtering, Tab and digits do not switch screens', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'list.filter');
    await app.type('2');
    await app.press(KEY.tab);
    expect(app.frame()).toMatch(/Customers \d+ of 200/);
    app.unmount();
  });

  it('the help overlay takes j itself: the list behind it does not move', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'app.help');
    await app.press('j', 'j');
    await press(app, 'help.close');
    expect(selected(app)).toContain('C0001');
    app.unmount();
  });

  it('a key that opens a form hands the text typed with it to the form', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await app.type('n王先生');
    expect(app.frame()).toContain('新建客户');
    expect(app.frame()).toContain('王先生');
    app.unmount();
  });

  it('keeps the selection and filter of a screen while the palette covers it', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'list.down', 'list.down', 'app.palette');
    await app.type('stage');
    await press(app, 'picker.pick');
    expect(app.frame()).toContain(`Move ${app.ws.customers[2].name} from`);
    await press(app, 'picker.cancel');
    expect(selected(app)).toContain('C0003');
    app.unmount();
  });
});

describe('footer, palette and help from the declarations', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`the footer fits 80 columns and keeps help and quit (${lang})`, async () => {
      const app = await renderApp({ lang });
      const t = makeT(lang);
      const f = footer(app);
      expect(displayWidth(f)).toBeLessThanOrEqual(80);
      expect(f).toContain(`j/k ${t('hint.move')}`);
      expect(f).toContain(`? ${t('hint.help')}`);
      expect(f).toContain(`q ${t('hint.quit')}`);
      expect(app.lines().length).toBeLessThanOrEqual(23);
      await press(app, 'record.new');
      expect(footer(app)).toContain(`Ctrl+S ${t('hint.save')}`);
      expect(footer(app)).toContain(`Ctrl+C ${t('hint.quit')}`);
      expect(footer(app)).not.toContain(`q ${t('hint.quit')}`);
      app.unmount();
    });
  }

  it('drops the least needed hints first when the terminal is narrow', async () => {
    const app = await renderApp({ lang: 'en', cols: 60, rows: 20 });
    const f = footer(app);
    expect(displayWidth(f)).toBeLessThanOrEqual(60);
    expect(f).not.toContain('commands');
    expect(f).toContain('q quit');
    app.unmount();
  });

  it('in a read-only session leaves out what cannot run, and says why when its key is pressed', async () => {
    const app = await renderApp({ lang: 'en', readOnly: { host: 'h', pid: 4242, user: 'stu01', since: '2026-10-01T08:00:00Z' } });
    expect(footer(app)).toContain('/ filter');
    expect(footer(app)).not.toContain('d delete');
    expect(footer(app)).not.toContain('n new');
    const before = app.ws.customers.length;
    await press(app, 'record.delete');
    expect(status(app)).toContain('read-only; nothing was changed');
    expect(app.frame()).not.toContain('Delete');
    expect(app.ws.customers).toHaveLength(before);
    await press(app, 'app.palette');
    await app.type('delete the record');
    expect(app.frame()).not.toMatch(/d +delete the record/);
    expect(app.frame()).toContain('delete the record');
    app.unmount();
  });

  it('the palette lists the commands of the current screen with their keys, and runs them', async () => {
    const app = await renderApp({ lang: 'en' });
    await press(app, 'app.palette');
    await app.type('anniversary');
    expect(app.frame()).toMatch(/a +add an anniversary/);
    await press(app, 'picker.pick');
    expect(app.frame()).toContain('New Anniversaries');
    await press(app, 'form.cancel', 'list.down', 'app.palette');
    await app.type('change the lifecycle');
    expect(app.frame()).toMatch(/t +change the lifecycle stage/);
    await press(app, 'picker.cancel', 'screen.contacts', 'app.palette');
    await app.type('lifecycle');
    expect(app.frame()).not.toContain('change the lifecycle stage');
    app.unmount();
  });

  it('the help shows the keys of the screen it was opened on', async () => {
    // tall enough for the whole help of a screen (each screen adds its Go-to line)
    const app = await renderApp({ lang: 'en', rows: 80 });
    await press(app, 'app.help');
    expect(app.frame()).toMatch(/t +change the lifecycle stage/);
    // the keys of forms come after those of every kind of screen: a page further down
    await press(app, 'help.pageDown');
    expect(app.frame()).toMatch(/Ctrl\+S +save/);
    await press(app, 'help.close', 'screen.contacts', 'app.help');
    expect(app.frame()).toContain('Keys - Contacts');
    expect(app.frame()).not.toContain('change the lifecycle stage');
    app.unmount();
  });
});

describe('screen registry', () => {
  it('takes any component with its own commands, key and footer hint', async () => {
    interface Ctx { bump: () => void }
    const commands: Command<Ctx>[] = [{ id: 'count.up', keys: ['+'], description: 'keys.up', footer: { label: 'hint.move' }, run: (c) => c.bump() }];
    let count = 0;
    function Counter({ active }: { active: boolean }) {
      const { t } = useApp();
      useCommands('screen', commands, { bump: () => count++ }, { active });
      return <Text>{`${t('screen.customers')} counter`}</Text>;
    }
    const screens: ScreenDef[] = [SCREENS[0], { name: 'counter', key: '3', title: 'screen.contacts', component: Counter, bindings: commands }];
    const app = await renderApp({ lang: 'en', screens });
    await app.press('3');
    expect(app.frame()).toContain('Customers counter');
    expect(footer(app)).toContain('+ move');
    await app.press('+', '+');
    expect(count).toBe(2);
    await press(app, 'app.help');
    expect(app.frame()).toMatch(/\+ +move up/);
    app.unmount();
  });
});

describe('keys that arrive together', () => {
  it('act one after the other: "jjd" in one read asks to delete the third customer', async () => {
    const app = await renderApp({ lang: 'en' });
    await app.type('jjd');
    expect(app.frame()).toContain(`Delete Customers ${app.ws.customers[2].name} (C0003)`);
    await press(app, 'confirm.no');
    expect(app.ws.customers).toHaveLength(200);
    app.unmount();
  });
});
