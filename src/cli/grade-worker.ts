// A grading worker thread's entry, for the program's composition root (main.ts), which may not
// reach the services itself: the bundled program started as a worker grades and does nothing else.
export { isGradeWorker, runGradeWorker } from '../services/grading-parallel.js';
