//! The small fixture corpus (`tests/fixtures/small`) for unit tests: embedded, parsed and
//! validated as `--corpus tests/fixtures/small` would be, so tests do not depend on the
//! built-in record; and the plain records unit tests build their cases from.

use crate::corpus::load::{merge_and_validate, parse_str};
use crate::corpus::{DateFact, LoadedCorpus, Precision, Provenance, Source, SourceKind};

/// The fixture corpus, loaded.
pub(crate) fn small() -> LoadedCorpus {
    let files = [
        (
            "records.json",
            include_str!("../tests/fixtures/small/records.json"),
        ),
        (
            "sources.json",
            include_str!("../tests/fixtures/small/sources.json"),
        ),
    ];
    let parsed = files
        .iter()
        .map(|(name, text)| {
            let corpus = parse_str(text, name).unwrap_or_else(|p| panic!("{p:?}"));
            (name.to_string(), corpus)
        })
        .collect();
    merge_and_validate(parsed).unwrap_or_else(|p| panic!("the fixture is valid: {p:?}"))
}

/// A press release `id` with no side, no text and nothing optional: tests set what they need
/// with struct update syntax (`Source { side, ..source("eu") }`).
pub(crate) fn source(id: &str) -> Source {
    Source {
        id: id.into(),
        label: None,
        title: id.into(),
        publisher: None,
        url: None,
        accessed: None,
        language: "en".into(),
        kind: SourceKind::PressRelease,
        published: None,
        side: None,
        notes: vec![],
        raw: Default::default(),
        paragraphs: vec![],
    }
}

/// A stated, uncited date of `precision`, with an optional end.
pub(crate) fn stated_date(value: &str, end: Option<&str>, precision: Precision) -> DateFact {
    DateFact {
        value: value.into(),
        end: end.map(Into::into),
        precision,
        provenance: Provenance::Stated,
        how: None,
        cite: vec![],
        alternatives: Vec::new(),
        rule: None,
    }
}

/// A press release `id` speaking for `side` (or for no side).
pub(crate) fn source_on(id: &str, side: Option<crate::corpus::Side>) -> Source {
    Source { side, ..source(id) }
}
