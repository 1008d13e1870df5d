import { describe, expect, it } from 'vitest';
import { renderApp, KEY } from '../helpers/render-app.js';

// a loaded machine draws late: wait for the frame (or the workspace) to show the outcome
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
}
const QUANT_VALUE = 20; // name … grade come first in the customer form

describe('<App /> money in a form', () => {
  it('shows the stored fen as yuan with two decimals, and saves typed yuan as fen', async () => {
    const app = await renderApp({ lang: 'en' });
    expect(app.ws.customers[0].quantValue).toBe(1960000);
    await app.press('e', ...Array<string>(QUANT_VALUE).fill(KEY.tab));
    const focused = () => app.lines().find((l) => l.startsWith('>')) ?? '';
    await until(() => focused().includes('Quantified value'));
    expect(focused()).toContain('19600.00');
    expect(focused()).not.toContain('1960000');
    await app.press(KEY.ctrlU);
    await app.type('¥1,234.5');
    await app.press(KEY.ctrlS);
    await until(() => app.ws.customers[0].quantValue === 123450);
    expect(app.ws.customers[0].quantValue).toBe(123450);
    app.unmount();
  });

  it('refuses an amount with more than two decimals beside the field, and saves nothing', async () => {
    const app = await renderApp({ lang: 'en' });
    await app.press('e', ...Array<string>(QUANT_VALUE).fill(KEY.tab), KEY.ctrlU);
    await app.type('12.345');
    await app.press(KEY.ctrlS);
    await until(() => app.frame().includes('has more than two decimals'));
    expect(app.frame()).toContain('has more than two decimals');
    expect(app.ws.customers[0].quantValue).toBe(1960000);
    app.unmount();
  });
});
