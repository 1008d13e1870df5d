// The bundle hands Ink our string width instead of string-width's (scripts/esbuild-options.mjs):
// a column off and every row after a Chinese name would shift. So the fast path must give
// string-width's answer on everything the app draws, and on the text that needs the segmenter.
import fs from 'node:fs';
import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { demoFile } from '../../src/demo.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import fastStringWidth, { isPlainText } from '../../src/text/fast-width.js';
import { displayWidth, fit } from '../../src/text/width.js';

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

const TRICKY = [
  '任艳桂',
  '王小明（经理）：电话１３８，邮箱ａｂｃ＠例子。',
  '「上海」『北京』〈南京〉《杭州》、。・ー',
  'ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ', // half-width katakana with voiced marks: one grapheme, two code points
  '👍', '👍🏽', '👨‍👩‍👧‍👦', '🇨🇳🇯🇵', '❤️', '☺', '©', '®', '‼', '〰', '〽', '㊗', '1️⃣', '#⃣',
  'é', 'é', 'Zoë Ångström', 'ñ', 'a\u0300\u0301\u0302', '字\u0301', '\u302a字',
  '\u200b', '\u200d', 'a\u200db', '\u00ad', 'soft\u00adhyphen', '\ufeff', '\u2060', '\u202e反转',
  '\u1100\u1161\u11a8', '한국어', '\u3131\u314f', // jamo that join, syllables, compatibility jamo
  '\x1b[31m红色\x1b[39m', '\x1b[1m\x1b[7m> C0001 任艳桂\x1b[27m\x1b[22m', '\x1b]8;;https://例子.cn\x07链接\x1b]8;;\x07',
  '\u009b31m红', '\t', 'a\tb', '\r\n', '\x07', '\x7f', '\u0085',
  '—“引号”…•‰′″', '\u2028', '½ × ÷ ±', 'Ⅻ', '①②', '\ud800', '字\udc00', '𠮷野家', '𝒳',
  '\u3000全角空格', '￥１００', '＄', '￦', '～',
];

describe('fast string width', () => {
  it('gives string-width’s width for every string of the demo workspace and both message tables', () => {
    const all = [...strings(JSON.parse(fs.readFileSync(demoFile(), 'utf8'))), ...Object.values(en), ...Object.values(zhCN)];
    expect(all.length).toBeGreaterThan(1000);
    const wrong = all.filter((s) => fastStringWidth(s) !== realStringWidth(s));
    expect(wrong).toEqual([]);
    // the point of it: Chinese names take the fast path
    expect(all.filter((s) => /[\u4e00-\u9fff]/.test(s) && isPlainText(s)).length).toBeGreaterThan(100);
  });

  it('gives string-width’s width on CJK, full-width forms, emoji, joiners, combining marks, ANSI codes', () => {
    for (const s of TRICKY) expect([s, fastStringWidth(s)]).toEqual([s, realStringWidth(s)]);
  });

  it('gives string-width’s width for every BMP code point it measures itself, alone and among letters and ideographs', () => {
    const wrong: string[] = [];
    let own = 0;
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (!isPlainText(c)) continue; // string-width itself answers for the rest
      own++;
      for (const s of [c, `a${c}字${c}${c}`]) if (fastStringWidth(s) !== realStringWidth(s)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(own).toBeGreaterThan(30_000);
  });

  it('passes options through to string-width', () => {
    expect(fastStringWidth('“”', { ambiguousIsNarrow: false })).toBe(4);
    expect(fastStringWidth('\x1b[31m红\x1b[39m', { countAnsiEscapeCodes: true })).toBe(realStringWidth('\x1b[31m红\x1b[39m', { countAnsiEscapeCodes: true }));
  });

  it('fits a Chinese name into its column by width', () => {
    expect(displayWidth('任艳桂')).toBe(6);
    expect(fit('任艳桂', 8)).toBe('任艳桂  ');
    expect(fit('任艳桂任艳桂', 7)).toBe('任艳桂~');
  });
});
