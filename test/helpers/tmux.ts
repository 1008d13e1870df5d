import { execFileSync } from 'node:child_process';
import { BIN } from './cli.js';

/** Drives the real built app in a tmux pane: keys in, screen text out. */
export class TmuxSession {
  static socket = `hotel-crm-test-${process.pid}`;
  constructor(public name: string) {}

  static tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', TmuxSession.socket, ...args], { encoding: 'utf8' });
  }

  static start(name: string, appArgs: string[], opts: { cols?: number; rows?: number; env?: Record<string, string> } = {}): TmuxSession {
    const env = Object.entries({ LANG: 'C.UTF-8', ...opts.env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    // CI=true makes Ink skip intermediate frames: the app under test runs without it
    const cmd = `env -u CI ${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${appArgs.map((a) => JSON.stringify(a)).join(' ')}; echo "EXIT=$?"; sleep 60`;
    TmuxSession.tmux('new-session', '-d', '-s', name, '-x', String(opts.cols ?? 80), '-y', String(opts.rows ?? 24), cmd);
    return new TmuxSession(name);
  }

  screen(): string {
    return TmuxSession.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** where the terminal's real cursor is, and whether it is shown */
  cursor(): { x: number; y: number; visible: boolean } {
    const [x, y, flag] = TmuxSession.tmux('display', '-p', '-t', this.name, '#{cursor_x},#{cursor_y},#{cursor_flag}').trim().split(',').map(Number);
    return { x, y, visible: flag === 1 };
  }

  keys(...keys: string[]): void {
    TmuxSession.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** types text literally (UTF-8), as an input method commits it */
  type(text: string): void {
    TmuxSession.tmux('send-keys', '-t', this.name, '-l', text);
  }

  async waitFor(pred: string | RegExp | ((s: string) => boolean), timeoutMs = 8000): Promise<string> {
    const test = typeof pred === 'function' ? pred : (s: string) => (typeof pred === 'string' ? s.includes(pred) : pred.test(s));
    const end = Date.now() + timeoutMs;
    let s = '';
    while (Date.now() < end) {
      s = this.screen();
      if (test(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(pred)}; screen was:\n${s}`);
  }

  kill(): void {
    try {
      TmuxSession.tmux('kill-session', '-t', this.name);
    } catch {
      /* already gone */
    }
  }

  static killServer(): void {
    try {
      TmuxSession.tmux('kill-server');
    } catch {
      /* none */
    }
  }
}
