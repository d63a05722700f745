#!/usr/bin/env python3
"""first-frame.py: time from process start to the first complete frame, and peak memory.

Runs the release binary (built if missing) on the built-in corpus in a pseudo-terminal of
COLSxROWS (default 80x24), RUNS times (default 20): the clock starts just before fork/exec
and stops when the end of the first synchronized update (ESC [ ? 2026 l) has been read, which
ratatui sends only after the whole frame. Then `q` quits it and its peak RSS (getrusage of
the child) is read. Prints the median and the spread. Not part of CI.

Usage: scripts/first-frame.py [RUNS] [COLS] [ROWS]
"""
import fcntl, os, pty, resource, select, statistics, struct, subprocess, sys, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "entente")
FRAME_END = b"\x1b[?2026l"


def once(cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BIN, [BIN])
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen, first = b"", None
    deadline = start + 10
    while first is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 65536)
            if FRAME_END in seen:
                first = time.perf_counter() - start
    os.write(fd, b"q")
    end = time.perf_counter() + 5
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return first, usage.ru_maxrss, len(seen)
    os.kill(pid, 9)
    _, _, usage = os.wait4(pid, 0)
    return first, usage.ru_maxrss, len(seen)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    cols = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 24
    if not os.path.exists(BIN):
        subprocess.run(["cargo", "build", "--release", "--bin", "entente"], cwd=ROOT, check=True)
    times, rss, size = [], [], 0
    for _ in range(runs):
        first, maxrss, size = once(cols, rows)
        if first is None:
            sys.exit("no complete frame within 10 s")
        times.append(first * 1000)
        rss.append(maxrss / 1024)
    print(f"first frame at {cols}x{rows}, {runs} runs: median {statistics.median(times):.1f} ms"
          f" (min {min(times):.1f}, max {max(times):.1f}); first frame {size} bytes")
    print(f"peak RSS: median {statistics.median(rss):.1f} MiB (max {max(rss):.1f})")


if __name__ == "__main__":
    main()
