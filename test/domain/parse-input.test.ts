import { describe, expect, it } from 'vitest';
import { parseDateText, parseNumberText, parseFieldText } from '../../src/domain/parse-input.js';
import { isValidPhone } from '../../src/domain/fields.js';
import { entityFields } from '../../src/domain/entities.js';
import { DEFAULT_VALUE_LISTS } from '../../src/domain/values.js';

const ctx = { lists: DEFAULT_VALUE_LISTS, resolveRef: () => ({ error: 'unknownRef' as const }) };
const field = (name: string) => entityFields('customers').find((f) => f.name === name)!;

describe('parseDateText', () => {
  it.each([
    ['2024-03-05', '2024-03-05'], ['2024/3/5', '2024-03-05'], ['2024年3月5日', '2024-03-05'], ['2024.03.05', '2024-03-05'],
    ['20240305', '2024-03-05'], ['2024-03-05T10:00:00+08:00', '2024-03-05'], ['25/12/2024', '2024-12-25'],
  ])('reads %s as %s', (input, want) => expect(parseDateText(input)).toBe(want));

  it.each(['2024-02-30', '3/5/2024', 'yesterday', '2024-13-01'])('refuses %s', (input) => expect(parseDateText(input)).toBeUndefined());
});

describe('parseNumberText', () => {
  it.each([['1,234.50', 1234.5], ['¥1234', 1234], ['1234元', 1234], ['￥1，000', 1000], ['-12', -12]])('reads %s', (i, n) =>
    expect(parseNumberText(i)).toBe(n));
  it('refuses words', () => expect(parseNumberText('abc')).toBeUndefined());
});

describe('phone numbers', () => {
  it.each(['13800000000', '0571-87654321', '010-12345678', '+44 20 7946 0958'])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['123', '23800000000', '1380000000', 'call me'])('refuses %s', (p) => expect(isValidPhone(p)).toBe(false));
});

describe('parseFieldText', () => {
  it('accepts a value-list code or either language label', () => {
    expect(parseFieldText(field('source'), '网络', ctx)).toEqual({ value: 'online' });
    expect(parseFieldText(field('source'), 'Walk-in', ctx)).toEqual({ value: 'walkin' });
    expect(parseFieldText(field('source'), 'referral', ctx)).toEqual({ value: 'referral' });
  });
  it('refuses a value that is neither code nor label, naming the list', () => {
    const r = parseFieldText(field('source'), '朋友圈', ctx);
    expect(r).toMatchObject({ error: { field: 'source', code: 'notInList', params: { list: 'source' } } });
  });
  it('normalises a mobile number typed with spaces or dashes', () => {
    expect(parseFieldText(field('phone'), '138 0000 0000', ctx)).toEqual({ value: '13800000000' });
    expect(parseFieldText(field('phone'), '138-0000-0000', ctx)).toEqual({ value: '13800000000' });
  });
  it('splits tags on Chinese and English separators', () => {
    expect(parseFieldText(field('tags'), 'VIP，协议单位;  常客', ctx)).toEqual({ value: ['VIP', '协议单位', '常客'] });
  });
});

import { graphemes, truncate, displayWidth } from '../../src/text/width.js';
describe('graphemes and width', () => {
  it('keeps an emoji sequence or a combining mark with its base, and 𠮷 whole', () => {
    expect(graphemes('a👍🏽b')).toEqual(['a', '👍🏽', 'b']);
    expect(graphemes('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(graphemes('𠮷野家')).toEqual(['𠮷', '野', '家']);
  });
  it('truncates Chinese text by columns', () => {
    expect(truncate('王小明先生', 7)).toBe('王小明~');
    expect(displayWidth(truncate('王小明先生', 6))).toBe(6);
  });
});

import { pinyinKey } from '../../src/text/pinyin.js';
describe('pinyinKey', () => {
  it('gives initials and full spelling of Chinese names', () => {
    expect(pinyinKey('王小明')).toBe('wxm\u0001wangxiaoming');
    expect(pinyinKey('欧阳娜娜')).toBe('oynn\u0001ouyangnana');
    expect(pinyinKey('Anna')).toBe('');
  });
});
