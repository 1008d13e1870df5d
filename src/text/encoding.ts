// Text files from Chinese spreadsheets: UTF-8, UTF-8 with a BOM, or GBK/GB18030 (what Excel
// on Chinese Windows writes). Detected by whether the bytes are valid UTF-8.

export type Encoding = 'utf8' | 'utf8-bom' | 'gb18030' | 'utf16le';

export function normaliseEncoding(s: string): Encoding | undefined {
  const low = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (low === 'utf8') return 'utf8';
  if (low === 'utf8bom' || low === 'utf8sig') return 'utf8-bom';
  if (low === 'gbk' || low === 'gb2312' || low === 'gb18030' || low === 'cp936') return 'gb18030';
  if (low === 'utf16' || low === 'utf16le') return 'utf16le';
  return undefined;
}

export function detectEncoding(buf: Uint8Array): Encoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** Detects and decodes in one pass (a large file is decoded once, not once to test and again). */
export function decodeDetected(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: decode(buf, 'utf8-bom'), encoding: 'utf8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: decode(buf, 'utf16le'), encoding: 'utf16le' };
  try {
    return { text: decode(buf, 'utf8'), encoding: 'utf8' };
  } catch {
    return { text: decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

export function decode(buf: Uint8Array, enc: Encoding): string {
  const label = enc === 'gb18030' ? 'gb18030' : enc === 'utf16le' ? 'utf-16le' : 'utf-8';
  const text = new TextDecoder(label, { fatal: enc !== 'gb18030' }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Encodes for export; GBK needs iconv-lite, loaded only then. */
export async function encode(text: string, enc: 'utf8' | 'utf8-bom' | 'gb18030'): Promise<Buffer> {
  if (enc === 'gb18030') {
    const iconv = (await import('iconv-lite')).default;
    return iconv.encode(text, 'gb18030');
  }
  return Buffer.from(enc === 'utf8-bom' ? `\ufeff${text}` : text, 'utf8');
}
