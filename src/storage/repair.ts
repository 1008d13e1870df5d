// doctor --repair, the file work: under the writer's lock, keep everything before the first
// bad journal record and move that record and all after it to `<journal>.bad-<time>` (nothing
// is lost), move a journal of another workspace aside, fold the good part into the snapshot,
// remove orphaned temp files.
import fs from 'node:fs';
import { acquireLock } from './lock.js';
import { prepareWorkspace } from './paths.js';
import { journalPathFor, readJournal, setAsideJournal, JournalUnsafeError, type JournalRead } from './journal.js';
import { openStore } from './store.js';
import { tempFilesOf } from './durable-file.js';
import { moveAside } from './inspect.js';
import { StoreError, LockedError, type RepairAction } from '../services/ports.js';

export async function repairWorkspace(wanted: string, now: () => Date = () => new Date()): Promise<RepairAction[]> {
  const file = prepareWorkspace(wanted); // the real file, in a folder only we can write
  const lock = acquireLock(file, now());
  if (!lock.ok) throw new LockedError(lock.holder);
  const actions: RepairAction[] = [];
  try {
    let text: string;
    let uid: number;
    try {
      text = fs.readFileSync(file, 'utf8');
      uid = fs.statSync(file).uid;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new StoreError(code === 'ENOENT' ? 'missing' : 'unreadable', file, (e as Error).message);
    }
    let raw: Record<string, unknown> | null;
    try {
      raw = JSON.parse(text) as Record<string, unknown> | null;
    } catch (e) {
      throw new StoreError('corrupt', file, (e as Error).message);
    }
    const jfile = journalPathFor(file);
    const dest = `${jfile}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
    let jr: JournalRead | null;
    try {
      jr = readJournal(file, uid);
    } catch (e) {
      if (e instanceof JournalUnsafeError) throw new StoreError('journalUnsafe', e.file, e.why);
      throw new StoreError('unreadable', jfile, (e as Error).message);
    }
    let folded = 0;
    if (jr) {
      const id = raw && typeof raw.id === 'string' ? raw.id : undefined;
      const gen = raw && typeof raw.generation === 'number' ? raw.generation : 0;
      if (jr.header && (jr.header.ws !== id || jr.header.gen > gen)) {
        moveAside(jfile, dest);
        actions.push({ code: 'repairMovedJournal', dest });
      } else if (jr.header && jr.header.gen < gen) {
        actions.push({ code: 'repairStale' }); // removed by the writable open below
      } else {
        const cut = jr.bad ?? jr.torn;
        if (cut) {
          const bytes = setAsideJournal(file, cut.start, dest);
          actions.push({ code: 'repairMovedBad', from: cut.line, to: jr.lines, bytes, dest });
        }
        folded = jr.entries.reduce((n, en) => n + en.batch.changes.length, 0);
      }
    }
    const orphans = tempFilesOf(file).filter((t) => !t.alive && t.mine).length;
    const store = await openStore(file, { write: true, now }, lock.release);
    try {
      if (folded > 0) {
        await store.save();
        actions.push({ code: 'repairFolded', count: folded });
      }
    } finally {
      await store.close({ compact: false });
    }
    if (orphans) actions.push({ code: 'repairTemps', count: orphans });
    return actions;
  } finally {
    lock.release();
  }
}
