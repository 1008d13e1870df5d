// Every line fits the terminal at every width the app supports: the customers and contacts
// lists and a customer's detail, in both languages, normal and plain (--ascii) mode. A line
// one column too wide wraps, and the wrapped line pushes the status and key bars off screen.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { displayWidth } from '../../src/text/width.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { makeT, type Lang } from '../../src/i18n/index.js';
import { SCREENS } from '../../src/tui/screens.js';
import { screenBar } from '../../src/tui/App.js';
import { Repo } from '../../src/services/repo.js';
import { generateCareTasks } from '../../src/services/care.js';

/** The screen bar as the app lays it out at this width (customers shown), without its padding. */
function topBar(lang: Lang, cols: number): string {
  const t = makeT(lang);
  const ws = workspace();
  const b = screenBar(SCREENS.map((x) => ({ key: x.key, title: t(x.title) })), 0, lang === 'en' ? ws.organisation.nameEn! : ws.organisation.name, cols);
  const left = `${b.brand ? 'hotel-crm ' : ''}${b.tabs.join('')}`;
  return `${left}${' '.repeat(Math.max(0, cols - displayWidth(left) - displayWidth(b.org)))}${b.org}`.trimEnd();
}

const WIDTHS = [...Array.from({ length: 31 }, (_, i) => 60 + i), ...Array.from({ length: 11 }, (_, i) => 100 + i * 10)];
const ROWS = 20;

// the longest customer name (a detail's title) and a contact of a customer with one
function workspace() {
  const ws = loadDemoWorkspace();
  ws.customers[0].name = '浙江省杭州市西湖区湖滨路八十八号国际会议中心大酒店管理有限公司';
  // a related line of the detail names a contact in full
  const ann = ws.anniversaries.find((a) => a.customerId === 'C0001' && a.contactId);
  const contact = ws.contacts.find((c) => c.id === ann?.contactId);
  if (contact) contact.name = '欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜';
  // the hotel's name is in the top bar beside the screens
  ws.organisation.name = '杭州西湖国际会议中心大酒店有限公司湖滨路分店';
  ws.organisation.nameEn = 'West Lake International Convention Centre Grand Hotel, Lakeside Branch';
  // the delete question: a customer with orders is not deleted (its orders name it), so C0001 has none here
  ws.orders = ws.orders.filter((o) => o.customerId !== 'C0001');
  ws.contracts = ws.contracts.filter((k) => k.customerId !== 'C0001');
  return ws;
}

// 'filtered': the list with a kept filter and the longest sort label in the head line
// 'confirm': the delete question of the detail, which names the record and what goes with it
// 'related': the detail scrolled down to its related contacts and anniversaries
type View = 'customers' | 'filtered' | 'contacts' | 'detail' | 'related' | 'confirm';

async function sweep(lang: Lang, ascii: boolean, view: View) {
  const app = await renderApp({ ws: workspace(), lang, ascii, cols: WIDTHS[0], rows: ROWS });
  if (view === 'contacts') await app.press('2');
  if (view === 'detail' || view === 'related' || view === 'confirm') await press(app, 'list.open');
  // down until the anniversary row is on screen (more lists follow it: orders, points …)
  if (view === 'related') for (let i = 0; i < 60 && !app.frame().includes('1977-01-15'); i++) await press(app, 'detail.down');
  if (view === 'confirm') await press(app, 'record.delete');
  if (view === 'filtered') {
    await press(app, 'list.sort', 'list.sort', 'list.sort', 'list.sort', 'list.reverse', 'list.filter');
    await app.type('客户来源:网络 c0');
    await press(app, 'filter.keep');
  }
  const bad: string[] = [];
  for (const cols of WIDTHS) {
    await app.resize(cols, ROWS);
    const lines = app.lines();
    if (lines.length > ROWS) bad.push(`${cols}: ${lines.length} lines`);
    if (view === 'confirm' && !app.frame().includes('(y/N)')) bad.push(`${cols}: the delete question is cut`);
    // the frame is the one drawn for this width: a line spans it, or (where the hotel's name
    // does not fit beside the screens' tabs, and Ink drops the padding) the top bar is this width's
    if (!lines.some((l) => displayWidth(l) === cols) && lines[0]?.trimEnd() !== topBar(lang, cols)) bad.push(`${cols}: no line as wide as the terminal`);
    for (const l of lines) {
      if (displayWidth(l) > cols) bad.push(`${cols}: ${displayWidth(l)} columns: ${l}`);
      if (ascii && l.includes('…')) bad.push(`${cols}: an ellipsis in plain mode: ${l}`);
    }
  }
  // the view under test is what was drawn (a detail shows its title, a list its header)
  expect(app.frame()).toContain(view === 'contacts' ? 'P0001' : view === 'filtered' ? '网络 c0' : view === 'related' ? '1977-01-15' : 'C0001');
  app.unmount();
  return bad;
}

describe('every line fits at 60..200 columns', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const ascii of [false, true]) {
      for (const view of ['customers', 'filtered', 'contacts', 'detail', 'related', 'confirm'] as const) {
        // the head line and the question do not change in plain mode: once per language
        if ((view === 'filtered' || view === 'confirm') && ascii) continue;
        it(`${view}, ${lang}, ${ascii ? 'plain' : 'normal'}`, async () => {
          expect(await sweep(lang, ascii, view)).toEqual([]);
        });
      }
    }
  }
});

// the other screens: tasks (with the day's care tasks), funnel, tickets and settings
describe('every line of the other screens fits at 60..200 columns', () => {
  const others = SCREENS.filter((s) => s.name !== 'customers' && s.name !== 'contacts');
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const ascii of [false, true]) {
      for (const screen of others) {
        it(`${screen.name}, ${lang}, ${ascii ? 'plain' : 'normal'}`, async () => {
          const ws = workspace();
          generateCareTasks(new Repo(ws), { now: new Date() });
          const app = await renderApp({ ws, lang, ascii, cols: WIDTHS[0], rows: ROWS });
          await app.press(screen.key);
          const bad: string[] = [];
          for (const cols of WIDTHS) {
            await app.resize(cols, ROWS);
            const lines = app.lines();
            if (lines.length > ROWS) bad.push(`${cols}: ${lines.length} lines`);
            for (const l of lines) {
              if (displayWidth(l) > cols) bad.push(`${cols}: ${displayWidth(l)} columns: ${l}`);
              if (ascii && l.includes('…')) bad.push(`${cols}: an ellipsis in plain mode: ${l}`);
            }
          }
          // the screen under test is the one drawn: its tab, with its title, opens the top line
          expect(app.lines()[0]).toContain(` ${screen.key} ${makeT(lang)(screen.title)} `);
          app.unmount();
          expect(bad).toEqual([]);
        });
      }
    }
  }
});
