// Screen 8 on a shared hotel: the team lab the hotel runs, graded from its history (the same
// service and words as `grade --data`): the team's score, each task with who did it and when,
// a row per employee with the tasks credited to them. Read again as others' saves arrive.
import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import type { ScreenProps } from '../../screens.js';
import { fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { TeamGradeError, type TeamGrading } from '../../../services/team-lab.js';
import { workspaceTimeZone } from '../../../services/time-zone.js';
import { storeErrorText } from '../../../presentation/store-errors.js';
import { teamGradeCsv, teamGradeLines } from '../../../presentation/team-gradebook.js';
import { fsErrorCode, fsReasonText } from '../../../presentation/fs-errors.js';
import type { GradingPorts } from './ports.js';
import { useCommands } from '../../hooks/use-keys.js';
import { TEAM_COMMANDS, type TeamCtx } from './commands.js';
import { serialReader } from '../../hooks/serial-read.js';
import { usePathPrompt } from './path-prompt.js';

export function TeamGradebook({ active, height, width, ports }: ScreenProps & { ports: GradingPorts }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const [state, setState] = useState<{ g?: TeamGrading; error?: string; loading: boolean }>({ loading: true });
  // the tasks and then the employees are taller than 24 rows: the first line stays, the rest scrolls
  const [top, setTop] = useState(0);
  const reader = useRef(serialReader());
  // grading is the administrator's, as for a folder of submissions
  const allowed = repo.whoActs().root;
  const version = repo.version;
  const labId = repo.ws.settings.lab;
  useEffect(() => {
    if (!active || !allowed || !ports.team) return;
    // one read at a time; saves that arrive meanwhile are read once it is done
    reader.current.run(() =>
      ports.team!()
        .then((g) => setState({ g, loading: false }))
        .catch((e) => setState((s) => ({ ...s, loading: false, error: errorText(e) }))),
    );
  }, [active, allowed, version, labId, ports, t]);

  function errorText(e: unknown): string {
    if (e instanceof TeamGradeError) {
      const p = e.problem;
      if (p.code === 'unknownLab') return t('grade.team.unknownLab', { lab: sanitizeLine(p.lab), ids: '' });
      return p.code === 'noLab' ? t('grade.team.noLab') : t('grade.team.notShared', { file: sanitizeLine(ports.hotel ?? '') });
    }
    return storeErrorText(t, e) ?? sanitizeLine(String((e as Error).message ?? e));
  }

  const lines: { text: string; bold?: boolean; color?: string }[] = [];
  lines.push({ text: fit(t('grading.team.title', { id: labId ?? '-' }), width), bold: true });
  if (!allowed) lines.push({ text: fit(t('grading.notAllowed'), width), color: theme.warn });
  else if (state.error) lines.push({ text: fit(t('grading.team.failed', { reason: state.error }), width), color: theme.error });
  else if (!state.g) lines.push({ text: fit(t('grading.team.loading'), width), color: theme.muted });
  else for (const l of teamGradeLines(state.g, t, state.g.timeZone ?? workspaceTimeZone(repo.ws), ports.hotel ?? '', width)) lines.push({ text: l });
  const room = Math.max(1, height - 1);
  const maxTop = Math.max(0, lines.length - 1 - room);
  const shownTop = Math.min(top, maxTop);
  const zone = state.g?.timeZone ?? workspaceTimeZone(repo.ws);
  // the same file as `grade --data URL --csv FILE`; "saved" only once it is on disk
  const exportTo = (file: string) => {
    const g = state.g;
    if (!g) return;
    try {
      ports.writeFile(file, teamGradeCsv(g, t, zone), 0o640);
      app.notify(t('grading.team.saved', { file: sanitizeLine(file) }), 'ok');
    } catch (e) {
      const code = fsErrorCode(e);
      app.notify(t('grading.saveFailed', { file: sanitizeLine(file), reason: code ? fsReasonText(t, code) : sanitizeLine(String((e as Error).message ?? e)) }), 'error');
    }
  };
  const prompt = usePathPrompt<'export'>({ active, width, y: app.bodyTop + height - 1, onKeep: (_p, file) => exportTo(file) });
  const ctx: TeamCtx = {
    scroll: (by) => setTop((v) => Math.max(0, Math.min(maxTop, Math.min(v, maxTop) + by))),
    noBook: () => (!allowed ? 'grading.notAllowed' : state.g ? undefined : 'grading.team.loading'),
    exportCsv: () => prompt.ask('export', 'grading.exportPrompt', `team-${labId ?? 'lab'}.csv`),
  };
  useCommands('screen', TEAM_COMMANDS, ctx, { active: active && !prompt.asking });
  const shown = [lines[0], ...lines.slice(1 + shownTop, 1 + shownTop + room)];
  while (shown.length < height) shown.push({ text: '' });
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.slice(0, prompt.line ? height - 1 : height).map((l, i) => (
        <Text key={i} bold={l.bold} color={l.color} wrap="truncate">{l.text || ' '}</Text>
      ))}
      {prompt.line}
    </Box>
  );
}
