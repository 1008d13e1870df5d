// Screen 8, grading (实训评分): the instructor names the folder the class submitted to (asked
// here, or `--grade DIR`), the same grading service as `grade DIR` checks every file off the
// app's thread (worker threads; the count shows, every key still works), then the gradebook:
// a row per student with each lab's score, the total and the flags, the totals' spread as bars
// by band, Enter for one student's every task check, e to write the gradebook CSV (said once
// it is on disk). The gradebook stays while the app runs: screen 8 left and come back to.
// Grades use the default weights (seed 001) and no deadline; `grade DIR` takes the rest.
import path from 'node:path';
import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useApp } from '../../context.js';
import { useCommands } from '../../hooks/use-keys.js';
import type { ScreenProps } from '../../screens.js';
import { fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import type { T } from '../../../i18n/index.js';
import type { ClassGrades } from '../../../services/grading.js';
import { shippedLabs } from '../../../services/labs.js';
import { DEFAULT_WEIGHTS } from '../../../domain/grading/weights.js';
import { fsErrorCode, fsReasonText } from '../../../presentation/fs-errors.js';
import { GRADING_COMMANDS, STUDENT_COMMANDS, type GradingCtx, type StudentCtx } from './commands.js';
import { usePathPrompt } from './path-prompt.js';
import { bookHead, bookRow, chartLines, labsLine, problemLines, studentLines } from './lines.js';
import { useGradingPorts, type GradingPorts } from './ports.js';
import { TeamGradebook } from './TeamGradebook.js';

interface Session {
  dir?: string;
  phase: 'idle' | 'grading' | 'book';
  done: number;
  total: number;
  grades?: ClassGrades;
  sel: number;
  /** why the last grading did not give a gradebook */
  failed?: { dir: string; code?: string; message?: string };
  listeners: Set<() => void>;
}

// one grading session per app (its ports): kept when the screen is left, and a grading under
// way goes on meanwhile
const sessions = new WeakMap<GradingPorts, Session>();
function sessionOf(ports: GradingPorts): Session {
  let s = sessions.get(ports);
  if (!s) sessions.set(ports, (s = { phase: 'idle', done: 0, total: 0, sel: 0, listeners: new Set() }));
  return s;
}
const update = (s: Session, patch: Partial<Session>) => {
  Object.assign(s, patch);
  for (const l of s.listeners) l();
};

async function grade(s: Session, ports: GradingPorts, dir: string): Promise<void> {
  update(s, { phase: 'grading', dir, done: 0, total: 0, failed: undefined });
  let last = 0;
  try {
    // loaded on the first grading, not at the app's start (most sessions never grade)
    const { gradeFolderAsync } = await import('../../../services/grading-parallel.js');
    const grades = await gradeFolderAsync(
      dir,
      { labs: shippedLabs(), weights: DEFAULT_WEIGHTS, demo: ports.demo },
      {
        workerScript: ports.workerScript,
        onProgress: (done, total) => {
          // a frame per file would be 300 frames for nothing: at most one per 50 ms, and the last
          const now = Date.now();
          if (done < total && now - last < 50) return;
          last = now;
          update(s, { done, total });
        },
      },
    );
    update(s, { phase: 'book', grades, sel: 0 });
  } catch (e) {
    update(s, { phase: s.grades ? 'book' : 'idle', failed: { dir, code: fsErrorCode(e), message: e instanceof Error ? e.message : String(e) } });
  }
}

type Mode = { kind: 'book' } | { kind: 'student'; top: number };

const failedText = (t: T, f: NonNullable<Session['failed']>) =>
  t('grading.failed', { dir: sanitizeLine(f.dir), reason: f.code ? fsReasonText(t, f.code) : sanitizeLine(f.message ?? '') });

export function GradingScreen(props: ScreenProps) {
  // a shared hotel: its team lab's gradebook from the history, not a folder of submissions
  const shared = useGradingPorts();
  if (shared?.team) return <TeamGradebook {...props} ports={shared} />;
  return <FolderGrading {...props} />;
}

function FolderGrading({ active, height, width }: ScreenProps) {
  const app = useApp();
  const { repo, t, theme } = app;
  const ports = useGradingPorts();
  const [, redraw] = useState(0);
  const fallback = useRef<GradingPorts>({ demo: () => { throw new Error('no demo'); }, writeFile: () => { throw new Error('no writer'); } });
  const s = sessionOf(ports ?? fallback.current);
  useEffect(() => {
    const l = () => redraw((n) => n + 1);
    s.listeners.add(l);
    return () => void s.listeners.delete(l);
  }, [s]);
  // grading is the administrator's: the instructor runs the app on their own workspace
  const allowed = repo.whoActs().root;
  const refused = () => (!ports ? ('grading.unavailable' as const) : allowed ? undefined : ('grading.notAllowed' as const));
  // the folder is asked for on o, not on arrival: keys such as 1-9 and Tab still leave the screen
  const [mode, setMode] = useState<Mode>({ kind: 'book' });

  // --grade DIR: graded as soon as the screen is first shown
  useEffect(() => {
    if (ports?.dir && allowed && s.phase === 'idle' && !s.dir) void grade(s, ports, ports.dir);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const prompt = usePathPrompt<'folder' | 'export'>({
    active,
    width,
    y: app.bodyTop + height - 1,
    onKeep: (purpose, file) => (purpose === 'folder' ? ports && void grade(s, ports, file) : void exportTo(file)),
  });
  const g = s.phase === 'book' ? s.grades : undefined;
  const students = g?.students ?? [];
  const sel = Math.max(0, Math.min(s.sel, students.length - 1));

  const exportTo = async (file: string) => {
    if (!g || !ports) return;
    const { gradebookCsv } = await import('../../../presentation/gradebook.js');
    try {
      ports.writeFile(file, gradebookCsv(g, t), 0o640);
      // said only now: writeFile returns once the file is on disk
      app.notify(t('grading.saved', { file: sanitizeLine(file), count: g.students.length }), 'ok');
    } catch (e) {
      const code = fsErrorCode(e);
      app.notify(t('grading.saveFailed', { file: sanitizeLine(file), reason: code ? fsReasonText(t, code) : sanitizeLine(String((e as Error).message ?? e)) }), 'error');
    }
  };

  const ctx: GradingCtx = {
    refused,
    graded: s.phase === 'book' && !!g,
    grading: s.phase === 'grading',
    students: students.length,
    move: (by) => update(s, { sel: Math.max(0, Math.min(students.length - 1, Number.isFinite(by) ? sel + by : by > 0 ? students.length - 1 : 0)) }),
    open: () => setMode({ kind: 'student', top: 0 }),
    folder: () => prompt.ask('folder', 'grading.folderPrompt', s.dir ?? ports?.dir ?? ''),
    regrade: () => s.dir && ports && void grade(s, ports, s.dir),
    exportCsv: () => prompt.ask('export', 'grading.exportPrompt', s.dir ? path.join(path.dirname(path.resolve(s.dir)), 'gradebook.csv') : 'gradebook.csv'),
  };
  const drill = mode.kind === 'student' && g ? studentLines(g, students[sel], t, width) : [];
  const drillRoom = Math.max(1, height - 2);
  const studentCtx: StudentCtx = {
    scroll: (by) => setMode((m) => (m.kind === 'student' ? { ...m, top: Math.max(0, Math.min(Math.max(0, drill.length - drillRoom), m.top + by)) } : m)),
    back: () => setMode({ kind: 'book' }),
  };
  useCommands('screen', GRADING_COMMANDS, ctx, { active: active && mode.kind === 'book' && !prompt.asking });
  useCommands('screen', STUDENT_COMMANDS, studentCtx, { active: active && mode.kind === 'student' });

  const lines: { text: string; bold?: boolean; color?: string; inverse?: boolean }[] = [];
  const why = refused();
  const head = s.dir
    ? t('grading.head', { dir: sanitizeLine(s.dir), submissions: g?.submissions.length ?? '-', students: g?.students.length ?? '-', problems: g?.problems.length ?? '-' })
    : t('grading.title');
  lines.push({ text: fit(head, width), bold: true });
  if (why) {
    lines.push({ text: fit(t(why), width), color: theme.warn });
  } else if (mode.kind === 'student' && g) {
    for (const l of drill.slice(mode.top, mode.top + drillRoom)) lines.push({ text: l.text, bold: l.bold, color: l.bad ? theme.error : undefined });
  } else {
    if (s.failed) lines.push({ text: fit(failedText(t, s.failed), width), color: theme.error });
    if (s.phase === 'grading') lines.push({ text: fit(t('grading.progress', { done: s.done, total: s.total || '…' }), width), color: theme.accent });
    else if (!g) lines.push({ text: fit(t('grading.askFirst'), width), color: theme.muted });
    if (g) {
      const chart = chartLines(g, t, width);
      const problems = problemLines(g, t, width);
      lines.push({ text: labsLine(g, t, width), color: theme.muted });
      lines.push({ text: bookHead(g, t, width), bold: true });
      // the rows take what the chart leaves; the chart goes when there is no room for three rows
      const bottom = 1;
      const fixed = lines.length + bottom;
      const chartShown = height - fixed - chart.length >= Math.min(3, Math.max(1, students.length)) ? chart : [];
      const rowRoom = Math.max(1, height - fixed - chartShown.length);
      const rows = Math.min(students.length, rowRoom);
      const start = Math.max(0, Math.min(sel - Math.floor(rows / 2), students.length - rows));
      for (let i = start; i < start + rows; i++) lines.push({ text: bookRow(g, students[i], t, width), inverse: i === sel && active });
      if (!students.length) lines.push({ text: fit(t('grading.empty'), width), color: theme.muted });
      for (const c of chartShown) lines.push({ text: c });
      const room = height - bottom - lines.length;
      for (const p of problems.slice(0, Math.max(0, room))) lines.push({ text: p, color: theme.muted });
    }
  }
  while (lines.length < height - 1) lines.push({ text: '' });
  const bottom =
    prompt.line ?? (
      <Text color={theme.muted} wrap="truncate">
        {fit(g && students[sel] && mode.kind === 'book' ? t('grading.selected', { student: sanitizeLine([students[sel].student, students[sel].name].filter(Boolean).join(' ')) }) : '', width)}
      </Text>
    );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(0, height - 1).map((l, i) => (
        <Text key={i} bold={l.bold} color={l.color} inverse={l.inverse} wrap="truncate">{l.text || ' '}</Text>
      ))}
      {bottom}
    </Box>
  );
}
