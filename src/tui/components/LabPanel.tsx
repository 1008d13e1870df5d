// The lab panel (实训面板): the lab's title, score and tasks, each ticked as soon as the data
// shows it done (judged again after every change). Beside the screen on a wide terminal, with
// the scenario and why each open task is not done yet; below it on a narrow one, one line per
// task. Lines are cut to the width here, by display width, so the layout never wraps.
import { Box, Text } from 'ink';
import type { Lab } from '../../domain/labs/lab-schema.js';
import type { TaskResult } from '../../domain/labs/check.js';
import type { T } from '../../i18n/index.js';
import type { Theme } from '../theme.js';
import { displayWidth, fit, graphemes } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';

/** Text broken into lines of at most `width` columns (a Chinese character is two). */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of sanitizeLine(text).split(/\n/)) {
    let line = '';
    let w = 0;
    for (const g of graphemes(para)) {
      const gw = displayWidth(g);
      if (w + gw > width) {
        out.push(line);
        line = '';
        w = 0;
        if (g === ' ') continue;
      }
      line += g;
      w += gw;
    }
    out.push(line);
  }
  return out;
}

export interface LabPanelProps {
  lab: Lab;
  results: TaskResult[];
  t: T;
  theme: Theme;
  width: number;
  height: number;
  mode: 'side' | 'below';
  /** a team lab on a shared hotel: the login credited with each done task (by task id) */
  by?: ReadonlyMap<string, string>;
}

type Line = { text: string; color?: string; bold?: boolean };

export function labPanelLines({ lab, results, t, width, height, mode, theme, by }: LabPanelProps): Line[] {
  const doneBy = (r: TaskResult) => (r.passed && by?.get(r.taskId) ? sanitizeLine(t('lab.panel.by', { login: by.get(r.taskId)! })) : '');
  const lang = t.lang === 'en' ? 'en' : 'zh';
  const earned = results.reduce((a, r) => a + r.earned, 0);
  const total = results.reduce((a, r) => a + r.points, 0);
  const score = t('lab.panel.score', { earned, total });
  const title = sanitizeLine(`${t('lab.panel.title')} ${lab.title[lang]}`);
  const head: Line = { text: fit(title, Math.max(0, width - displayWidth(score) - 1)) + ' ' + score, bold: true };
  const tick = (r: TaskResult) => (r.passed ? '[x]' : '[ ]');
  const lines: Line[] = [head];
  if (mode === 'below') {
    lab.tasks.forEach((task, i) => {
      const r = results[i];
      const pts = String(task.points);
      const body = `${tick(r)} ${i + 1} ${sanitizeLine(task.description[lang])}`;
      const who = doneBy(r);
      const tail = who ? `${who} ${pts}` : pts;
      lines.push({ text: fit(body, Math.max(0, width - displayWidth(tail) - 1)) + ' ' + tail, color: r.passed ? theme.ok : undefined });
    });
    return lines.slice(0, height);
  }
  // beside the screen: the scenario (a few lines), then every task with why it is not done yet
  const scenario = wrapLines(lab.scenario[lang], width);
  const taskLines: Line[] = [];
  lab.tasks.forEach((task, i) => {
    const r = results[i];
    const first = `${tick(r)} ${i + 1}. `;
    const desc = wrapLines(`${first}${task.description[lang]} (${task.points})`, width);
    desc.forEach((l, k) => taskLines.push({ text: k === 0 ? l : l, color: r.passed ? theme.ok : undefined }));
    if (!r.passed) for (const l of wrapLines(`    ${r.reason[lang]}`, width).slice(0, 2)) taskLines.push({ text: l, color: theme.muted });
    else if (doneBy(r)) taskLines.push({ text: `    ${doneBy(r)}`, color: theme.muted });
  });
  const room = Math.max(0, height - 1 - taskLines.length - 1);
  const shown = scenario.slice(0, Math.min(room, 6));
  if (shown.length) lines.push(...shown.map((text) => ({ text, color: theme.muted })), { text: '' });
  lines.push(...taskLines);
  return lines.slice(0, height);
}

export function LabPanel(props: LabPanelProps) {
  const lines = labPanelLines(props);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {lines.map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} wrap="truncate">
          {fit(l.text, props.width)}
        </Text>
      ))}
    </Box>
  );
}
