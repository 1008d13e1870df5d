import { describe, expect, it } from 'vitest';
import { applyFlags, dateFromParts, emptyMapping, mappingFromJson, monthNumber } from '../../src/domain/import-mapping.js';
import { parseDateText } from '../../src/domain/parse-input.js';

describe('dates as files write them', () => {
  it('a date that reads two ways needs an order; one that reads one way, or the same either way, does not', () => {
    expect(parseDateText('7/1/2015')).toBeUndefined();
    expect(parseDateText('7/1/2015', 'mdy')).toBe('2015-07-01');
    expect(parseDateText('7/1/2015', 'dmy')).toBe('2015-01-07');
    expect(parseDateText('7/13/2015')).toBe('2015-07-13');
    expect(parseDateText('7/7/2015')).toBe('2015-07-07');
    expect(parseDateText('13/7/2015', 'mdy')).toBeUndefined();
    expect(parseDateText('1997/1/1', 'mdy')).toBe('1997-01-01');
  });

  it('three columns make one date; month as number, English name or Chinese', () => {
    expect(dateFromParts('2015', 'July', '1')).toBe('2015-07-01');
    expect(dateFromParts('2015', 'Sept', '30')).toBe('2015-09-30');
    expect(dateFromParts('2016', '2', '29')).toBe('2016-02-29');
    expect(dateFromParts('2016', '七月', '3日')).toBe('2016-07-03');
    expect(monthNumber('Juli')).toBeUndefined();
    expect(monthNumber('13')).toBeUndefined();
    expect(dateFromParts('15', 'July', '1')).toBeUndefined();
  });
});

describe('a mapping from flags or a file', () => {
  it('--map COL= and --skip skip; --map COL=A,B fills two fields; --value may translate the empty cell', () => {
    const m = emptyMapping();
    expect(applyFlags(m, { map: ['类型=', '内容=subject,description'], skip: ['编号'], value: ['类型:差评=complaint', 'x:=none'], null: 'NULL, NA' })).toEqual([]);
    expect([...m.columns]).toEqual([['类型', []], ['内容', ['subject', 'description']], ['编号', []]]);
    expect(m.values.get('x')?.get('')).toBe('none');
    expect(m.nulls).toEqual(['NULL', 'NA']);
  });

  it('says what is malformed, in the form it expects', () => {
    const problems = applyFlags(emptyMapping(), { map: ['nofield'], date: ['d=a,b'], value: ['novalue'], dateOrder: 'ydm' });
    expect(problems.map((p) => p.what)).toEqual(['--map', '--date', '--value', '--date-order']);
  });

  it('reads the older flat file and the full one; a "__proto__" column is a column', () => {
    const flat = emptyMapping();
    expect(mappingFromJson(JSON.parse('{"__proto__": "name", "手机": "phone"}'), flat)).toEqual([]);
    expect([...flat.columns]).toEqual([['__proto__', ['name']], ['手机', ['phone']]]);
    const full = emptyMapping();
    expect(mappingFromJson({ skip: ['a'], date: { date: ['y', 'm', 'd'] }, only: { h: ['x', 'y'] }, dateOrder: 'mdy', set: { type: 'room' }, createMissing: true }, full)).toEqual([]);
    expect(full.dates).toEqual([{ field: 'date', columns: ['y', 'm', 'd'] }]);
    expect([...full.only.get('h')!]).toEqual(['x', 'y']);
    expect(full.createMissing).toBe(true);
    expect(mappingFromJson({ dateOrder: 'xyz', bogus: 1 }, emptyMapping()).map((p) => p.what)).toEqual(['dateOrder', 'bogus']);
  });
});
