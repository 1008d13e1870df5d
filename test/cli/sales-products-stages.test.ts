// Issue 19 through the built CLI: an opportunity's product lines (add, edit, export, import) and
// the stages (values add / remove oppStage). Exit codes per interface.md; nothing written on refusal.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

function demo(): string {
  const file = path.join(tmpDir(), 'ws.json');
  expect(runBin(['init', '--data', file, '--demo']).code).toBe(0);
  return file;
}
function files(file: string): Record<string, string> {
  const dir = path.dirname(file);
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => !f.endsWith('.lock')).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}
const run = (file: string, lang: string, ...args: string[]) => runBin([...args, '--data', file, '--lang', lang]);
const opp = (file: string, id: string) => (JSON.parse(run(file, 'en', 'list', 'opportunities', '--json', '--where', `id=${id}`).stdout) as Record<string, unknown>[])[0]!;

describe('opportunity products and stages by subcommands', { timeout: 90_000 }, () => {
  it('add opportunities takes --item lines as orders do; the amount is theirs; edit, export and import keep them', () => {
    const file = demo();
    const add = run(file, 'zh-CN', 'add', 'opportunities', '--customerId', 'C0001', '--name', '年会', '--stage', 'proposal', '--amount', '1',
      '--item', 'product=G0003,qty=2,discount=10', '--item', 'description=接机,qty=1,unitPrice=200.50');
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const id = add.stdout.trim();
    let o = opp(file, id);
    // 2 × 1688 × 90% + 200.50, not the amount typed
    expect(o.amount).toBe(3038.4 + 200.5);
    expect(o.items).toEqual([
      { productId: 'G0003', description: '行政套房 Executive Suite', qty: 2, unitPrice: 1688, discountPct: 10 },
      { description: '接机', qty: 1, unitPrice: 200.5 },
    ]);
    const upd = run(file, 'en', 'update', 'opportunities', id, '--items', '[{"productId":"G0003","qty":1}]');
    expect(upd.code).toBe(0);
    expect(opp(file, id).amount).toBe(1688);
    // without lines the amount stays typed
    const plain = run(file, 'en', 'add', 'opportunities', '--customerId', 'C0001', '--name', '旧', '--stage', 'needs', '--amount', '5000');
    expect(opp(file, plain.stdout.trim()).amount).toBe(5000);

    // export → import into a workspace without it: the lines and the amount come back
    o = opp(file, id);
    for (const format of ['json', 'csv']) {
      const out = path.join(path.dirname(file), `opps.${format}`);
      expect(run(file, 'en', 'export', 'opportunities', '--format', format, '--out', out).code).toBe(0);
      const other = demo();
      // the demo's own opportunities are there already: skipped; the two new ones come in
      const imp = run(other, 'en', 'import', 'opportunities', out, '--format', format, '--on-duplicate', 'skip');
      expect(imp.code, imp.stderr).toBe(0);
      const back = (JSON.parse(run(other, 'en', 'list', 'opportunities', '--json', '--where', 'name=年会').stdout) as Record<string, unknown>[]).at(-1)!;
      expect(back.items).toEqual(o.items);
      expect(back.amount).toBe(o.amount);
    }

    // a line with no price and no product: refused, exit 1, nothing written
    const before = files(file);
    const bad = run(file, 'en', 'add', 'opportunities', '--customerId', 'C0001', '--name', '无价', '--stage', 'needs', '--item', 'description=会议室,qty=1');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no unit price');
    expect(run(file, 'en', 'add', 'opportunities', '--customerId', 'C0001', '--name', 'x', '--item', 'colour=red').code).toBeGreaterThan(0);
    expect(files(file)).toEqual(before);
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`values add oppStage puts a stage before won; remove refuses one in use with the count (${lang})`, () => {
      const file = demo();
      const add = run(file, lang, 'values', 'add', 'oppStage', 'visit', '--en', 'Site visit', '--zh', '实地考察', '--probability', '60');
      expect(add.code, add.stderr).toBe(0);
      const stages = JSON.parse(run(file, lang, 'values', 'oppStage', '--json').stdout) as { code: string; probability?: number }[];
      expect(stages.map((v) => v.code)).toEqual(['prospecting', 'needs', 'proposal', 'negotiation', 'visit', 'won', 'lost']);
      expect(stages[4].probability).toBe(60);
      expect(run(file, lang, 'values', 'up', 'oppStage', 'visit').code).toBe(0);
      // the funnel report follows the configured order
      const report = JSON.parse(run(file, lang, 'report', 'funnel', '--json').stdout) as { stages: { stage: string; count: number }[] };
      expect(report.stages.map((s) => s.stage)).toEqual(['prospecting', 'needs', 'proposal', 'visit', 'negotiation', 'won', 'lost']);
      // a deal moved into the new stage; the stage cannot be removed now
      const deal = run(file, lang, 'add', 'opportunities', '--customerId', 'C0001', '--name', '考察', '--stage', 'visit', '--json');
      expect(deal.code).toBe(0);
      expect(JSON.parse(deal.stdout).probability).toBe(60);
      const before = files(file);
      const refused = run(file, lang, 'values', 'remove', 'oppStage', 'visit');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(lang === 'en' ? 'still used by 1 records' : '仍被 1 条记录使用');
      for (const pinned of ['won', 'lost', 'prospecting']) expect(run(file, lang, 'values', 'remove', 'oppStage', pinned).code).toBe(1);
      expect(run(file, lang, 'values', 'remove', 'source', 'online').code).toBe(1);
      expect(run(file, lang, 'values', 'remove', 'oppStage').code).toBe(2);
      expect(run(file, lang, 'values', 'add', 'oppStage', 'x2', '--label', 'X2', '--probability', 'half').code).toBe(2);
      expect(files(file)).toEqual(before);
      // once no deal is at it, it goes
      expect(run(file, lang, 'delete', 'opportunities', JSON.parse(deal.stdout).id).code).toBe(0);
      const gone = run(file, lang, 'values', 'remove', 'oppStage', 'visit');
      expect(gone.code, gone.stderr).toBe(0);
      expect((JSON.parse(run(file, lang, 'values', 'oppStage', '--json').stdout) as { code: string }[]).map((v) => v.code)).not.toContain('visit');
    });
  }
});
