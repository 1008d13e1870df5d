// Screen 4, the sales funnel (销售漏斗, syllabus ch. 8): the chart of the stages above the list of
// opportunities; ] and [ move the selected one a stage, w wins it, l loses it with a reason.
// Every change goes through the Repo as the acting employee, and says so once it is on disk.
import { byCode } from '../../domain/compare.js';
import { filterOpps, funnelReport, isClosedStage, losePatch, stageMove, winPatch, type FunnelOpp } from '../../domain/funnel.js';
import { todayIn } from '../../domain/care.js';
import { copyLines } from '../../domain/line-items.js';
import { offeredValues } from '../../domain/values.js';
import type { EntityRecord } from '../../domain/workspace.js';
import { errorText, valueLabelT, type MessageKey, type T } from '../../i18n/index.js';
import type { Repo } from '../../services/repo.js';
import { localDay, stageList } from '../../services/funnel.js';
import { funnelChart, funnelSummary, yuan } from '../../presentation/funnel.js';
import { displayWidth, fit } from '../../text/width.js';
import type { ListView, ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, type RecordCommand, type RecordCtx } from './records/commands.js';
import { VIEW_LEADS } from './leads.js';
import { ORDER_FORM } from './orders.js';

const hasLines = (o: EntityRecord) => Array.isArray(o.items) && o.items.length > 0;
const today = () => todayIn(new Date());
const opp = (r: EntityRecord) => r as unknown as FunnelOpp;

const MOVE_REFUSED: Record<string, MessageKey> = { closed: 'funnel.closed', first: 'funnel.first', last: 'funnel.last', unknownStage: 'funnel.unknownStage' };

function save(c: RecordCtx, patch: Record<string, unknown>, done: (rec: EntityRecord) => string) {
  const { repo, t } = c.app;
  const id = c.record!.id;
  const r = repo.update('opportunities', id, patch);
  if (!r.ok) return c.app.notify(r.errors.map((e) => errorText(t, 'opportunities', e, repo.ws.valueLists)).join('; '), 'error');
  c.app.changed(done(r.value));
}

const stageName = (repo: Repo, t: T, code: unknown) => valueLabelT(t, repo.ws.valueLists, 'oppStage', String(code));

function move(dir: 1 | -1): Pick<RecordCommand, 'run' | 'unavailable'> {
  return {
    unavailable: (c) => {
      const why = needsBoth(c);
      if (why) return why;
      const m = stageMove(opp(c.record!), dir, stageList(c.app.repo));
      return 'refused' in m ? MOVE_REFUSED[m.refused] : undefined;
    },
    run: (c) => {
      const m = stageMove(opp(c.record!), dir, stageList(c.app.repo));
      if ('refused' in m) return;
      const { repo, t } = c.app;
      save(c, m.patch, (rec) => t('funnel.moved', { id: rec.id, stage: stageName(repo, t, rec.stage), pct: String(rec.probability ?? '') }));
    },
  };
}

const needsOpen = (c: RecordCtx): MessageKey | undefined => needsBoth(c) ?? (isClosedStage(String(c.record!.stage)) ? 'funnel.notOpen' : undefined);

const needsWon = (c: RecordCtx): MessageKey | undefined => needsBoth(c) ?? (c.record!.stage === 'won' ? undefined : 'funnel.notWon');

/** The order of a won deal, as a form to check: its customer, the opportunity, the deal's product
 *  lines (product, quantity, price, discount) or, when it has none, one line of its amount (the
 *  person adds the stay or splits the lines), the customer's active contract. */
