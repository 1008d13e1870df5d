// Others' saves arrive while a list is open (a shared hotel): the cursor stays on its record and
// on its line of the screen; a record deleted under the cursor moves it to the next one, said on
// the status line.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { memoryStore } from '../../src/storage/store.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import type { Workspace } from '../../src/domain/workspace.js';

/** a store that hears others' saves: `others(fn)` changes the data as a refresh would bring it */
function sharedStore(ws: Workspace) {
  const base = memoryStore(ws);
  let heard: (() => void) | undefined;
  let pending: (() => void) | undefined;
  return Object.assign(base, {
    watch(cb: () => void) {
      heard = cb;
      return () => {
        heard = undefined;
      };
    },
    async refresh() {
      const p = pending;
      pending = undefined;
      p?.();
      return !!p;
    },
    others(fn: () => void) {
      pending = fn;
      heard?.();
    },
    changedBy: (_e: string, _id: string): string | undefined => 'lisi',
  });
}

const drop = (ws: Workspace, ...ids: string[]) => {
  for (const id of ids) ws.customers.splice(ws.customers.findIndex((c) => c.id === id), 1);
};
const cursorLine = (lines: string[]) => lines.findIndex((l) => /^>/.test(l.trimStart()) || l.startsWith('>'));
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('a list while others save', () => {
  it('keeps the cursor on its record and on its line when rows above it go', async () => {
    const ws = loadDemoWorkspace();
    const store = sharedStore(ws);
    const app = await renderApp({ ws, store, lang: 'en' });
    for (let i = 0; i < 30; i++) await press(app, 'list.down');
    const before = app.lines();
    const at = cursorLine(before);
    const id = before[at].match(/C\d{4}/)![0];
    const above = before[at - 1].match(/C\d{4}/)![0];
    store.others(() => drop(store.data, 'C0002', 'C0003'));
    await settle();
    const after = app.lines();
    expect(cursorLine(after)).toBe(at);
    expect(after[at]).toContain(id);
    expect(after[at - 1]).toContain(above);
    app.unmount();
  });

  it('moves to the next record when the one under the cursor is deleted, and says so', async () => {
    const ws = loadDemoWorkspace();
    const store = sharedStore(ws);
    const app = await renderApp({ ws, store, lang: 'zh-CN' });
    for (let i = 0; i < 4; i++) await press(app, 'list.down');
    const before = app.lines();
    const at = cursorLine(before);
    const id = before[at].match(/C\d{4}/)![0];
    const next = before[at + 1].match(/C\d{4}/)![0];
    store.others(() => drop(store.data, id));
    await settle();
    const after = app.lines();
    expect(after[cursorLine(after)]).toContain(next);
    expect(app.frame()).toContain(`${id} 已被他人删除；光标移到下一条记录`);
    app.unmount();
  });
});

const change = (ws: Workspace, id: string, patch: Record<string, unknown>) => {
  const at = ws.customers.findIndex((c) => c.id === id);
  ws.customers[at] = { ...ws.customers[at], ...patch, updatedAt: '2026-11-26T07:50:00.000Z' };
};

describe('a record open while someone else saves it', () => {
  it('its detail shows their values and says who changed it', async () => {
    const ws = loadDemoWorkspace();
    const store = sharedStore(ws);
    const app = await renderApp({ ws, store, lang: 'en' });
    await press(app, 'list.open');
    expect(app.frame()).toContain('Tanaka Trading Ltd.');
    store.others(() => change(store.data, 'C0001', { name: 'Tanaka KK' }));
    await settle();
    expect(app.frame()).toContain('Tanaka KK');
    expect(app.frame()).toContain('Changed by lisi just now');
    app.unmount();
  });

  it('its form keeps what is typed, says who changed it, and saves only the typed fields over theirs', async () => {
    const ws = loadDemoWorkspace();
    const store = sharedStore(ws);
    const app = await renderApp({ ws, store, lang: 'zh-CN' });
    await press(app, 'record.edit');
    await app.type('田中商事');
    store.others(() => change(store.data, 'C0001', { city: 'Lyon' }));
    await settle();
    expect(app.frame()).toContain('lisi 刚刚修改了此记录');
    expect(app.frame()).toMatch(/客户名称\*\s+田中商事/);
    await press(app, 'form.save');
    expect(store.data.customers.find((c) => c.id === 'C0001')).toMatchObject({ name: '田中商事', city: 'Lyon' });
    app.unmount();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`a field typed here that they changed too is not saved over theirs unseen: marked, then Ctrl+S again keeps mine (${lang})`, async () => {
      const ws = loadDemoWorkspace();
      const store = sharedStore(ws);
      const app = await renderApp({ ws, store, lang, cols: lang === 'en' ? 60 : 80 });
      await press(app, 'record.edit');
      await app.type('田中商事');
      store.others(() => change(store.data, 'C0001', { name: 'Tanaka Trading Co.', city: 'Lyon' }));
      await settle();
      await press(app, 'form.save');
      // nothing saved: their name stands, and the form says whose it is and what it is
      expect(store.data.customers.find((c) => c.id === 'C0001')).toMatchObject({ name: 'Tanaka Trading Co.', city: 'Lyon' });
      expect(app.frame()).toContain(lang === 'en' ? 'Not saved: lisi also changed 1 field(s)' : '未保存：lisi 也改了你改的 1 个字段');
      // what to do next is shown whole, at 60 columns too
      expect(app.frame()).toContain(lang === 'en' ? 'Esc leaves theirs.' : '保留对方的。');
      expect(app.frame()).toContain(lang === 'en' ? 'clash; theirs: Tanaka' : '冲突；对方：Tanaka Trading Co.');
      expect(app.frame()).toMatch(lang === 'en' ? /Name\*?\s+田中商事/ : /客户名称\*\s+田中商事/);
      // seen: a second Ctrl+S keeps mine, and their other change stays
      await press(app, 'form.save');
      await settle();
      expect(store.data.customers.find((c) => c.id === 'C0001')).toMatchObject({ name: '田中商事', city: 'Lyon' });
      app.unmount();
    });
  }
});
