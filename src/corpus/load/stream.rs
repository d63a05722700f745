//! Parsing a corpus file record by record from a window of its bytes, so that a big file is
//! never held whole: the bytes of the records already parsed are let go as parsing goes on.
//!
//! A 100k corpus is a 132 MB file. Read whole, its bytes and its parsed records are held
//! together until the last record is parsed, which made the file's size the peak of a start
//! (327 MB where the parsed corpus is 180). Here the file is read in chunks into a window; a
//! small scanner that knows only JSON's structure (strings and their escapes, nesting) finds
//! where each value ends, and each record of the top-level lists (and each other top-level
//! value) is parsed by serde_json from its own bytes, exactly as the whole-file parse would
//! parse it (the same deserializer, the same strict wrapper, the same received-text setting).
//! The records of a list are gathered in batches, and a helper thread parses some of them
//! while this one reads on and parses the others (`helper`); they are put back in order.
//!
//! This path only ever accepts: anything it does not expect (a syntax or type error, an
//! unknown, escaped or repeated top-level field, bytes that are not UTF-8, a read error, a file
//! that grows past the cap) gives `None`, and the caller parses the whole file the way that
//! words every problem (`super::parse_bytes`: file:line:column, the JSON path). So every
//! message is the one the whole-file parse gives, and a file is read twice only when it has a
//! problem. It accepts exactly what the whole-file parse accepts: the top-level grammar here
//! is JSON's, and every byte not checked here is inside a value serde_json parses in full.

mod helper;

use std::io::Read;

use helper::{Batch, Parallel};
use serde::de::DeserializeOwned;

use super::strict::Strict;
use super::{LoadProgress, MAX_FILE_BYTES, READ_CHUNK};
use crate::corpus::model::{Corpus, Text};

/// Parsed bytes are let go (the rest of the window moved to its start) once this many have
/// gathered, so the window holds about two chunks and the record being parsed.
const RELEASE_AT: usize = READ_CHUNK as usize;

/// Parses the corpus file `reader` reads, telling `progress` of the bytes read; `None` when
/// the file is not a corpus this path accepts (see the module's doc). The strings are not yet
/// in NFC.
pub(super) fn parse(reader: impl Read, progress: Option<&LoadProgress>) -> Option<Corpus> {
    let mut window = Window {
        reader: reader.take(MAX_FILE_BYTES + 1),
        bytes: Vec::new(),
        read: 0,
        ended: false,
        failed: false,
        progress,
    };
    let corpus = window.corpus();
    // A read error or an oversized file ends the input early: never take what was parsed
    // before it for the whole.
    if window.failed { None } else { corpus }
}

/// The fields of a corpus file, as a bit each (to refuse one given twice, as serde does).
const FIELDS: [&[u8]; 11] = [
    b"format",
    b"title",
    b"sources",
    b"meetings",
    b"events",
    b"organisations",
    b"people",
    b"topics",
    b"series",
    b"places",
    b"parties",
];

/// The bytes read so far; positions are indices into `bytes`.
struct Window<'p, R> {
    reader: std::io::Take<R>,
    bytes: Vec<u8>,
    /// Bytes read from the file in all.
    read: u64,
    /// The file has no more bytes (or could not be read: see `failed`).
    ended: bool,
    /// Reading failed, or the file is over [`MAX_FILE_BYTES`].
    failed: bool,
    progress: Option<&'p LoadProgress>,
}

