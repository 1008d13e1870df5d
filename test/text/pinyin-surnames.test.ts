import { describe, expect, it } from 'vitest';
import { pinyinKey, pinyinSortKey } from '../../src/text/pinyin.js';
import { isPersonName } from '../../src/domain/person.js';

const full = (s: string, person: boolean) => pinyinKey(s, { person }).split('\u0001')[1];

describe('a person\'s surname is read as a surname', () => {
  it.each([
    ['曾小明', 'zengxiaoming', 'cengxiaoming'], ['单雄信', 'shanxiongxin', 'danxiongxin'], ['解缙', 'xiejin', 'jiejin'],
    ['仇英', 'qiuying', 'chouying'], ['区志强', 'ouzhiqiang', 'quzhiqiang'], ['查良镛', 'zhaliangyong', 'chaliangyong'],
    ['朴树', 'piaoshu', 'pushu'], ['盖聂', 'genie', 'gainie'], ['覃明', 'qinming', 'qinming'],
    ['尉迟恭', 'yuchigong', 'weichigong'], ['万俟卨', 'moqixie', 'wansixie'], ['种师道', 'chongshidao', 'zhongshidao'],
  ])('%s: %s as a person, %s as a word', (name, person, word) => {
    expect(full(name, true)).toBe(person);
    expect(full(name, false)).toBe(word);
  });

  it('only the first character (or compound surname) takes the surname reading', () => {
    expect(pinyinKey('曾曾', { person: true })).toBe('zc\u0001zengceng');
    expect(pinyinKey('王单', { person: true })).toBe('wd\u0001wangdan');
    expect(pinyinKey(' 曾小明', { person: true })).toBe('zxm\u0001zengxiaoming');
  });

  it('sort keys put 曾 under z for a person and keep Latin names in the same A-Z order', () => {
    expect(pinyinSortKey('曾小明', { person: true })).toBe('zeng xiao ming');
    expect(pinyinSortKey('曾经科技')).toBe('ceng jing ke ji');
    expect(pinyinSortKey('Anna Li', { person: true })).toBe('anna li');
    expect(pinyinSortKey('李Anna')).toBe('li anna');
  });

  it('persons are guests, contacts and employees; companies and agencies are not', () => {
    expect(isPersonName('customers', { kind: 'individual' })).toBe(true);
    expect(isPersonName('customers', { kind: 'corporate' })).toBe(false);
    expect(isPersonName('customers', { kind: 'agency' })).toBe(false);
    expect(isPersonName('contacts', {})).toBe(true);
    expect(isPersonName('employees', {})).toBe(true);
    expect(isPersonName('products', {})).toBe(false);
  });
});

import { matchItems } from '../../src/tui/components/Picker.js';
describe('a picker reads a person\'s surname as a surname', () => {
  it('finds the guest 曾小明 by zxm, the company 曾经科技 by cjkj', () => {
    const items = [
      { value: 'C0001', label: 'C0001  曾小明', name: '曾小明', person: true },
      { value: 'C0002', label: 'C0002  曾经科技', name: '曾经科技', person: false },
    ];
    expect(matchItems(items, 'zxm', pinyinKey).map((i) => i.value)).toEqual(['C0001']);
    expect(matchItems(items, 'cjkj', pinyinKey).map((i) => i.value)).toEqual(['C0002']);
    expect(matchItems(items, 'cxm', pinyinKey)).toEqual([]);
  });
});
