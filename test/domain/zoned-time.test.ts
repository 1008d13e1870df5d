import { describe, expect, it } from 'vitest';
import { isTimeZone, localTimeText, offsetTimeText, parseTimeText } from '../../src/domain/zoned-time.js';
import { Workspace, emptyWorkspace } from '../../src/domain/workspace.js';

describe('times on the hotel\'s clock', () => {
  it('writes and reads back the wall clock of a zone, across summer time', () => {
    for (const [iso, zone, local, withOffset] of [
      ['2026-11-25T12:18:33.000Z', 'Asia/Shanghai', '2026-11-25 20:18:33', '2026-11-25T20:18:33+08:00'],
      ['2026-07-01T03:00:00.250Z', 'Europe/London', '2026-07-01 04:00:00', '2026-07-01T04:00:00.250+01:00'],
      ['2026-01-01T03:00:00.000Z', 'America/St_Johns', '2025-12-31 23:30:00', '2025-12-31T23:30:00-03:30'],
      ['2026-03-08T07:30:00.000Z', 'America/New_York', '2026-03-08 03:30:00', '2026-03-08T03:30:00-04:00'],
    ]) {
      expect(localTimeText(iso, zone)).toBe(local);
      expect(offsetTimeText(iso, zone)).toBe(withOffset);
      expect(parseTimeText(withOffset, 'UTC')).toBe(iso);
      expect(parseTimeText(local, zone)).toBe(iso.replace(/\.\d{3}Z$/, '.000Z'));
    }
  });

  it('refuses what is no time', () => {
    for (const s of ['2026-02-30 10:00:00', '2026-11-25 25:00:00', 'soon', '']) expect(parseTimeText(s, 'Asia/Shanghai')).toBeUndefined();
  });

  it('a workspace\'s zone is checked: one Intl does not know is dropped, not fatal', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    const ws = emptyWorkspace('2026-01-01T00:00:00.000Z', 'Asia/Shanghai');
    expect(ws.settings.timeZone).toBe('Asia/Shanghai');
    const bad = Workspace.parse({ ...ws, settings: { ...ws.settings, timeZone: 'Mars/Olympus' } });
    expect(bad.settings.timeZone).toBeUndefined();
  });
});
