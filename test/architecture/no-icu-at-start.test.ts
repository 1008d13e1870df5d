// ICU's collator and date formatter cost 3 and 8 MB resident the first time anything touches
// them; fifty students share one small server. Codes and dates are compared by code unit
// (domain/compare.ts); a day or offset in the hotel's zone comes from zoned-time.ts / care.ts,
// which use Date's local fields when the process runs in that zone. This keeps new code from
// bringing them back in by the way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}
const src = files('src').map((f) => ({ f, text: readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '') }));

describe('no ICU formatter or collator on the way to the first frame', () => {
  it('compares codes and dates without localeCompare', () => {
    expect(src.filter((s) => /\.localeCompare\(/.test(s.text)).map((s) => s.f)).toEqual([]);
  });

  it('makes date formatters only where a zone other than the process\'s is asked for', () => {
    const allowed = ['src/domain/zoned-time.ts', 'src/domain/care.ts', 'src/services/time-zone.ts', 'src/storage/store.ts'];
    const users = src.filter((s) => /Intl\.DateTimeFormat|toLocale(Date|Time)?String/.test(s.text)).map((s) => s.f.split(path.sep).join('/'));
    expect(users.filter((f) => !allowed.includes(f))).toEqual([]);
  });
});
