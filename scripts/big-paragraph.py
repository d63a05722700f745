#!/usr/bin/env python3
"""big-paragraph.py: key-to-screen time of `/` search and `n` in a huge paragraph.

Writes a copy of the fixture corpus (tests/fixtures/small) in which every account (a source
with a side) ends with one more paragraph of MB megabytes (default 10) of the text "The
delegations discussed cyber policy and capacity building. " repeated. Runs BIN (default
target/release/entente) on it with --corpus in a pseudo-terminal of COLSxROWS (default 80x24)
and presses Tab, `2` (the Text tab of the first entry), `/`, the letters of "capacity" one by
one, Enter, then `n` ten times; then Esc, `/` and `c` (a second search in the same text).
For each key the clock runs from writing it to the end of the next synchronized update
(ESC [ ? 2026 l), which ratatui sends only after a whole frame, and the screen is then quiet
for 300 ms (so a late frame would be counted in the next key). Prints each key's time and the
totals. Not part of CI.

Usage: scripts/big-paragraph.py [BIN] [MB] [COLS] [ROWS]
"""
import fcntl, json, os, pty, select, shutil, struct, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "small")
FRAME_END = b"\x1b[?2026l"
UNIT = "The delegations discussed cyber policy and capacity building. "


def make_corpus(out, megabytes):
    for name in os.listdir(FIXTURE):
        shutil.copy(os.path.join(FIXTURE, name), out)
    path = os.path.join(out, "sources.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    huge = (UNIT * (megabytes * 1024 * 1024 // len(UNIT))).strip()
    for source in data["sources"]:
        if source.get("side"):
            source["paragraphs"].append(huge)
            source["raw"] = source.get("raw", "") + "\n\n" + huge
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def read_frame(fd, timeout):
    """Reads until a frame ends; returns the seconds it took, or None."""
    start = time.perf_counter()
    seen = b""
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            seen += os.read(fd, 1 << 20)
            if FRAME_END in seen:
                return time.perf_counter() - start
    return None


def drain(fd, quiet):
    """Reads until nothing has come for `quiet` seconds."""
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return
        try:
            if not os.read(fd, 1 << 20):
                return
        except OSError:  # the program has ended
            return


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "entente")
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    cols = int(sys.argv[3]) if len(sys.argv) > 3 else 80
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 24
    corpus = tempfile.mkdtemp(prefix="big-paragraph-")
    make_corpus(corpus, megabytes)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["ENTENTE_CORPUS_DIR"] = "/nonexistent"
        os.execv(binary, [binary, "--corpus", corpus])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    if read_frame(fd, 60) is None:
        sys.exit("no first frame within 60 s")
    drain(fd, 0.3)
    keys = [("Tab", b"\t"), ("2", b"2"), ("/", b"/")]
    keys += [(c, c.encode()) for c in "capacity"]
    keys += [("Enter", b"\r")] + [("n", b"n")] * 10
    # A second search in the same text: Esc ends the first, then `/` and `c` again.
    keys += [("Esc", b"\x1b"), ("/", b"/"), ("c", b"c")]
    times = []
    for name, key in keys:
        os.write(fd, key)
        took = read_frame(fd, 60)
        if took is None:
            sys.exit(f"no frame within 60 s after {name}")
        times.append((name, took * 1000))
        drain(fd, 0.3)
    # Esc and q apart: together they read as Alt-q.
    os.write(fd, b"\x1b")
    drain(fd, 0.3)
    os.write(fd, b"q")
    drain(fd, 0.5)
    done, _ = os.waitpid(pid, os.WNOHANG)
    if not done:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    shutil.rmtree(corpus)
    print(f"{megabytes} MB paragraph, {cols}x{rows}, {binary}")
    for name, ms in times:
        print(f"  {name:>5}  {ms:8.1f} ms")
    typing = [ms for name, ms in times[3:11]]
    steps = [ms for name, ms in times[12:22]]
    print(f"typing 'capacity' (8 keys): {sum(typing):.0f} ms, slowest {max(typing):.0f} ms")
    print(f"n x10: {sum(steps):.0f} ms, slowest {max(steps):.0f} ms")
    print(f"first key of a second search: {times[-1][1]:.0f} ms")


if __name__ == "__main__":
    main()
