// The sales funnel (销售漏斗, syllabus ch. 8): where the opportunities are, how many get from one
// stage to the next, what the open ones are worth weighted by their chance. Pure: the shells
// pass the records, the stage list and the day of creation of a record.
//
// Definitions (a snapshot funnel: the workspace keeps no history of stage moves):
// - an opportunity has REACHED an open stage when it is now at that stage or a later one;
//   a won one has reached every open stage; a lost one has reached the stage it was lost at
//   (`lostStage`, set when it is marked lost in the app), or only the first stage when that is
//   not known.
// - the conversion of a stage is reached(stage) / reached(previous stage); of won:
//   won / reached(last open stage). The first stage has none.
// - weighted pipeline: the sum over OPEN opportunities of amount x probability %, with the
//   stage's default probability when none is set; rounded to the fen once, at the end.
// - win rate: won / (won + lost). Cycle: days from creation to `closedOn`, over won ones.
// - period: the opportunities CREATED from `from` to `to` (both days included), a cohort.
import type { ValueItem } from './values.js';

export const WON = 'won';
export const LOST = 'lost';

/** Each hotel default stage's probability of closing, in %: a move to the stage sets it. */
export const STAGE_PROBABILITY: Readonly<Record<string, number>> = {
  prospecting: 10,
  needs: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

export interface FunnelOpp {
  id: string;
  stage: string;
  amount?: number;
  probability?: number;
  ownerId?: string;
  createdAt?: string;
  closedOn?: string;
  lostStage?: string;
}

export interface FunnelFilter {
  /** employee id */
  ownerId?: string;
  /** YYYY-MM-DD, both included, on the day of creation */
  from?: string;
  to?: string;
}

export interface StageRow {
  stage: string;
  /** opportunities now at this stage, and their amount in fen */
  count: number;
  amount: number;
  /** opportunities that reached it (open stages and won; lost: undefined) */
  reached?: number;
  /** % from the previous stage, one decimal; undefined for the first stage, lost, or 0/0 */
  conversionPct?: number;
  /** the stage's default probability % */
  probability?: number;
}

export interface FunnelReport {
  stages: StageRow[];
  total: number;
  open: { count: number; amount: number };
  /** fen */
  weighted: number;
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  winRatePct?: number;
  /** won ones with a close date: their mean days from creation to close, one decimal */
  avgCycleDays?: number;
  /** won / all: how many of what entered the funnel were won */
  overallPct?: number;
}

/** The open stages of a stage list, in order (every stage but won and lost). */
export const openStages = (list: readonly ValueItem[]): string[] => list.map((v) => v.code).filter((c) => c !== WON && c !== LOST);

export const isClosedStage = (stage: string) => stage === WON || stage === LOST;

export const defaultProbability = (stage: string): number | undefined => STAGE_PROBABILITY[stage];

/** The stage's probability as the workspace's stage list sets it (settings may change it). */
export const stageProbabilityIn = (stageList: readonly ValueItem[], stage: string): number | undefined =>
  stageList.find((v) => v.code === stage)?.probability ?? defaultProbability(stage);

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : undefined);

const dayNumber = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The opportunities of an owner, created in a period. */
export function filterOpps<O extends FunnelOpp>(opps: readonly O[], f: FunnelFilter, dayOf: (iso: string) => string): O[] {
  return opps.filter((o) => {
    if (f.ownerId && o.ownerId !== f.ownerId) return false;
    if (f.from || f.to) {
      if (!o.createdAt) return false;
      const d = dayOf(o.createdAt);
      if (f.from && d < f.from) return false;
      if (f.to && d > f.to) return false;
    }
    return true;
  });
}

