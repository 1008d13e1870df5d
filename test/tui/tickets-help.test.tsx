// The help of screen 6 names every key of the tickets with its words, also a line as wide as
// the screen (it used to wrap inside the help's column and show the key alone).
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';

describe('help on the tickets screen', () => {
  it('shows a, r, m, u and v with their descriptions at 80 columns', async () => {
    const app = await renderApp({ lang: 'en', cols: 80, rows: 60 });
    await press(app, 'screen.tickets', 'app.help');
    const lines = app.lines();
    const row = (k: string) => lines.find((l) => l.startsWith(`${k}${' '.repeat(16 - k.length)} `)) ?? '';
    expect(row('v')).toMatch(/^v +switch the view: by SLA \(overdue first\), my tickets, by categ/);
    expect(row('m')).toMatch(/edit the recovery measures/);
    expect(row('u')).toMatch(/record a satisfaction survey/);
    expect(row('a')).toMatch(/next handling step/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    app.unmount();
  });
});
