// The words of the course (seed 004) in the value lists: accepted on input, shown on screen,
// and brought into workspaces made before.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_LISTS, resolveValue, upgradeValueLists, valueLabel, valueDescription, type ValueLists } from '../../src/domain/values.js';
import { Workspace, emptyWorkspace } from '../../src/domain/workspace.js';
import { entityFields } from '../../src/domain/entities.js';
import { headerNames } from '../../src/services/import.js';

/** The lists as hotel-crm 0.1 wrote them into every workspace. */
function listsOfOldWorkspace(): ValueLists {
  const old = structuredClone(DEFAULT_VALUE_LISTS) as ValueLists;
  const strip = (name: string, labels: Record<string, [string, string]>) => {
    old[name] = old[name]
      .filter((v) => labels[v.code])
      .map((v) => ({ code: v.code, en: labels[v.code][0], zh: labels[v.code][1] }));
  };
  strip('stage', {
    non: ['Non-customer', '非客户'], potential: ['Potential', '潜在客户'], target: ['Target', '目标客户'],
    first: ['Current (first-time)', '现实客户(初次购买)'], repeat: ['Current (repeat)', '现实客户(重复购买)'],
    loyal: ['Current (loyal)', '现实客户(忠诚)'], lost: ['Lost', '流失客户'],
  });
  strip('consumptionType', { lighthouse: ['Lighthouse', '灯塔型'], follower: ['Follower', '跟随型'], rational: ['Rational', '理性型'], profit: ['Profit-seeking', '逐利型'] });
  strip('region', { local: ['Local', '本地'], domestic: ['Domestic', '国内'], foreign: ['Foreign', '国外'] });
  strip('grade', { a: ['A', 'A'], b: ['B', 'B'], c: ['C', 'C'], d: ['D', 'D'] });
  return old;
}

describe('course terms of seed 004', () => {
  it('names the sub-stages, 理性客户 and the regions as the course does', () => {
    const L = DEFAULT_VALUE_LISTS;
    expect(['first', 'repeat', 'loyal'].map((c) => valueLabel(L, 'stage', c, 'zh'))).toEqual(['初次购买客户', '重复购买客户', '忠诚客户']);
    expect(valueLabel(L, 'consumptionType', 'rational', 'zh')).toBe('理性客户');
    expect(valueLabel(L, 'region', 'local', 'zh')).toBe('本区域客户');
    expect(valueLabel(L, 'region', 'outside', 'zh')).toBe('外区域客户');
  });

  it('accepts the course terms and the former labels as input', () => {
    const L = DEFAULT_VALUE_LISTS;
    for (const [list, input, code] of [
      ['stage', '初次购买客户', 'first'], ['stage', '重复购买客户', 'repeat'], ['stage', '忠诚客户', 'loyal'],
      ['stage', '现实客户(忠诚)', 'loyal'], ['stage', 'Current (repeat)', 'repeat'], ['stage', 'loyal customer', 'loyal'],
      ['consumptionType', '理性客户', 'rational'], ['consumptionType', '理性型', 'rational'],
      ['region', '本区域客户', 'local'], ['region', '本地', 'local'], ['region', '外区域客户', 'outside'], ['region', '国外', 'foreign'],
    ] as const) expect(resolveValue(L, list, input), `${list} ${input}`).toBe(code);
  });

  it('does not call key / ordinary / small customers 客户价值 (the course\'s 客户终身价值 and 让渡价值)', () => {
    const f = entityFields('customers').find((x) => x.name === 'valueTier')!;
    expect(f.label.zh).toBe('客户分级');
    expect(f.label.zh).not.toContain('价值');
    // a sheet exported before still imports
    expect(headerNames('customers').get('客户价值')).toBe('valueTier');
  });

  it('gives each grade A-D a one-line meaning in both languages', () => {
    for (const g of ['a', 'b', 'c', 'd']) {
      expect(valueDescription(DEFAULT_VALUE_LISTS, 'grade', g, 'zh')).toMatch(/^\S.{3,40}$/);
      expect(valueDescription(DEFAULT_VALUE_LISTS, 'grade', g, 'en')).toMatch(/^\S.{3,80}$/);
    }
  });

  it('a workspace made with the former labels shows today\'s terms and still reads the old ones', () => {
    const ws = emptyWorkspace('2026-01-01T00:00:00.000Z') as unknown as Record<string, unknown>;
    const old = listsOfOldWorkspace();
    // a label the workspace chose itself stays
    old.source = old.source.map((v) => (v.code === 'online' ? { ...v, zh: '线上渠道' } : v));
    const parsed = Workspace.parse({ ...ws, valueLists: old });
    const L = parsed.valueLists;
    expect(valueLabel(L, 'stage', 'loyal', 'zh')).toBe('忠诚客户');
    expect(valueLabel(L, 'stage', 'first', 'en')).toBe('First-time customer');
    expect(valueLabel(L, 'consumptionType', 'rational', 'zh')).toBe('理性客户');
    expect(valueLabel(L, 'region', 'local', 'zh')).toBe('本区域客户');
    expect(L.region.map((v) => v.code)).toEqual(['local', 'outside', 'domestic', 'foreign']);
    expect(valueDescription(L, 'grade', 'a', 'zh')).toContain('最高');
    expect(valueLabel(L, 'source', 'online', 'zh')).toBe('线上渠道');
    expect(resolveValue(L, 'stage', '现实客户(忠诚)')).toBe('loyal');
    expect(resolveValue(L, 'region', '本地')).toBe('local');
    // opening it again changes nothing more
    expect(upgradeValueLists(L)).toBe(L);
  });
});