export function funnelReport(opps: readonly FunnelOpp[], stageList: readonly ValueItem[], dayOf: (iso: string) => string = (s) => s.slice(0, 10)): FunnelReport {
  const open = openStages(stageList);
  const k = open.length;
  const now = new Map<string, { count: number; amount: number }>();
  for (const v of stageList) now.set(v.code, { count: 0, amount: 0 });
  const reached = new Array<number>(k).fill(0);
  let weighted100 = 0;
  const cycles: number[] = [];
  for (const o of opps) {
    const amount = o.amount ?? 0;
    const cell = now.get(o.stage) ?? { count: 0, amount: 0 };
    cell.count++;
    cell.amount += amount;
    now.set(o.stage, cell);
    let rank: number;
    if (o.stage === WON) rank = k;
    else if (o.stage === LOST) rank = Math.max(0, o.lostStage ? open.indexOf(o.lostStage) : 0);
    else rank = Math.max(0, open.indexOf(o.stage));
    for (let i = 0; i < Math.min(rank + 1, k); i++) reached[i]++;
    if (!isClosedStage(o.stage)) weighted100 += amount * (o.probability ?? stageProbabilityIn(stageList, o.stage) ?? 0);
    if (o.stage === WON && o.closedOn && o.createdAt) cycles.push(dayNumber(o.closedOn) - dayNumber(dayOf(o.createdAt)));
  }
  const won = now.get(WON) ?? { count: 0, amount: 0 };
  const lost = now.get(LOST) ?? { count: 0, amount: 0 };
  const stages: StageRow[] = stageList.map((v) => {
    const c = now.get(v.code)!;
    const row: StageRow = { stage: v.code, count: c.count, amount: c.amount, probability: stageProbabilityIn(stageList, v.code) };
    const i = open.indexOf(v.code);
    if (i >= 0) {
      row.reached = reached[i];
      if (i > 0) row.conversionPct = pct(reached[i], reached[i - 1]);
    } else if (v.code === WON) {
      row.reached = won.count;
      if (k > 0) row.conversionPct = pct(won.count, reached[k - 1]);
    }
    return row;
  });
  const openCount = opps.length - won.count - lost.count;
  const openAmount = stages.filter((s) => !isClosedStage(s.stage)).reduce((a, s) => a + s.amount, 0);
  return {
    stages,
    total: opps.length,
    open: { count: openCount, amount: openAmount },
    // fen x % summed exactly, then to fen once, half away from zero
    weighted: Math.sign(weighted100) * Math.round(Math.abs(weighted100) / 100),
    won,
    lost,
    winRatePct: pct(won.count, won.count + lost.count),
    avgCycleDays: cycles.length ? Math.round((cycles.reduce((a, b) => a + b, 0) / cycles.length) * 10) / 10 : undefined,
    overallPct: pct(won.count, opps.length),
  };
}

export type MoveResult = { patch: Record<string, unknown> } | { refused: 'closed' | 'first' | 'last' | 'unknownStage' };

/** A move a stage forward (+1) or back (-1) among the open stages; the probability becomes the
 *  new stage's default. Back from won or lost reopens it at the last open stage (lost: the stage
 *  it was lost at), clearing the close. Forward stops at the last open stage: w wins, l loses. */
export function stageMove(o: FunnelOpp, dir: 1 | -1, stageList: readonly ValueItem[]): MoveResult {
  const open = openStages(stageList);
  if (isClosedStage(o.stage)) {
    if (dir === 1) return { refused: 'closed' };
    const back = o.stage === LOST && o.lostStage && open.includes(o.lostStage) ? o.lostStage : open[open.length - 1];
    if (!back) return { refused: 'unknownStage' };
    return { patch: { stage: back, probability: stageProbabilityIn(stageList, back), closedOn: undefined, lostReason: undefined, lostStage: undefined } };
  }
  const i = open.indexOf(o.stage);
  if (i < 0) return { refused: 'unknownStage' };
  const j = i + dir;
  if (j < 0) return { refused: 'first' };
  if (j >= open.length) return { refused: 'last' };
  return { patch: { stage: open[j], probability: stageProbabilityIn(stageList, open[j]) } };
}

/** Marks won on `today`. */
export const winPatch = (today: string): Record<string, unknown> => ({ stage: WON, probability: 100, closedOn: today, lostReason: undefined, lostStage: undefined });

/** Marks lost on `today` for a reason, remembering the stage it was lost at. */
export function losePatch(o: FunnelOpp, reason: string, today: string): Record<string, unknown> {
  return { stage: LOST, probability: 0, closedOn: today, lostReason: reason, lostStage: isClosedStage(o.stage) ? o.lostStage : o.stage };
}
