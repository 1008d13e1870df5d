import { describe, expect, it } from 'vitest';
import { fenToText, fenToYuan, parseYuanText, yuanNumberToFen } from '../../src/domain/money.js';
import { parseFieldText } from '../../src/domain/parse-input.js';
import { entityFields } from '../../src/domain/entities.js';
import { DEFAULT_VALUE_LISTS } from '../../src/domain/values.js';
import { fieldFromYuan, recordToYuan } from '../../src/domain/money-fields.js';

describe('yuan text → fen', () => {
  it.each([
    ['0.1', 10], ['0.29', 29], ['1,234.5', 123450], ['1,234.50', 123450], ['¥0.07', 7], ['￥1，000', 100000],
    ['¥1234', 123400], ['1234元', 123400], ['RMB 88', 8800], ['12.', 1200], ['.5', 50], ['1234.5600', 123456],
    ['4.35', 435], ['1.005e0', undefined], ['0', 0], ['  12.3 ', 1230], ['999999999999.99', 99999999999999],
  ])('%s is %s fen', (text, fen) => {
    expect(parseYuanText(text)).toEqual(fen === undefined ? { error: 'number' } : { fen });
  });

  it.each(['12.345', '0.001', '1,234.567'])('refuses %s: more than two decimals, not rounded', (text) => {
    expect(parseYuanText(text)).toEqual({ error: 'money' });
  });

  it.each(['abc', '1e21', '12..3', '', '¥', '1.2.3', 'NaN', 'Infinity'])('refuses %s as no number', (text) => {
    expect(parseYuanText(text)).toEqual({ error: 'number' });
  });

  it('refuses a negative amount unless the field takes one', () => {
    expect(parseYuanText('-12.5')).toEqual({ error: 'negative' });
    expect(parseYuanText('-12.5', { allowNegative: true })).toEqual({ fen: -1250 });
    expect(parseYuanText('-0')).toEqual({ fen: 0 });
  });

  // a cell as a spreadsheet writes it is read by a short path; with spaces around, by the long
  // one: both read the same fen
  it.each(['0', '000', '7', '7.5', '0.07', '00012.05', '100', '3.10', '99999999999', '99999999999.99', '123456789012'])('%s reads the same by the short path as by the long one', (text) => {
    expect(parseYuanText(text)).toEqual(parseYuanText(` ${text} `));
    expect('fen' in parseYuanText(text)).toBe(true);
  });

  it('refuses an amount of a trillion yuan or more', () => {
    expect(parseYuanText('1000000000000')).toEqual({ error: 'max' });
    expect(parseYuanText('123456789012345678901234')).toEqual({ error: 'max' });
  });
});

describe('yuan numbers (JSON) → fen', () => {
  it('takes the number as written, with no floating-point drift', () => {
    // 0.29 * 100 is 28.999999999999996 and 1.15 * 100 is 114.99999999999999
    expect(yuanNumberToFen(0.29)).toEqual({ fen: 29 });
    expect(yuanNumberToFen(1.15)).toEqual({ fen: 115 });
    expect(yuanNumberToFen(0.1)).toEqual({ fen: 10 });
    expect(yuanNumberToFen(1234.5)).toEqual({ fen: 123450 });
    expect(yuanNumberToFen(99999999999.99)).toEqual({ fen: 9999999999999 });
  });
  it('refuses float noise and extra decimals unless told to round (migration)', () => {
    expect(yuanNumberToFen(0.1 + 0.2)).toEqual({ error: 'money' });
    expect(yuanNumberToFen(0.1 + 0.2, { round: true })).toEqual({ fen: 30 });
    expect(yuanNumberToFen(12.345)).toEqual({ error: 'money' });
    expect(yuanNumberToFen(1.005, { round: true })).toEqual({ fen: 101 });
    expect(yuanNumberToFen(-0.125, { round: true, allowNegative: true })).toEqual({ fen: -13 });
    expect(yuanNumberToFen(1e-7, { round: true })).toEqual({ fen: 0 });
  });
  it('refuses 1e21, NaN and Infinity', () => {
    expect(yuanNumberToFen(1e21)).toEqual({ error: 'max' });
    expect(yuanNumberToFen(NaN)).toEqual({ error: 'number' });
    expect(yuanNumberToFen(Infinity)).toEqual({ error: 'number' });
  });
});

