//! Whether a load keeps each source's text as received (`raw`), and the field's deserializer
//! that honours it.
//!
//! The browser shows only the cleaned paragraphs, and on a big corpus `raw` is as large as
//! they are; so a load may drop it while parsing, never holding it at all. What validation
//! needs of a dropped `raw` is only whether it was empty (a reference source must have none):
//! a non-empty one becomes [`DROPPED`], an empty one stays empty. The choice is made per
//! thread, for the parse running on it ([`Dropping`]), because serde's derived code offers no
//! other way to hand a field's deserializer a setting. Every other load (and every other
//! deserializer: MessagePack, a test's `serde_json::from_str`) keeps `raw` whole.
//!
//! This file is also compiled into the build script (`build.rs`), which parses the built-in
//! corpus with the model and so needs the field's deserializer: it uses nothing else of the
//! crate.

use std::cell::Cell;
use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Visitor};

use crate::corpus::model::Text;

/// What a dropped, non-empty `raw` holds: a mark that text was received, not the text.
pub const DROPPED: &str = "(received text dropped on load)";

/// What a load keeps of each source's text as received.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReceivedText {
    /// `raw` as written (what `check`, `fmt`, import and the lints need).
    #[default]
    Keep,
    /// `raw` becomes [`DROPPED`] when it is not empty (the browser's load).
    Drop,
}

thread_local! {
    /// Whether the parse running on this thread drops `raw`.
    static DROPPING: Cell<bool> = const { Cell::new(false) };
}

/// Makes parses on this thread follow `received` until dropped (then they keep `raw` again).
pub struct Dropping {
    before: bool,
}

impl Dropping {
    pub fn start(received: ReceivedText) -> Dropping {
        let before = DROPPING.with(|d| d.replace(received == ReceivedText::Drop));
        Dropping { before }
    }
}

/// What parses on this thread keep of `raw` now (to have a helper thread's parses do the same).
pub fn on_this_thread() -> ReceivedText {
    if DROPPING.with(Cell::get) {
        ReceivedText::Drop
    } else {
        ReceivedText::Keep
    }
}

impl Drop for Dropping {
    fn drop(&mut self) {
        DROPPING.with(|d| d.set(self.before));
    }
}

/// The deserializer of `Source::raw`: the string as written, or, while this thread drops
/// received text, only whether it was empty. Type errors read as for any string.
pub fn raw<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    if DROPPING.with(Cell::get) {
        d.deserialize_str(EmptyOrDropped)
    } else {
        <Text as serde::Deserialize>::deserialize(d)
    }
}

/// Reads a string without keeping it: empty, or [`DROPPED`].
struct EmptyOrDropped;

