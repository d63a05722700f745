//! Bytes sent to the terminal: what each common step costs over a slow link, beside `less`,
//! and the scroll-region path for a one-line scroll checked against a full redraw.
//!
//! Every figure is printed (`cargo test terminal_bytes -- --nocapture`) for BENCHMARKS.md; the
//! bounds asserted are loose but meaningful: a small step sends far less than a full frame,
//! and a one-line scroll of the full-width text pane is within twice what `less` sends.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::pty::{Key, Pty, find_from};

const START: Duration = Duration::from_secs(20);
const SYNC_END: &[u8] = b"\x1b[?2026l";
/// Quiet time that ends a step: every frame of the binary is one synchronized update.
const SETTLE: Duration = Duration::from_millis(150);

/// Sends `keys`, waits until a frame has been completed and the output is quiet, and returns
/// how many bytes the step sent.
fn step(pty: &mut Pty, keys: &[Key]) -> usize {
    let mark = pty.mark();
    for key in keys {
        pty.send_key(*key);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while find_from(pty.bytes_since(mark), SYNC_END, 0).is_none() && Instant::now() < deadline {
        pty.idle_for(Duration::from_millis(10));
    }
    quiet(pty);
    pty.bytes_since(mark).len()
}

/// Waits until nothing has arrived for [`SETTLE`].
fn quiet(pty: &mut Pty) {
    loop {
        let before = pty.mark();
        pty.idle_for(SETTLE);
        if pty.mark() == before {
            return;
        }
    }
}

fn started() -> (Pty, usize) {
    let mut pty = Pty::spawn(&[], &[], 80, 24);
    pty.wait_for_text("q quit", START)
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    quiet(&mut pty);
    let first = pty.mark();
    (pty, first)
}

fn rows(pty: &mut Pty) -> Vec<String> {
    pty.screen_text().lines().map(str::to_string).collect()
}

/// Presses `j` in the Text tab until the text scrolls; returns the bytes of that step and
/// by how many rows the text moved.
fn scroll_once(pty: &mut Pty, key: Key) -> Option<(usize, usize)> {
    for _ in 0..80 {
        let before = rows(pty);
        let bytes = step(pty, &[key]);
        let after = rows(pty);
        // Rows 2..22 are the text inside the pane's border; row 1 is its top border.
        let (b, a) = (&before[2..22], &after[2..22]);
        if let Some(n) = (1..19).find(|&n| moved(b, a, n, key == Key::Char('k'))) {
            return Some((bytes, n));
        }
    }
    None
}

/// True if the middle of `after` is `before` moved by `n` rows (up, or down when `down`),
/// ignoring the one-column cursor gutter.
fn moved(before: &[String], after: &[String], n: usize, down: bool) -> bool {
    let strip = |s: &String| s.chars().skip(2).collect::<String>();
    let len = before.len();
    if n == 0 || n >= len - 2 {
        return false;
    }
    (0..len - n)
        .filter(|&i| {
            let (b, a) = if down { (i, i + n) } else { (i + n, i) };
            strip(&before[b]) == strip(&after[a])
        })
        .count()
        >= len - n - 2
}

/// The source file the Text tab shows: the one sharing the most long words with the screen.
fn shown_source(screen: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sources");
    let words: Vec<&str> = screen.split_whitespace().filter(|w| w.len() > 6).collect();
    let mut best = (0, dir.join("eu-7th-cyber-dialogue.txt"));
    for entry in std::fs::read_dir(&dir).expect("assets/sources") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let shared = words.iter().filter(|w| text.contains(**w)).count();
        if shared > best.0 {
            best = (shared, path);
        }
    }
    best.1
}

/// Bytes `less` sends for `lines` lines down (`j` each) on `file` at 80x24.
fn less_lines(file: &Path, lines: usize) -> usize {
    let path = file.to_str().expect("UTF-8 path");
    let mut pty = Pty::spawn_program("less", &[path], &[("LESS", ""), ("LESSOPEN", "")], 80, 24);
    // Started once the file's first words are on screen (a file of a few long lines may
    // fill fewer than ten rows of the captured screen).
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let opening: String = text.chars().take(20).collect();
    pty.wait_for(
        |s| s.lines().count() > 10 || s.contains(opening.trim()),
        START,
    )
    .unwrap_or_else(|e| panic!("less did not start: {e}"));
    quiet(&mut pty);
    let mark = pty.mark();
    for _ in 0..lines {
        pty.send_key(Key::Char('j'));
    }
    pty.idle_for(Duration::from_millis(300));
    quiet(&mut pty);
    let bytes = pty.bytes_since(mark).len();
    pty.send_key(Key::Char('q'));
    bytes
}

