// Screen 4, the sales funnel (syllabus ch. 8): move an opportunity through the stages to won and
// the chart follows; a lost one asks why; the screen fits 80 and 60 columns.
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { memoryStore } from '../../src/storage/store.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import type { Batch } from '../../src/services/ports.js';
import { displayWidth } from '../../src/text/width.js';
import { fenToGrouped } from '../../src/domain/money.js';
import { eastAsianWidthType } from 'get-east-asian-width';

/** The chart line of a stage: its count and its amount. */
function stageRow(frame: string, label: string) {
  const line = frame.split('\n').find((l) => l.startsWith(label) && /¥/.test(l));
  if (!line) throw new Error(`no chart line for ${label}\n${frame}`);
  const m = /^\S+(?: \S+)*?\s+(\d+)\s+¥([\d,]+)/.exec(line.replace(/^.*?(\s+\d+\s+¥)/, 'x$1'))!;
  return { count: Number(m[1]), line };
}
const weighted = (frame: string) => /(?:weighted|加权金额) ¥([\d,]+)/.exec(frame)![1];

/** A store whose commits wait until the test lets them through. */
function heldStore() {
  const store = memoryStore(loadDemoWorkspace());
  const held: { batch: Batch; done: () => void }[] = [];
  store.commit = (batch: Batch) => new Promise<void>((done) => held.push({ batch, done }));
  return { store, held };
}

async function openOpp(app: Awaited<ReturnType<typeof renderApp>>, id: string) {
  await press(app, 'screen.funnel', 'list.filter');
  await app.type(id);
  await press(app, 'filter.keep');
}

