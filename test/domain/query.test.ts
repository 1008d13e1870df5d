import { describe, expect, it } from 'vitest';
import { filterByConditions, parseCondition, type Condition } from '../../src/domain/query.js';
import { entityFields } from '../../src/domain/entities.js';
import { DEFAULT_VALUE_LISTS } from '../../src/domain/values.js';
import type { EntityRecord } from '../../src/domain/workspace.js';

const fields = entityFields('customers');
const cond = (term: string): Condition => {
  const r = parseCondition(fields, term, DEFAULT_VALUE_LISTS);
  if (!('cond' in r)) throw new Error(`${term}: ${r.error.code}`);
  return r.cond;
};
const recs = [
  { id: 'C0001', name: '王小明', stage: 'loyal', creditRating: 'aaa', birthday: '1998-06-30', quantValue: 1000000, tags: ['VIP'] },
  { id: 'C0002', name: '李华', stage: 'first', creditRating: 'a', birthday: '1985-01-02', quantValue: 500000, tags: [] },
  { id: 'C0003', name: 'Tom', stage: 'potential', tags: [] },
] as unknown as EntityRecord[];
const ids = (...terms: string[]) => filterByConditions(recs, fields, terms.map(cond)).map((r) => r.id);

describe('conditions shared by the field filter and --where', () => {
  it('an exact code or label picks that value alone; a part of a label every value holding it', () => {
    expect(ids('creditRating=a')).toEqual(['C0002']);
    expect(ids('信用等级:A')).toEqual(['C0002']);
    expect(ids('creditRating~a')).toEqual(['C0001', 'C0002']);
    expect(ids('stage=现实客户')).toEqual(['C0001', 'C0002']);
    expect(ids('阶段:忠诚')).toEqual(['C0001']);
  });

  it('compares dates in every accepted form, money in yuan; an empty value is only != anything', () => {
    for (const d of ['1998-06-30', '1998/6/30', '1998.6.30', '1998年6月30日', '19980630']) expect(ids(`birthday=${d}`)).toEqual(['C0001']);
    expect(ids('birthday<1990-01-01')).toEqual(['C0002']);
    expect(ids('quantValue>=5000')).toEqual(['C0001', 'C0002']);
    expect(ids('定量>5000')).toEqual(['C0001']);
    expect(ids('birthday!=1998/6/30')).toEqual(['C0002', 'C0003']);
    expect(ids('tags=vip')).toEqual(['C0001']);
  });

  it('names what is wrong: an unknown field, a value not in the list, a date that is none', () => {
    expect(parseCondition(fields, 'nosuch=1', DEFAULT_VALUE_LISTS)).toMatchObject({ error: { code: 'unknownField' } });
    expect(parseCondition(fields, 'stage=忠诚客户x', DEFAULT_VALUE_LISTS)).toMatchObject({ error: { code: 'notInList', list: 'stage' } });
    expect(parseCondition(fields, 'birthday>1998-02-30', DEFAULT_VALUE_LISTS)).toMatchObject({ error: { code: 'badValue' } });
    expect(parseCondition(fields, 'stage>loyal', DEFAULT_VALUE_LISTS)).toMatchObject({ error: { code: 'noOrder' } });
  });
});
