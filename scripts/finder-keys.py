#!/usr/bin/env python3
"""finder-keys.py: key-to-screen time of the finder on a large corpus, and when results follow.

Runs a release binary (ENTENTE_BIN, default target/release/entente) with --corpus CORPUS in a
pseudo-terminal of 100x30 (the size is set in the child before exec), waits for the first
frame, opens the finder (f) and waits for its first results, then types TEXT one character
at a time. For each key it measures, from just before the key is written:

- "on screen": until the end of the first complete frame (ESC [ ? 2026 l) whose bytes hold
  the typed character (the query line redrawn);
- "results": until a completed frame no longer says "searching…" (the browser's worker
  answered); with a synchronous finder both are the same frame.

Typing starts half a second after the finder's first frame, which on a big corpus may still
say "indexing…" (the worker is making the finder): those keys are typed while it is made, and
are marked "i" in the output (their "results" is the frame that took the key).

The next key is sent once the results of the previous one are on screen, so each figure is
one keystroke alone (typing faster only cancels more scans). Last it prints the process's peak
RSS (wait4's rusage), a run in which the finder was surely built and used. Not part of CI.

Usage: scripts/finder-keys.py CORPUS [TEXT]
"""
import fcntl, os, pty, re, select, statistics, struct, sys, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("ENTENTE_BIN", os.path.join(ROOT, "target", "release", "entente"))
FRAME_END = b"\x1b[?2026l"
SEARCHING = "searching…".encode()
INDEXING = "indexing…".encode()
# What the finder's status corner says once results are in: "N of M".
COUNT = re.compile(rb"\d+ of \d+")


def indexing_at(seen, start, end):
    """Whether the finder's status, as last drawn in seen[start:end], says "indexing…".

    Frames carry only the cells that changed, so the status is the last of the three that
    was written, not what the latest frame holds."""
    text = bytes(seen[start:end])
    last = {"indexing": text.rfind(INDEXING), "searching": text.rfind(SEARCHING)}
    counts = [m.start() for m in COUNT.finditer(text)]
    last["count"] = counts[-1] if counts else -1
    return max(last, key=last.get) == "indexing" and last["indexing"] >= 0
COLS, ROWS = 100, 30


def read_until(fd, seen, done, timeout):
    """Reads into `seen` until done(seen) or the timeout; returns the time it became true."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if done(seen):
            return time.perf_counter()
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            seen.extend(os.read(fd, 1 << 16))
    raise SystemExit(f"timed out; last bytes: {bytes(seen[-300:])!r}")


def frames_after(seen, start):
    """The complete frames after offset `start`, as byte strings."""
    out, at = [], start
    while True:
        end = seen.find(FRAME_END, at)
        if end < 0:
            return out
        out.append(bytes(seen[at:end]))
        at = end + len(FRAME_END)


def main():
    corpus = sys.argv[1]
    text = sys.argv[2] if len(sys.argv) > 2 else "european cyber"
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(BIN, [BIN, "--corpus", corpus])
    seen = bytearray()
    t0 = time.perf_counter()
    read_until(fd, seen, lambda s: FRAME_END in s, 600)
    print(f"first frame after {time.perf_counter() - t0:.1f} s")
    # A big corpus shows the loading screen first, which takes no keys: wait for the app (its
    # footer's "quit") and the end of that frame.
    read_until(fd, seen, lambda s: b"quit" in s and FRAME_END in s[s.rfind(b"quit"):], 600)
    print(f"the app after {time.perf_counter() - t0:.1f} s")
    mark = len(seen)
    opened = mark
    os.write(fd, b"f")
    # The finder's first results: a completed frame without the searching mark.
    read_until(fd, seen, lambda s: any(SEARCHING not in f for f in frames_after(s, mark)), 120)
    time.sleep(0.5)
    while select.select([fd], [], [], 0.1)[0]:
        seen.extend(os.read(fd, 1 << 16))
    on_screen, results, indexing = [], [], []
    for c in text:
        mark = len(seen)
        start = time.perf_counter()
        os.write(fd, c.encode())
        shown = read_until(fd, seen, lambda s: len(frames_after(s, mark)) > 0, 60)
        # A frame drawn after the key holds the character (a space moves only the cursor).
        on_screen.append((shown - start) * 1000)

        def answered(s):
            return any(SEARCHING not in f for f in frames_after(s, mark))

        first = frames_after(seen, mark)
        # The finder still being made: its results cannot come before it is.
        indexing.append(indexing_at(seen, opened, seen.find(FRAME_END, mark)))
        if SEARCHING not in first[0]:
            results.append(on_screen[-1])
        else:
            results.append((read_until(fd, seen, answered, 120) - start) * 1000)
        time.sleep(0.05)
        while select.select([fd], [], [], 0.02)[0]:
            seen.extend(os.read(fd, 1 << 16))
    os.write(fd, b"\x1b")
    time.sleep(0.3)
    os.write(fd, b"q")
    _, _, usage = os.wait4(pid, 0)
    print("key: " + " ".join(repr(c) for c in text))
    print("on screen ms: " + " ".join(f"{t:.1f}" for t in on_screen))
    print("indexing:     " + " ".join("i" if i else "-" for i in indexing)
          + f"  ({sum(indexing)} keys typed while the finder was being made)")
    print("results ms:   " + " ".join(f"{t:.1f}" for t in results))
    print(f"on screen: median {statistics.median(on_screen):.1f} ms, max {max(on_screen):.1f} ms; "
          f"results: median {statistics.median(results):.1f} ms, max {max(results):.1f} ms")
    # ru_maxrss is in KiB on Linux: the whole run's peak, the finder built and searched.
    print(f"peak RSS {usage.ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
