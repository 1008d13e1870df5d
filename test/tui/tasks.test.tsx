// The desk (screen 3): complete a task with a result and a need, put one off, and the counts
// follow; what a customer-relations employee does every morning (syllabus ch. 7).
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { Repo } from '../../src/services/repo.js';
import { todayIn } from '../../src/domain/care.js';

function deskWorkspace() {
  const ws = loadDemoWorkspace();
  // the demo's own desk is dated around its anchor: these three tasks are the whole desk here
  ws.tasks = [];
  const repo = new Repo(ws);
  const today = todayIn(new Date());
  const day = (n: number) => {
    const [y, m, d] = today.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  };
  const add = (subject: string, due: string) => {
    const r = repo.create('tasks', { subject, type: 'communication', status: 'open', customerId: 'C0002', due });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value.id;
  };
  const late = add('回访：入住体验', day(-2));
  const now = add('电话确认会议室', today);
  const soon = add('寄送生日贺卡', day(3));
  return { ws, ids: { late, now, soon }, today, day };
}

describe('<App /> tasks screen', () => {
  it('shows the desk overdue first with its counts; x completes with a result and a need; p puts one off', async () => {
    const { ws, ids, day } = deskWorkspace();
    const app = await renderApp({ ws, lang: 'zh-CN' });
    await press(app, 'screen.tasks');
    expect(app.frame()).toContain('逾期 1 · 今天 1 · 7天内 1');
    const rows = app.lines().filter((l) => /T\d{4}/.test(l));
    expect(rows.map((l) => /T\d{4}/.exec(l)![0])).toEqual([ids.late, ids.now, ids.soon]);
    expect(rows[0]).toContain('>');

    await press(app, 'tasks.complete');
    expect(app.frame()).toContain('已完成');
    await press(app, 'form.next');
    await app.type('已回访，客户满意');
    await press(app, 'form.next');
    await app.type('下次要无烟房');
    await press(app, 'form.save');
    const done = ws.tasks.find((t) => t.id === ids.late)!;
    expect(done).toMatchObject({ status: 'done', result: '已回访，客户满意', need: '下次要无烟房' });
    expect(app.frame()).toContain('逾期 0 · 今天 1 · 7天内 1');

    // a closed task is not put off
    await press(app, 'tasks.postponeDay');
    expect(ws.tasks.find((t) => t.id === ids.late)!.due).toBe(done.due);
    expect(app.frame()).toContain('已完成或已取消');

    await press(app, 'list.first', 'tasks.postponeWeek');
    expect(ws.tasks.find((t) => t.id === ids.now)!.due).toBe(day(7));
    expect(app.frame()).toContain('逾期 0 · 今天 0 · 7天内 2');
    app.unmount();
  });

  it('at start makes the care task of a birthday in 3 days, once: a second start makes none', async () => {
    const { ws, day } = deskWorkspace();
    const repo = new Repo(ws);
    const birth = `1988-${day(3).slice(5)}`;
    expect(repo.create('anniversaries', { customerId: 'C0005', kind: 'birthday', date: birth, remindDays: 7 }).ok).toBe(true);
    const careBefore = ws.tasks.filter((t) => t.type === 'care').length;
    const app = await renderApp({ ws, lang: 'zh-CN', careOnStart: true });
    // the records are checked in slices after the first frame; the care tasks come after that
    for (let i = 0; i < 500 && !app.frame().includes('关怀任务'); i++) await new Promise((r) => setTimeout(r, 10));
    const made = ws.tasks.filter((t) => t.type === 'care');
    expect(made.length).toBeGreaterThan(careBefore);
    expect(made.find((t) => t.customerId === 'C0005' && t.due === day(3))).toBeTruthy();
    expect(app.frame()).toContain('关怀任务');
    app.unmount();
    const again = await renderApp({ ws, lang: 'zh-CN', careOnStart: true });
    await again.store.validate();
    await new Promise((r) => setTimeout(r, 50));
    expect(ws.tasks.filter((t) => t.type === 'care')).toHaveLength(made.length);
    again.unmount();
  });
});

