// Screen 7, analytics (统计分析): one tab per model (statistics, pyramid, RFM, KAISM, lifetime
// value, churn warning, KPIs). j/k move between the segments of a tab, Enter lists a segment's
// customers (Enter again opens one, Esc comes back), t makes follow-up tasks for the segment and
// s writes it to the customers, both after a question. The figures come from the analytics
// services as the acting employee sees them; the line chart's module is loaded when first drawn.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { ScreenProps } from '../../screens.js';
import { RecordScreen } from '../records/RecordScreen.js';
import { TextField } from '../../components/TextField.js';
import { applyEditKey, selectAll, type EditState } from '../../text-edit.js';
import { displayWidth, fit, plainMarks, wrapText } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import type { Repo } from '../../../services/repo.js';
import { errorText, nameInLanguage, type MessageKey, type T } from '../../../i18n/index.js';
import { grantOf } from '../../../domain/permissions.js';
import { AnalyticsRefused } from '../../../services/analytics-base.js';
import { ANALYTICS_COMMANDS, AS_OF_COMMANDS, ASK_COMMANDS, PERIOD_COMMANDS, type AnalyticsCtx, type PromptCtx } from './commands.js';
import { TABS, tabTitle } from './tabs.js';
import { segmentListConfig } from './segment-list.js';
import type { ScreenFilter, TabSegment, TabView } from './tab-view.js';
import { Picker, type PickItem } from '../../components/Picker.js';
import { filterText, ownerChoices, parsePeriod, periodInput, reversedPeriod } from './filter.js';

type LineModule = typeof import('../../../presentation/line-chart.js');
// loaded once, on the first chart drawn (never at start: test/architecture/lazy-charts.test.ts)
let lineModule: LineModule | undefined;
let lineLoading: Promise<LineModule> | undefined;
const loadLineChart = () => (lineLoading ??= import('../../../presentation/line-chart.js').then((m) => (lineModule = m)));

type Mode =
  | { kind: 'chart' }
  | { kind: 'asOf' | 'period'; edit: EditState }
  | { kind: 'ask'; text: string; onYes: () => void }
  | { kind: 'pick'; title: string; items: PickItem[]; current?: string; onPick: (value: string) => void }
  | { kind: 'list'; segment: TabSegment };

interface Place {
  tab: number;
  /** per tab: the selected segment and the chart shown */
  sel: number[];
  chart: number[];
  asOf?: string;
  /** the owner and period every tab is narrowed to (o, p) */
  filter: ScreenFilter;
  /** RFM's F (f) */
  frequency: 'orders' | 'days';
}

// the owner picker's "every owner" item (no employee has this id)
const ALL_OWNERS = '*';

// the model the screen shows now, for the help overlay (?), which starts with its definition
const shown: { title?: MessageKey; about: string[] } = { about: [] };

/** The help overlay's first lines on screen 7: the definition of the model shown. */
export function analyticsAbout(t: T, width: number): string[] {
  if (!shown.title || !shown.about.length) return [];
  return [t('analytics.about', { model: t(shown.title) }), ...shown.about.flatMap((p) => wrapText(p, width)), ''];
}

// where the user was, kept while the app runs (screen 7 left for another and back)
const kept = new WeakMap<Repo, Place>();

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Whose figures these are: the acting employee and the scope of their customers. */
function scopeText(repo: Repo, t: T): string {
  const who = repo.whoActs();
  const scope = who.root ? 'all' : (grantOf(who.role, 'customers', 'view') ?? 'own');
  // "管理员 Admin" reads as 管理员 in Chinese and Admin in English, as elsewhere
  const name = who.employee ? nameInLanguage(t, String(who.employee.name ?? who.employee.login ?? '')) : '';
  return t('analytics.scope', { who: sanitizeLine(name || t('analytics.everyone')), scope: t(`perm.scope.${scope}` as 'perm.scope.all') });
}

