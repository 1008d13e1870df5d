// Grading a class off the main thread: the files are shared out to worker threads (each runs
// the bundled program, which hands itself to runGradeWorker), one file's outcome comes back at a
// time (progress), and the class is put together in the files' name order, so the gradebook is
// the same as gradeFolder's whatever the number of workers. Without a worker script (tests on
// the sources, a folder of a few files) the files are graded here, one per turn of the event
// loop, so the screen keeps taking keys.
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Workspace } from '../domain/workspace.js';
import type { Lab } from '../domain/labs/lab-schema.js';
import { combineGrades, fileGrader, submissionNames, type ClassGrades, type FileOutcome, type GradeOptions } from './grading.js';

/** workerData.kind of a grading worker: the bundled program checks it before anything else */
export const GRADE_WORKER = 'hotel-crm-grade';

interface WorkerJob {
  kind: typeof GRADE_WORKER;
  dir: string;
  /** [index in the class, file name] */
  files: [number, string][];
  labs: Lab[];
  late: GradeOptions['late'];
}
type WorkerMessage = { i: number; outcome: FileOutcome };

export interface ParallelOptions {
  /** the script a worker runs (the bundled program's file URL); none: graded in this thread */
  workerScript?: string | URL;
  /** at most this many workers (default: the machine's cores, at most 8) */
  workers?: number;
  /** below this many files the workers' start costs more than it saves */
  minFilesPerWorker?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Whether this thread was started to grade (the program's entry asks before starting a shell). */
export const isGradeWorker = (): boolean => !isMainThread && (workerData as { kind?: string } | null)?.kind === GRADE_WORKER;

/** The body of a grading worker: grade the files it was given, one message per file. */
export function runGradeWorker(demo: () => Workspace): void {
  const job = workerData as WorkerJob;
  const grade = fileGrader({ labs: job.labs, late: job.late, demo });
  for (const [i, name] of job.files) {
    let outcome: FileOutcome;
    try {
      outcome = grade(job.dir, name);
    } catch (e) {
      outcome = { problem: { file: name, code: 'unreadable', reason: e instanceof Error ? e.message : String(e) } };
    }
    parentPort!.postMessage({ i, outcome } satisfies WorkerMessage);
  }
}

const turn = () => new Promise<void>((r) => setImmediate(r));

/** gradeFolder, in workers when a script is given and the class is large enough, else here a
 *  file per turn; the same ClassGrades either way. */
export async function gradeFolderAsync(dir: string, opts: GradeOptions, p: ParallelOptions = {}): Promise<ClassGrades> {
  const names = submissionNames(dir);
  const outcomes: (FileOutcome | undefined)[] = new Array(names.length);
  let done = 0;
  const progress = () => p.onProgress?.(done, names.length);
  progress();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Math.max(0, Math.min(p.workers ?? Math.min(8, cores), Math.floor(names.length / (p.minFilesPerWorker ?? 20))));
  if (p.workerScript && n >= 1) {
    // every n-th file to each worker: a class's files alike in size, the work evens out
    const shares: [number, string][][] = Array.from({ length: n }, () => []);
    names.forEach((name, i) => shares[i % n].push([i, name]));
    await Promise.all(
      shares.map(
        (files) =>
          new Promise<void>((resolve) => {
            const job: WorkerJob = { kind: GRADE_WORKER, dir, files, labs: [...opts.labs], late: opts.late };
            const script = typeof p.workerScript === 'string' && p.workerScript.startsWith('file:') ? new URL(p.workerScript) : p.workerScript!;
            let w: Worker;
            try {
              w = new Worker(script, { workerData: job });
            } catch {
              return resolve();
            }
            w.on('message', (m: WorkerMessage) => {
              if (outcomes[m.i] === undefined) done++;
              outcomes[m.i] = m.outcome;
              progress();
            });
            // a worker that fails leaves its files to this thread (below): none is lost
            w.on('error', () => resolve());
            w.on('exit', () => resolve());
          }),
      ),
    );
  }
  const grade = fileGrader(opts);
  for (let i = 0; i < names.length; i++) {
    if (outcomes[i] !== undefined) continue;
    outcomes[i] = grade(dir, names[i]);
    done++;
    progress();
    await turn();
  }
  return combineGrades(outcomes as FileOutcome[], opts);
}
