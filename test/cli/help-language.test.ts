// --help in the interface language, run on the built bundle: yargs' own words come from its
// locale files on disk, which the bundle does not carry, so only the bundle shows whether they
// are Chinese.
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

const ascii = /^[\x20-\x7e]*$/;

describe('hotel-crm --help in the interface language (built bundle)', () => {
  it('zh-CN: yargs headings, every command and every option are Chinese', () => {
    const r = runBin(['--help', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    for (const en of ['Options:', 'Commands:', 'Show help', '[string]', '[boolean]', 'create the workspace', 'list records', 'workspace file', 'interface language'])
      expect(r.stdout).not.toContain(en);
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('显示帮助');
    expect(r.stdout).toContain('创建工作区');
    // every command and option line says something in Chinese after its name
    const lines = r.stdout.split('\n').filter((l) => /^\s+(hotel-crm \w|--\w)/.test(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(ascii.test(l), l).toBe(false);
  });

  it('picks the language from HOTEL_CRM_LANG and from the locale as the app does', () => {
    expect(runBin(['--help'], { HOTEL_CRM_LANG: 'zh-CN' }).stdout).toContain('选项：');
    expect(runBin(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('选项：');
    const en = runBin(['--help'], { LANG: 'zh_CN.UTF-8', HOTEL_CRM_LANG: 'en' });
    expect(en.stdout).toContain('Options:');
    expect(en.stdout).not.toContain('选项');
  });

  it('add customers --help lists each field by its label and a choice field with its codes and labels', () => {
    const zh = runBin(['add', 'customers', '--help', '--lang', 'zh-CN']).stdout.replace(/\s+/g, ' ');
    expect(zh).toContain('--name 客户名称（必填）');
    expect(zh).toContain('individual=个人客户, corporate=企业客户, agency=旅行社');
    expect(zh).toContain('first=初次购买客户, repeat=重复购买客户, loyal=忠诚客户');
    expect(zh).toContain('online=网络');
    expect(zh).toContain('rational=理性客户');
    expect(zh).toContain('local=本区域客户, outside=外区域客户');
    expect(zh).toContain('--valueTier 客户分级');
    expect(zh).toContain('a=A（最高：消费多且稳定，专人维护）');
    expect(zh).toContain('--birthday 生日；日期：2024-03-05');
    expect(zh).not.toContain('[customerKind]');
    const en = runBin(['add', 'customers', '--help', '--lang', 'en']).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('--kind Kind (required); one of: individual=Individual guest, corporate=Corporate account, agency=Travel agency');
    expect(en).toContain('--source Source; one of: online=OTA / online');
    expect(en).toContain('a=A (top: spends much and steadily; looked after personally)');
  });

  it('a usage error speaks the interface language and still exits 2', () => {
    const r = runBin(['list', '--lang', 'zh-CN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少');
    expect(r.stderr).not.toContain('Not enough');
  });
});
