// The screen says a change is done only once the store has it on disk: until the store's
// commit resolves the status line says it is saving, and a failed save says so instead.
import { describe, expect, it } from 'vitest';
import { renderApp, KEY } from '../helpers/render-app.js';
import { memoryStore } from '../../src/storage/store.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import type { Batch } from '../../src/services/ports.js';

/** A store whose commits wait until the test lets them through. */
function heldStore() {
  const store = memoryStore(loadDemoWorkspace());
  const held: { batch: Batch; done: () => void; fail: (e: Error) => void }[] = [];
  store.commit = (batch: Batch) => new Promise<void>((done, fail) => held.push({ batch, done, fail }));
  return { store, held };
}

describe('saved means on disk', () => {
  it('shows "Saving..." until the commit is durable, then "Created"; the batch names the actor', async () => {
    const { store, held } = heldStore();
    const app = await renderApp({ lang: 'en', store, ws: store.data });
    await app.press('n');
    await app.type('Durable Dai');
    await app.press(KEY.ctrlS);
    expect(app.frame()).toContain('Saving...');
    expect(app.frame()).not.toContain('Created');
    expect(held).toHaveLength(1);
    expect(held[0].batch.by).toBe('admin');
    expect(held[0].batch.changes.some((c) => c.op === 'put' && c.r.name === 'Durable Dai')).toBe(true);
    held[0].done();
    await app.press();
    await new Promise((r) => setTimeout(r, 30));
    expect(app.frame()).toContain('Created C0201');
    app.unmount();
  });

  it('a save that fails says so and never says "Created"', async () => {
    const { store, held } = heldStore();
    const app = await renderApp({ lang: 'zh-CN', store, ws: store.data });
    await app.press('n');
    await app.type('失败');
    await app.press(KEY.ctrlS);
    expect(app.frame()).toContain('正在保存');
    held[0].fail(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await new Promise((r) => setTimeout(r, 30));
    expect(app.frame()).toContain('ENOSPC');
    expect(app.frame()).not.toContain('已创建');
    app.unmount();
  });
});
