// The tabs of the customer statistics, the pyramid and RFM. Figures from the services
// (analytics-stats, -pyramid, -rfm); segment and layer names and strategies from their value
// lists (rfmSegment, pyramidLayer).
import { RFM_SEGMENTS, type RfmRows } from '../../../domain/analytics/rfm.js';
import { PYRAMID_LAYERS } from '../../../domain/analytics/pyramid.js';
import { pct1 } from '../../../domain/analytics/exact.js';
import { entityFields } from '../../../domain/entities.js';
import { workspaceRfm, rfmCustomers } from '../../../services/analytics-rfm.js';
import { workspacePyramid, layerCustomers } from '../../../services/analytics-pyramid.js';
import { statsRecords, workspaceSeries, workspaceStats } from '../../../services/analytics-stats.js';
import { valueLabelT, type T } from '../../../i18n/index.js';
import { barChart, pyramidChart } from '../../../presentation/charts.js';
import { fenToGrouped } from '../../../domain/money.js';
import type { Repo } from '../../../services/repo.js';
import { money, pct, tableLines } from './layout.js';
import { followUpActions, writeActions } from './segment-tasks.js';
import { frequencyName, rfmStrategy } from '../../../presentation/analytics-rfm.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { sharesText } from '../../../presentation/analytics-pyramid.js';
import { keyLabel } from '../../../presentation/analytics-stats.js';
import type { TabDef, TabSegment, TabView } from './tab-view.js';

/** A segment whose customers are found when first asked for (a list, a count for t or s). */
function lazySegment(code: string, label: string, find: () => string[]): TabSegment {
  let ids: string[] | undefined;
  return {
    code,
    label,
    get customers() {
      return (ids ??= find());
    },
  };
}

const rfmTab: TabDef = {
  id: 'rfm',
  charts: 2,
  build: ({ repo, t, asOf, width, filter, frequency, chart }): TabView => {
    const r = workspaceRfm(repo, { ...filter, asOf, frequency });
    const lists = repo.ws.valueLists;
    const label = (code: string) => valueLabelT(t, lists, 'rfmSegment', code);
    const strategy = (code: string) => rfmStrategy(t, code);
    const head = [
      t('analytics.rfmHead', {
        r: r.means.recency.toFixed(0),
        f: r.means.frequency.toFixed(1),
        m: fenToGrouped(Math.round(r.means.monetary), { whole: true }),
        all: r.customers + r.withoutPurchases,
        buyers: r.customers,
      }),
      t('analytics.rfmF', { f: frequencyName(t, r.frequency) }),
    ];
    const about = [
      t('analytics.about.rfm1'),
      t('analytics.rfmF', { f: frequencyName(t, r.frequency) }),
      t('rfm.rule'),
      t('analytics.about.rfmQuint'),
      t('rfm.strategies'),
      ...RFM_SEGMENTS.map((c) => `  ${c} ${label(c)}: ${strategy(c)}`),
      t('analytics.about.rfm4'),
    ];
    if (chart === 1) return rfmQuintiles(repo, t, r, width, head, about);
    const table = tableLines(
      [
        { title: t('analytics.col.code'), width: 4, drop: 0 },
        { title: t('analytics.col.segment'), width: width >= 70 ? 14 : 12, drop: 0 },
        { title: t('analytics.col.customers'), width: 6, align: 'right', drop: 0 },
        { title: t('analytics.col.share'), width: 6, align: 'right', drop: 3 },
        { title: t('analytics.col.revenue'), width: 8, bar: true, drop: 2 },
        { title: t('analytics.col.revenueShare'), width: 6, align: 'right', drop: 0 },
        { title: t('analytics.col.strategy'), width: 'flex', min: 8, drop: 4 },
      ],
      r.segments.map((s) => {
        const rs = pct1(s.monetary, r.sums.monetary);
        return [s.code, label(s.code), s.customers, pct(pct1(s.customers, r.customers)), (rs ?? 0) / 100, pct(rs), strategy(s.code)];
      }),
      width,
    );
    return {
      asOf: r.asOfText,
      head,
      header: table.header,
      rows: table.rows,
      segments: RFM_SEGMENTS.map((code) => lazySegment(code, `${code} ${label(code)}`, () => rfmCustomers(r.rows, code))),
      below: [],
      about,
      actions: { tasks: followUpActions(repo, t, (seg) => seg.label), write: writeActions(repo, t, 'rfmSegment') },
    };
  },
};

/** RFM's quintile view: how many customers score 1..5 on each of R, F and M, then every
 *  customer with a purchase by their score (R F M digits, best first); Enter opens one. */
