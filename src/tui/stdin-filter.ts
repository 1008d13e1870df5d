// What Ink reads as stdin. Two fixes for keys as they arrive over SSH:
// - a read can hold several keys ("\r\r", Ctrl+U then "wq"): Ink 6 would see one unknown
//   key, so each control key and escape sequence is handed over as its own read, while a
//   run of printable text (a paste, an input method's commit) stays together, unless it is
//   one key pressed several times;
// - an arrow key can arrive split (ESC, then "[B" in the next read): a trailing lone ESC is
//   held a few milliseconds so the halves are joined before Ink sees them.
import { EventEmitter } from 'node:events';
import { PASTE } from './keys.js';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/** Pasted text as one line for a one-line field: line breaks and tabs become spaces, other
 *  control characters go. */
// eslint-disable-next-line no-control-regex
export const pastedText = (s: string) => s.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

export const ESC_HOLD_MS = 30;

// CSI (ESC [ … final), SS3 (ESC O x), ESC + one char, a control char, or a run of text
// eslint-disable-next-line no-control-regex
const TOKEN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\[\[?[A-Z]?|\u001bO.|\u001b[\s\S]|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/g;

// One key pressed several times (key repeat, `[[`, `jjj` over a slow link) arrives as one run;
// it is a sequence of presses, not text, and each press must act on what the previous one left.
// Mixed text stays one read: without the paste brackets it may be an unbracketed paste.
const repeatedKey = (run: string) => {
  const chars = [...run];
  return chars.length > 1 && chars.every((c) => c === chars[0]) ? chars : [run];
};

export function splitKeys(s: string): string[] {
  return (s.match(TOKEN) ?? []).flatMap((k) => (k.charCodeAt(0) < 0x20 || k.charCodeAt(0) === 0x7f ? [k] : repeatedKey(k)));
}

type RawStdin = NodeJS.ReadStream & { setRawMode?: (m: boolean) => unknown };

export function keyStdin(src: RawStdin): NodeJS.ReadStream {
  const out = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const queue: string[] = [];
  let held = '';
  let timer: NodeJS.Timeout | undefined;
  const push = (s: string) => {
    for (const k of splitKeys(s)) queue.push(k);
    if (queue.length) out.emit('readable');
  };
  const flush = () => {
    timer = undefined;
    const h = held;
    held = '';
    if (h) push(h);
  };
  // between the terminal's paste brackets everything is text (a paste may span reads)
  let paste: string | undefined;
  const onData = (chunk: string | Buffer) => {
    let s = held + chunk.toString();
    held = '';
    for (;;) {
      if (paste !== undefined) {
        const end = s.indexOf(PASTE_END);
        if (end < 0) {
          paste += s;
          return;
        }
        const text = pastedText(paste + s.slice(0, end));
        paste = undefined;
        s = s.slice(end + PASTE_END.length);
        if (text) {
          queue.push(PASTE + text);
          out.emit('readable');
        }
        continue;
      }
      const start = s.indexOf(PASTE_START);
      if (start < 0) break;
      if (start > 0) push(s.slice(0, start));
      paste = '';
      s = s.slice(start + PASTE_START.length);
    }
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (s.endsWith('\u001b') && !s.endsWith('\u001b\u001b')) {
      held = '\u001b';
      s = s.slice(0, -1);
      timer = setTimeout(flush, ESC_HOLD_MS);
    }
    if (s) push(s);
  };
  let listening = false;
  Object.assign(out, {
    isTTY: src.isTTY,
    setEncoding: () => out,
    setRawMode: (mode: boolean) => {
      src.setRawMode?.(mode);
      if (mode && !listening) {
        listening = true;
        src.setEncoding('utf8');
        src.on('data', onData);
      }
      return out;
    },
    // one key per read: Ink reads until null, and handles each read as one input
    read: () => (queue.length ? queue.shift()! : null),
    ref: () => {
      src.ref();
      return out;
    },
    unref: () => {
      src.unref();
      return out;
    },
    pause: () => {
      src.off('data', onData);
      listening = false;
      src.pause();
      return out;
    },
  });
  return out as unknown as NodeJS.ReadStream;
}
