//! The built-in corpus, embedded in the binary so `entente` needs no files at run time.
//!
//! `build.rs` parses `assets/corpus/*.json` into the model at build time (a file that does not
//! parse fails the build), brings its strings to NFC, and embeds the result as MessagePack:
//! a start decodes it ([`files`]) instead of parsing JSON, then validates it as any corpus is
//! validated. [`FILES`] keeps the JSON text for what works on the files themselves (`fmt`,
//! import, tests); `decoded_files_equal_the_parsed_json` checks that the two agree.

use super::load::{LoadedCorpus, merge_and_validate};
use super::model::{Corpus, Party};
use super::problem::{Problem, Problems};

include!(concat!(env!("OUT_DIR"), "/builtin-files.rs"));

/// The built-in files as parsed at build time: (name, corpus) pairs, MessagePack.
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-corpus.msgpack"));

/// The built-in corpus's files, parsed (at build time) and decoded.
pub fn files() -> Result<Vec<(String, Corpus)>, Problems> {
    rmp_serde::from_slice(ENCODED).map_err(|e| {
        Problems(vec![Problem::in_file(
            "<built-in>",
            format!("the embedded built-in corpus does not decode: {e} (a bug: please report it)"),
        )])
    })
}

/// The parties the built-in corpus declares (EU, ROK), for corpora built in code (synthetic
/// corpora, tests) that name the same sides. Empty only if the embedded file failed to parse,
/// which the built-in corpus's own tests rule out.
pub fn parties() -> Vec<Party> {
    files()
        .unwrap_or_default()
        .into_iter()
        .flat_map(|(_, c)| c.parties)
        .collect()
}

/// Loads and validates the built-in corpus.
pub fn load() -> Result<LoadedCorpus, Problems> {
    merge_and_validate(files()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_str;

    #[test]
    fn decoded_files_equal_the_parsed_json() {
        let decoded = files().expect("the embedded corpus decodes");
        let parsed: Vec<(String, Corpus)> = FILES
            .iter()
            .map(|(name, text)| (name.to_string(), parse_str(text, name).expect("it parses")))
            .collect();
        assert_eq!(decoded.len(), FILES.len());
        assert!(decoded.iter().any(|(_, c)| !c.meetings.is_empty()));
        assert!(decoded.iter().any(|(_, c)| !c.sources.is_empty()));
        assert_eq!(decoded, parsed);
    }
}