function rfmQuintiles(repo: Repo, t: T, r: ReturnType<typeof workspaceRfm>, width: number, head: string[], about: string[]): TabView {
  const rows = r.rows;
  const order: number[] = [];
  for (let i = 0; i < rows.ids.length; i++) if (rows.rScore[i]) order.push(i);
  const total = (i: number) => rows.rScore[i] + rows.fScore[i] + rows.mScore[i];
  // best total first, then the higher R F M code, then the revenue, then code order (stable)
  order.sort((a, b) => total(b) - total(a) || score(rows, b) - score(rows, a) || rows.monetary[b] - rows.monetary[a]);
  const ids = order.map((i) => rows.ids[i]);
  const name = (id: string) => String(repo.get('customers', id)?.name ?? '');
  const table = tableLines(
    [
      { title: t('analytics.col.customer'), width: 6, drop: 0 },
      { title: t('analytics.col.name'), width: 'flex', min: 8, drop: 0 },
      { title: 'R', width: 5, align: 'right', drop: 2 },
      { title: 'F', width: 4, align: 'right', drop: 2 },
      { title: 'M', width: 9, align: 'right', drop: 3 },
      { title: t('analytics.col.score'), width: 5, align: 'right', drop: 0 },
      { title: t('analytics.col.total'), width: 4, align: 'right', drop: 1 },
    ],
    order.map((i) => [rows.ids[i], sanitizeLine(name(rows.ids[i])), rows.recency[i], rows.frequency[i], money(rows.monetary[i]), String(score(rows, i)), total(i)]),
    width,
  );
  const q = r.quintiles;
  return {
    asOf: r.asOfText,
    head: [...head, t('analytics.quintileCounts', { r: q.r.join(' '), f: q.f.join(' '), m: q.m.join(' ') })],
    header: table.header,
    rows: table.rows,
    segments: ids.map((id) => ({ code: id, label: `${id} ${sanitizeLine(name(id))}`, customers: ids, focus: id })),
    below: ids.length ? [] : [t('analytics.noBuyers')],
    about,
    actions: { tasks: followUpActions(repo, t, (seg) => seg.label) },
  };
}

/** The R F M scores read as a three-digit number (545). */
const score = (rows: RfmRows, i: number) => rows.rScore[i] * 100 + rows.fScore[i] * 10 + rows.mScore[i];

const pyramidTab: TabDef = {
  id: 'pyramid',
  charts: 2,
  build: ({ repo, t, asOf, width, filter, chart }): TabView => {
    const r = workspacePyramid(repo, { ...filter, asOf });
    const lists = repo.ws.valueLists;
    const label = (code: string) => valueLabelT(t, lists, 'pyramidLayer', code);
    const table = tableLines(
      [
        { title: t('analytics.col.layer'), width: width >= 70 ? 12 : 10, drop: 0 },
        { title: t('analytics.col.customers'), width: 6, align: 'right', drop: 0 },
        { title: t('analytics.col.share'), width: 6, align: 'right', drop: 2 },
        { title: t('analytics.col.revenueSum'), width: 'flex', min: 10, align: 'right', drop: 0 },
        { title: t('analytics.col.revenueShare'), width: 6, align: 'right', drop: 0 },
      ],
      r.layers.map((l) => [label(l.code), l.customers, pct(l.customerSharePct), money(l.revenue), pct(l.revenueSharePct)]),
      width,
    );
    // the drawing: each layer as wide as the share of customers from the top down to it
    let above = 0;
    const drawing = pyramidChart(
      r.layers.map((l) => {
        above += l.customers;
        return { text: `${label(l.code)} ${l.customers}`, share: r.customers ? above / r.customers : 0 };
      }),
      width,
    );
    const since = r.previous ? (r.previous.from ? `${r.previous.from}..${r.previous.to}` : r.previous.to) : '';
    const moved = r.moved && r.previous ? [t('analytics.pyramidMoved', { since, ...r.moved })] : [];
    const head = [
      t('analytics.pyramidHead', { buyers: r.customers, none: r.withoutPurchases, revenue: fenToGrouped(r.revenue, { whole: true }) }),
      t('analytics.pareto', { customers: r.pareto.customers, share: pct(r.pareto.sharePct) }),
    ];
    const about = [t('analytics.about.pyramid1', { shares: sharesText(r.sharesBp) }), t('analytics.about.pyramid2'), t('analytics.about.pyramid3'), t('analytics.about.movers')];
    if (chart === 1) return pyramidMovers(repo, t, r, width, [head[0], ...moved], about, label);
    return {
      asOf: r.asOfText,
      head,
      header: table.header,
      rows: table.rows,
      segments: PYRAMID_LAYERS.map((code) => lazySegment(code, label(code), () => layerCustomers(r.rows, code))),
      below: ['', ...drawing, ...moved],
      about,
      actions: { tasks: followUpActions(repo, t, (seg) => seg.label), write: writeActions(repo, t, 'pyramidLayer') },
    };
  },
};

/** Who moved between layers since the previous period, best layer reached first; Enter opens
 *  the customer. */