function orderFromOpportunity(c: RecordCtx): void {
  const { repo, t } = c.app;
  const o = c.record!;
  const contract = repo.all('contracts').find((k) => k.customerId === o.customerId && (k.opportunityId === o.id || k.status === 'active'));
  const preset: Record<string, unknown> = {
    customerId: o.customerId, opportunityId: o.id, date: today(), type: 'mice', ownerId: o.ownerId,
    items: hasLines(o) ? copyLines(o.items) : o.amount ? [{ description: String(o.name).slice(0, 200), qty: 1, unitPrice: Number(o.amount) }] : [],
    ...(contract ? { contractId: contract.id } : {}),
  };
  c.setMode({ kind: 'form', entity: 'orders', preset, fields: ORDER_FORM, back: c.back });
  c.app.notify(t('orders.fromOpportunity', { id: o.id }), 'ok');
}

const COMMANDS: RecordCommand[] = [
  { id: 'funnel.forward', keys: [']'], description: 'help.funnelForward', footer: { label: 'hint.funnelMove', drop: 3 }, ...move(1) },
  { id: 'funnel.back', keys: ['['], description: 'help.funnelBack', footer: { label: 'hint.funnelMove', drop: 3 }, ...move(-1) },
  {
    id: 'funnel.win',
    keys: ['w'],
    description: 'help.funnelWin',
    footer: { label: 'hint.funnelWin', drop: 2 },
    unavailable: needsOpen,
    run: (c) => save(c, winPatch(today()), (rec) => c.app.t('funnel.wonDone', { id: rec.id })),
  },
  {
    id: 'funnel.lose',
    keys: ['l'],
    description: 'help.funnelLose',
    footer: { label: 'hint.funnelLose', drop: 2 },
    unavailable: needsOpen,
    run: (c) => {
      const { repo, t } = c.app;
      const rec = c.record!;
      const lang = t.lang === 'en' ? 'en' : 'zh';
      const reasons = offeredValues(repo.ws.valueLists, 'lostReason', rec.lostReason);
      c.setMode({
        kind: 'pick',
        title: t('funnel.lostTitle', { id: rec.id }),
        current: rec.lostReason as string | undefined,
        items: reasons.map((v) => ({ value: v.code, label: v[lang], keywords: lang === 'en' ? v.zh : v.en })),
        onPick: (reason) => {
          // the record as it is when the reason is picked
          const now = repo.get('opportunities', rec.id);
          if (!now) return;
          save({ ...c, record: now }, losePatch(opp(now), reason, today()), (r) => t('funnel.lostDone', { id: r.id, reason: valueLabelT(t, repo.ws.valueLists, 'lostReason', reason) }));
        },
        back: c.back,
      });
    },
  },
  VIEW_LEADS,
  { id: 'funnel.view', keys: ['V'], in: ['list'], description: 'help.funnelView2', footer: { label: 'hint.funnelView2', drop: 4 }, run: (c) => c.nextView() },
  { id: 'funnel.order', keys: ['o'], description: 'help.funnelOrder', footer: { label: 'hint.funnelOrder', drop: 2 }, unavailable: needsWon, run: orderFromOpportunity },
];

/** Funnel order: the stages as the list has them, the biggest deals first within a stage. */
function funnelOrder(recs: EntityRecord[], stages: string[]): EntityRecord[] {
  const rank = (r: EntityRecord) => {
    const i = stages.indexOf(String(r.stage));
    return i < 0 ? stages.length : i;
  };
  return [...recs].sort((a, b) => rank(a) - rank(b) || Number(b.amount ?? 0) - Number(a.amount ?? 0) || byCode(a.id, b.id));
}

/** The head line (the figures on the right when they fit) and the chart above the list: the
 *  funnel of the opportunities the list shows (its view, and what `/` filtered: an owner's name,
 *  a customer). */
// the chart is made once per change of the records or of the rows shown, not on every key that
// moves the selection
let drawn: { repo: Repo; version: number; rows: EntityRecord[]; t: T; width: number; lines: string[] } | undefined;
function banner(repo: Repo, t: T, width: number, rows: EntityRecord[]): string[] {
  if (drawn && drawn.repo === repo && drawn.version === repo.version && drawn.rows === rows && drawn.t === t && drawn.width === width) return drawn.lines;
  const lines = chartLines(repo, t, width, rows);
  drawn = { repo, version: repo.version, rows, t, width, lines };
  return lines;
}

