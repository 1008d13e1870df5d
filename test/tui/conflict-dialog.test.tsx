// A save someone else overtook in a shared hotel (a fake store raising the conflict PostgreSQL
// would): the dialog shows mine and theirs per field, and each choice leaves the chosen values
// in what is saved.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { memoryStore } from '../../src/storage/store.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { ConflictError } from '../../src/services/ports.js';
import type { Batch } from '../../src/domain/change.js';
import type { Workspace } from '../../src/domain/workspace.js';

type Rec = Record<string, unknown> & { id: string };

/** A store whose first save of C0001 finds it changed by lisi (or deleted, when `theirs` is
 *  null); reread brings their version in, as the PostgreSQL store does. */
function sharedStore(ws: Workspace, theirs: Partial<Rec> | null) {
  const base = memoryStore(ws);
  const original = structuredClone(ws.customers.find((c) => c.id === 'C0001')!) as Rec;
  const saved: Batch[] = [];
  let armed = true;
  const store = Object.assign(base, {
    saved,
    async commit(batch: Batch) {
      const touches = batch.changes.some((c) => (c.op === 'put' && c.e === 'customers' && c.r.id === 'C0001') || (c.op === 'del' && c.e === 'customers' && c.id === 'C0001'));
      if (armed && touches) {
        armed = false;
        const kind = theirs ? 'changed' : 'deleted';
        throw new ConflictError([{ entity: 'customers', id: 'C0001', kind, by: 'lisi', at: '2026-11-26T07:40:00.000Z', fields: theirs ? Object.keys(theirs) : [], original }]);
      }
      saved.push(structuredClone(batch));
    },
    async reread(entity: string, id: string) {
      const list = base.data.customers as Rec[];
      const at = list.findIndex((r) => r.id === id);
      if (entity !== 'customers' || id !== 'C0001') return {};
      if (!theirs) {
        if (at >= 0) list.splice(at, 1);
        return {};
      }
      const rec = { ...original, ...theirs, updatedAt: '2026-11-26T07:40:00.000Z' } as Rec;
      if (at >= 0) list[at] = rec;
      else list.push(rec);
      return { record: rec, version: 3 };
    },
  });
  return store;
}

const putOf = (b: Batch[]) => b.flatMap((x) => x.changes).filter((c) => c.op === 'put' && c.e === 'customers' && c.r.id === 'C0001').map((c) => (c as { r: Rec }).r).at(-1);
const until = async (app: { frame: () => string }, re: RegExp) => {
  for (let i = 0; i < 200 && !re.test(app.frame()); i++) await new Promise((r) => setTimeout(r, 10));
};

/** edits C0001's name to 田中商事 and saves: lisi changed its name and city first */
async function editAndCollide(theirs: Partial<Rec> | null, opts: { lang?: 'en' | 'zh-CN'; cols?: number } = {}) {
  const ws = loadDemoWorkspace();
  const store = sharedStore(ws, theirs);
  const app = await renderApp({ ws, store, lang: opts.lang ?? 'zh-CN', cols: opts.cols ?? 80 });
  await press(app, 'record.edit');
  await app.type('田中商事');
  await press(app, 'form.save');
  await until(app, theirs ? /lisi/ : /删除|deleted/);
  return { app, store };
}

describe('a save someone else overtook (a shared hotel)', () => {
  it('shows per field the original, mine and theirs now, who changed it and when, and the choices', async () => {
    const { app } = await editAndCollide({ name: 'Tanaka KK', city: 'Lyon' });
    const f = app.frame();
    expect(f).toMatch(/未保存：客户 C0001 .*已被 lisi 于 (2026-11-26 )?\d\d:40 修改/);
    expect(f).toMatch(/!客户名称\s+Tanaka Trading Ltd\.\s+田中商事\s+Tanaka KK/);
    expect(f).toMatch(/城市\s+Paris\s+Paris\s+Lyon/);
    expect(f).toMatch(/k 保留我的.*t 采用对方的.*e 编辑/);
    app.unmount();
  });

  it('keep mine saves my record over their version', async () => {
    const { app, store } = await editAndCollide({ name: 'Tanaka KK', city: 'Lyon' });
    expect(store.saved).toHaveLength(0);
    await press(app, 'conflict.keepMine');
    await until(app, /已覆盖/);
    expect(putOf(store.saved)).toMatchObject({ name: '田中商事', city: 'Paris' });
    expect(app.frame()).toContain('已覆盖 lisi 的版本：客户 C0001');
    expect(app.frame()).not.toContain('对方现值');
    app.unmount();
  });

  it('take theirs drops my change and shows their record', async () => {
    const { app, store } = await editAndCollide({ name: 'Tanaka KK', city: 'Lyon' });
    await press(app, 'conflict.takeTheirs');
    await until(app, /已采用/);
    expect(store.saved.filter((b) => putOf([b]))).toHaveLength(0);
    expect(store.data.customers.find((c) => c.id === 'C0001')).toMatchObject({ name: 'Tanaka KK', city: 'Lyon' });
    expect(app.frame()).toMatch(/C0001\s+Tanaka KK/);
    app.unmount();
  });

  it('edit opens the form with their city and my name, the clash marked, and saves both', async () => {
    const { app, store } = await editAndCollide({ name: 'Tanaka KK', city: 'Lyon' });
    await press(app, 'conflict.edit');
    const f = app.frame();
    expect(f).toContain('编辑客户 C0001：对方的值加你的更改（标出 1 处冲突）');
    expect(f).toMatch(/客户名称\*\s+田中商事\s+冲突；对方：Tanaka/);
    expect(f).toMatch(/城市\s+Lyon/);
    await press(app, 'form.save');
    await until(app, /已更新|Updated|C0001/);
    expect(putOf(store.saved)).toMatchObject({ name: '田中商事', city: 'Lyon' });
    app.unmount();
  });

  it('a record deleted meanwhile: re-create it with my values', async () => {
    const { app, store } = await editAndCollide(null);
    expect(app.frame()).toMatch(/C0001 .*已被 lisi 于 .* 删除/);
    expect(app.frame()).toMatch(/r 重新创建.*d 放弃/);
    await press(app, 'conflict.recreate');
    await until(app, /已重新创建/);
    expect(putOf(store.saved)).toMatchObject({ id: 'C0001', name: '田中商事', city: 'Paris' });
    expect(store.data.customers.some((c) => c.id === 'C0001')).toBe(true);
    app.unmount();
  });

  it('a record deleted meanwhile: discard leaves it deleted', async () => {
    const { app, store } = await editAndCollide(null, { lang: 'en' });
    expect(app.frame()).toMatch(/Not saved: Customers? C0001 .*was deleted by lisi/);
    await press(app, 'conflict.discard');
    await until(app, /Discarded/);
    expect(store.saved.filter((b) => putOf([b]))).toHaveLength(0);
    expect(store.data.customers.some((c) => c.id === 'C0001')).toBe(false);
    app.unmount();
  });

  it('fits 60 columns in English', async () => {
    const { app } = await editAndCollide({ name: 'Tanaka KK', city: 'Lyon' }, { lang: 'en', cols: 60 });
    const lines = app.lines();
    expect(app.frame()).toMatch(/!Name\s+Tanaka Tradi.*田中商事\s+Tanaka KK/);
    expect(app.frame()).toMatch(/k keep mine/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    app.unmount();
  });
});
