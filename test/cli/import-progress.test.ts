// A large import on a terminal shows its phases: the rows checked, then applied (an order
// history's effects on its customers take as long as reading it), then the save. The summary
// comes only when the file on disk holds the rows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/build.js';
import { fileBackend } from '../../src/storage/backend.js';
import type { CliIO } from '../../src/cli/io.js';
import { tmpDir } from '../helpers/tmp.js';

describe('import progress on a terminal', { timeout: 90_000 }, () => {
  for (const [lang, checking, applying, saving] of [['en', 'Checking [', 'Applying [', 'Saving to disk'], ['zh-CN', '检查中 [', '应用中 [', '正在写入磁盘']] as const) {
    it(`says checking, applying and saving (${lang}), and the summary only once the file holds the rows`, async () => {
      const dir = tmpDir();
      const data = path.join(dir, 'workspace.json');
      const file = path.join(dir, 'history.csv');
      const lines = ['客户编号,下单日期,购买数量,订单金额'];
      for (let i = 0; i < 6000; i++) lines.push(`${String((i % 1500) + 1).padStart(5, '0')},1997/${(i % 12) + 1}/${(i % 28) + 1},1,${(i % 900) + 100}.00`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const log: string[] = [];
      let ordersOnDiskAtSummary = -1;
      const io = (tty: boolean): CliIO => ({
        backend: fileBackend, env: { LANG: 'C', HOTEL_CRM_LANG: lang }, stdoutIsTTY: false, stderrIsTTY: tty, now: () => new Date(),
        out: (s) => {
          log.push(`out:${s}`);
          if (/6000/.test(s)) ordersOnDiskAtSummary = (JSON.parse(fs.readFileSync(data, 'utf8')) as { orders: unknown[] }).orders.length;
        },
        err: (s) => log.push(`err:${s}`),
        errRaw: (s) => log.push(`raw:${s}`),
      });
      expect(await runCli(['init', '--data', data], io(false))).toBe(0);
      log.length = 0;
      expect(await runCli(['import', 'orders', file, '--data', data, '--create-missing', '--lang', lang], io(true))).toBe(0);
      const at = (text: string) => log.findIndex((l) => l.includes(text));
      expect(at(checking)).toBeGreaterThanOrEqual(0);
      expect(log.some((l) => l.includes(checking) && l.includes('6000/6000'))).toBe(true);
      expect(log.some((l) => l.includes(applying) && l.includes('6000/6000'))).toBe(true);
      expect(at(applying)).toBeGreaterThan(at(checking));
      expect(at(saving)).toBeGreaterThan(at(applying));
      // the summary after the save, and by then the file holds every order
      expect(log.findIndex((l) => l.startsWith('out:') && l.includes('6000'))).toBeGreaterThan(at(saving));
      expect(ordersOnDiskAtSummary).toBe(6000);
    });
  }

  it('a refused file is never said to be applied or saved', async () => {
    const dir = tmpDir();
    const data = path.join(dir, 'workspace.json');
    const file = path.join(dir, 'history.csv');
    const lines = ['客户编号,下单日期,购买数量,订单金额'];
    for (let i = 0; i < 6000; i++) lines.push(`${String((i % 1500) + 1).padStart(5, '0')},1997/1/1,1,100.00`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const log: string[] = [];
    const io = (tty: boolean): CliIO => ({ backend: fileBackend, env: { LANG: 'C' }, stdoutIsTTY: false, stderrIsTTY: tty, now: () => new Date(), out: (s) => log.push(s), err: (s) => log.push(s), errRaw: (s) => log.push(s) });
    expect(await runCli(['init', '--data', data], io(false))).toBe(0);
    // no --create-missing: every customer is unknown
    expect(await runCli(['import', 'orders', file, '--data', data], io(true))).toBe(1);
    expect(log.some((l) => l.includes('Checking ['))).toBe(true);
    expect(log.some((l) => l.includes('Applying') || l.includes('Saving'))).toBe(false);
  });
});
