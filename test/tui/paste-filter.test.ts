import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { keyStdin, pastedText } from '../../src/tui/stdin-filter.js';
import { PASTE } from '../../src/tui/keys.js';

function reads(chunks: string[]): string[] {
  const src = new PassThrough() as unknown as NodeJS.ReadStream;
  (src as unknown as { setRawMode: (m: boolean) => void }).setRawMode = () => {};
  const s = keyStdin(src);
  (s as unknown as { setRawMode: (m: boolean) => void }).setRawMode(true);
  for (const c of chunks) src.emit('data', c);
  const out: string[] = [];
  for (let r = s.read(); r !== null; r = s.read()) out.push(String(r));
  return out;
}

describe('bracketed paste in the key filter', () => {
  it('hands a paste over as one marked read with newlines as spaces, also across reads', () => {
    expect(reads(['/\u001b[200~上海\r\ndy\u001b[201~j'])).toEqual(['/', `${PASTE}上海 dy`, 'j']);
    expect(reads(['\u001b[200~a\nb', 'c\u001b]0;x\u0007d\u001b[201~'])).toEqual([`${PASTE}a bc]0;xd`]);
  });
  it('drops control characters from pasted text', () => {
    expect(pastedText('a\tb\u0007c\r\nd')).toBe('a bc d');
  });
});
