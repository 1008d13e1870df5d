// The tabs of the care models: churn warning, KAISM, lifetime value and the KPIs. Figures from
// the services (analytics-churn, -value, -kpi), words from their presentation modules.
import { CHURN_REASONS, type ChurnRow } from '../../../domain/analytics/churn.js';
import { KAISM_QUADRANTS, type KaismQuadrant } from '../../../domain/analytics/value.js';
import { createWinBacks, markLost, workspaceChurn } from '../../../services/analytics-churn.js';
import { workspaceValue } from '../../../services/analytics-value.js';
import { workspaceKpi } from '../../../services/analytics-kpi.js';
import { hotelToday } from '../../../services/analytics-scope.js';
import { churnExplain, churnReasonLabel, churnSummary, churnTable, type Names } from '../../../presentation/analytics-churn.js';
import { quadrantLabel, quadrantStrategy, valueExplain, valueSummary, valueTable } from '../../../presentation/analytics-value.js';
import { kpiExplain, kpiTable } from '../../../presentation/analytics-kpi.js';
import { errorText, nameInLanguage, valueLabelT, type T } from '../../../i18n/index.js';
import { offeredValues } from '../../../domain/values.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import type { Repo } from '../../../services/repo.js';
import { fit } from '../../../text/width.js';
import { pct, tableLines } from './layout.js';
import type { TabDef, TabSegment, TabView } from './tab-view.js';
import { followUpActions } from './segment-tasks.js';

export function names(repo: Repo): Names {
  return {
    customer: (id) => String(repo.get('customers', id)?.name ?? ''),
    login: (id) => (id ? (repo.get('employees', id)?.login as string | undefined) : undefined),
  };
}

const share = (n: number, of: number) => (of > 0 ? (n / of) * 100 : undefined);

const churnTab: TabDef = {
  id: 'churn',
  charts: 2,
  build: ({ repo, t, asOf, width, filter, chart }): TabView => {
    const r = workspaceChurn(repo, { asOf, ownerId: filter.ownerId });
    const of = (pick: (row: ChurnRow) => boolean) => r.rows.filter(pick);
    const groups: { code: string; label: string; rows: ChurnRow[] }[] = [
      { code: 'all', label: t('analytics.churnAll'), rows: r.rows },
      ...CHURN_REASONS.map((code) => ({ code, label: churnReasonLabel(t, code), rows: of((row) => row.reasons.includes(code)) })),
    ];
    const table = tableLines(
      [
        { title: t('analytics.col.reason'), width: width >= 70 ? 16 : 12, drop: 0 },
        { title: t('analytics.col.customers'), width: 6, align: 'right', drop: 0 },
        { title: t('analytics.col.ofChecked'), width: 6, align: 'right' },
        { title: '', width: 'flex', min: 6, bar: true },
      ],
      groups.map((g) => [g.label, g.rows.length, pct(share(g.rows.length, r.customers)), r.customers ? g.rows.length / r.customers : 0]),
      width,
    );
    const byId = new Map(r.rows.map((row) => [row.customerId, row]));
    const lists = repo.ws.valueLists;
    // win-back tasks (挽回), one per customer and silence: the churn service's own
    const winBack = {
      count: (seg: TabSegment) => seg.customers.length,
      run: (seg: TabSegment) => {
        const w = createWinBacks(repo, seg.customers.map((id) => ({ customerId: id, lastPurchase: byId.get(id)?.lastPurchase })), { subject: t('churn.winBackSubject'), due: hotelToday(repo) });
        if (w.refused.length) return { error: `${w.refused[0].customerId}: ${w.refused[0].errors.map((e) => errorText(t, 'tasks', e, lists)).join('; ')}` };
        return { created: w.created.length, skipped: w.skipped.length };
      },
    };
    // x on one customer: lost, for a reason of the churnReason list (as churn lose ID --reason)
    const lose: TabView['lose'] = {
      reasons: offeredValues(lists, 'churnReason').map((v) => ({ code: v.code, label: valueLabelT(t, lists, 'churnReason', v.code) })),
      run: (id, reason) => {
        const res = markLost(repo, id, reason);
        if (!res.ok) return { error: `${id}: ${res.errors.map((e) => errorText(t, 'customers', e, lists)).join('; ')}` };
        return { name: sanitizeLine(nameInLanguage(t, String(res.value.name ?? ''))), reason: valueLabelT(t, lists, 'churnReason', res.reason) };
      },
    };
    const base = { asOf: r.params.asOf, head: [churnSummary(r, t)], about: [...churnExplain(t, r.params), t('analytics.about.churnKeys')], ignores: ['period' as const], lose };
    if (chart === 1) {
      // every customer warned of, one a row: Enter opens them, x marks them lost
      const [header, ...rows] = churnTable(r, t, lists, names(repo), width);
      const ids = r.rows.map((row) => row.customerId);
      return {
        ...base,
        header,
        rows,
        segments: r.rows.map((row) => ({ code: row.customerId, label: `${row.customerId} ${sanitizeLine(names(repo).customer(row.customerId))}`, customers: ids, focus: row.customerId })),
        below: ids.length ? [] : [t('analytics.noChurn')],
        actions: { tasks: winBack },
      };
    }
    return {
      ...base,
      header: table.header,
      rows: table.rows,
      segments: groups.map((g) => ({ code: g.code, label: g.label, customers: g.rows.map((x) => x.customerId) })),
      below: ['', ...churnTable(r, t, lists, names(repo), width, 12)],
      actions: { tasks: winBack },
    };
  },
};

