//! The browser's cache entry of a loaded corpus (`corpus::load::cache`) seen from a terminal:
//! a first session on a corpus parses it and writes the entry after its first frame; a later
//! one decodes the entry instead, and must show exactly the same screens; a damaged entry is
//! ignored (the corpus is parsed again, the same screens shown) and written anew. Each session
//! uses its own cache directory (`XDG_CACHE_HOME`), never the user's.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::fixture;
use crate::support::pty::{Key, Pty};

/// Each step (a start, a frame, a write) in a debug build on a busy machine.
const STEP: Duration = Duration::from_secs(120);

/// The corpus entry in the cache directory `cache`, with its inode and change time in
/// nanoseconds (a rewrite replaces the file: a new file, made later; an inode alone may be
/// reused).
fn corpus_entry(cache: &Path) -> Option<(PathBuf, (u64, i64))> {
    std::fs::read_dir(cache.join("entente"))
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("corpus-"))
        .map(|e| {
            let made = e.metadata().map_or((0, 0), |m| {
                (m.ino(), m.ctime() * 1_000_000_000 + m.ctime_nsec())
            });
            (e.path(), made)
        })
}

/// The screens of one session on the fixture with `cache` as the cache: the first frame,
/// then the latest meeting opened (Enter). Before quitting, waits (at most [`STEP`]) until
/// `entry_done` holds of the corpus entry.
fn session(
    cache: &Path,
    entry_done: impl Fn(Option<(PathBuf, (u64, i64))>) -> bool,
) -> [String; 2] {
    let env = [
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("ENTENTE_NO_CACHE", ""),
    ];
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], &env, 100, 30);
    let first = pty
        .wait_for(|s| s.contains("Timeline") && s.contains("q quit"), STEP)
        .unwrap_or_else(|e| panic!("no timeline: {e}"));
    pty.send_key(Key::Enter);
    let opened = pty
        .wait_for(|s| s != first && s.contains("Data Dialogue"), STEP)
        .unwrap_or_else(|e| panic!("the meeting did not open: {e}"));
    let deadline = Instant::now() + STEP;
    while !entry_done(corpus_entry(cache)) {
        assert!(Instant::now() < deadline, "the entry was not as expected");
        pty.idle_for(Duration::from_millis(50));
    }
    pty.send(b"q");
    assert!(pty.wait_exit(STEP).is_some(), "quits");
    [first, opened]
}

#[test]
fn a_start_from_the_corpus_entry_shows_what_a_parse_shows() {
    let cache = tempfile::tempdir().unwrap();
    // No entry: the corpus is parsed, and its entry written after the first frame.
    let parsed = session(cache.path(), |entry| entry.is_some());
    let (file, made) = corpus_entry(cache.path()).unwrap();
    // With the entry: the same screens, and the entry read, not written again (a miss would
    // parse and rewrite it once the first frame is out).
    let cached = session(cache.path(), |_| true);
    assert_eq!(cached, parsed, "the same screens from the entry");
    let read_again = session(cache.path(), |_| true);
    assert_eq!(read_again, parsed);
    assert_eq!(
        corpus_entry(cache.path()),
        Some((file.clone(), made)),
        "the entry was read, not rewritten"
    );
    // A damaged entry (cut short) is ignored: the corpus is parsed again, the same screens
    // shown, and a whole entry written in its place.
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let damaged = corpus_entry(cache.path()).unwrap().1;
    let after_damage = session(cache.path(), |entry| {
        entry.is_some_and(|(_, now)| now != damaged)
    });
    assert_eq!(
        after_damage, parsed,
        "the same screens after a damaged entry"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        whole,
        "the entry written anew"
    );
}
