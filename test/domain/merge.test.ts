import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../src/domain/merge.js';

const original = { id: 'C0001', name: '张三', phone: '13800000000', city: '北京', note: '', updatedAt: '1' };

describe('three-way merge of a record two people saved', () => {
  it('takes their field and my field when each changed a different one', () => {
    const mine = { ...original, phone: '13911111111', updatedAt: '2' };
    const theirs = { ...original, city: '上海', updatedAt: '3' };
    const m = mergeRecord(original, mine, theirs, ['name', 'phone', 'city']);
    expect(m.merged).toMatchObject({ phone: '13911111111', city: '上海', name: '张三' });
    expect(m.clashes).toEqual([]);
    expect(m.fields.map((f) => [f.field, f.mineChanged, f.theirsChanged])).toEqual([
      ['phone', true, false],
      ['city', false, true],
    ]);
  });

  it('marks a field both changed to different values as a clash, mine kept for the person to settle', () => {
    const mine = { ...original, city: '广州' };
    const theirs = { ...original, city: '上海' };
    const m = mergeRecord(original, mine, theirs);
    expect(m.clashes).toEqual(['city']);
    expect(m.merged.city).toBe('广州');
    expect(m.fields[0]).toMatchObject({ original: '北京', mine: '广州', theirs: '上海', clash: true });
  });

  it('the same change on both sides is no clash; a field I cleared stays cleared', () => {
    const mine = { ...original, city: '上海', note: undefined };
    const theirs = { ...original, city: '上海', name: '张三丰' };
    const m = mergeRecord(original, mine, theirs);
    expect(m.clashes).toEqual([]);
    expect('note' in m.merged).toBe(false);
    expect(m.merged.name).toBe('张三丰');
  });

  it('without the original every difference is a clash (nothing is taken silently)', () => {
    const m = mergeRecord(undefined, { ...original, city: '广州' }, { ...original, city: '上海' });
    expect(m.clashes).toEqual(['city']);
  });
});

describe('fields the rules keep', () => {
  it('are theirs and never listed (a stage history both sides stamped)', () => {
    const m = mergeRecord({ ...original, stageHistory: [] }, { ...original, stageHistory: [{ at: '1' }], city: '广州' }, { ...original, stageHistory: [{ at: '2' }] }, [], new Set(['stageHistory']));
    expect(m.fields.map((f) => f.field)).toEqual(['city']);
    expect(m.merged.stageHistory).toEqual([{ at: '2' }]);
  });
});
