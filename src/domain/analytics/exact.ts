// Comparisons of a value with the mean of n values, on integers: x < sum / n  ⇔  x × n < sum.
// Fen sums of a million orders stay exact integers in a double; their product with n may not,
// and then BigInt decides. No rounded mean is ever compared.

/** sign of (x × n − sum): −1 below the mean, 0 equal, 1 above. x, n, sum are integers. */
export function cmpMean(x: number, n: number, sum: number): -1 | 0 | 1 {
  const p = x * n;
  if (Number.isSafeInteger(p) && Number.isSafeInteger(sum)) return p < sum ? -1 : p > sum ? 1 : 0;
  const d = BigInt(x) * BigInt(n) - BigInt(sum);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** ceil(n × bp / 10000) on integers: the size of a share given in hundredths of a percent. */
export const ceilShare = (n: number, bp: number): number => Math.floor((n * bp + 9999) / 10000);

/** a / b as a percentage with one decimal (display only; undefined when b is 0). */
export const pct1 = (a: number, b: number): number | undefined => (b > 0 ? Math.round((a / b) * 1000) / 10 : undefined);
