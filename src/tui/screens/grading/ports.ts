// What screen 8 needs from outside the app, handed in by whoever starts it (run.ts: the storage
// backend and the bundled program; tests: their own), so the shell never reaches storage.
import { createContext, useContext } from 'react';
import type { Workspace } from '../../../domain/workspace.js';
import type { TeamGrading } from '../../../services/team-lab.js';

export interface GradingPorts {
  /** the demo hotel as shipped (not dated today: each lab's start dates it itself) */
  demo: () => Workspace;
  /** writes a whole file atomically and durably (the gradebook CSV) */
  writeFile: (file: string, bytes: Uint8Array, mode?: number) => void;
  /** the bundled program, for grading's worker threads; none: graded in the app's thread */
  workerScript?: string;
  /** --grade DIR: the folder of submissions to grade at once */
  dir?: string;
  /** a shared hotel: its team lab graded from its history (screen 8 shows this instead of
   *  asking for a folder; the lab panel names who did each task) */
  team?: () => Promise<TeamGrading>;
  /** the shared hotel as messages name it (no password) */
  hotel?: string;
}

export const GradingPortsContext = createContext<GradingPorts | undefined>(undefined);
GradingPortsContext.displayName = 'GradingPortsContext';

export const useGradingPorts = () => useContext(GradingPortsContext);
