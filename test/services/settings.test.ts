// The hotel's settings through the services: value lists edited (codes stable, retired values
// kept on old records but refused for new ones), the profile, who may change them, the journal
// carrying both, and a category that may not sit below itself.
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { Repo } from '../../src/services/repo.js';
import { applyBatch } from '../../src/domain/change.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { makeT, errorMessage, valueLabelT } from '../../src/i18n/index.js';
import { offeredValues } from '../../src/domain/values.js';
import { treeOrder } from '../../src/domain/tree.js';

describe('value lists in settings', () => {
  it('a retired source stays on old customers, is not offered, and is refused for a new one or a change', () => {
    const { repo } = freshRepo();
    const old = repo.create('customers', { name: '王芳', source: 'fair' });
    expect(old.ok).toBe(true);
    const id = old.ok ? old.value.id : '';
    expect(repo.editValues('source', { op: 'retire', code: 'fair' }).ok).toBe(true);
    expect(offeredValues(repo.ws.valueLists, 'source').map((v) => v.code)).not.toContain('fair');
    expect(offeredValues(repo.ws.valueLists, 'source', 'fair').map((v) => v.code)).toContain('fair');
    // the old customer keeps it and can still be edited otherwise
    expect(repo.get('customers', id)?.source).toBe('fair');
    expect(repo.update('customers', id, { city: '杭州' }).ok).toBe(true);
    // a new customer, or moving another to it, is refused with the reason
    const fresh = repo.create('customers', { name: '李雷', source: 'fair' });
    expect(fresh.ok).toBe(false);
    if (!fresh.ok) {
      expect(fresh.errors[0]).toMatchObject({ field: 'source', code: 'retiredValue' });
      const zh = errorMessage(makeT('zh-CN'), fresh.errors[0], repo.ws.valueLists);
      expect(zh).toContain('“展会”已在设置中停用');
      expect(zh).not.toContain('fair=');
    }
    const other = repo.create('customers', { name: '韩梅梅', source: 'phone' });
    expect(other.ok && repo.update('customers', other.value.id, { source: 'fair' }).ok).toBe(false);
    // brought back, it is given again
    expect(repo.editValues('source', { op: 'restore', code: 'fair' }).ok).toBe(true);
    expect(repo.create('customers', { name: '李雷', source: 'fair' }).ok).toBe(true);
  });

  it('renaming keeps the code, both labels change, and the former label is still read on input', () => {
    const { repo } = freshRepo();
    const c = repo.create('customers', { name: '王芳', source: 'fair' });
    const r = repo.editValues('source', { op: 'rename', code: 'fair', en: 'Trade show', zh: '展销会' });
    expect(r.ok).toBe(true);
    expect(c.ok && repo.get('customers', c.value.id)?.source).toBe('fair');
    expect(valueLabelT(makeT('en'), repo.ws.valueLists, 'source', 'fair')).toBe('Trade show');
    expect(valueLabelT(makeT('zh-CN'), repo.ws.valueLists, 'source', 'fair')).toBe('展销会');
    const imported = repo.create('customers', { name: '李雷', source: 'fair' });
    expect(imported.ok).toBe(true);
  });

  it('adds and moves values; refuses a taken code or label, a fixed list and retiring the last value', () => {
    const { repo } = freshRepo();
    expect(repo.editValues('source', { op: 'add', code: 'wechat', en: 'WeChat mini program', zh: '微信小程序' }).ok).toBe(true);
    expect(repo.ws.valueLists.source.at(-1)?.code).toBe('wechat');
    expect(repo.editValues('source', { op: 'move', code: 'wechat', by: -1 }).ok).toBe(true);
    expect(repo.ws.valueLists.source.at(-2)?.code).toBe('wechat');
    const codes = (r: ReturnType<Repo['editValues']>) => (r.ok ? [] : r.errors.map((e) => e.code));
    expect(codes(repo.editValues('source', { op: 'add', code: 'phone', en: 'x', zh: 'y' }))).toEqual(['valueCodeTaken']);
    expect(codes(repo.editValues('source', { op: 'add', code: 'tel', en: 'Phone', zh: '电话2' }))).toEqual(['valueLabelTaken']);
    expect(codes(repo.editValues('stage', { op: 'add', code: 'vip', en: 'VIP', zh: '贵宾' }))).toEqual(['valueListFixed']);
    for (const v of ['aaa', 'aa', 'a', 'b']) expect(repo.editValues('creditRating', { op: 'retire', code: v }).ok).toBe(true);
    expect(codes(repo.editValues('creditRating', { op: 'retire', code: 'c' }))).toEqual(['valueLastOffered']);
  });

  it('only an administrator changes the profile or a list; a sales manager is refused, nothing changes', () => {
    const ws = loadDemoWorkspace();
    const before = JSON.stringify([ws.organisation, ws.valueLists.source]);
    const mgr = new Repo(ws, { actor: 'zhangli' });
    const o = mgr.setOrganisation({ stars: 5 });
    const v = mgr.editValues('source', { op: 'retire', code: 'fair' });
    expect(o.ok || v.ok).toBe(false);
    if (!o.ok) expect(errorMessage(makeT('en'), o.errors[0])).toContain('only an administrator');
    expect(JSON.stringify([ws.organisation, ws.valueLists.source])).toBe(before);
    expect(mgr.drainChanges()).toEqual([]);
    const admin = new Repo(ws, { actor: 'admin' });
    expect(admin.setOrganisation({ stars: 5, currency: 'CNY' }).ok).toBe(true);
    expect(admin.setOrganisation({ currency: 'yuan' }).ok).toBe(false);
  });

  it('the journal carries a list and the profile: replayed over the old snapshot, they come back', () => {
    const { ws, repo } = freshRepo();
    const snapshot = structuredClone(ws);
    repo.editValues('source', { op: 'retire', code: 'fair' });
    repo.setOrganisation({ name: '西湖雅居酒店', stars: 4 });
    const batch = JSON.parse(JSON.stringify(repo.drainBatch()));
    expect(applyBatch(snapshot as never, batch).ok).toBe(true);
    expect(snapshot.valueLists.source.find((v) => v.code === 'fair')?.retired).toBe(true);
    expect(snapshot.organisation).toMatchObject({ name: '西湖雅居酒店', stars: 4, currency: 'CNY' });
    // a hostile line naming __proto__ or carrying a bad item is refused whole
    expect(applyBatch(emptyWorkspace('2026-01-01T00:00:00Z') as never, { ...batch, changes: [{ op: 'values', n: 'source', items: [{ code: 'a b', en: '', zh: '' }] }] }).ok).toBe(false);
  });
});

describe('the category tree', () => {
  it('a category cannot be its own ancestor; the list puts each under its parent', () => {
    const { repo } = freshRepo();
    const id = (r: { ok: boolean; value?: { id: string } }) => (r as { value: { id: string } }).value.id;
    const rooms = id(repo.create('categories', { name: '客房 Rooms' }));
    const suites = id(repo.create('categories', { name: '套房 Suites', parentId: rooms }));
    const top = id(repo.create('categories', { name: '顶层 Top' }));
    const loop = repo.update('categories', rooms, { parentId: suites });
    expect(loop.ok).toBe(false);
    if (!loop.ok) expect(loop.errors[0]).toMatchObject({ field: 'parentId', code: 'parentLoop' });
    expect(repo.update('categories', rooms, { parentId: rooms }).ok).toBe(false);
    const dept = id(repo.create('departments', { name: '销售部' }));
    const self = repo.update('departments', dept, { parentId: dept });
    expect(self.ok ? [] : self.errors.map((e) => e.code)).toEqual(['parentLoop']);
    const order = treeOrder(repo.all('categories')).map((x) => [x.rec.id, x.depth]);
    expect(order).toEqual([[rooms, 0], [suites, 1], [top, 0]]);
  });
});
