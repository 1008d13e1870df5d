// A key after a 3000-character paste must cost work in proportion to the text, not its square
// (the old field measured every candidate window again: seconds per key). Counted, not timed.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';

const measured = vi.hoisted(() => ({ chars: 0 }));
vi.mock('../../src/text/width.js', async (orig) => {
  const m = await orig<typeof import('../../src/text/width.js')>();
  return {
    ...m,
    displayWidth: (s: string) => {
      measured.chars += s.length;
      return m.displayWidth(s);
    },
  };
});

const { TextField } = await import('../../src/tui/components/TextField.js');
const { applyEditKey, atEnd } = await import('../../src/tui/text-edit.js');

const NO_KEY = {
  leftArrow: false, rightArrow: false, home: false, end: false, backspace: false, delete: false, ctrl: false, meta: false,
  return: false, escape: false, tab: false, upArrow: false, downArrow: false, pageUp: false, pageDown: false,
};

describe('a field holding a 3000-character paste', () => {
  it('measures about what it shows per key, and shows the end of the text with the cursor', () => {
    const long = '北京市朝阳区建国路'.repeat(334).slice(0, 2999);
    let s = applyEditKey(atEnd(''), long, NO_KEY)!;
    const r = render(<TextField state={s} width={40} focused />);
    const perKey: number[] = [];
    for (const k of ['甲', '乙', '丙']) {
      s = applyEditKey(s, k, NO_KEY)!;
      measured.chars = 0;
      r.rerender(<TextField state={s} width={40} focused />);
      perKey.push(measured.chars);
    }
    // a 40-column field shows at most 19 Chinese characters: measuring a few hundred is linear
    // work; the quadratic window search measured millions of characters
    expect(Math.max(...perKey)).toBeLessThan(3000);
    expect(s.text).toBe(`${long}甲乙丙`);
    expect(r.lastFrame()).toContain(`${long.slice(-10)}甲乙丙`);
    r.unmount();
  });
});
