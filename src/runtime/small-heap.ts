// The full-screen app runs for hours, fifty at a time on one small server, and each frame
// Ink builds and drops a few MB of cells and strings. V8's defaults answer that by doubling
// the young generation (to 32 MB) and letting dead objects pile up in the old one: +30 MB of
// resident memory per student after a burst of key presses, for no visible gain (see
// scripts/bench.ts: peak RSS against an Ink hello world). Both settings below are read by V8
// at each collection, so they take effect when set at run time (unlike --max-semi-space-size,
// fixed when the heap is made; the command line cannot carry it: npm's bin shim starts plain
// `node`, and NODE_OPTIONS is not the students' to set). Only GC heuristics are touched:
// --optimize-for-size saved about as much but also changes what the compiler does.
import { setFlagsFromString } from 'node:v8';

/** Keeps the young generation at its starting size and collects the old one sooner. */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}
