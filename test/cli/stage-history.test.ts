import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

describe('stage history on the command line (real process)', () => {
  it('update --stage keeps the move with time and login; list --json shows it; no flag sets it', () => {
    const file = path.join(tmpDir(), 'ws.json');
    expect(runBin(['init', '--data', file]).code).toBe(0);
    expect(runBin(['add', 'customers', '--data', file, '--name', '王先生', '--phone', '13800000000']).code).toBe(0);
    expect(runBin(['update', 'customers', 'C0001', '--data', file, '--stage', '目标客户']).code).toBe(0);
    const [rec] = JSON.parse(runBin(['list', 'customers', '--data', file, '--where', 'id=C0001', '--json']).stdout);
    expect(rec.stageHistory).toMatchObject([
      { to: 'potential', by: 'admin' },
      { from: 'potential', to: 'target', by: 'admin' },
    ]);
    expect(Date.parse(rec.stageHistory[1].at)).toBeGreaterThanOrEqual(Date.parse(rec.stageHistory[0].at));
    const before = fs.readFileSync(file, 'utf8');
    const forged = runBin(['update', 'customers', 'C0001', '--data', file, '--stageHistory', '[]']);
    expect(forged.code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
