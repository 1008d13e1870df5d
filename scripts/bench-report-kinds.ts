// The report kinds scripts/bench-reports.ts measures: how each is computed in-process (the
// service over a Repo), which `hotel-crm report` command prints it, and the SQL that computes
// the same figures in sqlite3 over the same data. One entry per kind; other areas add theirs.
//
// The sqlite3 database: customers(id, source, ownerId, created), orders(id, cid, date, fen,
// status, pay), loaded from the same records (bench-reports.ts writes them).
import type { Repo } from '../src/services/repo.js';
import { workspaceRfm } from '../src/services/analytics-rfm.js';
import { workspacePyramid } from '../src/services/analytics-pyramid.js';
import { resolveStatsSpec, workspaceStats, workspaceSeries } from '../src/services/analytics-stats.js';
import { workspaceChurn } from '../src/services/analytics-churn.js';
import { workspaceValue } from '../src/services/analytics-value.js';
import { workspaceKpi } from '../src/services/analytics-kpi.js';

export interface BenchKind {
  name: string;
  /** `hotel-crm report …` arguments (besides --data and --json); none: in-process only */
  cli?: string[];
  compute: (repo: Repo) => unknown;
  sql: string;
}

// purchases: neither cancelled nor refunded, as of the day after the last one
const PURCHASES = `CREATE TEMP TABLE p AS SELECT cid, date, fen FROM orders WHERE status <> 'cancelled' AND pay <> 'refunded';`;
const RFM_SQL = `${PURCHASES}
CREATE TEMP TABLE m AS SELECT cid, CAST(julianday((SELECT date(max(date), '+1 day') FROM p)) - julianday(max(date)) AS INTEGER) AS r, count(*) AS f, sum(fen) AS mon FROM p GROUP BY cid;
SELECT CASE WHEN m.r * s.n < s.sr THEN '1' ELSE '0' END || CASE WHEN m.f * s.n > s.sf THEN '1' ELSE '0' END || CASE WHEN m.mon * s.n > s.sm THEN '1' ELSE '0' END AS code, count(*), sum(m.mon)
  FROM m, (SELECT count(*) AS n, sum(r) AS sr, sum(f) AS sf, sum(mon) AS sm FROM m) AS s GROUP BY code;`;
// the layers now and a year before (all purchases up to then), and the moves between them
const layers = (name: string, upTo: string) => `CREATE TEMP TABLE ${name} AS WITH m AS (SELECT cid, sum(fen) AS mon FROM p WHERE date <= ${upTo} GROUP BY cid),
  n AS (SELECT count(*) AS n FROM m), v AS (SELECT min((n * 100 + 9999) / 10000, n) AS v, n FROM n),
  k AS (SELECT v, min((n * 400 + 9999) / 10000, n - v) AS k, n FROM v), cut AS (SELECT v, k, min((n * 1500 + 9999) / 10000, n - v - k) AS o FROM k),
  ranked AS (SELECT cid, mon, ROW_NUMBER() OVER (ORDER BY mon DESC, cid ASC) AS rk FROM m)
  SELECT cid, CASE WHEN rk <= v THEN 'vip' WHEN rk <= v + k THEN 'key' WHEN rk <= v + k + o THEN 'ordinary' ELSE 'small' END AS layer, mon FROM ranked, cut;`;
const PYRAMID_SQL = `${PURCHASES}
${layers('now_l', `(SELECT date(max(date), '+1 day') FROM p)`)}
${layers('before_l', `(SELECT date(max(date), '+1 day', '-1 year') FROM p)`)}
SELECT layer, count(*), sum(mon) FROM now_l GROUP BY layer;
SELECT coalesce(b.layer, 'none'), n.layer, count(*) FROM now_l n LEFT JOIN before_l b ON b.cid = n.cid WHERE b.layer IS NULL OR b.layer <> n.layer GROUP BY 1, 2;`;

const CARE_AS_OF = '2025-10-01';
// churn: per customer the last and first purchase day and the distinct purchase days; those
// silent over 180 days or over 2 × their usual interval
const CHURN_SQL = `${PURCHASES}
SELECT count(*), sum(j - last > 180), sum(n > 1 AND (j - last) * (n - 1) > 2 * (last - first)) FROM (SELECT julianday('${CARE_AS_OF}') AS j, julianday(max(date)) AS last, julianday(min(date)) AS first, count(DISTINCT date) AS n FROM p WHERE date <= '${CARE_AS_OF}' GROUP BY cid)
  WHERE j - last > 180 OR (n > 1 AND (j - last) * (n - 1) > 2 * (last - first));`;
