#!/usr/bin/env python3
"""first-frame-vs-less.py: entente's first frame beside less's, in paired, alternating runs.

For each terminal size (default 80x24 and 200x50) the script runs `less` on a 200 KB text file
and `entente` alternately, RUNS times each (default 30), the order swapped every pair so that
neither program always runs second. Each run gets a fresh pseudo-terminal whose size is set on
the master side with TIOCSWINSZ *before* the program is spawned (pty.fork would race the size
against the program's first TIOCGWINSZ), and the slave becomes the program's controlling
terminal (setsid + TIOCSCTTY) and its stdin, stdout and stderr.

The clock starts just before the spawn and stops when:
- less: its first prompt has been read (the file's name, which less shows at the bottom of
  the first screen of a file; the text never contains that name);
- entente: the end of the first synchronized update (ESC [ ? 2026 l) has been read, which is
  sent after the whole frame; with --until TEXT, the end of the first synchronized update
  that comes after TEXT was seen (a big corpus draws a loading line first: pass a word of the
  full frame's footer, e.g. --until "q quit").
Then `q` quits the program and its peak RSS is read (wait4's rusage).

Prints per size: the median (min, max) of each program, the ratio of the medians
(entente / less), the bytes up to the end of the first frame, and entente's peak RSS.
Not part of CI; stdlib only.

Usage: scripts/first-frame-vs-less.py [--runs N] [--sizes 80x24,200x50] [--bin PATH]
                                      [--until TEXT] [--env NAME=VALUE]
                                      [-- ENTENTE ARGS...]
"""
import argparse
import fcntl
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BIN = os.path.join(ROOT, "target", "release", "entente")
FRAME_END = b"\x1b[?2026l"
SAMPLE_NAME = "less-sample-200k.txt"
SAMPLE_BYTES = 200 * 1024
TIMEOUT = 30.0


def sample_file(directory):
    """A 200 KB text: the shipped press releases, repeated."""
    sources = os.path.join(ROOT, "assets", "sources")
    parts = []
    for name in sorted(os.listdir(sources)):
        with open(os.path.join(sources, name), encoding="utf-8") as f:
            parts.append(f.read())
    text = "\n".join(parts)
    body = (text * (SAMPLE_BYTES // len(text.encode()) + 1)).encode()[:SAMPLE_BYTES]
    path = os.path.join(directory, SAMPLE_NAME)
    with open(path, "wb") as f:
        f.write(body.decode("utf-8", "ignore").encode())
    return path


def clean_env(home):
    """One environment for both programs: no user settings, no input preprocessor. The
    caller's XDG_CACHE_HOME is kept when set, so that runs can share entente's cache
    entries (without it each call has a fresh HOME, so an empty cache)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LESSHISTFILE": "-",
        "ENTENTE_CORPUS_DIR": os.path.join(home, "no-user-corpus"),
    }
    if os.environ.get("XDG_CACHE_HOME"):
        env["XDG_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"]
    return env


def own_terminal():
    """In the child, after setsid: make the slave (fd 0) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_once(argv, env, cols, rows, done):
    """Spawns argv on a fresh COLSxROWS pty; returns (seconds to `done`, bytes, peak RSS KiB)."""
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=env["HOME"],
        start_new_session=True,
        preexec_fn=own_terminal,
        close_fds=True,
    )
    os.close(slave)
    seen = bytearray()
    elapsed = None
    deadline = start + TIMEOUT
    while elapsed is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if done(seen):
            elapsed = time.perf_counter() - start
    size = len(seen)
    os.write(master, b"q")
    rss = reap(proc, master)
    os.close(master)
    return elapsed, size, rss


def reap(proc, master):
    """Drains the pty until the program exits (killing it after 5 s); its peak RSS in KiB."""
    end = time.perf_counter() + 5
    while time.perf_counter() < end:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                pass
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = status
            return usage.ru_maxrss
    proc.kill()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    return usage.ru_maxrss


def less_done(seen):
    return SAMPLE_NAME.encode() in seen


def entente_done(until):
    marker = until.encode() if until else None

    def done(seen):
        if marker is None:
            return FRAME_END in seen
        at = seen.find(marker)
        return at >= 0 and seen.find(FRAME_END, at) >= 0

    return done


def summary(times):
    ms = [t * 1000 for t in times]
    return statistics.median(ms), min(ms), max(ms)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sizes", default="80x24,200x50")
    parser.add_argument("--bin", default=DEFAULT_BIN)
    parser.add_argument("--until", default=None)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set for entente's runs only")
    parser.add_argument("entente_args", nargs="*")
    args = parser.parse_args()
    less = shutil.which("less")
    if less is None:
        sys.exit("less is not installed")
    if not os.path.exists(args.bin):
        if args.bin != DEFAULT_BIN:
            sys.exit(f"no binary at {args.bin}")
        subprocess.run(["cargo", "build", "--release", "--bin", "entente"], cwd=ROOT, check=True)
    entente = [os.path.abspath(args.bin)] + args.entente_args
    with tempfile.TemporaryDirectory(prefix="first-frame-") as home:
        sample = sample_file(home)
        env = clean_env(home)
        entente_env = dict(env)
        for setting in args.env:
            name, _, value = setting.partition("=")
            entente_env[name] = value
        programs = {
            "less": ([less, sample], less_done, env),
            "entente": (entente, entente_done(args.until), entente_env),
        }
        for size in args.sizes.split(","):
            cols, rows = (int(n) for n in size.split("x"))
            times = {"less": [], "entente": []}
            sizes = {}
            rss = []
            for i in range(args.runs):
                order = ["less", "entente"] if i % 2 == 0 else ["entente", "less"]
                for name in order:
                    argv, done, run_env = programs[name]
                    elapsed, nbytes, maxrss = run_once(argv, run_env, cols, rows, done)
                    if elapsed is None:
                        sys.exit(f"{name}: no first frame within {TIMEOUT:.0f} s at {size}")
                    times[name].append(elapsed)
                    sizes[name] = nbytes
                    if name == "entente":
                        rss.append(maxrss / 1024)
            e, l = summary(times["entente"]), summary(times["less"])
            print(f"{cols}x{rows}, {args.runs} runs each, alternating:")
            print(f"  less    median {l[0]:7.1f} ms (min {l[1]:.1f}, max {l[2]:.1f});"
                  f" {sizes['less']} bytes to the prompt")
            print(f"  entente median {e[0]:7.1f} ms (min {e[1]:.1f}, max {e[2]:.1f});"
                  f" {sizes['entente']} bytes to the end of the frame;"
                  f" peak RSS median {statistics.median(rss):.1f} MiB (max {max(rss):.1f})")
            print(f"  ratio entente/less (medians): {e[0] / l[0]:.2f}")


if __name__ == "__main__":
    main()