export function AnalyticsScreen({ active, height, width }: ScreenProps) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [place, setPlaceState] = useState<Place>(() => kept.get(repo) ?? { tab: 2, sel: TABS.map(() => 0), chart: TABS.map(() => 0), filter: {}, frequency: 'orders' });
  // the latest place, also before it is drawn: j then Enter in one burst opens the row j reached
  // (moves do not wait for a frame, see use-keys)
  const placeRef = useRef(place);
  placeRef.current = place;
  const setPlace = (f: (p: Place) => Place) => {
    const next = f(placeRef.current);
    placeRef.current = next;
    kept.set(repo, next);
    setPlaceState(next);
  };
  const [mode, setMode] = useState<Mode>({ kind: 'chart' });
  const [, setLoaded] = useState(0);
  const tab = TABS[place.tab];

  const view: TabView | { error: string } = useMemo(() => {
    try {
      return tab.build({ repo, t, asOf: place.asOf, width, chart: place.chart[place.tab], filter: place.filter, frequency: place.frequency });
    } catch (e) {
      // a model the actor may not see (no view of orders) says why in its tab; the others keep working
      if (e instanceof AnalyticsRefused) return { error: errorText(t, 'customers', e.error) };
      return { error: e instanceof Error ? e.message : String(e) };
    }
    // repo.version: any change of the records redraws the figures
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, repo.version, t, place.asOf, width, place.tab, place.chart[place.tab], place.filter, place.frequency]);
  const raw: TabView = 'error' in view ? { head: [], rows: [], segments: [], below: [], about: [], actions: {} } : view;
  // plain mode: the reports' typographic marks (· → …) in ASCII too, not only the charts
  const tv: TabView = useMemo(() => (app.ascii ? plainView(raw) : raw), [raw, app.ascii]);
  shown.title = tabTitle(tab.id);
  shown.about = tv.about;
  const sel = Math.max(0, Math.min(place.sel[place.tab] ?? 0, tv.segments.length - 1));
  const segment = tv.segments[sel];

  useEffect(() => {
    if (tv.line && !lineModule) void loadLineChart().then(() => setLoaded((n) => n + 1));
  }, [tv.line]);

  const modeRef = useRef(mode);
  modeRef.current = mode;
  const ask = (text: string, onYes: () => void) => setMode({ kind: 'ask', text, onYes });
  // t on a row that is one customer (a mover, a churn warning) is for that customer alone
  const actOn = (seg: TabSegment): TabSegment => (seg.focus ? { code: seg.code, label: seg.label, customers: [seg.focus] } : seg);
  /** the row selected now (after any move not drawn yet) */
  const segNow = (): TabSegment | undefined => {
    const p = placeRef.current;
    return p.tab === place.tab ? tv.segments[Math.max(0, Math.min(p.sel[p.tab] ?? 0, tv.segments.length - 1))] : undefined;
  };
  const ctx: AnalyticsCtx = {
    view: tv,
    get segment() {
      return segNow();
    },
    charts: tab.charts ?? 1,
    cannotWrite: app.cannotWrite,
    refusedTasks: () => {
      const denied = repo.refused('create', 'tasks');
      return denied ? { say: (tt) => errorText(tt, 'tasks', denied) } : undefined;
    },
    refusedWrite: () => {
      const denied = repo.refused('edit', 'customers');
      return denied ? { say: (tt) => errorText(tt, 'customers', denied) } : undefined;
    },
    tab: (by) => setPlace((p) => ({ ...p, tab: (p.tab + by + TABS.length) % TABS.length })),
    move: (by) =>
      setPlace((p) => {
        const s = [...p.sel];
        const n = tv.segments.length;
        s[p.tab] = Math.max(0, Math.min(n - 1, (Number.isFinite(by) ? (s[p.tab] ?? 0) + by : by > 0 ? n - 1 : 0)));
        return { ...p, sel: s };
      }),
    chart: () =>
      setPlace((p) => {
        const c = [...p.chart];
        c[p.tab] = ((c[p.tab] ?? 0) + 1) % (tab.charts ?? 1);
        return { ...p, chart: c, sel: p.sel.map((x, i) => (i === p.tab ? 0 : x)) };
      }),
    open: () => {
      const segment = segNow();
      if (segment) setMode({ kind: 'list', segment });
    },
    asOf: () => setMode({ kind: 'asOf', edit: selectAll(place.asOf ?? tv.asOf ?? '') }),
    period: () => setMode({ kind: 'period', edit: selectAll(periodInput(place.filter)) }),
    owner: () => {
      const items: PickItem[] = [
        { value: ALL_OWNERS, label: t('analytics.allOwners') },
        ...ownerChoices(repo).map((e) => ({ value: e.id, label: `${e.id} ${sanitizeLine(nameInLanguage(t, e.name))} (${sanitizeLine(e.login)})`, keywords: e.name, name: e.name, person: true })),
      ];
      setMode({
        kind: 'pick',
        title: t('analytics.ownerTitle'),
        items,
        current: place.filter.ownerId ?? ALL_OWNERS,
        onPick: (v) => setPlace((p) => ({ ...p, filter: { ...p.filter, ownerId: v === ALL_OWNERS ? undefined : v }, sel: p.sel.map(() => 0) })),
      });
    },
    frequency: () => setPlace((p) => ({ ...p, frequency: p.frequency === 'orders' ? 'days' : 'orders' })),
    lose: () => {
      const lose = tv.lose;
      const segment = segNow();
      const id = segment?.focus;
      if (!lose || !segment || !id) return;
      setMode({
        kind: 'pick',
        title: t('analytics.loseTitle', { customer: segment.label }),
        items: lose.reasons.map((r) => ({ value: r.code, label: `${r.code} ${r.label}` })),
        onPick: (reason) => {
          const r = lose.run(id, reason);
          if ('error' in r) return app.notify(r.error, 'error');
          // said once the customer's lost stage is on disk
          app.changed(t('analytics.lostDone', { id, name: r.name, reason: r.reason }));
        },
      });
    },
    cannotLose: () => {
      const segment = segNow();
      if (!tv.lose) return 'analytics.noLose';
      if (!segment?.focus) return 'analytics.noCustomer';
      const rec = repo.get('customers', segment.focus);
      const denied = repo.refused('edit', 'customers', rec);
      return denied ? { say: (tt) => errorText(tt, 'customers', denied) } : undefined;
    },
    isRfm: tab.id === 'rfm',
    tasks: () => {
      const act = tv.actions.tasks;
      const segment = segNow();
      if (!act || !segment) return;
      const seg = actOn(segment);
      const count = act.count(seg);
      if (count === 0) return app.notify(t('analytics.tasksNone', { segment: seg.label }), 'info');
      ask(t('analytics.confirmTasks', { count, segment: seg.label }), () => {
        const r = act.run(seg);
        if ('error' in r) return app.notify(r.error, 'error');
        // said once the tasks are on disk
        app.changed(t('analytics.tasksDone', { count: r.created, skipped: r.skipped, segment: seg.label }));
      });
    },
    write: () => {
      const act = tv.actions.write;
      const segment = segNow();
      if (!act || !segment) return;
      const count = act.count(segment);
      if (count === 0) return app.notify(t('analytics.writeNone', { segment: segment.label }), 'info');
      ask(t('analytics.confirmWrite', { count, segment: segment.label }), () => {
        const r = act.run(segment);
        if ('error' in r) return app.notify(r.error, 'error');
        app.changed(t('analytics.writeDone', { count: r.written, segment: segment.label }));
      });
    },
  };
  const prompt: PromptCtx =
    mode.kind === 'period'
      ? {
          keep: () => {
            const m = modeRef.current;
            if (m.kind !== 'period') return;
            const period = parsePeriod(m.edit.text);
            if (!period) {
              const back = reversedPeriod(m.edit.text);
              return app.notify(back ? t('analytics.periodReversed', back) : t('analytics.periodBad', { value: sanitizeLine(m.edit.text.trim()) }), 'error');
            }
            setPlace((p) => ({ ...p, filter: { ownerId: p.filter.ownerId, ...period }, sel: p.sel.map(() => 0) }));
            setMode({ kind: 'chart' });
          },
          cancel: () => setMode({ kind: 'chart' }),
        }
      : mode.kind === 'asOf'
      ? {
          keep: () => {
            const m = modeRef.current;
            if (m.kind !== 'asOf') return;
            const text = m.edit.text.trim();
            if (text && !isDate(text)) return app.notify(t('analytics.asOfBad', { value: sanitizeLine(text) }), 'error');
            setPlace((p) => ({ ...p, asOf: text || undefined }));
            setMode({ kind: 'chart' });
          },
          cancel: () => setMode({ kind: 'chart' }),
        }
      : {
          keep: () => {
            const m = modeRef.current;
            setMode({ kind: 'chart' });
            if (m.kind === 'ask') m.onYes();
          },
          cancel: () => setMode({ kind: 'chart' }),
        };
  useCommands('screen', ANALYTICS_COMMANDS, ctx, { active: active && mode.kind === 'chart' });
  const typing = mode.kind === 'asOf' || mode.kind === 'period';
  useCommands('screen', mode.kind === 'asOf' ? AS_OF_COMMANDS : mode.kind === 'period' ? PERIOD_COMMANDS : ASK_COMMANDS, prompt, {
    active: active && (typing || mode.kind === 'ask'),
    modal: true,
    other: (input, key) => {
      const m = modeRef.current;
      if (m.kind === 'ask') {
        setMode({ kind: 'chart' });
        return true;
      }
      if (m.kind !== 'asOf' && m.kind !== 'period') return false;
      const next = applyEditKey(m.edit, input, key);
      if (next) setMode({ kind: m.kind, edit: next });
      return true;
    },
  });

  const segList = useMemo(
    () => (mode.kind === 'list' ? segmentListConfig(mode.segment, `${t(tabTitle(tab.id))} · ${mode.segment.focus ? t('analytics.theseCustomers') : mode.segment.label}`, () => setMode({ kind: 'chart' })) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mode, tab.id, t],
  );
  if (mode.kind === 'list' && segList) {
    return <RecordScreen key={`seg:${mode.segment.code}`} config={segList} active={active} height={height} width={width} />;
  }
  if (mode.kind === 'pick') {
    return (
      <Picker
        title={mode.title}
        items={mode.items}
        current={mode.current}
        height={height}
        width={width}
        onCancel={() => setMode({ kind: 'chart' })}
        onPick={(v) => {
          setMode({ kind: 'chart' });
          if (v !== undefined) mode.onPick(v);
        }}
      />
    );
  }

  const asOfShown = tv.asOf ? t('analytics.asOf', { date: tv.asOf }) : '';
  const bar = tabBar(TABS.map((d) => t(tabTitle(d.id))), place.tab, width - displayWidth(asOfShown) - 2);
  const lines: { text: string; bold?: boolean; color?: string; inverse?: boolean }[] = [];
  // whose figures, and the owner and period they are narrowed to (said for every tab)
  const filterShown = filterText(repo, t, place.filter, tv.ignores);
  const scope = scopeText(repo, t);
  if (!filterShown) lines.push({ text: fit(scope, width), color: theme.muted });
  else if (displayWidth(`${scope}; ${filterShown}`) <= width) lines.push({ text: fit(`${scope}; ${filterShown}`, width), color: theme.accent });
  else {
    lines.push({ text: fit(scope, width), color: theme.muted });
    for (const l of wrapText(filterShown, width).slice(0, 2)) lines.push({ text: fit(l, width), color: theme.accent });
  }
  // a line of figures too long for a narrow terminal goes on in a second line, never wraps by itself
  for (const h of tv.head) for (const l of wrapText(h, width).slice(0, 2)) lines.push({ text: fit(l, width) });
  if ('error' in view) lines.push({ text: fit(t('analytics.failed', { reason: sanitizeLine(view.error) }), width), color: theme.error });
  if (tv.header) lines.push({ text: fit(tv.header, width), bold: true });
  const bodyTop = lines.length;
  // the segment rows scroll when the tab has more than fit (the stats by owner of a big hotel)
  const footLines = 1;
  const belowRoom = Math.max(0, height - 1 - bodyTop - footLines);
  const rowRoom = Math.max(1, Math.min(tv.rows.length, belowRoom));
  const start = Math.max(0, Math.min(sel - Math.floor(rowRoom / 2), tv.rows.length - rowRoom));
  tv.rows.slice(start, start + rowRoom).forEach((r, i) => lines.push({ text: fit(r, width), inverse: start + i === sel && active }));
  let room = height - 1 - lines.length - footLines;
  for (const b of tv.below.slice(0, Math.max(0, room))) lines.push({ text: fit(b, width) });
  room = height - 1 - lines.length - footLines;
  if (tv.line && room >= 4) {
    const title = [tv.line.title, filterShown].filter(Boolean).join('  ');
    if (title) lines.push({ text: fit(title, width), bold: true });
    if (lineModule) {
      for (const l of lineModule.lineChart(tv.line.points, { width, height: room - 1, ascii: app.ascii, format: tv.line.format })) lines.push({ text: l });
    } else lines.push({ text: fit(t('analytics.drawing'), width), color: theme.muted });
  }
  while (lines.length < height - 1 - footLines) lines.push({ text: '' });
  const bottom =
    mode.kind === 'ask' ? (
      <Text color={theme.warn} bold wrap="truncate">{fit(mode.text, width)}</Text>
    ) : mode.kind === 'asOf' || mode.kind === 'period' ? (
      <Box>
        <Text color={theme.accent}>{t(mode.kind === 'asOf' ? 'analytics.asOfPrompt' : 'analytics.periodPrompt')}</Text>
        <TextField
          state={mode.edit}
          width={Math.max(4, Math.min(mode.kind === 'asOf' ? 12 : 24, width - displayWidth(t(mode.kind === 'asOf' ? 'analytics.asOfPrompt' : 'analytics.periodPrompt'))))}
          focused
          origin={{ x: displayWidth(t(mode.kind === 'asOf' ? 'analytics.asOfPrompt' : 'analytics.periodPrompt')), y: app.bodyTop + height - 1 }}
        />
      </Box>
    ) : (
      <Text color={theme.muted} wrap="truncate">{fit(!segment ? '' : segment.focus ? t('analytics.selectedOne', { segment: segment.label }) : t('analytics.selected', { segment: segment.label, count: segment.customers.length }), width)}</Text>
    );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box>
        {bar.map((b, i) => (
          <Text key={i} inverse={b.current} bold={b.current} color={b.current ? undefined : theme.muted}>{b.text}</Text>
        ))}
        <Box flexGrow={1} />
        <Text color={theme.accent}>{asOfShown}</Text>
      </Box>
      {lines.map((l, i) => (
        <Text key={i} bold={l.bold} color={l.color} inverse={l.inverse} wrap="truncate">{l.text || ' '}</Text>
      ))}
      {bottom}
    </Box>
  );
}

function plainView(v: TabView): TabView {
  const p = (ls: string[]) => ls.map(plainMarks);
  return { ...v, head: p(v.head), header: v.header === undefined ? undefined : plainMarks(v.header), rows: p(v.rows), below: p(v.below), about: p(v.about) };
}

/** The tabs within `room` columns: every title when they fit, else the current one with its
 *  neighbours' keys. */
export function tabBar(titles: string[], current: number, room: number): { text: string; current: boolean }[] {
  // the current one in brackets too: the tab shows without colour (NO_COLOR, a screen reader)
  const label = (x: string, on: boolean) => (on ? `[${x}]` : ` ${x} `);
  const all = titles.map((x, i) => ({ text: label(x, i === current), current: i === current }));
  if (all.reduce((a, x) => a + displayWidth(x.text), 0) <= room) return all;
  const mark = ` ${current + 1}/${titles.length} [ ] `;
  const cur = label(titles[current], true);
  return [{ text: fit(cur, Math.max(0, Math.min(displayWidth(cur), room - mark.length))), current: true }, { text: mark, current: false }];
}
