// doctor: says what is wrong with the workspace, whatever state it is in (it never takes the
// writer's lock to look); --repair takes the lock and does what services/doctor.ts describes.
import { ENTITY_NAMES } from '../../domain/entities.js';
import { entityLabel, errorText, makeT, detectLang, type T } from '../../i18n/index.js';
import { EXIT, type CliIO } from '../io.js';
import { workspaceFileOf, type GlobalArgs } from '../open.js';
import { examineWorkspace, examineSharedWorkspace, repairWorkspace, type DoctorReport, type Finding, type RepairAction } from '../../services/doctor.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { LockedError } from '../../services/ports.js';
import { sanitizeLine } from '../../text/sanitize.js';

const MAX_LINES = 200;

function findingText(t: T, f: Finding, r: DoctorReport): string {
  if (f.code === 'record') {
    const head = `${entityLabel(t, f.entity ?? '')} ${f.id ?? '?'}`;
    return `${head}: ${(f.errors ?? []).map((e) => errorText(t, f.entity ?? '', e, r.valueLists)).join('; ')}`;
  }
  return t(`doctor.${f.code}`, f.params);
}

const actionText = (t: T, a: RepairAction) => t(`doctor.${a.code}`, a as unknown as Record<string, string | number>);

export async function doctorCmd(args: GlobalArgs & { repair?: boolean }, io: CliIO, t0: T): Promise<number> {
  const file = workspaceFileOf(args, io);
  const say = (s: string) => io.out(sanitizeLine(s));
  let repairFailed = false;
  let actions: RepairAction[] = [];
  if (args.repair) {
    try {
      actions = await repairWorkspace(io.backend, file, io.now);
    } catch (e) {
      const msg = storeErrorText(t0, e);
      if (!msg) throw e;
      io.err(sanitizeLine(msg));
      if (!(e instanceof LockedError)) io.err(t0('doctor.repairCannot'));
      repairFailed = true;
    }
  }
  const report = io.backend.inspectShared ? await examineSharedWorkspace(io.backend, file) : examineWorkspace(io.backend, file);
  if (report.failure !== undefined) {
    // a shared hotel out of reach: where, and why
    const msg = storeErrorText(t0, report.failure);
    if (!msg) throw report.failure;
    io.err(sanitizeLine(msg));
    return EXIT.refused;
  }
  const t = makeT(detectLang(args.lang, report.lang, io.env));
  const problems = report.findings.filter((f) => f.severity === 'problem');
  const notes = report.findings.filter((f) => f.severity === 'note');
  if (args.json) {
    // the same in every language: messages in English beside the codes
    const en = makeT('en');
    const item = (f: Finding) => ({ code: f.code, message: sanitizeLine(findingText(en, f, report)), entity: f.entity, id: f.id, field: f.field, line: f.line, excerpt: f.excerpt, errors: f.errors, changes: f.changes });
    io.out(JSON.stringify({ file, ok: report.ok && !repairFailed, problems: problems.map(item), notes: notes.map(item), repaired: args.repair ? actions : undefined, counts: report.counts, lock: report.lock }, null, 2));
  } else {
    for (const a of actions) say(actionText(t, a));
    if (args.repair && !actions.length && !repairFailed) say(t('doctor.repairNothing'));
    if (problems.length) {
      say(t('cli.doctorProblems', { file, count: problems.length }));
      for (const p of problems.slice(0, MAX_LINES)) say(`  - ${findingText(t, p, report)}`);
      if (problems.length > MAX_LINES) say(`  ${t('import.more', { count: problems.length - MAX_LINES })}`);
    } else {
      const counts = ENTITY_NAMES.filter((e) => report.counts[e]).map((e) => `${report.counts[e]} ${entityLabel(t, e)}`).join(', ');
      say(t('cli.doctorOk', { file, counts }));
    }
    if (notes.length) {
      say(t('doctor.notes'));
      for (const n of notes.slice(0, MAX_LINES)) say(`  - ${findingText(t, n, report)}`);
    }
  }
  return report.ok && !repairFailed ? EXIT.ok : EXIT.refused;
}