/** The matrix as the course draws it: current value down the side, potential across. */
function kaismMatrix(t: T, counts: Record<KaismQuadrant, number>, width: number): string[] {
  const SW = Math.min(14, Math.floor(width / 4));
  const CW = Math.floor((width - SW) / 2);
  const cell = (q: KaismQuadrant) => fit(`${quadrantLabel(t, q)} ${counts[q]}`, CW);
  return [
    fit(`${fit('', SW)}${fit(t('analytics.potentialHigh'), CW)}${fit(t('analytics.potentialLow'), CW)}`, width),
    fit(`${fit(t('analytics.currentHigh'), SW)}${cell('key')}${cell('maintain')}`, width),
    fit(`${fit(t('analytics.currentLow'), SW)}${cell('develop')}${cell('opportunistic')}`, width),
  ];
}

const kaismTab: TabDef = {
  id: 'kaism',
  build: ({ repo, t, width, filter }): TabView => {
    const r = workspaceValue(repo, { ownerId: filter.ownerId });
    const table = tableLines(
      [
        { title: t('analytics.col.quadrant'), width: width >= 70 ? 16 : 14, drop: 0 },
        { title: t('analytics.col.customers'), width: 6, align: 'right', drop: 0 },
        { title: t('analytics.col.share'), width: 6, align: 'right', drop: 3 },
        { title: '', width: 8, bar: true, drop: 2 },
        { title: t('analytics.col.strategy'), width: 'flex', min: 8 },
      ],
      KAISM_QUADRANTS.map((q) => [quadrantLabel(t, q), r.quadrants[q], pct(share(r.quadrants[q], r.customers)), r.customers ? r.quadrants[q] / r.customers : 0, quadrantStrategy(t, q)]),
      width,
    );
    const segments = KAISM_QUADRANTS.map((q) => ({ code: q, label: quadrantLabel(t, q), customers: r.rows.filter((row) => row.quadrant === q).map((row) => row.customerId) }));
    return {
      head: [valueSummary(r, t)],
      header: table.header,
      rows: table.rows,
      segments,
      below: ['', ...kaismMatrix(t, r.quadrants, width)],
      about: valueExplain(t, r.settings),
      ignores: ['period'],
      actions: { tasks: followUpActions(repo, t, (seg) => `KAISM ${seg.label}: ${quadrantStrategy(t, seg.code as KaismQuadrant)}`) },
    };
  },
};

const ltvTab: TabDef = {
  id: 'ltv',
  build: ({ repo, t, width, filter }): TabView => {
    const r = workspaceValue(repo, { ownerId: filter.ownerId });
    const [header, ...rows] = valueTable(r, t, names(repo), width);
    const ids = r.rows.map((row) => row.customerId);
    return {
      head: [valueSummary(r, t)],
      header,
      rows,
      // each customer is a row: Enter opens them (Esc then lists all of them)
      segments: r.rows.map((row) => ({ code: row.customerId, label: `${row.customerId} ${sanitizeLine(names(repo).customer(row.customerId))}`, customers: ids, focus: row.customerId })),
      below: [],
      about: valueExplain(t, r.settings),
      ignores: ['period'],
      actions: {},
    };
  },
};

const kpiTab: TabDef = {
  id: 'kpi',
  build: ({ repo, t, asOf, width, filter }): TabView => {
    const r = workspaceKpi(repo, { asOf, ...filter });
    const [header, ...rows] = kpiTable(r, t, width);
    return {
      asOf: r.period.to,
      head: [t('analytics.kpiPeriod', { from: r.period.from, to: r.period.to, pfrom: r.previousPeriod.from, pto: r.previousPeriod.to })],
      header,
      rows,
      segments: [],
      below: [],
      about: [...kpiExplain(t, r), t('analytics.about.kpiKeys')],
      actions: {},
    };
  },
};

export const CARE_TABS = { churn: churnTab, kaism: kaismTab, ltv: ltvTab, kpi: kpiTab };
