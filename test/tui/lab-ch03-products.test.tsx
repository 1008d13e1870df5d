// Lab ch03-products solved with keys alone (zh-CN, in process), in settings (9): a category under
// 客房, a product in it, a price changed and a product taken off sale; each part scores its
// task, all of them full marks.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { evaluateLab, scoreOf } from '../../src/domain/labs/check.js';

const LAB = findLab('ch03-products')!;
type App = Awaited<ReturnType<typeof renderApp>>;

async function choose(app: App, text: string) {
  await app.type(text);
  await press(app, 'picker.pick');
}
async function editProduct(app: App, name: string, field: number) {
  await press(app, 'list.clearFilter', 'list.filter');
  await app.type(name);
  await press(app, 'filter.keep', 'record.edit');
  for (let i = 0; i < field; i++) await press(app, 'form.next');
}

describe('lab ch03-products with keys only', { timeout: 180_000 }, () => {
  it('a category, a product in it, a new price and a product off sale: each scores its task, then full marks', async () => {
    const ws = labStartWorkspace(LAB, loadDemoWorkspace, new Date());
    const app = await renderApp({ ws, lang: 'zh-CN' });
    const score = () => scoreOf(evaluateLab(LAB, ws)).earned;
    expect(score()).toBe(0);

    // 1: settings, the categories' section (部门 员工 角色 产品 [产品分类]): 亲子客房 under 客房
    await press(app, 'screen.settings', 'settings.next', 'settings.next', 'settings.next', 'settings.next', 'record.new');
    await app.type('亲子客房');
    await press(app, 'form.next');
    await choose(app, '客房');
    await press(app, 'form.save');
    const cat = ws.categories.find((c) => c.name === '亲子客房')!;
    expect(String(ws.categories.find((c) => c.id === cat.parentId)!.name)).toContain('客房');
    expect(score()).toBe(25);

    // 2: the products' section: 亲子家庭房 — 名称, 分类, 规格, 单位, 标准价格 (在售 is the default)
    await press(app, 'settings.prev', 'record.new');
    await app.type('亲子家庭房');
    await press(app, 'form.next');
    await choose(app, '亲子客房');
    await press(app, 'form.next');
    await app.type('45㎡ 一大一小床 含儿童乐园');
    await press(app, 'form.next');
    await app.type('间夜');
    await press(app, 'form.next');
    await app.type('888');
    await press(app, 'form.save');
    expect(ws.products.find((p) => p.name === '亲子家庭房')).toMatchObject({ categoryId: cat.id, unit: '间夜', price: 88800, status: 'active' });
    expect(score()).toBe(60);

    // 3: 自助早餐 at 138 (标准价格, the fifth field)
    await editProduct(app, '自助早餐', 4);
    await app.type('138');
    await press(app, 'form.save');
    expect(score()).toBe(80);

    // 4: 中式宴会套餐 off sale (状态, the sixth field), not deleted
    await editProduct(app, '中式宴会套餐', 5);
    await choose(app, '停售');
    await press(app, 'form.save');
    expect(ws.products.find((p) => String(p.name).includes('中式宴会套餐'))!.status).toBe('inactive');
    expect(score()).toBe(100);
    expect(app.frame()).toContain('100/100 分');
    app.unmount();
  });
});
