// Finding customers the way the course's labs ask: by stage, source, region and tags, typed
// in Chinese or English, and by one field (`stage:忠诚`, `客户来源:网络`).
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

const ws = loadDemoWorkspace();
const count = (f: (c: (typeof ws.customers)[number]) => boolean) => ws.customers.filter(f).length;
const shown = (frame: string) => Number(/(\d+) \/ 200/.exec(frame)?.[1]);

describe('the list filter finds value-list labels, tags and single fields', () => {
  it('finds loyal customers by the stage label (zh and en), VIP by tag, and narrows by field', async () => {
    const app = await renderApp({ ws: loadDemoWorkspace(), cols: 100, rows: 30 });
    const loyal = count((c) => c.stage === 'loyal');
    expect(loyal).toBeGreaterThan(5);
    await press(app, 'list.filter');
    await app.type('忠诚');
    expect(shown(app.frame())).toBe(loyal);
    await app.press(KEY.ctrlU);
    await app.type('loyal');
    expect(shown(app.frame())).toBe(loyal);
    await app.press(KEY.ctrlU);
    await app.type('VIP');
    expect(shown(app.frame())).toBe(count((c) => (c.tags as string[]).includes('VIP')));
    await app.press(KEY.ctrlU);
    await app.type('stage:忠诚');
    expect(shown(app.frame())).toBe(loyal);
    await app.press(KEY.ctrlU);
    await app.type('客户来源:网络');
    const online = count((c) => c.source === 'online');
    expect(shown(app.frame())).toBe(online);
    await app.type(' stage:loyal');
    expect(shown(app.frame())).toBe(count((c) => c.source === 'online' && c.stage === 'loyal'));
    await app.press(KEY.ctrlU);
    await app.type('source:online region:国外');
    expect(shown(app.frame())).toBe(count((c) => c.source === 'online' && c.region === 'foreign'));
    await app.press(KEY.ctrlU);
    await app.type('stage:nothing-like-this');
    expect(app.frame()).toContain('没有与');
    // and says which values the field has
    expect(app.frame()).toContain('客户阶段可选：非客户、潜在客户');
    app.unmount();
  });
});

describe('a screen speaks one language', () => {
  // the demo's tiers run silver (M0001) to diamond: the silver one by its name
  const silverId = ws.tiers.find((t) => String(t.name).includes('Silver'))!.id;
  const silver = ws.customers.find((c) => c.tierId === silverId)!;

  it('zh-CN: a tier, a kind and a stage show their Chinese label only; en: the English one', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const app = await renderApp({ ws: loadDemoWorkspace(), lang, cols: 120, rows: 40 });
      await press(app, 'list.filter');
      await app.type(silver.id);
      await press(app, 'filter.keep', 'list.open');
      const detail = app.frame();
      expect(detail).toContain(lang === 'en' ? 'Silver' : '银卡');
      expect(detail).not.toContain(lang === 'en' ? '银卡' : 'Silver');
      // the kind picker of the edit form
      await press(app, 'record.edit', 'form.next', 'form.choose');
      const picker = app.frame();
      expect(picker).toContain(lang === 'en' ? 'Individual guest' : '个人客户');
      expect(picker).not.toContain(lang === 'en' ? '个人客户' : 'Individual guest');
      app.unmount();
    }
  });
});
