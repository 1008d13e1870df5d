import { describe, expect, it } from 'vitest';
import { csvRows, parseCsv, stringifyCsv, safeCell, unsafeCell } from '../../src/text/csv.js';
import { detectEncoding, decode } from '../../src/text/encoding.js';
import iconv from 'iconv-lite';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF and line breaks inside quotes, with each row\'s line number', () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\r\n"two\r\nlines",z\r\nlast,row');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'he said "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });
  it('round-trips through stringifyCsv', () => {
    const table = [['名称', 'note'], ['王, 先生', 'a "q"\nb'], [' lead', '']];
    expect(parseCsv(stringifyCsv(table)).map((r) => r.cells)).toEqual(table);
  });
});

describe('formula cells', () => {
  it.each(['=1+1', '+A1', '-2+3', '@SUM(A1)', '\tx'])('neutralises %j and takes it back on import', (s) => {
    expect(safeCell(s)).toBe(`'${s}`);
    expect(unsafeCell(safeCell(s))).toBe(s);
  });
  it('leaves plain numbers as numbers', () => {
    expect(safeCell('-12.5')).toBe('-12.5');
  });
});

describe('encoding detection', () => {
  it('tells GBK from UTF-8 and UTF-8 with a BOM', () => {
    expect(detectEncoding(iconv.encode('客户名称,手机', 'gbk'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from('客户名称,手机'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('\ufeff客户'))).toBe('utf8-bom');
    expect(decode(iconv.encode('王先生', 'gbk'), 'gb18030')).toBe('王先生');
  });
});

describe('csvRows (row by row, for large imports)', () => {
  it('gives the same rows as parseCsv, one at a time, and stops where the reader stops', () => {
    const text = '\ufeffname,notes\r\n"王, 先生","两行\r\n备注"\r\nLi,"他说 ""好"""\r\n';
    expect([...csvRows(text)]).toEqual(parseCsv(text));
    // a reader that takes the first row only never parses the rest (a broken tail is not reached)
    const it = csvRows(`a,b\n${'x,"'.repeat(3)}`)[Symbol.iterator]();
    expect(it.next().value).toEqual({ line: 1, cells: ['a', 'b'] });
  });
});
