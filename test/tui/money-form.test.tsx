import { describe, expect, it } from 'vitest';
import { renderApp, KEY } from '../helpers/render-app.js';

describe('<App /> money in a form', () => {
  it('shows the stored fen as yuan with two decimals, and saves typed yuan as fen', async () => {
    const app = await renderApp({ lang: 'en' });
    const c = app.ws.customers[0];
    expect(c.quantValue).toBe(1960000);
    await app.press('e', ...Array<string>(20).fill(KEY.tab)); // name … grade, then the quantified value
    const line = app.lines().find((l) => l.startsWith('>'))!;
    expect(line).toContain('Quantified value');
    expect(line).toContain('19600.00');
    expect(line).not.toContain('1960000');
    await app.press(KEY.ctrlU);
    await app.type('¥1,234.5');
    await app.press(KEY.ctrlS);
    expect(app.ws.customers[0].quantValue).toBe(123450);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('1234.50');
    app.unmount();
  });

  it('refuses an amount with more than two decimals beside the field', async () => {
    const app = await renderApp({ lang: 'en' });
    await app.press('e', ...Array<string>(20).fill(KEY.tab), KEY.ctrlU);
    await app.type('12.345');
    await app.press(KEY.ctrlS);
    expect(app.frame()).toContain('has more than two decimals');
    expect(app.ws.customers[0].quantValue).toBe(1960000);
    app.unmount();
  });
});
