// Screen 9's hotel profile and value lists by keys: the administrator edits them and the
// change is in the workspace; another employee is not offered the keys, and pressing one says
// only an administrator may.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

describe('hotel profile and value lists on screen 9', () => {
  it('the administrator sets the star rating and adds, renames and moves a source', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'zh-CN', cols: 80, rows: 24 });
    await press(app, 'screen.settings', 'settings.prev');
    expect(app.frame()).toContain('西湖雅居酒店');
    await press(app, 'org.edit', 'fields.next', 'fields.next', 'fields.next', 'fields.next');
    // the stars reached are selected, as in the record form: typing replaces them
    await app.type('9');
    await press(app, 'fields.save');
    expect(app.frame()).toContain('应为 0 到 5 的整数');
    expect(ws.organisation.stars).toBe(4);
    await app.press(KEY.backspace);
    await app.type('5');
    await press(app, 'fields.save');
    expect(app.frame()).toContain('酒店信息已保存');
    expect(ws.organisation.stars).toBe(5);
    // value lists: a new source, renamed, moved up one
    await press(app, 'settings.prev', 'values.add');
    await app.type('wechat');
    await press(app, 'fields.next');
    await app.type('微信小程序');
    await press(app, 'fields.next');
    await app.type('WeChat mini program');
    await press(app, 'fields.save');
    expect(ws.valueLists.source.at(-1)).toMatchObject({ code: 'wechat', zh: '微信小程序', en: 'WeChat mini program' });
    await press(app, 'values.rename');
    await app.press(KEY.ctrlU);
    await app.type('小程序');
    await press(app, 'fields.save', 'values.moveUp');
    expect(ws.valueLists.source.at(-2)).toMatchObject({ code: 'wechat', zh: '小程序' });
    expect(app.frame()).toContain('小程序');
    app.unmount();
  });

  it('a sales manager is not offered the keys, and pressing one says why and changes nothing', async () => {
    const ws = loadDemoWorkspace();
    const before = JSON.stringify([ws.organisation, ws.valueLists]);
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 24, user: 'zhangli' });
    await press(app, 'screen.settings', 'settings.prev');
    expect(app.lines().at(-1)).not.toMatch(/\be edit\b/);
    await press(app, 'org.edit');
    expect(app.frame()).toContain("only an administrator changes the hotel's settings");
    await press(app, 'settings.prev');
    expect(app.lines().at(-1)).not.toMatch(/\bn add\b|\bx retire\b/);
    await press(app, 'values.retire');
    expect(app.frame()).toContain('only an administrator');
    expect(JSON.stringify([ws.organisation, ws.valueLists])).toBe(before);
    app.unmount();
  });

  it('the administrator sets a stage\'s probability in the stages list; a bad number is refused', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws, lang: 'zh-CN', cols: 80, rows: 24 });
    await press(app, 'screen.settings', 'settings.prev', 'settings.prev');
    for (let i = 0; i < 40 && !app.frame().includes('(oppStage)'); i++) await press(app, 'values.nextList');
    expect(app.frame()).toContain('(oppStage)');
    const at = ws.valueLists.oppStage.findIndex((v) => v.code === 'negotiation');
    const p0 = ws.valueLists.oppStage[at].probability;
    expect(app.lines().find((l) => l.startsWith('negotiation'))).toContain(`${p0}%`);
    for (let i = 0; i < at; i++) await press(app, 'values.down');
    await press(app, 'values.rename', 'fields.next', 'fields.next');
    await app.press(KEY.ctrlU);
    await app.type('七十');
    await press(app, 'fields.save');
    expect(app.frame()).toContain('“七十”不是数字');
    await app.press(KEY.ctrlU);
    await app.type('70');
    await press(app, 'fields.save');
    expect(ws.valueLists.oppStage[at]).toMatchObject({ code: 'negotiation', probability: 70 });
    expect(app.lines().find((l) => l.startsWith('negotiation'))).toContain('70%');
    // a stage opportunities are at is not removed: x says how many
    const at0 = ws.opportunities.filter((o) => o.stage === 'negotiation' || o.lostStage === 'negotiation').length;
    expect(at0).toBeGreaterThan(0);
    const before = JSON.stringify(ws.valueLists.oppStage);
    await press(app, 'values.retire');
    expect(app.frame()).toContain(`仍被 ${at0} 条记录使用`);
    expect(JSON.stringify(ws.valueLists.oppStage)).toBe(before);
    app.unmount();
  });
});