#[test]
fn bytes_per_step_and_beside_less() {
    let (mut pty, first) = started();
    let select = step(&mut pty, &[Key::Char('k')]);
    let _ = step(&mut pty, &[Key::Char('j')]);
    let _ = step(&mut pty, &[Key::Tab]);
    let _ = step(&mut pty, &[Key::Char('2')]);
    let screen = pty.screen_text();
    let (scroll, scrolled_rows) =
        scroll_once(&mut pty, Key::Char('j')).expect("the Text tab scrolls with j");
    let _ = step(&mut pty, &[Key::Tab]);
    let open_finder = step(&mut pty, &[Key::Char('f')]);
    let type_one = step(&mut pty, &[Key::Char('c')]);
    let source = shown_source(&screen);
    let less = less_lines(&source, 1);
    let less_n = less_lines(&source, scrolled_rows);
    println!("terminal bytes at 80x24:");
    println!("  first frame (incl. terminal setup): {first}");
    println!("  timeline selection up by one:       {select}");
    println!("  detail text scrolled {scrolled_rows} row(s):     {scroll}");
    println!("  opening the finder:                 {open_finder}");
    println!("  typing one character in it:         {type_one}");
    println!("  less, one line down ({}): {less}", source.display());
    println!("  less, {scrolled_rows} line(s) down: {less_n}");
    assert!(
        first > 1_000,
        "a first frame draws the whole screen: {first}"
    );
    assert!(
        select < first / 2,
        "moving by one ({select}) < a full redraw ({first})"
    );
    assert!(
        type_one < first,
        "one key in the finder ({type_one}) < a full redraw"
    );
    assert!(less > 0, "less sent nothing for one line down");
    // `j` in the Text tab reveals a whole paragraph, so the scroll may be several rows:
    // compare with less moving as many.
    assert!(
        scroll <= 2 * less_n,
        "a {scrolled_rows}-row scroll sends {scroll} bytes, over twice less's {less_n}"
    );
}

#[test]
fn scrolled_screen_equals_a_full_redraw() {
    let (mut pty, _) = started();
    let _ = step(&mut pty, &[Key::Tab]);
    let _ = step(&mut pty, &[Key::Char('2')]);
    let mut scrolls = 0;
    for key in [
        Key::Char('j'),
        Key::Char('j'),
        Key::Char('j'),
        Key::Char('k'),
    ] {
        if scroll_once(&mut pty, key).is_some() {
            scrolls += 1;
        }
    }
    assert!(scrolls >= 3, "the text scrolled only {scrolls} times");
    let optimised = cells(pty.screen());
    let text = pty.screen_text();
    // A change of height only (same width, same wrapping) makes ratatui clear and redraw all.
    pty.resize(80, 25);
    let _ = step(&mut pty, &[]);
    let mark = pty.mark();
    pty.resize(80, 24);
    let deadline = Instant::now() + Duration::from_secs(10);
    while find_from(pty.bytes_since(mark), SYNC_END, 0).is_none() && Instant::now() < deadline {
        pty.idle_for(Duration::from_millis(10));
    }
    quiet(&mut pty);
    let redrawn_text = pty.screen_text();
    assert_eq!(
        text, redrawn_text,
        "text after scrolls vs after a full redraw"
    );
    let redrawn = cells(pty.screen());
    for (i, (a, b)) in optimised.iter().zip(&redrawn).enumerate() {
        assert!(
            a == b,
            "cell {i} (row {}, column {}) after scrolls {a:?} vs after a full redraw {b:?}",
            i / 80,
            i % 80
        );
    }
}

/// What a reader sees in each cell: its text (a never-written cell reads as a space, as it
/// shows), colours and attributes.
fn cells(screen: &vt100::Screen) -> Vec<(String, String, String, [bool; 4])> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            let Some(cell) = screen.cell(r, c) else {
                continue;
            };
            let text = match cell.contents() {
                "" => " ",
                t => t,
            };
            out.push((
                text.to_string(),
                format!("{:?}", cell.fgcolor()),
                format!("{:?}", cell.bgcolor()),
                [cell.bold(), cell.italic(), cell.underline(), cell.inverse()],
            ));
        }
    }
    out
}
