// The app runs its clock in the hotel's zone (TZ) and reads the wall time from Date instead of
// ICU's date formatter (8 MB resident). Both ways must give the same day and offset.
import { afterEach, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/care.js';
import { isTimeZone, setLocalZone, zoneOffsetMinutes } from '../../src/domain/zoned-time.js';

const before = process.env.TZ;
afterEach(() => {
  setLocalZone(undefined);
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

// instants around midnight in Shanghai and New York, and across New York's DST change
const INSTANTS = ['2026-11-25T15:59:59Z', '2026-11-25T16:00:00Z', '2026-03-08T06:59:00Z', '2026-03-08T07:01:00Z', '2024-02-29T16:30:00Z', '2026-12-31T23:59:59Z'];

describe('the day and offset in the zone the process runs in', () => {
  for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
    it(`${zone}: Date's local fields give the same day and offset as Intl`, () => {
      const intl = INSTANTS.map((iso) => [todayIn(new Date(iso), zone), zoneOffsetMinutes(Date.parse(iso) + 1, zone)]);
      process.env.TZ = zone;
      setLocalZone(zone);
      const local = INSTANTS.map((iso) => [todayIn(new Date(iso), zone), zoneOffsetMinutes(Date.parse(iso) + 1, zone)]);
      expect(local).toEqual(intl);
      // 16:00 UTC is midnight in Shanghai: the next day there, the same day elsewhere
      expect(local[1][0]).toBe(zone === 'Asia/Shanghai' ? '2026-11-26' : '2026-11-25');
    });
  }

  it('knows zone names without the formatter, and still refuses a made-up one', () => {
    expect(['Asia/Shanghai', 'UTC', 'Etc/UTC', 'Europe/London', 'Asia/Calcutta'].every(isTimeZone)).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
