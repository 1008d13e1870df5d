// Pinyin of Chinese text for search and sorting: "wxm" (initials) and "wangxiaoming" (full)
// both find 王小明. The common reading of each character, from a generated table; a person's
// name starts with a surname, which has its own reading (曾 zeng, 单 shan, 尉迟 yuchi), so the
// caller says when the text is a person's name. Pure: the text and that flag decide.
import { PINYIN_CODES, PINYIN_FIRST, PINYIN_SYLLABLES } from './pinyin-table.js';
import { SURNAME_READINGS } from './pinyin-surnames.js';

const CJK = /[\u4e00-\u9fff]/;

export interface PinyinOptions {
  /** the text is a person's name: its first character (or two, 尉迟) is read as a surname */
  person?: boolean;
}

const common = (cp: number): string =>
  cp >= PINYIN_FIRST && cp <= 0x9fff ? PINYIN_SYLLABLES[PINYIN_CODES.charCodeAt(cp - PINYIN_FIRST) - 0x100] ?? '' : '';

/** The syllables of the text, one per character ('' for a character without a reading, the
 *  character itself lower-cased for a letter or digit, undefined for anything else). */
function syllables(s: string, opts: PinyinOptions | undefined): (string | undefined)[] {
  const chars = [...s];
  const out: (string | undefined)[] = [];
  let i = 0;
  if (opts?.person) {
    // the surname is where the name starts (leading spaces aside); two characters first
    while (i < chars.length && /\s/.test(chars[i])) out.push(undefined), i++;
    const two = SURNAME_READINGS.get(chars.slice(i, i + 2).join(''));
    const one = two === undefined ? SURNAME_READINGS.get(chars[i] ?? '') : undefined;
    const reading = two ?? one;
    if (reading !== undefined) {
      for (const syl of reading.split(' ')) out.push(syl);
      i += two !== undefined ? 2 : 1;
    }
  }
  for (; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0)!;
    if (cp >= PINYIN_FIRST && cp <= 0x9fff) out.push(common(cp));
    else out.push(/[a-z0-9]/i.test(ch) ? ch.toLowerCase() : undefined);
  }
  return out;
}

/** "wxm\u0001wangxiaoming" for 王小明; '' for text without Chinese characters. With
 *  `{ person: true }` 曾小明 gives "zxm\u0001zengxiaoming". */
export function pinyinKey(s: string, opts?: PinyinOptions): string {
  if (!CJK.test(s)) return '';
  let initials = '';
  let full = '';
  for (const py of syllables(s, opts)) {
    if (!py) continue;
    initials += py.charAt(0);
    full += py;
  }
  return `${initials}\u0001${full}`;
}

/** A key that sorts names by their reading: "zeng xiao ming" for the person 曾小明, "anna" for
 *  Anna, so Chinese and Latin names fall into one A-Z order. Characters without a reading
 *  are kept as they are. Compare the keys with a collator, then the names for ties. */
export function pinyinSortKey(s: string, opts?: PinyinOptions): string {
  if (!CJK.test(s)) return s.trim().toLowerCase();
  const chars = [...s];
  const syl = syllables(s, opts); // one entry per character
  const parts: string[] = [];
  let word = '';
  const flush = () => {
    if (word) parts.push(word);
    word = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    if (cp >= PINYIN_FIRST && cp <= 0x9fff) {
      flush();
      parts.push(syl[i] || chars[i]);
    } else if (syl[i]) word += syl[i];
    else if (/\s/.test(chars[i])) flush();
    else word += chars[i];
  }
  flush();
  return parts.join(' ');
}
