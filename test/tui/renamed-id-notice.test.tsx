// On a shared hotel a new record whose id someone else took at the same moment is saved under
// the next free one (the store renumbers it); "Created …" must name the id saved, since it is
// said only after the save. A fake store gives the renumbering here; PostgreSQL's own is in
// test/contract/storage.contract.test.ts.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { memoryStore } from '../../src/storage/store.js';
import { withIdsRenamed } from '../../src/presentation/renamed-ids.js';

describe('"Created" after a renumbered save', () => {
  it('names the id the record was saved under', async () => {
    const ws = loadDemoWorkspace();
    const store = memoryStore(ws);
    const commit = store.commit.bind(store);
    let made = '';
    store.commit = async (b) => {
      await commit(b);
      const put = b.changes.find((c) => c.op === 'put' && c.e === 'customers') as { r: { id: string } } | undefined;
      made = put?.r.id ?? '';
      // someone else's customer took this id meanwhile: ours went to the next one
      const next = `C${String(Number(made.slice(1)) + 1).padStart(4, '0')}`;
      return { renamed: new Map([['customers', new Map([[made, next]])]]) };
    };
    const app = await renderApp({ ws, store, lang: 'en' });
    await press(app, 'record.new');
    await app.type('周共享');
    await press(app, 'form.save');
    for (let i = 0; i < 40 && !app.frame().includes('Created'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(made).toBe('C0201');
    expect(app.frame()).toContain('Created C0202');
    expect(app.frame()).not.toContain('Created C0201');
    app.unmount();
  });

  it('replaces whole ids only', () => {
    const renamed = new Map([['customers', new Map([['C0201', 'C0203']])]]);
    expect(withIdsRenamed('Created C0201; C02010 and XC0201 stay', renamed)).toBe('Created C0203; C02010 and XC0201 stay');
    expect(withIdsRenamed('已创建 C0201', renamed)).toBe('已创建 C0203');
  });
});
