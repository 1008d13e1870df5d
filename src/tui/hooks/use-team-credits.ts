// The lab panel on a shared hotel: who did each done task of the team lab, from the hotel's
// history (the grading port), read again after saves arrive, one read at a time.
import { useEffect, useRef, useState } from 'react';
import type { Lab } from '../../domain/labs/lab-schema.js';
import type { GradingPorts } from '../screens/grading/ports.js';
import { serialReader } from './serial-read.js';

/** taskId → the login credited with it; undefined on a workspace that is not a shared hotel */
export function useTeamCredits(ports: GradingPorts | undefined, lab: Lab | undefined, shown: boolean, version: number): ReadonlyMap<string, string> | undefined {
  const [by, setBy] = useState<ReadonlyMap<string, string>>();
  const reader = useRef(serialReader());
  useEffect(() => {
    if (!ports?.team || !lab || !shown) return;
    reader.current.run(() =>
      ports
        .team!()
        .then((g) => setBy(g.lab.id === lab.id ? new Map(g.grade.tasks.filter((x) => x.by).map((x) => [x.taskId, x.by!])) : undefined))
        // the panel still shows the ticks; the names come with the next read that works
        .catch(() => {}),
    );
  }, [ports, lab, shown, version]);
  return ports?.team ? by : undefined;
}