impl<R: Read> Window<'_, R> {
    /// Reads one more chunk onto the end of the window; false when there is none.
    fn more(&mut self) -> bool {
        if self.ended {
            return false;
        }
        match (&mut self.reader)
            .take(READ_CHUNK)
            .read_to_end(&mut self.bytes)
        {
            Ok(0) => self.ended = true,
            Ok(n) => {
                self.read += n as u64;
                if let Some(progress) = self.progress {
                    progress.add_read(n as u64);
                }
                if self.read > MAX_FILE_BYTES {
                    self.failed = true;
                    self.ended = true;
                }
            }
            Err(_) => {
                self.failed = true;
                self.ended = true;
            }
        }
        !self.ended
    }

    /// The byte at `at`, reading on as needed; `None` at the end of the file.
    fn byte(&mut self, at: usize) -> Option<u8> {
        while at >= self.bytes.len() {
            if !self.more() {
                return None;
            }
        }
        Some(self.bytes[at])
    }

    /// The position of the first byte at or after `at` that is not JSON whitespace.
    fn skip_whitespace(&mut self, mut at: usize) -> Option<usize> {
        while matches!(self.byte(at)?, b' ' | b'\n' | b'\t' | b'\r') {
            at += 1;
        }
        Some(at)
    }

    /// Lets go of the bytes before `at` once enough have gathered; where `at` is after.
    fn release(&mut self, at: usize) -> usize {
        if at < RELEASE_AT {
            return at;
        }
        self.bytes.drain(..at);
        0
    }

    /// Where the string whose opening quote is just before `at` ends (after its closing quote).
    fn string_end(&mut self, mut at: usize) -> Option<usize> {
        loop {
            self.byte(at)?;
            match memchr::memchr2(b'"', b'\\', &self.bytes[at..]) {
                Some(found) if self.bytes[at + found] == b'\\' => at += found + 2,
                Some(found) => return Some(at + found + 1),
                None => at = self.bytes.len(),
            }
        }
    }

    /// Where the value that starts at `at` ends, by its structure alone (whether it is valid
    /// is serde_json's to say).
    fn value_end(&mut self, at: usize) -> Option<usize> {
        match self.byte(at)? {
            b'"' => self.string_end(at + 1),
            b'{' | b'[' => {
                let mut depth = 0usize;
                let mut i = at;
                loop {
                    match self.byte(i)? {
                        b'"' => {
                            i = self.string_end(i + 1)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(i + 1);
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'}' | b']' | b',' | b':' => None,
            // A number, true, false or null: up to the next delimiter.
            _ => {
                let mut i = at;
                while let Some(b) = self.byte(i) {
                    if matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b',' | b']' | b'}') {
                        break;
                    }
                    i += 1;
                }
                Some(i)
            }
        }
    }

    /// The value that starts at `at`, parsed as serde_json parses it in a whole file, and
    /// where it ends.
    fn value<T: DeserializeOwned>(&mut self, at: usize) -> Option<(T, usize)> {
        let end = self.value_end(at)?;
        Some((parse_value(&self.bytes[at..end])?, end))
    }

    /// The items of the list that starts at `at`, gathered in batches parsed on two threads
    /// (`helper`), letting go of the bytes of each record once copied into its batch; where
    /// the list ends.
    fn list<T: DeserializeOwned + Send>(&mut self, at: usize, items: &mut Vec<T>) -> Option<usize> {
        if self.byte(at)? != b'[' {
            return None;
        }
        let mut at = self.skip_whitespace(at + 1)?;
        if self.byte(at)? == b']' {
            return Some(at + 1);
        }
        std::thread::scope(|scope| {
            let mut parallel = Parallel::new(scope, items);
            let mut batch = Batch::default();
            loop {
                let end = self.value_end(at)?;
                batch.push(&self.bytes[at..end]);
                let end = self.release(end);
                at = self.skip_whitespace(end)?;
                let last = match self.byte(at)? {
                    b',' => false,
                    b']' => true,
                    _ => return None,
                };
                if last || batch.is_full() {
                    parallel.hand_on(std::mem::take(&mut batch), last)?;
                }
                if last {
                    parallel.collect(true)?;
                    return Some(at + 1);
                }
                at = self.skip_whitespace(at + 1)?;
            }
        })
    }

    /// The whole file: one object of the corpus's fields, then only whitespace.
    fn corpus(&mut self) -> Option<Corpus> {
        let mut at = 0;
        if self.byte(0)? == 0xef {
            // A byte-order mark, as `parse_str` accepts it (anything else there is not JSON).
            if (self.byte(1)?, self.byte(2)?) != (0xbb, 0xbf) {
                return None;
            }
            at = 3;
        }
        at = self.skip_whitespace(at)?;
        if self.byte(at)? != b'{' {
            return None;
        }
        at = self.skip_whitespace(at + 1)?;
        let mut corpus = Corpus::default();
        let mut format: Option<Text> = None;
        let mut seen = 0u16;
        loop {
            if self.byte(at)? != b'"' {
                return None;
            }
            let key_end = self.string_end(at + 1)?;
            let field = FIELDS
                .iter()
                .position(|name| *name == &self.bytes[at + 1..key_end - 1])?;
            if seen & (1 << field) != 0 {
                return None;
            }
            seen |= 1 << field;
            at = self.skip_whitespace(key_end)?;
            if self.byte(at)? != b':' {
                return None;
            }
            at = self.skip_whitespace(at + 1)?;
            at = match FIELDS[field] {
                b"format" => {
                    let (value, end) = self.value(at)?;
                    format = Some(value);
                    end
                }
                b"title" => {
                    let (value, end) = self.value(at)?;
                    corpus.title = value;
                    end
                }
                b"sources" => self.list(at, &mut corpus.sources)?,
                b"meetings" => self.list(at, &mut corpus.meetings)?,
                b"events" => self.list(at, &mut corpus.events)?,
                b"organisations" => self.list(at, &mut corpus.organisations)?,
                b"people" => self.list(at, &mut corpus.people)?,
                b"topics" => self.list(at, &mut corpus.topics)?,
                b"series" => self.list(at, &mut corpus.series)?,
                b"places" => self.list(at, &mut corpus.place_names)?,
                b"parties" => self.list(at, &mut corpus.parties)?,
                _ => return None,
            };
            at = self.skip_whitespace(at)?;
            match self.byte(at)? {
                b',' => at = self.skip_whitespace(at + 1)?,
                b'}' => break,
                _ => return None,
            }
        }
        // Only whitespace may follow the object.
        if self.skip_whitespace(at + 1).is_some() {
            return None;
        }
        corpus.format = format?;
        Some(corpus)
    }
}

/// One value's bytes parsed as serde_json parses it in a whole file; `None` if they are not
/// one value the model accepts.
fn parse_value<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict(&mut de)).ok()?;
    de.end().ok()?;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::parse_str;

    /// Both parses of `text`: record by record (in windows of `READ_CHUNK`), and whole.
    fn both(text: &str) -> (Option<Corpus>, Result<Corpus, crate::corpus::Problem>) {
        let streamed = parse(text.as_bytes(), None).map(|mut c| {
            super::super::normalise(&mut c);
            c
        });
        (streamed, parse_str(text, "t.json"))
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/small/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).expect("the fixture reads")
    }

    #[test]
    fn a_valid_file_parses_as_the_whole_file_does() {
        for name in ["records.json", "sources.json"] {
            let text = fixture(name);
            let (streamed, whole) = both(&text);
            let whole = whole.expect("the fixture parses");
            assert_eq!(streamed.as_ref(), Some(&whole), "{name}");
            assert!(!whole.meetings.is_empty() || !whole.sources.is_empty());
        }
    }

    #[test]
    fn odd_but_valid_json_is_accepted_alike() {
        let texts = [
            "\u{feff}{\"format\": \"entente-corpus/1\"}",
            " \r\n\t{ \"title\" : null , \"format\":\"entente-corpus/1\" ,\"sources\":[ ] } \n",
            r#"{"format": "entente-corpus/1", "topics": [{"id": "a\"]}", "label": "x\\"}, {"id": "b", "label": "{[y"}]}"#,
            r#"{"format": "entente-corpus/1", "title": "T", "series": [{"id": "s", "name": "S"}]}"#,
        ];
        for text in texts {
            let (streamed, whole) = both(text);
            assert_eq!(streamed, Some(whole.expect("valid")), "{text}");
        }
    }

    /// Each of these is refused here (and so parsed whole, for the message); all but the
    /// first (an escaped field name, which the whole-file parse reads) are errors.
    #[test]
    fn anything_unexpected_is_left_to_the_whole_file_parse() {
        let escaped = r#"{"form\u0061t": "entente-corpus/1"}"#;
        let (streamed, whole) = both(escaped);
        assert_eq!(streamed, None);
        assert_eq!(whole.expect("valid").format, "entente-corpus/1");
        let texts = [
            "",
            "   ",
            "[]",
            "{}",
            r#"{"format": "entente-corpus/1",}"#,
            r#"{"format": "entente-corpus/1", "topics": [{"id": "a", "label": "x"},]}"#,
            r#"{"format": "entente-corpus/1", "format": "entente-corpus/1"}"#,
            r#"{"format": "entente-corpus/1", "extra": 1}"#,
            r#"{"format": "entente-corpus/1", "topics": null}"#,
            r#"{"format": "entente-corpus/1", "topics": [{"id": 3, "label": "x"}]}"#,
            r#"{"format": "entente-corpus/1", "topics": [["a", "x"]]}"#,
            r#"{"format": "entente-corpus/1"} x"#,
            r#"{"format": "entente-corpus/1""#,
            r#"{"format": "entente-corpus/1", "topics": [{"id": "a", "label": "x"}"#,
        ];
        for text in texts {
            let (streamed, whole) = both(text);
            assert_eq!(streamed, None, "{text}");
            if let Ok(whole) = whole {
                panic!("{text} parses whole: {whole:?}");
            }
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let text = br#"{"format": "entente-corpus/1", "title": "caf\xe9"}"#;
        assert_eq!(parse(&text[..], None), None);
    }

    /// Records bigger than the window, and windows that end inside strings, escapes and
    /// numbers: the window is read on as far as a record needs.
    #[test]
    fn records_longer_than_a_read_are_read_on() {
        let long = "é\\\"".repeat(READ_CHUNK as usize / 2);
        let text = format!(
            r#"{{"format": "entente-corpus/1", "topics": [{{"id": "a", "label": "{long}"}}, {{"id": "b", "label": "x"}}]}}"#
        );
        let (streamed, whole) = both(&text);
        let streamed = streamed.expect("accepted");
        assert_eq!(streamed, whole.expect("valid"));
        assert_eq!(streamed.topics.len(), 2);
        assert!(streamed.topics[0].label.len() > READ_CHUNK as usize);
    }

    /// A type error deep in a file of several windows: the load reports it as the whole-file
    /// parse does, at its line and column, with its JSON path.
    #[test]
    fn an_error_deep_in_a_big_file_keeps_its_place_and_path() {
        use crate::corpus::problem::Location;
        let topics = 150_000;
        let bad = 140_000;
        let mut text = String::from("{\"format\": \"entente-corpus/1\", \"topics\": [\n");
        for i in 0..topics {
            let parent = if i == bad { "7" } else { "\"t-0\"" };
            let comma = if i + 1 < topics { "," } else { "" };
            text.push_str(&format!(
                "  {{\"id\": \"t-{i}\", \"label\": \"Topic {i}, 사이버\", \"parent\": {parent}}}{comma}\n"
            ));
        }
        text.push_str("]}\n");
        assert!(
            text.len() > 2 * RELEASE_AT,
            "the file spans several windows"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.json");
        std::fs::write(&path, &text).expect("write");
        let problems = crate::corpus::load_path(&path).expect_err("a type error");
        let name = path.display().to_string();
        let whole = parse_str(&text, &name).expect_err("a type error");
        assert_eq!(problems.0, vec![whole.clone()]);
        assert_eq!(
            whole.location,
            Location::Position {
                line: bad + 2,
                column: 62
            },
            "{whole}"
        );
        assert!(
            whole
                .message
                .starts_with("topics[140000].parent: invalid type: integer `7`, expected a string"),
            "{whole}"
        );
    }

    /// The sources of the fixture repeated `times` over, as a corpus file's text: a list of
    /// many batches, parsed on both threads.
    fn many_sources(times: usize) -> String {
        let mut file: serde_json::Value =
            serde_json::from_str(&fixture("sources.json")).expect("the fixture is JSON");
        let sources = file["sources"].as_array().expect("a list").clone();
        let repeated: Vec<_> = sources
            .iter()
            .cycle()
            .take(sources.len() * times)
            .cloned()
            .collect();
        file["sources"] = serde_json::Value::Array(repeated);
        serde_json::to_string_pretty(&file).expect("JSON")
    }

    /// The parse on two threads gives the corpus of the whole-file parse, in the file's order,
    /// with records that fill many batches, a record longer than a batch among them, and the
    /// helper thread parsing as the reading thread does (received text dropped, records counted
    /// for the progress report).
    #[test]
    fn records_parsed_on_two_threads_come_in_the_files_order() {
        use super::super::received::{DROPPED, Dropping, ReceivedText};
        let mut topics = String::new();
        for i in 0..3000 {
            let label = if i == 1500 {
                "long ".repeat(200_000)
            } else {
                format!("Topic {i}")
            };
            topics.push_str(&format!(r#"{{"id": "t-{i}", "label": "{label}"}},"#));
        }
        let text = format!(
            r#"{{"format": "entente-corpus/1", "topics": [{}]}}"#,
            topics.trim_end_matches(',')
        );
        let (streamed, whole) = both(&text);
        let streamed = streamed.expect("accepted");
        assert_eq!(streamed, whole.expect("valid"));
        let ids: Vec<String> = (0..3000).map(|i| format!("t-{i}")).collect();
        let got: Vec<&str> = streamed.topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(got, ids);

        let text = many_sources(400);
        let progress = std::sync::Arc::new(LoadProgress::default());
        super::super::progress::count_into(Some(std::sync::Arc::clone(&progress)));
        let dropping = Dropping::start(ReceivedText::Drop);
        let streamed = parse(text.as_bytes(), None).expect("accepted");
        let whole = parse_str(&text, "t.json").expect("valid");
        drop(dropping);
        super::super::progress::count_into(None);
        assert!(streamed.sources.len() >= 400);
        assert_eq!(streamed.sources, whole.sources);
        assert!(streamed.sources.iter().any(|s| s.raw == DROPPED));
        assert!(
            streamed
                .sources
                .iter()
                .all(|s| s.raw.is_empty() || s.raw == DROPPED)
        );
        // Counted by both parses: the streamed one (on two threads) and the whole one.
        assert_eq!(progress.records(), 2 * streamed.sources.len());
    }

    /// A record that is not accepted, first, in the middle or last of a list of many batches
    /// (so parsed on either thread): the streamed parse gives up, leaving the message to the
    /// whole-file parse.
    #[test]
    fn a_problem_in_any_batch_gives_up() {
        let count = 5000;
        for bad in [0, 2500, count - 1] {
            let mut text = String::from(r#"{"format": "entente-corpus/1", "topics": ["#);
            for i in 0..count {
                let parent = if i == bad { "7" } else { "\"t-0\"" };
                let comma = if i + 1 < count { "," } else { "" };
                text.push_str(&format!(
                    r#"{{"id": "t-{i}", "label": "x", "parent": {parent}}}{comma}"#
                ));
            }
            text.push_str("]}");
            let (streamed, whole) = both(&text);
            assert_eq!(streamed, None, "record {bad}");
            assert!(whole.is_err(), "record {bad}");
        }
    }
}
