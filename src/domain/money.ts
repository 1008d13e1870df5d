// Money is kept as integer fen (1 yuan = 100 fen) inside the workspace, so sums and
// comparisons are exact; people and programs see yuan with at most two decimals. Every
// conversion works on the decimal digits as written: 0.29 * 100 is 28.999999999999996 in
// floating point, and a float that went through it would lose a fen.

/** |amount| below 10^12 yuan: far above any hotel bill, and fen stay exact integers in a double. */
export const MAX_FEN = 1e14;

export type MoneyError = 'number' | 'money' | 'negative' | 'max';
export type FenResult = { fen: number } | { error: MoneyError };

interface Decimal {
  neg: boolean;
  int: string;
  frac: string;
}

/** Splits plain decimal text (digits, optional point, optional exponent) into its parts. */
function splitDecimal(s: string): Decimal | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  let int = m[2];
  let frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (Math.abs(exp) > 400) return undefined;
  // move the decimal point by the exponent, on the digits themselves
  if (exp > 0) {
    const moved = frac.padEnd(exp, '0');
    int += moved.slice(0, exp);
    frac = moved.slice(exp);
  } else if (exp < 0) {
    const padded = int.padStart(-exp, '0');
    frac = padded.slice(padded.length + exp) + frac;
    int = padded.slice(0, padded.length + exp);
  }
  return { neg: m[1] === '-', int: int.replace(/^0+/, ''), frac };
}

/** Fen from decimal parts; extra decimals must be zeros unless `round` (half away from zero). */
function decimalToFen(d: Decimal, round: boolean): FenResult {
  const cents = d.frac.slice(0, 2).padEnd(2, '0');
  const rest = d.frac.slice(2);
  let up = 0;
  if (/[1-9]/.test(rest)) {
    if (!round) return { error: 'money' };
    up = rest[0] >= '5' ? 1 : 0;
  }
  if (d.int.length > 15) return { error: 'max' };
  const fen = Number(d.int || '0') * 100 + Number(cents) + up;
  if (fen >= MAX_FEN) return { error: 'max' };
  return { fen: d.neg && fen !== 0 ? -fen : 0 + fen };
}

/** digits and at most two decimals, far below MAX_FEN: read without the general path */
/** A plain amount (/^(\d{1,11})(?:\.(\d{1,2}))?$/) read by hand: the expression's match array and
 *  substrings cost ~30 ms of an import's 100k amounts */
function plainFen(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let whole = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
  }
  if (i === 0 || i > 11) return undefined;
  if (i === n) return whole * 100;
  const decimals = n - i - 1;
  if (text.charCodeAt(i) !== 46 || decimals < 1 || decimals > 2) return undefined;
  let frac = 0;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
    frac = frac * 10 + (c - 48);
  }
  return whole * 100 + (decimals === 1 ? frac * 10 : frac);
}

/** Yuan as people write it: `1234.5`, `1,234.50`, `¥1234`, `￥1，000`, `1234元`, `RMB 88`. */
export function parseYuanText(text: string, opts: { allowNegative?: boolean } = {}): FenResult {
  // what a spreadsheet's amount column holds on nearly every row (an import reads 100k of them)
  const plain = plainFen(text);
  if (plain !== undefined) return { fen: plain };
  let t = text.trim().replace(/[,，\s]/g, '');
  let neg = false;
  if (/^[-−]/.test(t)) {
    neg = true;
    t = t.slice(1);
  }
  t = t.replace(/^(?:[¥￥$]|RMB|CNY)/i, '').replace(/(?:元|RMB|CNY)$/i, '');
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) return { error: 'number' };
  const d = splitDecimal(t)!;
  d.neg = neg;
  const r = decimalToFen(d, false);
  if ('fen' in r && r.fen < 0 && !opts.allowNegative) return { error: 'negative' };
  return r;
}

/** Yuan given as a JSON number (an import, a v1 workspace): its shortest decimal form is what
 *  the writer meant. With `round`, float noise such as 0.30000000000000004 is rounded to the fen. */
export function yuanNumberToFen(n: number, opts: { round?: boolean; allowNegative?: boolean } = {}): FenResult {
  if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'number' };
  const d = splitDecimal(String(n));
  if (!d) return { error: 'number' };
  const r = decimalToFen(d, !!opts.round);
  if ('fen' in r && r.fen < 0 && !opts.allowNegative) return { error: 'negative' };
  return r;
}

/** Fen → yuan as a JSON number: 123450 → 1234.5. IEEE division is correctly rounded, so for
 *  an integer fen this is the very double that the literal "1234.50" reads as: it prints
 *  with at most two decimals, never as 1234.4999999. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Fen → yuan text with two decimals, for CSV and the screen: 123450 → "1234.50". */
export function fenToText(fen: number): string {
  if (!Number.isSafeInteger(fen)) return String(fen);
  const neg = fen < 0;
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Fen → yuan with thousands separators, for people: 128450000 → "1,284,500.00", or with
 *  `whole` rounded to the yuan (half away from zero): "1,284,500". */
export function fenToGrouped(fen: number, opts: { whole?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) return String(fen);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const text = opts.whole ? String(Math.round(abs / 100)) : fenToText(abs);
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg && abs >= (opts.whole ? 50 : 1) ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
