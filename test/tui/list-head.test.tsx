// A list's head is one line at any width: at 60 columns the orders' revenue and sort label
// used to wrap onto the column titles' line (and "Orders 341" lost its space).
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';

describe('the list head', () => {
  it('stays one line above the column titles at 60 columns, its figures cut', async () => {
    const app = await renderApp({ ws: loadDemoWorkspace(), lang: 'en', cols: 60, rows: 24 });
    await press(app, 'screen.orders');
    const lines = app.lines();
    const head = lines.findIndex((l) => /^Orders \d+ of \d+/.test(l));
    expect(head).toBeGreaterThan(-1);
    expect(lines[head + 1]).toMatch(/^\s+Code\s+Date/);
    app.unmount();
  });
});
