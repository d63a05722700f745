//! The built-in corpus, embedded in the binary so `entente` needs no files at run time.

use super::load::{LoadedCorpus, merge_and_validate, parse_str};
use super::model::Party;
use super::problem::Problems;

/// The built-in corpus files, by name, as embedded at build time.
pub const FILES: &[(&str, &str)] = &[
    // The parties sides name (EU, ROK): data, so a user's corpus can add another partner.
    (
        "<built-in>/parties.json",
        include_str!("../../assets/corpus/parties.json"),
    ),
    (
        "<built-in>/sources.json",
        include_str!("../../assets/corpus/sources.json"),
    ),
    (
        "<built-in>/names-ko.json",
        include_str!("../../assets/corpus/names-ko.json"),
    ),
    (
        "<built-in>/names-places-series.json",
        include_str!("../../assets/corpus/names-places-series.json"),
    ),
    (
        "<built-in>/meetings.json",
        include_str!("../../assets/corpus/meetings.json"),
    ),
    (
        "<built-in>/events.json",
        include_str!("../../assets/corpus/events.json"),
    ),
    (
        "<built-in>/organisations.json",
        include_str!("../../assets/corpus/organisations.json"),
    ),
    (
        "<built-in>/people.json",
        include_str!("../../assets/corpus/people.json"),
    ),
    (
        "<built-in>/topics.json",
        include_str!("../../assets/corpus/topics.json"),
    ),
    // Reference sources (known by URL, text not in the corpus) and the records of the series
    // that only they report.
    (
        "<built-in>/references.json",
        include_str!("../../assets/corpus/references.json"),
    ),
    (
        "<built-in>/series.json",
        include_str!("../../assets/corpus/series.json"),
    ),
];

/// The parties the built-in corpus declares (EU, ROK), for corpora built in code (synthetic
/// corpora, tests) that name the same sides. Empty only if the embedded file failed to parse,
/// which the built-in corpus's own tests rule out.
pub fn parties() -> Vec<Party> {
    FILES
        .iter()
        .filter(|(name, _)| name.ends_with("/parties.json"))
        .filter_map(|(name, text)| parse_str(text, name).ok())
        .flat_map(|c| c.parties)
        .collect()
}

/// Loads and validates the built-in corpus.
pub fn load() -> Result<LoadedCorpus, Problems> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in FILES {
        match parse_str(text, name) {
            Ok(c) => files.push((name.to_string(), c)),
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    merge_and_validate(files)
}
