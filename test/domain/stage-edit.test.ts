// Configurable opportunity stages (issue 19): stages are added and removed between the first one
// and won; won and lost stay last; a stage opportunities are at is not removed.
import { describe, expect, it } from 'vitest';
import { editValueList } from '../../src/domain/value-edit.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../../src/domain/values.js';
import { funnelReport, stageMove } from '../../src/domain/funnel.js';

const lists = (): ValueLists => ({ ...DEFAULT_VALUE_LISTS });
const codes = (r: ReturnType<typeof editValueList>) => (r.ok ? r.items.map((v) => v.code) : r.error.code);

describe('editing the opportunity stages', () => {
  it('adds a stage before won, with its probability; the funnel and the moves follow the list', () => {
    const r = editValueList(lists(), 'oppStage', { op: 'add', code: 'visit', en: 'Site visit', zh: '实地考察', probability: 60 });
    expect(codes(r)).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'visit', 'won', 'lost']);
    if (!r.ok) throw new Error();
    expect(r.items.find((v) => v.code === 'visit')).toEqual({ code: 'visit', en: 'Site visit', zh: '实地考察', probability: 60 });
    // moved up twice: between needs and proposal
    const m = editValueList({ oppStage: r.items }, 'oppStage', { op: 'move', code: 'visit', by: -2 });
    expect(codes(m)).toEqual(['prospecting', 'needs', 'visit', 'proposal', 'negotiation', 'won', 'lost']);
    if (!m.ok) throw new Error();
    // forward from needs goes to the visit, at its probability
    expect(stageMove({ id: 'O1', stage: 'needs' }, 1, m.items)).toEqual({ patch: { stage: 'visit', probability: 60 } });
    // the funnel has a row for it, in its place, and its conversion from needs
    const f = funnelReport([{ id: 'O1', stage: 'needs' }, { id: 'O2', stage: 'visit' }, { id: 'O3', stage: 'won' }], m.items);
    expect(f.stages.map((s) => s.stage)).toEqual(['prospecting', 'needs', 'visit', 'proposal', 'negotiation', 'won', 'lost']);
    expect(f.stages.find((s) => s.stage === 'visit')).toMatchObject({ count: 1, reached: 2, conversionPct: 66.7 });
  });

  it('keeps the first stage first and won and lost last', () => {
    expect(codes(editValueList(lists(), 'oppStage', { op: 'move', code: 'needs', by: -1 }))).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'won', 'lost']);
    expect(codes(editValueList(lists(), 'oppStage', { op: 'move', code: 'negotiation', by: 1 }))).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'won', 'lost']);
    for (const code of ['prospecting', 'won', 'lost']) {
      expect(codes(editValueList(lists(), 'oppStage', { op: 'move', code, by: 1 }))).toBe('valuePinned');
      expect(codes(editValueList(lists(), 'oppStage', { op: 'remove', code }))).toBe('valuePinned');
    }
  });

  it('removes a stage no opportunity is at; refuses one that some are at or were lost at, with the count', () => {
    const uses = (code: string) => (code === 'proposal' ? 3 : 0);
    expect(codes(editValueList(lists(), 'oppStage', { op: 'remove', code: 'needs' }, uses))).toEqual(['prospecting', 'proposal', 'negotiation', 'won', 'lost']);
    const r = editValueList(lists(), 'oppStage', { op: 'remove', code: 'proposal' }, uses);
    expect(r).toEqual({ ok: false, error: { code: 'valueInUse', value: 'proposal', count: 3 } });
  });

  it('still refuses retiring a stage, a probability out of range, and any reshaping of other fixed lists', () => {
    expect(codes(editValueList(lists(), 'oppStage', { op: 'retire', code: 'needs' }))).toBe('valueListFixed');
    expect(codes(editValueList(lists(), 'oppStage', { op: 'add', code: 'visit', en: 'Visit', zh: '拜访', probability: 101 }))).toBe('valueNumberBad');
    expect(codes(editValueList(lists(), 'leadStatus', { op: 'add', code: 'cold', en: 'Cold', zh: '冷' }))).toBe('valueListFixed');
    expect(codes(editValueList(lists(), 'leadStatus', { op: 'remove', code: 'new' }))).toBe('valueListFixed');
  });
});
