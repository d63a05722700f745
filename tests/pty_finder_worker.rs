//! The finder's worker seen from a terminal: on a corpus of 100,000 synthetic candidates
//! (`entente::synth`), typing 14 characters into the finder. Each typed character must be on
//! screen before the next key is sent, and the frame that first shows it must still say
//! "searching…" (the character was drawn before its query was matched); the results come
//! after. A behaviour test: no time is measured here (the keystroke bench does that).

use std::time::Duration;

use entente::synth::{Spec, generate};

use crate::support::fixture;
use crate::support::pty::{Key, Pty};

/// Loading 100k candidates in a debug build on a busy machine takes a while.
const LOAD: Duration = Duration::from_secs(300);
/// Each step after loading (a frame, a search) on the same machine.
const STEP: Duration = Duration::from_secs(120);

const SYNC_END: &[u8] = b"\x1b[?2026l";
const TYPED: &str = "european cyber";
const SEARCHING: &str = "searching…";
/// Shown instead while the finder is still being built (right after the first frame).
const INDEXING: &str = "indexing…";
const PROMPT: &str = entente::app::strings::FINDER_PROMPT;

/// The query on one screen row, if it is the finder's query line: what follows the prompt,
/// after nothing but borders and blanks, up to the next border (trailing blanks cut); and
/// the column where the query starts.
fn query_in(row: &str) -> Option<(usize, &str)> {
    let border = |c: char| "│┃║|".contains(c);
    let at = row.find(PROMPT)?;
    if !row[..at].chars().all(|c| c == ' ' || border(c)) {
        return None;
    }
    let rest = &row[at + PROMPT.len()..];
    let query = rest.split(border).next().unwrap_or("").trim_end();
    Some((row[..at].chars().count() + PROMPT.chars().count(), query))
}

/// The finder's query as drawn on `screen`, if the finder is open.
fn query_line(screen: &str) -> Option<&str> {
    screen.lines().find_map(|row| query_in(row).map(|(_, q)| q))
}

/// Whether `screen` shows `typed` as the query with the cursor right after it (so a typed
/// space counts too).
fn shows(screen: &vt100::Screen, typed: &str) -> bool {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).enumerate().any(|(row, text)| {
        query_in(&text).is_some_and(|(column, query)| {
            let cursor = column + typed.chars().count();
            query == typed.trim_end() && screen.cursor_position() == (row as u16, cursor as u16)
        })
    })
}

/// Replays the program's output frame by frame (each ends with a synchronized-update end),
/// so a test can look at the frame in which something first appeared, not only at the
/// screen as it is now.
struct Replay {
    parser: vt100::Parser,
    done: usize,
}

impl Replay {
    fn new(cols: u16, rows: u16) -> Replay {
        Replay {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            done: 0,
        }
    }

    /// Feeds the frames completed since the last call; returns the screen after each.
    fn frames(&mut self, raw: &[u8]) -> Vec<vt100::Screen> {
        let mut screens = Vec::new();
        while let Some(at) = find(&raw[self.done..], SYNC_END) {
            let end = self.done + at + SYNC_END.len();
            self.parser.process(&raw[self.done..end]);
            self.done = end;
            screens.push(self.parser.screen().clone());
        }
        screens
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn typing_at_100k_candidates_draws_each_character_before_its_results() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(Spec {
        candidates: 100_000,
        paragraphs: 1,
        ..Spec::with_candidates(100_000)
    });
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let (cols, rows) = (100, 30);
    let mut pty = Pty::spawn(&["--corpus", path.to_str().unwrap()], &[], cols, rows);
    let mut replay = Replay::new(cols, rows);
    pty.wait_for_bytes(SYNC_END, LOAD)
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    // A corpus this big may first show the loading screen: keys go to the app once its
    // timeline is on screen.
    pty.wait_for(|s| s.contains("Timeline"), LOAD)
        .unwrap_or_else(|e| panic!("no timeline: {e}"));

    pty.send(b"f");
    pty.wait_for(|s| query_line(s).is_some(), STEP)
        .unwrap_or_else(|e| panic!("the finder did not open: {e}"));
    // Its first results (the empty query's) come before typing starts: once the worker
    // has built the finder, which it starts on after the first frame.
    pty.wait_for(|s| !s.contains(SEARCHING) && !s.contains(INDEXING), STEP)
        .unwrap_or_else(|e| panic!("no results for the empty query: {e}"));
    replay.frames(pty.raw_bytes());

    for (i, c) in TYPED.char_indices() {
        let typed = &TYPED[..i + c.len_utf8()];
        pty.type_text(&c.to_string());
        // On screen (with the cursor after it) before the next key is sent.
        let mut frames = Vec::new();
        let deadline = std::time::Instant::now() + STEP;
        let first = loop {
            frames.extend(replay.frames(pty.raw_bytes()));
            if let Some(first) = frames.iter().find(|screen| shows(screen, typed)) {
                break first.contents();
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{typed:?} never came on screen:\n{}",
                pty.screen_text()
            );
            pty.idle_for(Duration::from_millis(20));
        };
        assert!(
            first.contains(SEARCHING),
            "the frame that first shows {typed:?} is drawn before its results:\n{first}"
        );
    }

    // The results follow: the mark goes, and a European cyber row is listed.
    let screen = pty
        .wait_for(|s| !s.contains(SEARCHING), STEP)
        .unwrap_or_else(|e| panic!("the results never came: {e}"));
    assert_eq!(query_line(&screen), Some(TYPED));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("European") && l.to_lowercase().contains("cyber")),
        "a matching row is listed:\n{screen}"
    );
    pty.send_key(Key::Esc);
    pty.send(b"q");
    assert!(pty.wait_exit(STEP).is_some(), "quits");
}

