#!/usr/bin/env python3
"""Runs a terminal program in a pseudo-terminal and measures what a user feels: time to the
first frame, keypress-to-frame latency, peak RSS, CPU used while idle, and time until a file
is rewritten after a key. Prints one JSON object. Used by scripts/bench.ts."""
import argparse, json, os, pty, select, signal, struct, fcntl, termios, time

def read_some(fd, timeout):
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return b''
    try:
        return os.read(fd, 1 << 16)
    except OSError:
        return b''

def proc_ticks(pid):
    with open(f'/proc/{pid}/stat') as f:
        parts = f.read().rsplit(')', 1)[1].split()
    return int(parts[11]) + int(parts[12])  # utime + stime

def peak_rss_kb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0

FRAME_END = b'\x1b[?2026l'  # Ink ends each frame with the synchronized-output end mark

def key_to_frame(fd, t, limit=2.0):
    """ms from a key press to the end of the frame it caused; None when nothing is drawn. The
    first byte is not enough: a frame can come in several reads, and the rest of it would be
    taken for the next key's frame. Without Ink's end mark, 50 ms of silence ends a frame."""
    tail = b''
    last = None
    while True:
        left = t + limit - time.monotonic()
        chunk = read_some(fd, left if last is None else min(0.05, left)) if left > 0 else b''
        if not chunk:
            return None if last is None else (last - t) * 1000
        last = time.monotonic()
        if FRAME_END in tail + chunk:
            return (last - t) * 1000
        tail = (tail + chunk)[-len(FRAME_END):]

def drain(fd, quiet=0.15, limit=5.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if not read_some(fd, quiet):
            return

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cols', type=int, default=80)
    ap.add_argument('--rows', type=int, default=24)
    ap.add_argument('--marker', required=True, help='text that shows the first frame is drawn')
    ap.add_argument('--keys', default='', help='keys to time one by one, JSON list')
    ap.add_argument('--gap', type=float, default=0.05, help='seconds between timed keys')
    ap.add_argument('--pause', type=float, default=0, help='seconds to wait before the timed keys (a person reading the screen)')
    ap.add_argument('--idle', type=float, default=0)
    ap.add_argument('--settle', type=float, default=2)
    ap.add_argument('--save-keys', default='', help='JSON list of keys; time until --save-file changes')
    ap.add_argument('--save-file', default='')
    ap.add_argument('--quit', default='q')
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == '--' else a.cmd
    env = dict(os.environ)
    env.pop('CI', None)  # CI=true makes Ink skip frames
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', a.rows, a.cols, 0, 0))
    out = {}
    buf = b''
    marker = a.marker.encode()
    while True:
        chunk = read_some(fd, 10)
        if not chunk:
            raise SystemExit(f'no first frame; got {buf[-400:]!r}')
        buf += chunk
        if marker in buf:
            out['first_frame_ms'] = (time.monotonic() - t0) * 1000
            break
    drain(fd)
    if a.pause:
        end = time.monotonic() + a.pause
        while time.monotonic() < end:
            read_some(fd, 0.1)
    lat = []
    for k in json.loads(a.keys or '[]'):
        t = time.monotonic()
        os.write(fd, k.encode())
        got = key_to_frame(fd, t)
        if got is not None:
            lat.append(got)
        drain(fd, quiet=0.01, limit=1)
        time.sleep(a.gap)
    out['key_ms'] = lat
    if a.idle:
        drain(fd)
        time.sleep(a.settle)  # start-up work (record checks, V8 shrinking its heap after start) is not idle
        before = proc_ticks(pid)
        end = time.monotonic() + a.idle
        while time.monotonic() < end:
            read_some(fd, 0.5)
        out['idle_ticks'] = proc_ticks(pid) - before
    if a.save_keys:
        mtime = lambda: os.stat(a.save_file).st_mtime_ns if os.path.exists(a.save_file) else 0
        m0 = mtime()
        keys = json.loads(a.save_keys)
        for k in keys[:-1]:
            os.write(fd, k.encode())
            drain(fd, quiet=0.1)
        t = time.monotonic()
        os.write(fd, keys[-1].encode())
        while mtime() == m0 and time.monotonic() - t < 10:
            read_some(fd, 0.001)
        out['save_ms'] = (time.monotonic() - t) * 1000
    out['peak_rss_mib'] = peak_rss_kb(pid) / 1024
    os.write(fd, a.quit.encode())
    end = time.monotonic() + 3
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        read_some(fd, 0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print(json.dumps(out))

main()
