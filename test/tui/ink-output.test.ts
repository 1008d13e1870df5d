// The bundle draws frames with src/tui/ink-output.ts instead of Ink's own frame buffer. What a
// user sees must not change: for frames built of the pieces the app draws (Chinese names,
// colours, inverse selections, borders, clipped boxes, wide characters cut at a clip edge),
// both must give the same string, frame after frame (ours shares cells between frames).
import { describe, expect, it } from 'vitest';
import chalk from 'chalk';
import LeanOutput, { styledChars } from '../../src/tui/ink-output.js';
// Ink's package exports only its entry; its frame buffer is reached by path
import InkOutput from '../../node_modules/ink/build/output.js';

chalk.level = 3;

type Op = ['write', number, number, string, ((s: string, i: number) => string)[]] | ['clip', { x1?: number; x2?: number; y1?: number; y2?: number }] | ['unclip'];

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['任艳桂', '张丽', 'Wang Qiang', '西湖雅居酒店', 'C0012', '潜在客户', 'VIP', '2026-09-01', '¥1,288.00', '│', '─', '✓', ' ', 'é', '👍', 'ｱ'];
const STYLES: ((s: string) => string)[] = [
  (s) => s,
  chalk.bold,
  chalk.inverse,
  chalk.dim,
  chalk.red,
  chalk.bgBlue.white,
  (s) => chalk.bold(chalk.green(s)),
  (s) => chalk.underline(s) + chalk.cyan('x'),
  chalk.hex('#ff8800'),
];

function randomFrame(r: () => number, width: number, height: number): Op[] {
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const ops: Op[] = [];
  let clips = 0;
  for (let i = 0; i < 30; i++) {
    const k = r();
    if (k < 0.1) {
      ops.push(['clip', r() < 0.5 ? { x1: Math.floor(r() * width), x2: Math.floor(r() * width) + 2, y1: Math.floor(r() * height), y2: Math.floor(r() * height) + 2 } : { x1: Math.floor(r() * 10), x2: Math.floor(r() * width) }]);
      clips++;
    } else if (k < 0.15 && clips) {
      ops.push(['unclip']);
      clips--;
    } else {
      const lines = Array.from({ length: 1 + Math.floor(r() * 3) }, () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(STYLES)(pick(WORDS))).join(''));
      const transformers = r() < 0.3 ? [(s: string, idx: number) => (idx === 0 ? chalk.inverse(s) : s)] : [];
      ops.push(['write', Math.floor(r() * (width + 4)) - 2, Math.floor(r() * (height + 2)) - 1, lines.join('\n'), transformers]);
    }
  }
  return ops;
}

function draw(OutputClass: new (o: { width: number; height: number }) => { write: Function; clip: Function; unclip: Function; get(): { output: string; height: number } }, ops: Op[], width: number, height: number) {
  const out = new OutputClass({ width, height });
  for (const op of ops) {
    if (op[0] === 'write') out.write(op[1], op[2], op[3], { transformers: op[4] });
    else if (op[0] === 'clip') out.clip(op[1]);
    else out.unclip();
  }
  return out.get();
}

describe('the lean frame buffer draws what Ink draws', () => {
  it('gives the same frame as Ink for 400 random frames of Chinese, colours, clips and wide characters', () => {
    const r = rnd(20261125);
    let differing = 0;
    let first: { ink: string; lean: string } | undefined;
    for (let i = 0; i < 400; i++) {
      const width = 20 + Math.floor(r() * 60);
      const height = 3 + Math.floor(r() * 10);
      const ops = randomFrame(r, width, height);
      const ink = draw(InkOutput as never, ops, width, height);
      const lean = draw(LeanOutput, ops, width, height);
      if (ink.output !== lean.output || ink.height !== lean.height) {
        differing++;
        first ??= { ink: JSON.stringify(ink.output), lean: JSON.stringify(lean.output) };
      }
    }
    expect(first).toBeUndefined();
    expect(differing).toBe(0);
  });

  it('keeps a frame right when the same lines come back with another style (cells are shared between frames)', () => {
    const lines = ['任艳桂  C0001  潜在客户', '张丽    C0002  VIP'];
    const frames = [0, 1, 0, 1].map((sel) => {
      const ops: Op[] = lines.map((l, i): Op => ['write', 0, i, i === sel ? chalk.inverse(l) : l, []]);
      return { ink: draw(InkOutput as never, ops, 30, 2).output, lean: draw(LeanOutput, ops, 30, 2).output };
    });
    for (const f of frames) expect(f.lean).toBe(f.ink);
    expect(frames[0].lean).not.toBe(frames[1].lean);
  });

  it('keeps one cell per character and style however many lines show it (a long session does not grow by the characters it drew)', () => {
    const a = styledChars(`${chalk.bold('王先生')} C0001 ${chalk.inverse('王')}`);
    const b = styledChars(`x ${chalk.bold('王丽')} ${chalk.inverse('王')}x`);
    expect(a[0]).toBe(b[2]); // 王 in bold, at the start of one line and inside another
    expect(a.at(-1)).toBe(b.at(-2)); // 王 in inverse
    expect(a[0]).not.toBe(a.at(-1)); // the same character in another style is another cell
    expect(a[0].styles).toBe(b[2].styles);
  });
});
