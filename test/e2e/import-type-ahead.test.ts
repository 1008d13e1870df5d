// Keys typed while the app checks a file act on nothing. An order history of thousands of lines
// takes a second or more to check; Enter, c (create the missing customers) and Enter again,
// typed before the preview is drawn, used to import every line, customers and all, from a
// preview nobody saw.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

afterAll(() => TmuxSession.killServer());

describe('import in a real terminal: keys typed ahead of the preview', () => {
  it('shows that it is checking, drops c and Enter typed meanwhile, and imports only on an Enter at the preview', async () => {
    const dir = tmpDir();
    const data = path.join(dir, 'workspace.json');
    runBin(['init', '--data', data]);
    const file = path.join(dir, 'history.csv');
    const lines = ['客户编号,下单日期,购买数量,订单金额'];
    for (let i = 0; i < 20_000; i++) lines.push(`${String((i % 5000) + 1).padStart(5, '0')},1997/${(i % 12) + 1}/${(i % 28) + 1},1,${(i % 900) + 100}.00`);
    fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
    const s = TmuxSession.start('typeahead', ['--data', data, '--lang', 'zh-CN']);
    // what the file on disk holds
    const orders = () => (JSON.parse(fs.readFileSync(data, 'utf8')) as { orders: unknown[] }).orders.length;
    try {
      await s.waitFor('用户: admin');
      s.keys(':');
      await s.waitFor('命令面板');
      s.type('import orders');
      await s.waitFor('从文件导入订单');
      s.keys('Enter');
      await s.waitFor('要导入的文件');
      s.type(file);
      await s.waitFor(file);
      // one burst, as an impatient user types it
      s.keys('Enter', 'c', 'Enter');
      await s.waitFor('正在读取并检查');
      await s.waitFor('共 20000 行', 60_000);
      // the preview as the file makes it: missing customers refused, and nothing written
      expect(s.screen()).toContain('缺少的客户：拒绝（按 c 新建）');
      expect(orders()).toBe(0);
      // at the preview the user sees, c and Enter do what they say
      s.keys('c');
      await s.waitFor('缺少的客户：按文件新建', 60_000);
      s.keys('Enter');
      // the dialog closes; the summary is said once the import is on disk
      await s.waitFor((t) => !t.includes('从文件导入订单') && t.includes('共 20000 行：新建 20000'), 60_000);
      expect(orders()).toBe(20_000);
      s.keys('q');
      await s.waitFor(/EXIT=\d+/);
    } finally {
      s.kill();
    }
  }, 180_000);
});
