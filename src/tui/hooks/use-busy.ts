// A slow job started by a key (an import of 100k rows: seconds): its label is drawn first, then
// the job runs, and keys read while it ran are dropped. They were pressed at a frame that did
// not show the job's result; a second Enter typed while a preview was being made would
// otherwise import what nobody saw.
import { useEffect, useRef, useState } from 'react';
import { busyJobEnded, busyJobStarted, useKeysRoot } from './use-keys.js';

/** Ink draws at most every 17 ms (maxFps 60): the label is on screen before the job blocks */
const DRAW_MS = 50;

export interface Busy {
  /** what is being done, while it is */
  label: string | null;
  /** runs `job` after `label` is drawn; ignored while another job runs */
  run: (label: string, job: () => void) => void;
}

export function useBusy(): Busy {
  const root = useKeysRoot();
  const [label, setLabel] = useState<string | null>(null);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const running = useRef(false);
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
      // closed before the job began (the app quit): the job never runs
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = undefined;
        running.current = false;
        root.deaf = false;
        busyJobEnded();
      }
    };
  }, [root]);
  const run = (text: string, job: () => void) => {
    if (running.current) return;
    running.current = true;
    root.deaf = true;
    busyJobStarted();
    setLabel(text);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      try {
        job();
      } finally {
        running.current = false;
        if (!gone.current) setLabel(null);
        // keys read during the job come in before this: they are dropped, later ones act
        setImmediate(() => {
          root.deaf = false;
          busyJobEnded();
        });
      }
    }, DRAW_MS);
  };
  return { label, run };
}
