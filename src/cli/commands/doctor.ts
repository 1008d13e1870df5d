// doctor: reads the workspace and says what is wrong with it, changing nothing.
import path from 'node:path';
import { ENTITY_NAMES, type EntityName } from '../../domain/entities.js';
import { entityLabel, errorText, type T } from '../../i18n/index.js';
import { EXIT, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';

export async function doctorCmd(args: GlobalArgs, io: CliIO, _t: T): Promise<number> {
  const s = await openSession(args, io, 'read');
  const t = s.t;
  const problems: { entity?: EntityName; id?: string; message: string }[] = [];
  try {
    const file = s.store.file;
    const place = io.backend.inspect(file);
    const mode = place.mode ?? 0o600;
    const dirMode = place.dirMode ?? 0o700;
    if (mode & 0o077) problems.push({ message: `${file}: mode ${mode.toString(8)} ≠ 600 (chmod 600 ${file})` });
    if (dirMode & 0o077 && path.dirname(file).includes('hotel-crm')) problems.push({ message: `${path.dirname(file)}: mode ${dirMode.toString(8)} ≠ 700` });
    for (const entity of ENTITY_NAMES) {
      const seen = new Set<string>();
      for (const rec of s.repo.all(entity)) {
        if (seen.has(rec.id)) problems.push({ entity, id: rec.id, message: `${entityLabel(t, entity)} ${rec.id}: ${t('err.duplicate', { value: rec.id })}` });
        seen.add(rec.id);
        const res = s.repo.validate(entity, rec, undefined, { anyStage: true });
        if (!res.ok) for (const e of res.errors) problems.push({ entity, id: rec.id, message: `${entityLabel(t, entity)} ${rec.id}: ${errorText(t, entity, e, s.repo.ws.valueLists)}` });
      }
    }
    const lockInfo = place.lock;
    const counts = Object.fromEntries(ENTITY_NAMES.map((e) => [e, s.repo.count(e)]));
    if (args.json) {
      io.out(JSON.stringify({ file, ok: problems.length === 0, problems, counts, lock: lockInfo ? JSON.parse(lockInfo || '{}') : null }, null, 2));
    } else if (problems.length) {
      io.out(t('cli.doctorProblems', { file, count: problems.length }));
      for (const p of problems.slice(0, 200)) io.out(`  - ${p.message}`);
    } else {
      const summary = ENTITY_NAMES.filter((e) => counts[e]).map((e) => `${counts[e]} ${entityLabel(t, e)}`).join(', ');
      io.out(t('cli.doctorOk', { file, counts: summary }));
    }
    return problems.length ? EXIT.refused : EXIT.ok;
  } finally {
    await s.finish(false);
  }
}
