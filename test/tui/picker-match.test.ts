import { describe, expect, it } from 'vitest';
import { matchItems } from '../../src/tui/components/Picker.js';
import { pinyinKey } from '../../src/text/pinyin.js';

describe('what a picker finds', () => {
  const people = [
    { value: 'C0001', label: 'C0001  王小明  上海  13800000001', name: '王小明' },
    { value: 'C0002', label: 'C0002  畅游旅行社  杭州', name: '畅游旅行社' },
    { value: 'C0003', label: 'C0003  畅游旅行社  南京', name: '畅游旅行社' },
  ];
  it('finds a name by its pinyin, full or initials, and by code, city or phone', () => {
    expect(matchItems(people, 'wxm', pinyinKey).map((i) => i.value)).toEqual(['C0001']);
    expect(matchItems(people, 'changyou', pinyinKey).map((i) => i.value)).toEqual(['C0002', 'C0003']);
    expect(matchItems(people, 'cylxs 南京', pinyinKey).map((i) => i.value)).toEqual(['C0003']);
    expect(matchItems(people, 'c0002', pinyinKey).map((i) => i.value)).toEqual(['C0002']);
    expect(matchItems(people, '13800000001', pinyinKey).map((i) => i.value)).toEqual(['C0001']);
  });
  it("finds a choice by its label in the other language, and nothing when nothing matches", () => {
    const gender = [
      { value: 'male', label: '男', keywords: '男 Male' },
      { value: 'female', label: '女', keywords: '女 Female' },
    ];
    expect(matchItems(gender, 'fem', pinyinKey).map((i) => i.value)).toEqual(['female']);
    expect(matchItems(gender, '女', pinyinKey).map((i) => i.value)).toEqual(['female']);
    expect(matchItems(gender, 'zzz', pinyinKey)).toEqual([]);
  });
  it('finds Chinese words typed without the characters between them, after the whole matches', () => {
    const commands = [
      { value: 'c', label: '从文件导入客户（CSV 或 JSON）' },
      { value: 't', label: '从文件导入服务工单（CSV 或 JSON）' },
      { value: 'o', label: '导入工单模板' },
    ];
    expect(matchItems(commands, '导入工单', pinyinKey).map((i) => i.value)).toEqual(['o', 't']);
    expect(matchItems(commands, '工单导入', pinyinKey).map((i) => i.value)).toEqual([]);
    expect(matchItems(people, '王明', pinyinKey).map((i) => i.value)).toEqual(['C0001']);
    expect(matchItems(people, '畅社 杭州', pinyinKey).map((i) => i.value)).toEqual(['C0002']);
  });
});
