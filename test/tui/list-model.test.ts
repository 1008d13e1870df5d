import { describe, expect, it } from 'vitest';
import { filterRecords, SearchIndex, searchSpec } from '../../src/tui/screens/records/list-model.js';
import { pinyinKey } from '../../src/text/pinyin.js';
import { generateWorkspace } from '../../scripts/demo-generator.js';
import type { EntityRecord } from '../../src/domain/workspace.js';

describe('filtering a list', () => {
  const recs = generateWorkspace({ customers: 3000, related: false }).customers as unknown as EntityRecord[];
  const fields = ['id', 'name', 'phone', 'company', 'city'];
  const spec = searchSpec('customers', fields, undefined, { nameField: 'name', initials: (s) => pinyinKey(s) });
  const index = new SearchIndex(recs, spec);

  it.each(['w', 'wang', '王', '138', 'c0299', 'wang 杭州', 'zzzz', '有限公司 上海', '忠诚', 'loyal 杭州', 'vip'])('the index finds the same records as a scan for %j', (q) => {
    const scan = filterRecords(recs, q, spec);
    expect(index.find(q)).toEqual(scan);
  });

  it('matches names by pinyin initials and full spelling', () => {
    const wang = recs.find((r) => String(r.name).startsWith('王'))!;
    const key = pinyinKey(String(wang.name));
    const initials = key.split('\u0001')[0];
    expect(index.find(initials)).toContain(wang);
    expect(index.find('wang')).toContain(wang);
  });
});
