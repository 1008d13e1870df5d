// `add` follows the service's duplicate rule: a second customer with the same mobile is
// refused (exit 1, nothing written) unless --allow-duplicate says it is meant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

describe('add with a mobile another customer has', () => {
  it('is refused naming the record that has it; --allow-duplicate adds it', () => {
    const file = path.join(tmpDir(), 'workspace.json');
    const data = ['--data', file];
    expect(runBin(['init', ...data]).code).toBe(0);
    expect(runBin(['add', 'customers', '--name', '王先生', '--phone', '13800000000', ...data]).stdout.trim()).toBe('C0001');
    const before = fs.readFileSync(file, 'utf8');
    const again = runBin(['add', 'customers', '--name', '王小明', '--phone', '13800000000', '--lang', 'zh-CN', ...data]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('「13800000000」已被 C0001 使用');
    expect(again.stderr).toContain('--allow-duplicate');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const meant = runBin(['add', 'customers', '--name', '王小明', '--phone', '13800000000', '--allow-duplicate', ...data]);
    expect(meant.code).toBe(0);
    expect(meant.stdout.trim()).toBe('C0002');
  });
});