function chartLines(repo: Repo, t: T, width: number, rows: EntityRecord[]): string[] {
  const r = funnelReport(rows as unknown as FunnelOpp[], stageList(repo), localDay);
  const head = t('funnel.title');
  const summary = funnelSummary(r, t);
  const room = width - displayWidth(head) - displayWidth(summary);
  return [fit(`${head}${' '.repeat(Math.max(2, room))}${summary}`, width), ...funnelChart(r, t, repo.ws.valueLists, width)];
}

const myEmployeeId = (repo: Repo) => {
  const me = repo.actorLogin.toLowerCase();
  return repo.all('employees').find((e) => String(e.login).toLowerCase() === me)?.id;
};

/** the period of the recent view: opportunities created in the last 90 days */
const RECENT_DAYS = 90;

const inFunnelOrder = (recs: EntityRecord[], repo: Repo) => funnelOrder(recs, stageList(repo).map((v) => v.code));

/** The funnel of all the opportunities shown, of the acting employee's, of the last 90 days' (v). */
const VIEWS: ListView[] = [
  { id: 'all', label: 'funnel.viewAll', rows: inFunnelOrder, banner: (repo, t, width, rows) => banner(repo, t, width, rows) },
  {
    id: 'mine',
    label: 'funnel.viewMine',
    rows: (recs, repo) => {
      const me = myEmployeeId(repo);
      return inFunnelOrder(recs.filter((r) => me !== undefined && r.ownerId === me), repo);
    },
    banner: (repo, t, width, rows) => banner(repo, t, width, rows),
  },
  {
    id: 'recent',
    label: 'funnel.viewRecent',
    rows: (recs, repo) => {
      const from = todayIn(new Date(Date.now() - RECENT_DAYS * 86_400_000));
      return inFunnelOrder(filterOpps(recs as unknown as (FunnelOpp & EntityRecord)[], { from }, localDay), repo);
    },
    banner: (repo, t, width, rows) => banner(repo, t, width, rows),
  },
];

export const funnelConfig: ScreenConfig = {
  entity: 'opportunities',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'name', title: t.lang === 'en' ? 'Opportunity' : '机会名称', width: 'flex', minWidth: 10 },
    { key: 'stage', title: t.lang === 'en' ? 'Stage' : '阶段', width: width >= 80 ? 12 : 8 },
    { key: 'amount', title: t.lang === 'en' ? 'Amount' : '金额', width: 10, align: 'right' },
    ...(width >= 80
      ? [
          { key: 'probability', title: '%', width: 3, align: 'right' as const },
          { key: 'expectedClose', title: t.lang === 'en' ? 'Close' : '预计成交', width: 10 },
        ]
      : []),
    { key: 'ownerId', title: t.lang === 'en' ? 'Owner' : '负责人', width: 6 },
  ],
  searchFields: ['id', 'name', 'customerId', 'ownerId', 'notes'],
  sortFields: ['stage', 'id', 'amount', 'expectedClose', 'ownerId', 'updatedAt'],
  // the first sort is the funnel's order (by stage, not by the stage's name), in each view
  views: VIEWS,
  cell: (key, rec) => (key === 'amount' ? (rec.amount === undefined ? '' : yuan(Number(rec.amount))) : key === 'expectedClose' && isClosedStage(String(rec.stage)) ? String(rec.closedOn ?? '') : undefined),
  formFields: (entity) => (entity === 'opportunities' ? ['name', 'customerId', 'stage', 'amount', 'probability', 'expectedClose', 'ownerId', 'leadId', 'lostReason', 'closeReason', 'closedOn', 'notes', 'items'] : undefined),
  commands: COMMANDS,
};
