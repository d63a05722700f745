//! The small fixture corpus (`tests/fixtures/small`) for unit tests: embedded, parsed and
//! validated as `--corpus tests/fixtures/small` would be, so tests do not depend on the
//! built-in record.

use crate::corpus::LoadedCorpus;
use crate::corpus::load::{merge_and_validate, parse_str};

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
