// A date's and a plain amount's check are read by character codes instead of by regular
// expressions (an import reads 100k of each). They must accept and refuse exactly what the
// expressions did: the old forms are kept here and every case is compared.
import { describe, expect, it } from 'vitest';
import { isValidDate } from '../../src/domain/fields.js';
import { parseYuanText } from '../../src/domain/money.js';

function oldIsValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

const PLAIN = /^(\d{1,11})(?:\.(\d{1,2}))?$/;
const oldPlainFen = (t: string) => {
  const p = PLAIN.exec(t);
  return p ? Number(p[1]) * 100 + (p[2] === undefined ? 0 : Number(p[2].length === 1 ? `${p[2]}0` : p[2])) : undefined;
};

/** a deterministic stream of strings made of the characters that matter */
function* strings(alphabet: string, count: number, maxLen: number): Generator<string> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = next() % (maxLen + 1);
    for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('checks read by hand', () => {
  it('takes a date as YYYY-MM-DD did: leap years, month ends, year 100, and nothing else', () => {
    const cases = [
      '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-12-31', '0100-01-01', '2026-04-31', '2026-04-30', '2026-13-01', '2026-00-10',
      '2026-01-00', '2026-1-01', '2026-01-1', '2026/01/01', ' 2026-01-01', '2026-01-01 ', '2026-01-01\n', '２０２６-01-01', '2026-01-0a', '', '9999-12-31',
    ];
    for (const s of [...cases, ...strings('0123456789-/ a١', 20_000, 11), ...Array.from({ length: 3000 }, (_, i) => `${1996 + (i % 9)}-${String((i % 14)).padStart(2, '0')}-${String(i % 33).padStart(2, '0')}`)]) {
      expect([s, isValidDate(s)]).toEqual([s, oldIsValidDate(s)]);
    }
  });

  it('reads a plain amount to the fen as the expression did', () => {
    const cases = ['0', '1', '1.5', '1.50', '1.05', '12345678901', '123456789012', '99999999999.99', '1.', '.5', '1.234', '01.20', '1,234.50', '¥12', '12元', ' 12', '-1', '', '1e3', '１２'];
    for (const s of [...cases, ...strings('0123456789..,- ', 20_000, 14)]) {
      const want = oldPlainFen(s);
      if (want !== undefined) expect([s, parseYuanText(s)]).toEqual([s, { fen: want }]);
    }
  });
});
