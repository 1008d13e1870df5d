// Pinyin of Chinese text for search: "wxm" (initials) and "wangxiaoming" (full) both find
// 王小明. The common reading of each character, from a generated table.
import { PINYIN_CODES, PINYIN_FIRST, PINYIN_SYLLABLES } from './pinyin-table.js';

const CJK = /[\u4e00-\u9fff]/;

/** "wxm\u0001wangxiaoming" for 王小明; '' for text without Chinese characters. */
export function pinyinKey(s: string): string {
  if (!CJK.test(s)) return '';
  let initials = '';
  let full = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < PINYIN_FIRST || cp > 0x9fff) {
      if (/[a-z0-9]/i.test(ch)) {
        initials += ch.toLowerCase();
        full += ch.toLowerCase();
      }
      continue;
    }
    const py = PINYIN_SYLLABLES[PINYIN_CODES.charCodeAt(cp - PINYIN_FIRST) - 0x100] ?? '';
    initials += py.charAt(0);
    full += py;
  }
  return `${initials}\u0001${full}`;
}