/// The finder's cache entries in `cache`, with each one's inode (a rewrite replaces the file,
/// so a new inode means it was written again). The browser's entry of the loaded corpus,
/// written beside them after its first frame, is not one.
fn entries(cache: &std::path::Path) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut found: Vec<(String, u64)> = std::fs::read_dir(cache.join("entente"))
        .map(|dir| {
            dir.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("candidates-"))
                .map(|e| {
                    let inode = e.metadata().map(|m| m.ino()).unwrap_or(0);
                    (e.file_name().to_string_lossy().into_owned(), inode)
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Opens the browser on the fixture with `cache` as the cache, finds `query` in the finder
/// and quits; returns the screen with its results.
fn find_in_browser(cache: &std::path::Path, query: &str) -> String {
    let cache = cache.to_str().unwrap();
    let env = [("XDG_CACHE_HOME", cache), ("ENTENTE_NO_CACHE", "")];
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], &env, 100, 30);
    pty.wait_for(|s| s.contains("Timeline"), STEP)
        .unwrap_or_else(|e| panic!("no timeline: {e}"));
    pty.send(b"f");
    pty.wait_for(|s| query_line(s).is_some(), STEP)
        .unwrap_or_else(|e| panic!("the finder did not open: {e}"));
    pty.type_text(query);
    let screen = pty
        .wait_for(
            |s| query_line(s) == Some(query) && !s.contains(SEARCHING) && !s.contains(INDEXING),
            STEP,
        )
        .unwrap_or_else(|e| panic!("no results for {query:?}: {e}"));
    pty.send_key(Key::Esc);
    pty.send(b"q");
    assert!(pty.wait_exit(STEP).is_some(), "quits");
    screen
}

#[test]
fn the_browser_writes_finds_cache_entry_and_both_read_it_after() {
    let cache = tempfile::tempdir().unwrap();
    // No entry yet: the browser builds its finder and writes the entry.
    let first = find_in_browser(cache.path(), "data dialogue");
    assert!(first.contains("Data Dialogue"), "{first}");
    let written = entries(cache.path());
    assert_eq!(written.len(), 1, "one entry: {written:?}");
    assert!(written[0].0.starts_with("candidates-"), "{written:?}");
    // `find` takes that entry as it is (a miss would write it again, as a new file).
    let out = crate::support::bin::command()
        .args(["--corpus", fixture::DIR, "find", "data dialogue"])
        .env("XDG_CACHE_HOME", cache.path())
        .env_remove("ENTENTE_NO_CACHE")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Data Dialogue"));
    assert_eq!(
        entries(cache.path()),
        written,
        "find read the browser's entry"
    );
    // And the browser, again: the same rows, from the entry it reads, not written again.
    let again = find_in_browser(cache.path(), "data dialogue");
    assert!(again.contains("Data Dialogue"), "{again}");
    assert_eq!(entries(cache.path()), written, "the browser read its entry");
}
