#!/usr/bin/env python3
"""first-frame-ab.py: the first frame of several entente binaries beside less's, in one rotation.

For comparing two builds (before and after a change) whose difference is a fraction of a
millisecond: `first-frame-vs-less.py` runs one binary against less, so two builds measured in
two calls see different minutes of a shared machine. Here less and every binary given run in
turn, RUNS rounds, each round starting one place further on, on the same fresh pseudo-terminals
sized before the spawn, with the same end of frame (`first-frame-vs-less.py`'s functions, which
this script loads). Prints each program's median and first quartile, and the ratio of its
median to less's.

The built-in corpus only (no arguments are passed to entente). With --floor, the start-up
floor instead: the time to the end of `cat` of a 2.6 KB frame, of `less --version` and of each
`BIN --version` (a process that starts and writes, doing none of the first frame's work).
Not part of CI; stdlib only.

Usage: scripts/first-frame-ab.py [--runs N] [--size 80x24] [--floor] BIN [BIN...]
"""
import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load_first_frame_vs_less():
    spec = importlib.util.spec_from_file_location(
        "first_frame_vs_less", os.path.join(HERE, "first-frame-vs-less.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--floor", action="store_true")
    parser.add_argument("bins", nargs="+", metavar="BIN")
    args = parser.parse_args()
    ff = load_first_frame_vs_less()
    less = shutil.which("less")
    if less is None:
        sys.exit("less is not installed")
    for path in args.bins:
        if not os.path.exists(path):
            sys.exit(f"no binary at {path}")
    cols, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="first-frame-ab-") as home:
        sample = ff.sample_file(home)
        env = ff.clean_env(home)
        if args.floor:
            frame = os.path.join(home, "frame")
            with open(frame, "wb") as f:
                f.write(b"\x1b[?2026h" + b"x" * 2580 + ff.FRAME_END)
            programs = [
                ("less", [less, "--version"], lambda seen: b"Nudelman" in seen),
                ("cat", ["cat", frame], ff.entente_done(None)),
            ] + [
                (path, [os.path.abspath(path), "--version"], lambda seen: b"\n" in seen)
                for path in args.bins
            ]
        else:
            programs = [("less", [less, sample], ff.less_done)] + [
                (path, [os.path.abspath(path)], ff.entente_done(None)) for path in args.bins
            ]
        times = {name: [] for name, _, _ in programs}
        for round_number in range(args.runs):
            start = round_number % len(programs)
            for name, argv, done in programs[start:] + programs[:start]:
                elapsed, _, _ = ff.run_once(argv, env, cols, rows, done)
                if elapsed is None:
                    sys.exit(f"{name}: no first frame within {ff.TIMEOUT} s")
                times[name].append(elapsed * 1000)
    less_median = statistics.median(times["less"])
    print(f"{args.size}, {args.runs} rounds, load {os.getloadavg()[0]:.2f}:")
    for name, ms in times.items():
        median = statistics.median(ms)
        quartile = statistics.quantiles(ms, n=4)[0]
        print(f"  {name:40s} median {median:5.2f} ms  first quartile {quartile:5.2f} ms  "
              f"ratio to less {median / less_median:.3f}")


if __name__ == "__main__":
    main()
