// The selection of a field just reached is visible: its value is drawn inverse until the first
// key (which replaces it); after a cursor move only the cursor is inverse. Colours are forced
// on so that the frame carries the inverse marks.
import { describe, expect, it, vi } from 'vitest';
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});
import { renderApp, press } from '../helpers/render-app.js';

const INV = '\u001b[7m';
const OFF = '\u001b[27m';
const END = '\u001b[F';

describe('a field reached by Tab', () => {
  it('shows its value selected, and after End only the cursor', async () => {
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'screen.contacts', 'list.open', 'contacts.addAnniversary');
    await press(app, 'form.next', 'form.next');
    const line = () => app.lines().find((l) => l.includes('提前提醒天数'))!;
    expect(line()).toContain(`${INV}7${OFF}`);
    await app.press(END);
    expect(line()).toContain(`7${INV} ${OFF}`);
    expect(line()).not.toContain(`${INV}7${OFF}`);
    app.unmount();
  });
});
