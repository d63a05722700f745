//! Start-up of the browser on a big corpus, in a pseudo-terminal: the loading screen (the
//! step, the bytes read, the records parsed) is the first thing drawn, before the first full
//! frame, for `--corpus` and for a user's corpus over the built-in one; `q` on it leaves
//! cleanly; a corpus that turns out invalid after a long load is
//! reported on the normal screen once the terminal is restored.
//!
//! The corpus is a real synthetic one written to a temporary directory, big enough that its
//! load takes well over the loading screen's delay (200 ms) in a debug build. Behaviour, not
//! timing: nothing here asserts how long anything takes.

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use entente::synth::{Spec, generate};

use crate::support::pty::{Key, Pty, find_from};

/// Finder candidates of the corpus (about a third are meetings with a source each).
const CANDIDATES: usize = 10_000;
const LOAD: Duration = Duration::from_secs(120);
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// The corpus's directory, written once for every test here.
fn big_corpus() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pty-startup-big");
        std::fs::create_dir_all(&dir).unwrap();
        let corpus = generate(Spec::with_candidates(CANDIDATES));
        let path = dir.join("corpus.json");
        let partial = dir.join("corpus.json.part");
        std::fs::write(&partial, serde_json::to_string(&corpus).unwrap()).unwrap();
        std::fs::rename(&partial, &path).unwrap();
        path
    })
}

#[test]
fn a_big_corpus_shows_its_progress_before_the_first_full_frame() {
    let corpus = big_corpus().to_str().unwrap();
    let mut pty = Pty::spawn(&["--corpus", corpus], &[], 80, 24);
    pty.wait_for_text("q quit", LOAD)
        .unwrap_or_else(|e| panic!("no full frame: {e}"));
    pty.wait_for_bytes(FRAME_END, LOAD).unwrap();
    let raw = pty.raw_bytes().to_vec();
    let first_end = find_from(&raw, FRAME_END, 0).expect("a synchronized frame");
    let mut parser = vt100::Parser::new(
        NonZeroU16::MIN.saturating_add(23),
        NonZeroU16::MIN.saturating_add(79),
        0,
    );
    parser.process(&raw[..first_end]);
    let first = parser.screen().contents();
    assert!(
        first.contains("Loading") && first.contains("corpus.json"),
        "the first frame is the loading screen, naming the corpus:\n{first}"
    );
    assert!(
        first.contains("MiB read") && first.contains("records parsed"),
        "it says how much is read and parsed:\n{first}"
    );
    assert!(
        !first.contains("quit"),
        "the first frame is not the browser's yet:\n{first}"
    );
    let screen = pty.screen_text();
    assert!(
        !screen.contains("Loading"),
        "the browser replaced the loading screen:\n{screen}"
    );
    pty.send_key(Key::Char('q'));
    let status = pty.wait_exit(Duration::from_secs(20)).expect("it quits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_big_user_corpus_over_the_built_in_one_shows_its_progress_too() {
    let dir = big_corpus().parent().unwrap().to_str().unwrap();
    let mut pty = Pty::spawn(&[], &[("ENTENTE_CORPUS_DIR", dir)], 80, 24);
    // The user's files are sized and counted as they are read: a total above zero.
    pty.wait_for(
        |screen| screen.contains("MiB read") && !screen.contains("of 0.0 MiB read"),
        LOAD,
    )
    .unwrap_or_else(|e| panic!("no loading screen counting the user's files: {e}"));
    let screen = pty
        .wait_for_text("q quit", LOAD)
        .unwrap_or_else(|e| panic!("no full frame: {e}"));
    assert!(!screen.contains("Loading"), "{screen}");
    pty.send_key(Key::Char('q'));
    let status = pty.wait_exit(Duration::from_secs(20)).expect("it quits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn q_on_the_loading_screen_leaves_with_the_terminal_restored() {
    let corpus = big_corpus().to_str().unwrap();
    let mut pty = Pty::spawn(&["--corpus", corpus], &[], 80, 24);
    pty.wait_for_text("Loading", LOAD)
        .unwrap_or_else(|e| panic!("no loading screen: {e}"));
    pty.send_key(Key::Char('q'));
    let status = pty
        .wait_exit(Duration::from_secs(20))
        .expect("q ends the load");
    assert!(status.success(), "{status:?}");
    assert!(
        !pty.screen().alternate_screen(),
        "the alternate screen is left"
    );
    assert!(
        !pty.screen_text().contains("q quit"),
        "the browser never started:\n{}",
        pty.screen_text()
    );
}

#[test]
fn a_big_invalid_corpus_is_reported_after_the_loading_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(big_corpus(), dir.path().join("a.json")).unwrap();
    // A second file whose topic names a parent no file defines.
    std::fs::write(
        dir.path().join("b.json"),
        r#"{"format": "entente-corpus/1", "topics":
            [{"id": "zz-topic", "label": "Z", "parent": "no-such-topic"}]}"#,
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--corpus", path], &[], 80, 24);
    pty.wait_for_text("Loading", LOAD)
        .unwrap_or_else(|e| panic!("no loading screen: {e}"));
    let status = pty.wait_exit(LOAD).expect("it ends");
    assert_eq!(status.exit_code(), 2, "{status:?}");
    assert!(
        !pty.screen().alternate_screen(),
        "the alternate screen is left"
    );
    let screen = pty.screen_text();
    assert!(
        screen.contains("no-such-topic") && screen.contains("cannot load the corpus"),
        "the problem is on the normal screen:\n{screen}"
    );
}