describe('<App /> funnel screen', () => {
  it('moves an opportunity forward to won: the counts, the weighted amount and the win rate follow, after "Saving..."', async () => {
    const { store, held } = heldStore();
    const ws = store.data;
    const opp = ws.opportunities.find((o) => o.stage === 'proposal')!;
    const app = await renderApp({ lang: 'en', store, ws });
    await openOpp(app, opp.id);
    const before = app.frame();
    expect(before).toContain('Sales funnel');
    const w0 = weighted(before);
    const proposal0 = stageRow(before, 'Proposal').count;
    const nego0 = stageRow(before, 'Negotiation').count;
    const won0 = stageRow(before, 'Won').count;
    const lost0 = stageRow(before, 'Lost').count;

    await press(app, 'funnel.forward');
    expect(ws.opportunities.find((o) => o.id === opp.id)).toMatchObject({ stage: 'negotiation', probability: 75 });
    expect(app.frame()).toContain('Saving...');
    expect(app.frame()).not.toContain('now at');
    expect(held).toHaveLength(1);
    expect(held[0].batch.by).toBe('admin');
    held[0].done();
    await app.press();
    await new Promise((r) => setTimeout(r, 30));
    expect(app.frame()).toContain(`${opp.id} now at Negotiation (75%)`);
    let f = app.frame();
    expect(stageRow(f, 'Proposal').count).toBe(proposal0 - 1);
    expect(stageRow(f, 'Negotiation').count).toBe(nego0 + 1);
    // its weight went from 50% to 75% of its amount
    const num = (s: string) => Number(s.replace(/,/g, ''));
    expect(num(weighted(f)) - num(w0)).toBe(Math.round((opp.amount! * 25) / 100 / 100));

    // the last open stage: ] says what to do instead
    await press(app, 'funnel.forward');
    expect(app.frame()).toContain('w marks it won');

    await press(app, 'funnel.win');
    held[1].done();
    await app.press();
    await new Promise((r) => setTimeout(r, 30));
    f = app.frame();
    expect(f).toContain(`${opp.id} won`);
    expect(stageRow(f, 'Negotiation').count).toBe(nego0);
    expect(stageRow(f, 'Won').count).toBe(won0 + 1);
    expect(f).toContain(`win rate ${Math.round((100 * (won0 + 1)) / (won0 + 1 + lost0))}%`);
    // an open deal of ¥X at 50% left the weighted pipeline
    expect(num(weighted(f))).toBe(Math.round((num(w0) * 100 - opp.amount! * 0.5) / 100));
    const saved = ws.opportunities.find((o) => o.id === opp.id)!;
    expect(saved).toMatchObject({ stage: 'won', probability: 100 });
    expect(saved.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    app.unmount();
  });

  it('l asks why it was lost, from the list of reasons, and remembers the stage it was lost at', async () => {
    const ws = loadDemoWorkspace();
    const opp = ws.opportunities.find((o) => o.stage === 'needs')!;
    const app = await renderApp({ lang: 'zh-CN', ws });
    await openOpp(app, opp.id);
    const lost0 = stageRow(app.frame(), '输单').count;
    await press(app, 'funnel.lose');
    expect(app.frame()).toContain(`${opp.id} 输单的原因`);
    expect(app.frame()).toContain('选择了竞争对手');
    expect(ws.opportunities.find((o) => o.id === opp.id)!.stage).toBe('needs');
    await app.type('竞争');
    await press(app, 'picker.pick');
    expect(ws.opportunities.find((o) => o.id === opp.id)).toMatchObject({ stage: 'lost', lostReason: 'competitor', lostStage: 'needs', probability: 0 });
    expect(app.frame()).toContain(`${opp.id} 已输单：选择了竞争对手`);
    expect(stageRow(app.frame(), '输单').count).toBe(lost0 + 1);
    // a lost one is not lost again; [ reopens it where it was lost
    await press(app, 'funnel.lose');
    expect(app.frame()).toContain('已赢单或输单');
    await press(app, 'funnel.back');
    expect(ws.opportunities.find((o) => o.id === opp.id)).toMatchObject({ stage: 'needs', probability: 25 });
    expect(ws.opportunities.find((o) => o.id === opp.id)!.lostReason).toBeUndefined();
    app.unmount();
  });

  it('Esc on the reasons changes nothing; Enter opens the opportunity', async () => {
    const ws = loadDemoWorkspace();
    const opp = ws.opportunities.find((o) => o.stage === 'prospecting')!;
    const app = await renderApp({ lang: 'en', ws });
    await openOpp(app, opp.id);
    await press(app, 'funnel.lose');
    await app.press(KEY.esc);
    expect(ws.opportunities.find((o) => o.id === opp.id)!.stage).toBe('prospecting');
    await press(app, 'list.open');
    expect(app.frame()).toContain(opp.name);
    expect(app.frame()).toContain('Expected close');
    app.unmount();
  });

  it('a sales rep sees and moves only their own opportunities (the Repo acts as them)', async () => {
    const ws = loadDemoWorkspace();
    const me = ws.employees.find((e) => e.login === 'wangqiang')!;
    const mine = ws.opportunities.filter((o) => o.ownerId === me.id);
    const app = await renderApp({ lang: 'en', ws, user: 'wangqiang' });
    await press(app, 'screen.funnel');
    expect(app.frame()).toContain(`Opportunities [all] ${mine.length} of ${mine.length}`);
    const shown = (s: string) => stageRow(app.frame(), s).count;
    expect(['Prospecting', 'Needs', 'Proposal', 'Negotiation', 'Won', 'Lost'].reduce((a, s) => a + shown(s), 0)).toBe(mine.length);
    const first = mine.find((o) => o.stage === 'prospecting' || o.stage === 'needs')!;
    await openOpp(app, first.id);
    await press(app, 'funnel.forward');
    expect(ws.opportunities.find((o) => o.id === first.id)!.stage).not.toBe(first.stage);
    app.unmount();
  });

  for (const [lang, cols] of [['zh-CN', 80], ['en', 80], ['zh-CN', 60], ['en', 60]] as const) {
    it(`fits ${cols} columns in ${lang}: no line wider, nothing cut with an ellipsis`, async () => {
      const app = await renderApp({ lang, cols, rows: 24 });
      await press(app, 'screen.funnel');
      const lines = app.lines();
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      expect(app.frame()).not.toContain('…');
      expect([...app.frame()].filter((ch) => eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous')).toEqual([]);
      // amounts with ¥ and thousands separators
      const total = app.ws.opportunities.filter((o) => o.stage === 'prospecting').reduce((a, o) => a + o.amount!, 0);
      expect(app.frame()).toContain(`¥${fenToGrouped(total, { whole: true })}`);
      app.unmount();
    });
  }
});