function pyramidMovers(repo: Repo, t: T, r: ReturnType<typeof workspacePyramid>, width: number, head: string[], about: string[], label: (code: string) => string): TabView {
  const movers = r.movers ?? [];
  const at = (code: string) => PYRAMID_LAYERS.indexOf(code as (typeof PYRAMID_LAYERS)[number]);
  const ids = movers.map((m) => m.id);
  const name = (id: string) => sanitizeLine(String(repo.get('customers', id)?.name ?? ''));
  const table = tableLines(
    [
      { title: t('analytics.col.customer'), width: 6, drop: 0 },
      { title: t('analytics.col.name'), width: 'flex', min: 8, drop: 0 },
      { title: t('analytics.col.before'), width: width >= 70 ? 17 : 12, drop: 0 },
      { title: '', width: 1, drop: 0 },
      { title: t('analytics.col.now'), width: width >= 70 ? 17 : 12, drop: 0 },
    ],
    movers.map((m) => [m.id, name(m.id), label(m.from), at(m.to) < at(m.from) ? '^' : 'v', label(m.to)]),
    width,
  );
  return {
    asOf: r.asOfText,
    head,
    header: table.header,
    rows: table.rows,
    segments: movers.map((m) => ({ code: m.id, label: `${m.id} ${name(m.id)}`, customers: ids, focus: m.id })),
    below: movers.length ? [] : [t('analytics.noMovers')],
    about,
    actions: { tasks: followUpActions(repo, t, (seg) => seg.label) },
  };
}

/** The stats tab's charts: customers by a field as bars, then the monthly series as lines. */
const STATS_FIELDS = ['source', 'stage', 'grade', 'region', 'ownerId'] as const;
const SERIES = ['newCustomers', 'orders', 'revenue'] as const;

function groupLabel(repo: Repo, t: T, field: string, key: string): string {
  const fi = entityFields('customers').find((f) => f.name === field)!;
  const refName = (e: string, id: string) => (repo.get(e as 'employees', id)?.name as string | undefined);
  return keyLabel(t, repo.ws.valueLists, { name: field, kind: fi.kind, values: fi.values, ref: fi.ref }, key, refName);
}

const statsTab: TabDef = {
  id: 'stats',
  charts: STATS_FIELDS.length + SERIES.length,
  build: ({ repo, t, asOf, width, chart, filter }): TabView => {
    const about = [t('analytics.about.stats1'), t('analytics.about.stats2'), t('analytics.about.statsFilter')];
    if (chart < STATS_FIELDS.length) {
      const field = STATS_FIELDS[chart];
      const r = workspaceStats(repo, { entity: 'customers', by: [field] }, { ...filter, asOf });
      const total = r.total.count;
      const fi = entityFields('customers').find((f) => f.name === field)!;
      const rows = r.rows.map((row) => ({ key: row.keys[0], label: groupLabel(repo, t, field, row.keys[0]), count: row.count }));
      return {
        head: [t('analytics.statsBy', { field: t.l(fi.label), total })],
        rows: barChart(rows.map((x) => ({ label: x.label, value: x.count, text: String(x.count), pct: pct1(x.count, total) })), width),
        segments: rows.map((x) => lazySegment(x.key || '-', `${t.l(fi.label)} ${x.label}`, () => statsRecords(repo, 'customers', { ...filter, asOf }).filter((c) => String(c[field] ?? '') === x.key).map((c) => c.id))),
        below: [],
        about,
        actions: { tasks: followUpActions(repo, t, (seg) => seg.label) },
      };
    }
    const which = SERIES[chart - STATS_FIELDS.length];
    const s = workspaceSeries(repo, { ...filter, asOf });
    const values = s[which];
    const sum = values.reduce((a, x) => a + x, 0);
    const isMoney = which === 'revenue';
    const compact = (v: number) => (isMoney ? compactYuan(t, v / 100) : String(Math.round(v)));
    return {
      head: [t(`analytics.series.${which}`), t('analytics.seriesSum', { from: s.months[0] ?? '-', to: s.months.at(-1) ?? '-', sum: isMoney ? money(sum) : String(sum) })],
      rows: [],
      segments: [],
      below: s.months.length ? [] : [t('analytics.noSeries')],
      line: s.months.length ? { title: '', points: s.months.map((m, i) => ({ label: m, value: values[i] })), format: compact } : undefined,
      about,
      actions: {},
    };
  },
};

/** 12.3万 / 12.3k: the y axis of a money line in few columns. */
function compactYuan(t: T, yuan: number): string {
  const a = Math.abs(yuan);
  if (t.lang !== 'en' && a >= 10000) return `${(yuan / 10000).toFixed(a >= 1e6 ? 0 : 1)}万`;
  if (t.lang === 'en' && a >= 1e6) return `${(yuan / 1e6).toFixed(1)}M`;
  if (t.lang === 'en' && a >= 1000) return `${(yuan / 1000).toFixed(a >= 1e5 ? 0 : 1)}k`;
  return String(Math.round(yuan));
}

export const RFM_TABS = { stats: statsTab, pyramid: pyramidTab, rfm: rfmTab };