impl Visitor<'_> for EmptyOrDropped {
    type Value = Text;

    // The same words as `String`'s visitor, so a type error's message does not change.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Text, E> {
        Ok(if v.is_empty() {
            Text::default()
        } else {
            Text::const_new(DROPPED)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use super::*;
    use crate::corpus::load::{LoadProgress, LoadedCorpus, load_path_observed};
    use crate::corpus::problem::Problems;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
    }

    fn load(path: &Path, received: ReceivedText) -> Result<LoadedCorpus, Problems> {
        load_path_observed(path, Arc::new(LoadProgress::default()), received)
    }

    fn rendered(problems: &Problems) -> Vec<String> {
        problems.0.iter().map(ToString::to_string).collect()
    }

    /// The corpus a dropping load gives is the keeping load's, with each non-empty `raw`
    /// replaced by the mark: same records, same paragraphs.
    fn assert_same_but_raw(kept: &LoadedCorpus, dropped: &LoadedCorpus) {
        let mut expected = kept.corpus.clone();
        for s in &mut expected.sources {
            if !s.raw.is_empty() {
                s.raw = DROPPED.into();
            }
        }
        assert_eq!(expected, dropped.corpus);
        assert_eq!(kept.origins, dropped.origins);
    }

    #[test]
    fn a_dropping_load_keeps_everything_but_the_received_text() {
        for corpus in ["valid", "small"] {
            let path = fixtures().join(corpus);
            let kept = load(&path, ReceivedText::Keep).expect("the fixture loads");
            let dropped = load(&path, ReceivedText::Drop).expect("the fixture loads");
            assert!(
                kept.corpus
                    .sources
                    .iter()
                    .any(|s| s.raw.len() > DROPPED.len()),
                "{corpus}: the fixture has received text to drop"
            );
            assert!(
                dropped
                    .corpus
                    .sources
                    .iter()
                    .all(|s| s.raw.is_empty() || s.raw == DROPPED)
            );
            assert_same_but_raw(&kept, &dropped);
        }
    }

    #[test]
    fn a_dropping_load_finds_the_same_problems() {
        let malformed = fixtures().join("malformed");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&malformed)
            .expect("the malformed fixtures")
            .map(|e| e.expect("an entry").path())
            .collect();
        paths.sort();
        assert!(paths.len() >= 10, "{paths:?}");
        let mut failed = 0;
        for path in paths {
            match (
                load(&path, ReceivedText::Keep),
                load(&path, ReceivedText::Drop),
            ) {
                (Err(kept), Err(dropped)) => {
                    assert_eq!(rendered(&kept), rendered(&dropped), "{}", path.display());
                    failed += 1;
                }
                // A few of them are odd but valid (a byte-order mark).
                (Ok(kept), Ok(dropped)) => assert_same_but_raw(&kept, &dropped),
                (kept, dropped) => panic!("{}: {kept:?} but {dropped:?}", path.display()),
            }
        }
        assert!(failed >= 9, "the malformed fixtures fail to load: {failed}");
    }

    /// A reference source (no paragraphs) with a received text, and a `raw` that is no string:
    /// the problems that read `raw` come out the same when it is dropped.
    #[test]
    fn problems_about_the_received_text_survive_dropping_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let reference = r#"{"format": "entente-corpus/1", "sources": [
            {"id": "r", "title": "T", "language": "en", "kind": "web-page",
             "raw": "received", "url": "https://example.org/"}]}"#;
        let file = dir.path().join("reference.json");
        std::fs::write(&file, reference).expect("write");
        let kept = rendered(&load(&file, ReceivedText::Keep).expect_err("a problem"));
        let dropped = rendered(&load(&file, ReceivedText::Drop).expect_err("a problem"));
        assert_eq!(kept, dropped);
        assert!(kept[0].contains("a raw text but no paragraphs"), "{kept:?}");

        let not_text = reference.replace(r#""raw": "received""#, r#""raw": 3"#);
        std::fs::write(&file, not_text).expect("write");
        let kept = rendered(&load(&file, ReceivedText::Keep).expect_err("a problem"));
        let dropped = rendered(&load(&file, ReceivedText::Drop).expect_err("a problem"));
        assert_eq!(kept, dropped);
        assert!(kept[0].contains("expected a string"), "{kept:?}");
    }

    #[test]
    fn only_the_load_that_asks_drops_and_only_on_its_thread() {
        let text = r#"{"format": "entente-corpus/1", "sources": [{"id": "s", "title": "T",
            "language": "en", "kind": "web-page", "raw": "received", "paragraphs": ["p"]}]}"#;
        let parse = || {
            crate::corpus::parse_str(text, "t.json")
                .expect("parses")
                .sources[0]
                .raw
                .clone()
        };
        {
            let _dropping = Dropping::start(ReceivedText::Drop);
            assert_eq!(parse(), DROPPED);
            let elsewhere = std::thread::spawn(parse).join().expect("the thread parses");
            assert_eq!(elsewhere, "received", "another thread keeps it");
        }
        assert_eq!(parse(), "received", "the setting ends with the guard");
    }
}