describe('<App /> tasks screen: upcoming anniversaries', () => {
  it('counts the birthdays and anniversaries of the coming 7 days; a lists them soonest first and Enter opens the customer', async () => {
    const { ws, day } = deskWorkspace();
    const repo = new Repo(ws);
    // only anniversaries the test places: in 3 days (C0005), today (C0002's contact), in 10 days (beyond the week)
    ws.anniversaries = [];
    const ann = (customerId: string, n: number, kind: string, contactId?: string) => {
      const r = repo.create('anniversaries', { customerId, contactId, kind, date: `1980-${day(n).slice(5)}`, remindDays: 0 });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    };
    const contact = ws.contacts.find((c) => ws.customers.some((x) => x.id === c.customerId && x.id !== 'C0005' && x.id !== 'C0007'))!;
    const owner = String(contact.customerId);
    ann('C0005', 3, 'wedding');
    ann(owner, 0, 'birthday', contact.id);
    ann('C0007', 10, 'birthday');
    const app = await renderApp({ ws, lang: 'zh-CN' });
    await press(app, 'screen.tasks');
    expect(app.frame()).toContain('纪念日 2');
    await press(app, 'tasks.anniversaries');
    const frame = app.frame();
    expect(frame).toContain('未来 7 天的生日和纪念日（2）');
    const lines = app.lines();
    const today = lines.findIndex((l) => l.includes('今天') && l.includes('生日'));
    const soon = lines.findIndex((l) => l.includes('3天后') && l.includes('结婚纪念日'));
    expect(today).toBeGreaterThan(-1);
    expect(soon).toBeGreaterThan(today);
    expect(lines[today]).toContain(String(contact.name));
    expect(frame).not.toContain('C0007');
    // the first is today's: Enter opens its customer's record
    await press(app, 'picker.pick');
    expect(app.frame()).toContain(String(ws.customers.find((c) => c.id === owner)!.name));
    expect(app.frame()).toContain(owner);
    app.unmount();

    // a week with none says so
    ws.anniversaries = [];
    const empty = await renderApp({ ws, lang: 'en' });
    await press(empty, 'screen.tasks');
    expect(empty.frame()).toContain('anniversaries 0');
    await press(empty, 'tasks.anniversaries');
    expect(empty.frame()).toContain('No birthday or anniversary in the coming 7 days');
    empty.unmount();
  });
});

describe('<App /> tasks screen: hour and priority', () => {
  it('a new task with an hour and high priority is marked ! and sorted before the untimed ones of its day; a bad hour is refused', async () => {
    const { ws, today } = deskWorkspace();
    const app = await renderApp({ ws, lang: 'zh-CN' });
    await press(app, 'screen.tasks', 'record.new');
    await app.type('电话确认婚宴菜单');
    // 类型, 方式, 客户, 联系人, 负责人, 截止日期 keep their defaults; then 时间 and 优先级
    for (const _ of ['type', 'channel', 'customerId', 'contactId', 'ownerId', 'due']) await press(app, 'form.next');
    await app.type(today);
    await press(app, 'form.next');
    await app.type('25:00');
    await press(app, 'form.next');
    await app.type('高');
    await press(app, 'picker.pick', 'form.save');
    expect(app.frame()).toContain('不是时间');
    expect(ws.tasks.some((t) => t.subject === '电话确认婚宴菜单')).toBe(false);
    // the form stays on 时间: clear the bad hour and type another
    expect(app.lines().find((l) => l.startsWith('>'))).toMatch(/^>时间\s+25:00/);
    await app.press(KEY.ctrlU);
    await app.type('09:30');
    await press(app, 'form.save');
    const made = ws.tasks.find((t) => t.subject === '电话确认婚宴菜单')!;
    expect(made).toMatchObject({ due: today, dueTime: '09:30', priority: 'high' });
    const rows = app.lines().filter((l) => /T\d{4}/.test(l));
    const mine = rows.findIndex((l) => l.includes('! 电话确认婚宴菜单'));
    expect(rows[mine]).toContain(`${today} 09:30`);
    // before the task of the same day that has no hour
    expect(mine).toBeLessThan(rows.findIndex((l) => l.includes('电话确认会议室')));
    app.unmount();
  });
});
