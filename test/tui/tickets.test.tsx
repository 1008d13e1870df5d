// Screen 6, service tickets: the lab of syllabus ch. 9 with keys. A complaint is opened for a
// customer and taken through every handling step to closed, with recovery measures and their
// costs; it shows in the SLA view (due, then at the end once closed) and in the customer's
// history; a survey of its handling is scored per indicator. The views: by SLA with the overdue
// marked in words, mine, by category.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

describe('<App /> service tickets screen', () => {
  it('opens a complaint, walks it through every step to closed with recovery measures, shows it in the SLA view and the customer history', async () => {
    const app = await renderApp({ lang: 'zh-CN', cols: 100, rows: 60 });
    const { ws } = app;
    await press(app, 'screen.tickets');
    // the demo, read today: every unresolved ticket is past its SLA, marked so in words
    expect(app.frame()).toContain('服务工单 [按时限]');
    expect(app.frame()).toContain('未结 11 · 超时 7');
    const first = app.lines().find((l) => /W\d{4}/.test(l))!;
    expect(first).toContain('>');
    expect(first).toContain('W0003'); // the longest overdue first
    expect(first).toMatch(/!超时 \d+d/);

    // a new complaint for a customer starts at received
    await press(app, 'record.new');
    await app.type('早餐咖啡是凉的');
    await press(app, 'form.next');
    await app.type('C0002');
    await press(app, 'picker.pick', 'form.next');
    await app.type('投诉');
    await press(app, 'picker.pick', 'form.save');
    const opened = ws.tickets.at(-1)!;
    const id = opened.id;
    expect(opened).toMatchObject({ subject: '早餐咖啡是凉的', customerId: 'C0002', type: 'complaint', status: 'received' });
    expect(opened.steps).toHaveLength(1);
    expect(app.frame()).toContain('未结 12 · 超时 7');
    // in the SLA view: after the overdue ones, due within a day (medium severity)
    const row = () => app.lines().find((l) => l.includes(id))!;
    expect(row()).toMatch(/剩 2[34]h/);

    await press(app, 'list.filter');
    await app.type(id);
    await press(app, 'filter.keep');
    const rec = () => ws.tickets.find((t) => t.id === id)!;
    // the step's form opens on its note
    const step = async (note: string) => {
      await press(app, 'tickets.advance');
      await app.type(note);
      await press(app, 'form.save');
    };
    // its detail says when it is due, at a glance
    await press(app, 'list.open');
    expect(app.lines()[1]).toMatch(new RegExp(`服务工单 ${id} +SLA \\d\\d-\\d\\d \\d\\d:\\d\\d 剩 2[34]h +早餐咖啡是凉的`));
    await press(app, 'detail.back');
    await step('已向客人致歉，马上更换');
    expect(rec().status).toBe('acknowledged');
    await step('餐厅核实：保温壶故障');
    expect(rec().status).toBe('investigating');

    // resolving: the recovery, and its measures each with its cost, in the measures' editor
    await press(app, 'tickets.advance');
    await app.type('已更换咖啡并赠送早餐券');
    await press(app, 'form.next', 'form.next');
    await app.type('致歉并赠送早餐券');
    await press(app, 'form.next', 'form.enter', 'nested.add');
    await app.type('道歉');
    await press(app, 'nestedRow.next');
    await app.type('0');
    await press(app, 'nestedRow.accept', 'nested.add');
    await app.type('代金券');
    await press(app, 'nestedRow.next');
    await app.type('128');
    await press(app, 'nestedRow.next');
    await app.type('双人早餐券');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(rec()).toMatchObject({
      status: 'resolved', recovery: '致歉并赠送早餐券', recoveryCost: 12800,
      measures: [{ kind: 'apology', cost: 0 }, { kind: 'voucher', cost: 12800, note: '双人早餐券' }],
    });
    // m adds a measure later: the total follows, in fen
    await press(app, 'tickets.measures', 'nested.add');
    await app.type('points');
    await press(app, 'nestedRow.next');
    await app.type('20.50');
    await press(app, 'nestedRow.accept', 'nested.save');
    expect(rec().recoveryCost).toBe(14850);

    await step('电话回访，客人满意');
    await step('归档');
    expect(rec().status).toBe('closed');
    expect(app.frame()).toContain('未结 11 · 超时 7');
    // closed: a is refused
    await press(app, 'tickets.advance');
    expect(rec().status).toBe('closed');

    await press(app, 'list.open');
    let f = app.frame();
    expect(f).toContain('处理过程 (6)');
    expect(f).toContain('补救措施 (3)');
    expect(f).toMatch(/代金券 +128\.00 +双人早餐券/);
    expect(f).toMatch(/补救成本 +148\.50/);
    expect(f).toMatch(/已受理 +\d{4}-\d\d-\d\d \d\d:\d\d +admin +已向客人致歉/);
    const steps = rec().steps as { status: string; by: string }[];
    expect(steps.map((s) => s.status)).toEqual(['received', 'acknowledged', 'investigating', 'resolved', 'followedup', 'closed']);
    expect(steps.every((s) => s.by === 'admin')).toBe(true);

    // a survey of its handling, a score per indicator (by label or code)
    await press(app, 'tickets.survey', 'form.next', 'form.next', 'form.next', 'form.next', 'form.enter', 'nested.add');
    await app.type('感知质量');
    await press(app, 'nestedRow.next');
    await app.type('4');
    await press(app, 'nestedRow.accept', 'nested.add');
    await app.type('loyalty');
    await press(app, 'nestedRow.next');
    await app.type('5');
    await press(app, 'nestedRow.accept', 'nested.save', 'form.save');
    expect(ws.surveys.at(-1)).toMatchObject({ customerId: 'C0002', ticketId: id, scale: 5, scores: { quality: 4, loyalty: 5 } });

    // closed: at the end of the SLA view, with nothing due
    await press(app, 'detail.back', 'list.clearFilter', 'list.last');
    expect(row()).toContain('>');
    expect(row()).not.toMatch(/超时|剩/);

    // the customer's history: the ticket and the survey on the customer's record
    await press(app, 'screen.customers', 'list.filter');
    await app.type('C0002');
    await press(app, 'filter.keep', 'list.open');
    for (let i = 0; i < 6 && !app.frame().includes('满意度调查 ('); i++) await press(app, 'detail.nextSection');
    f = app.frame();
    expect(f).toMatch(/服务工单 \(\d+\)/);
    expect(f).toMatch(new RegExp(`${id} +\\d{4}-\\d\\d-\\d\\d +投诉 +已关闭 +早餐咖啡是凉的`));
    expect(f).toMatch(/满意度调查 \(\d+\)/);
    expect(f).toContain(ws.surveys.at(-1)!.id);
    app.unmount();
  });

  it('switches the views: by SLA, mine (the acting employee), by category with its counts, satisfaction', async () => {
    const ws = loadDemoWorkspace();
    const admin = ws.employees.find((e) => e.login === 'admin')!;
    ws.tickets.find((t) => t.id === 'W0002')!.ownerId = admin.id;
    const app = await renderApp({ ws, lang: 'en', cols: 80, rows: 24 });
    await press(app, 'screen.tickets');
    expect(app.frame()).toContain('Service tickets [by SLA]');
    expect(app.frame()).toMatch(/W0003 +!late \d+d/);
    await press(app, 'tickets.view');
    expect(app.frame()).toContain('[mine]');
    expect(app.frame()).toContain('[mine] 1 of 13');
    expect(app.frame()).toContain('W0002');
    expect(app.frame()).not.toContain('W0003');
    await press(app, 'tickets.view');
    expect(app.frame()).toContain('[by category]');
    expect(app.frame()).toMatch(/Open by category: Room & facilities \d/);
    const order = app.lines().map((l) => /W\d{4}/.exec(l)?.[0]).filter(Boolean);
    const cat = (id: string) => ws.tickets.find((t) => t.id === id)!.category ?? 'zz';
    const ranks = order.map((id) => ['room', 'service', 'fnb', 'billing', 'noise', 'other', 'zz'].indexOf(String(cat(id!))));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // satisfaction: the surveys summarised as a text chart, over the tickets whose handling was surveyed
    await press(app, 'tickets.view');
    expect(app.frame()).toContain('[satisfaction]');
    expect(app.frame()).toMatch(/\d+ surveys of \d+ customers · satisfaction index \d+\.\d \(0-100\)/);
    expect(app.frame()).toMatch(/Overall satisfaction +\d+ +\d+\.\d #+ +(\d+ +){4}\d+/);
    const surveyed = new Set(ws.surveys.map((v) => v.ticketId).filter(Boolean));
    const shown = app.lines().map((l) => /^[> ] (W\d{4})/.exec(l)?.[1]).filter(Boolean);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => surveyed.has(id))).toBe(true);
    for (const l of app.lines()) expect(l.length).toBeLessThanOrEqual(80);
    await press(app, 'tickets.view');
    expect(app.frame()).toContain('[by SLA]');
    for (const l of app.lines()) expect(l.length).toBeLessThanOrEqual(80);
    app.unmount();
  });
});
