// Export of any entity: every field, one row per record. CSV carries labels a spreadsheet
// user reads (value-list labels, yes/no) and cells that cannot run as formulas; import takes
// all of it back unchanged.
import { entityFields, type EntityName } from '../domain/entities.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { Repo } from './repo.js';
import { valueLabelT, type T } from '../i18n/index.js';
import { safeCell } from '../text/csv.js';
import { fenToText } from '../domain/money.js';
import { fieldToYuan, recordToYuan } from '../domain/money-fields.js';
import { localTimeText, offsetTimeText } from '../domain/zoned-time.js';
import { workspaceTimeZone } from './time-zone.js';

export function exportTable(repo: Repo, entity: EntityName, t: T, records: EntityRecord[] = repo.all(entity)): string[][] {
  const fields = entityFields(entity);
  const zone = workspaceTimeZone(repo.ws);
  const header = fields.map((f) => t.l(f.label));
  const rows = records.map((r) =>
    fields.map((f) => {
      const v = r[f.name];
      if (v === undefined || v === null) return '';
      let s: string;
      switch (f.kind) {
        case 'enum':
          s = valueLabelT(t, repo.ws.valueLists, f.values!, String(v));
          break;
        case 'bool':
          s = v ? (t.lang === 'en' ? 'yes' : '是') : t.lang === 'en' ? 'no' : '否';
          break;
        case 'tags':
          s = (v as string[]).join(', ');
          break;
        case 'money':
          s = typeof v === 'number' ? fenToText(v) : String(v);
          break;
        case 'json':
          s = JSON.stringify(fieldToYuan(entity, f.name, v));
          break;
        case 'datetime':
          // the hotel's wall clock, which Excel and WPS read as a date and time
          s = localTimeText(String(v), zone);
          break;
        default:
          s = String(v);
      }
      return safeCell(s);
    }),
  );
  return [header, ...rows];
}

/** Records as export --format json writes them: money in yuan, times with the workspace
 *  zone's offset ("2026-11-25T20:18:33+08:00"; list --json keeps the stored UTC form). */
export function recordsForJson(repo: Repo, entity: EntityName, records: EntityRecord[]): Record<string, unknown>[] {
  const zone = workspaceTimeZone(repo.ws);
  const times = entityFields(entity).filter((f) => f.kind === 'datetime').map((f) => f.name);
  return records.map((r) => {
    const out: Record<string, unknown> = recordToYuan(entity, { ...r });
    for (const k of times) if (typeof out[k] === 'string') out[k] = offsetTimeText(out[k] as string, zone);
    return out;
  });
}
