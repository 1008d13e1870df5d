// General statistics (客户信息统计, seed 000 ch.5): records of any entity counted, and a money or
// number field summed, by one or more fields, or by month of a date. Pure: the service says
// how to read a record's key(s) and its amount.
//
// - a field with several values (tags) puts the record in each of its values' groups, so the
//   groups' counts may add up to more than the records (the total says how many records);
// - a record without a value falls in the group '' (shown as "(none)");
// - sums are exact integers (fen for money) while they stay below 2^53.
import { byCode } from '../compare.js';

export interface StatsGrouper {
  /** the record's key, or keys (tags); '' when it has none */
  key: (rec: Record<string, unknown>) => string | readonly string[];
  /** the order of the groups: a rank per key (a value list's order), else keys in code order */
  rank?: (key: string) => number;
}

export interface StatsRow {
  keys: string[];
  count: number;
  sum?: number;
}

export interface StatsResult {
  rows: StatsRow[];
  total: { count: number; sum?: number };
}

const SEP = '\u0000';

export function groupStats(records: readonly Record<string, unknown>[], groupers: readonly StatsGrouper[], sumOf?: (rec: Record<string, unknown>) => number | undefined): StatsResult {
  const cells = new Map<string, StatsRow>();
  let count = 0;
  let total = 0;
  const one: string[] = [''];
  for (const rec of records) {
    count++;
    const amount = sumOf ? (sumOf(rec) ?? 0) : 0;
    total += amount;
    // the cartesian product of every grouper's keys (one key each but for tags)
    let combos: string[] = one;
    for (let g = 0; g < groupers.length; g++) {
      const k = groupers[g].key(rec);
      const ks = typeof k === 'string' ? [k] : k.length ? [...new Set(k)] : [''];
      if (g === 0) combos = ks;
      else {
        const next: string[] = [];
        for (const c of combos) for (const x of ks) next.push(c + SEP + x);
        combos = next;
      }
    }
    for (const c of combos) {
      let row = cells.get(c);
      if (!row) cells.set(c, (row = { keys: groupers.length ? c.split(SEP) : [], count: 0, ...(sumOf ? { sum: 0 } : {}) }));
      row.count++;
      if (sumOf) row.sum! += amount;
    }
  }
  const rows = [...cells.values()].sort((a, b) => {
    for (let g = 0; g < groupers.length; g++) {
      const ka = a.keys[g];
      const kb = b.keys[g];
      if (ka === kb) continue;
      // the empty group last
      if (ka === '' || kb === '') return ka === '' ? 1 : -1;
      const r = groupers[g].rank;
      const d = r ? r(ka) - r(kb) : 0;
      return d || byCode(ka, kb);
    }
    return 0;
  });
  return { rows, total: { count, ...(sumOf ? { sum: total } : {}) } };
}

/** Monthly series (new customers, purchases, revenue): one value per month from the first to the
 *  last month that has any, months without any as 0, so a line chart has no gaps. */
export interface MonthSeries {
  /** YYYY-MM */
  months: string[];
  newCustomers: number[];
  orders: number[];
  /** fen */
  revenue: number[];
}