describe('fen → yuan', () => {
  it.each([[123450, 1234.5, '1234.50'], [7, 0.07, '0.07'], [0, 0, '0.00'], [-1250, -12.5, '-12.50'], [29, 0.29, '0.29'], [99999999999999, 999999999999.99, '999999999999.99']])(
    '%s fen is %s yuan, shown "%s"',
    (fen, yuan, text) => {
      expect(fenToYuan(fen)).toBe(yuan);
      expect(fenToText(fen)).toBe(text);
    },
  );
  it('round-trips every amount from 0 to 100 yuan exactly', () => {
    const wrong: number[] = [];
    for (let fen = 0; fen <= 10000; fen++) {
      const a = yuanNumberToFen(fenToYuan(fen));
      const b = parseYuanText(fenToText(fen));
      if (!('fen' in a) || a.fen !== fen || !('fen' in b) || b.fen !== fen) wrong.push(fen);
    }
    expect(wrong).toEqual([]);
  });
  it('prints yuan with at most two decimals for amounts up to the limit', () => {
    const wrong: number[] = [];
    for (let i = 0; i < 200000; i++) {
      const fen = i < 100000 ? 99999999999999 - i : (i * 7919 * 104729) % 99999999999999;
      const printed = String(fenToYuan(fen));
      if (Number(fenToText(fen)) !== fenToYuan(fen) || !/^\d+(\.\d{1,2})?$/.test(printed)) wrong.push(fen);
    }
    expect(wrong).toEqual([]);
  });
});

describe('money fields', () => {
  const ctx = { lists: DEFAULT_VALUE_LISTS, resolveRef: () => ({ error: 'unknownRef' as const }) };
  const total = entityFields('orders').find((f) => f.name === 'total')!;
  it('a form, a flag or a CSV cell gives fen; bad amounts say why', () => {
    expect(parseFieldText(total, '1,234.5', ctx)).toEqual({ value: 123450 });
    expect(parseFieldText(total, '12.345', ctx)).toMatchObject({ error: { field: 'total', code: 'money' } });
    expect(parseFieldText(total, '-5', ctx)).toMatchObject({ error: { field: 'total', code: 'negative' } });
    expect(parseFieldText(total, 'abc', ctx)).toMatchObject({ error: { field: 'total', code: 'number' } });
  });
  it('nested amounts (line items, the stay) are converted both ways', () => {
    const order = {
      id: 'D0001', total: 123450, items: [{ description: '早餐', qty: 2, unitPrice: 12800 }, { description: '折扣', qty: 1, unitPrice: -1000 }],
      stay: { roomType: '大床房', checkIn: '2026-09-01', checkOut: '2026-09-02', rooms: 1, rate: 58800 },
    };
    const yuan = recordToYuan('orders', order);
    expect(yuan).toEqual({ ...order, total: 1234.5, items: [{ description: '早餐', qty: 2, unitPrice: 128 }, { description: '折扣', qty: 1, unitPrice: -10 }], stay: { ...order.stay, rate: 588 } });
    expect(order.total).toBe(123450); // the stored record is not touched
    expect(fieldFromYuan('orders', 'items', yuan.items)).toEqual({ value: order.items });
    expect(fieldFromYuan('orders', 'stay', { ...yuan.stay, rate: 588.005 })).toEqual({ error: 'money' });
    expect(fieldFromYuan('orders', 'stay', { ...yuan.stay, rate: -1 })).toEqual({ error: 'negative' });
  });
});
