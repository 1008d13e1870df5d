// Text from a file never reaches the terminal as control sequences: the import preview's
// mapping, rows and problem lines are drawn without them (OSC 52 would fill the clipboard,
// OSC 0 would retitle the window).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApp, KEY } from '../helpers/render-app.js';
import { tmpDir } from '../helpers/tmp.js';

const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const OSC0 = '\u001b]0;pwned\u0007';

describe('hostile text in the import preview', () => {
  it('draws the header, the rows and the problems without any escape sequence', async () => {
    const file = path.join(tmpDir(), 'evil.csv');
    fs.writeFileSync(file, `客户名称,手机,备注${OSC0}\n好${OSC52},13911112222,x\n坏,123${OSC52},y\n`);
    const app = await renderApp({ lang: 'zh-CN' });
    await app.press(':');
    await app.type('import customers');
    await app.press(KEY.enter, KEY.ctrlU);
    await app.type(file);
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toContain('第 3 行');
    expect(f).toContain('好');
    expect(f).not.toContain(']52;');
    expect(f).not.toContain(']0;');
    // Ink's own colour codes are CSI sequences (ESC [); no other escape may appear
    expect(f.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    app.unmount();
  });
});