// value: gross profit (every order a room: 70 %) and purchases per customer, each scaled min-max
// over the customers, current value their mean with service cost's constant 0.5, and how many lie
// above the mean (the bench data has no tickets or surveys: potential value is constant)
const VALUE_SQL = `${PURCHASES}
CREATE TEMP TABLE v AS SELECT cid, sum(fen) * 70 AS gp, count(*) AS n FROM p GROUP BY cid;
CREATE TEMP TABLE c AS SELECT cid, ((CASE WHEN b > a THEN (gp - a) * 1.0 / (b - a) ELSE 0.5 END) + (CASE WHEN d > e THEN (n - e) * 1.0 / (d - e) ELSE 0.5 END) + 0.5) / 3 AS cur
  FROM v, (SELECT min(gp) AS a, max(gp) AS b, max(n) AS d, min(n) AS e FROM v);
SELECT count(*), sum(cur > (SELECT avg(cur) FROM c)) FROM c;`;
// kpi: new customers, buyers and repeat buyers of the period, and the previous period's buyers
// who came back (the report computes the previous period's figures too)
const KPI_SQL = `${PURCHASES}
SELECT count(*) FROM customers WHERE substr(created, 1, 10) BETWEEN '2025-09-01' AND '2025-09-30';
WITH b AS (SELECT cid, count(*) AS n FROM p WHERE date BETWEEN '2025-09-01' AND '2025-09-30' GROUP BY cid), a AS (SELECT DISTINCT cid FROM p WHERE date BETWEEN '2025-08-02' AND '2025-08-31')
  SELECT count(*), sum(n >= 2), (SELECT count(*) FROM a), (SELECT count(*) FROM a JOIN b USING (cid)) FROM b;`;

const spec = (entity: string, by: string[], sum?: string) => {
  const r = resolveStatsSpec(entity, by, sum);
  if ('error' in r) throw new Error(JSON.stringify(r.error));
  return r.spec;
};

export const BENCH_KINDS: BenchKind[] = [
  // rfm
  { name: 'rfm', cli: ['rfm'], compute: (repo) => workspaceRfm(repo), sql: RFM_SQL },
  { name: 'pyramid', cli: ['pyramid'], compute: (repo) => workspacePyramid(repo), sql: PYRAMID_SQL },
  { name: 'stats customers by source', cli: ['stats', '--by', 'source'], compute: (repo) => workspaceStats(repo, spec('customers', ['source'])), sql: `SELECT source, count(*) FROM customers GROUP BY source;` },
  {
    name: 'stats orders by month, sum total',
    cli: ['stats', '--entity', 'orders', '--by', 'month', '--sum', 'total'],
    compute: (repo) => workspaceStats(repo, spec('orders', ['month'], 'total')),
    sql: `SELECT substr(date, 1, 7), count(*), sum(fen) FROM orders GROUP BY 1;`,
  },
  {
    name: 'series (screen: new customers, purchases, revenue per month)',
    compute: (repo) => workspaceSeries(repo),
    sql: `${PURCHASES}
SELECT substr(created, 1, 7), count(*) FROM customers GROUP BY 1;
SELECT substr(date, 1, 7), count(*), sum(fen) FROM p GROUP BY 1;`,
  },
  // care: the generated orders run from 2023-01-01 for 1000 days (to 2025-09-27)
  { name: 'churn (as of 2025-10-01, 180 days, ×2)', cli: ['churn', '--as-of', CARE_AS_OF], compute: (repo) => workspaceChurn(repo, { asOf: CARE_AS_OF }), sql: CHURN_SQL },
  { name: 'value (lifetime value, KAISM)', cli: ['value'], compute: (repo) => workspaceValue(repo), sql: VALUE_SQL },
  { name: 'kpi (2025-09 against 2025-08-02..31)', cli: ['kpi', '--from', '2025-09-01', '--to', '2025-09-30'], compute: (repo) => workspaceKpi(repo, { from: '2025-09-01', to: '2025-09-30' }), sql: KPI_SQL },
];
